//! Any text as a reps CSV; data that loads is evaluated with the sample plan and the
//! target-oriented preset (full pay: base by city tier, bonuses, pools, streaks).
#![no_main]
use incentive_engine::{load_csv, presets, Workspace};
use incentive_engine_fuzz::{exercise, text};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let csv = text(data);
    let Ok(loaded) = load_csv(&csv) else { return };
    for p in &loaded.problems {
        // Rows left out are errors; a cell that is not a number, read as blank, a warning.
        assert!((p.is_error() || p.code == "not_a_number" || p.code == "negative_value") && !p.message.en.is_empty() && !p.message.zh.is_empty(), "{p:?}");
    }
    let mut ws = Workspace::new(loaded.dataset);
    for id in ["saas-target", "target-oriented"] {
        let plan = presets::preset(id).unwrap().json;
        if ws.set_plan_json(plan).ok {
            ws.pin_baseline();
            exercise(&ws, data.len() as u8);
        }
    }
});
