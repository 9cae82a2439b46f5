//! Writes every figure the engine gives for the benchmark plan and each preset over seeded
//! synthetic reps, 12 months: each month's explained evaluation, year to date, signals and a
//! table's columns, one JSON (or debug) line each. Run it before and after a change made for
//! speed or size and compare the files: they must be identical byte for byte.
//!
//! `cargo run --release --example dump_figures -- OUT_FILE` (about 470 MB).

use incentive_engine::data::{synthetic_monthly, Dataset};
use incentive_engine::presets::PRESETS;
use incentive_engine::{sample_dataset, Workspace};
use std::io::Write;

fn main() {
    let path = std::env::args().nth(1).expect("OUT_FILE");
    let mut out = std::io::BufWriter::new(std::fs::File::create(path).expect("OUT_FILE can be written"));
    let mut cases: Vec<(&str, Dataset)> = vec![(include_str!("../bench/full-plan.json"), synthetic_monthly(1500, 12, 7))];
    for preset in PRESETS {
        cases.push((preset.json, sample_dataset()));
        cases.push((preset.json, synthetic_monthly(400, 12, 7)));
    }
    for (plan, data) in cases {
        let periods = data.periods.clone();
        let mut ws = Workspace::new(data);
        let report = ws.set_plan_json(plan);
        writeln!(out, "{}", serde_json::to_string(&report).expect("JSON")).expect("written");
        if !report.ok {
            continue;
        }
        for p in &periods {
            writeln!(out, "{}", serde_json::to_string(&ws.evaluate(p)).expect("JSON")).expect("written");
            writeln!(out, "{}", serde_json::to_string(&ws.evaluate_ytd(p)).expect("JSON")).expect("written");
            writeln!(out, "{}", serde_json::to_string(&ws.signals(p)).expect("JSON")).expect("written");
            for ytd in [false, true] {
                match ws.run(p, ytd) {
                    Ok(table) => writeln!(out, "{:?}", table.columns()),
                    Err(problem) => writeln!(out, "{problem:?}"),
                }
                .expect("written");
            }
        }
    }
}
