//! Any text as an adjustments (returned revenue) CSV against the sample reps; what loads is
//! settled by the sample plan (clawbacks) and by a plan with a recoverable draw.
#![no_main]
use incentive_engine_fuzz::{exercise, sample_workspace, text};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let csv = text(data);
    let mut ws = sample_workspace();
    match ws.load_adjustments(&csv) {
        Ok(problems) => {
            for p in &problems {
                assert!(!p.message.en.is_empty() && !p.message.zh.is_empty(), "{p:?}");
            }
        }
        Err(problems) => {
            assert!(!problems.is_empty());
            return;
        }
    }
    let choice = data.len() as u8;
    exercise(&ws, choice);
    let plan = incentive_engine::presets::preset("target-oriented").unwrap().json;
    let mut with_draw: serde_json::Value = serde_json::from_str(plan).unwrap();
    with_draw["draw"] = serde_json::json!({ "amount": 20000, "recoverable": true });
    if ws.set_plan_json(&with_draw.to_string()).ok {
        exercise(&ws, choice.wrapping_add(1));
    }
});
