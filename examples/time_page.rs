//! Times, natively, what the playground asks the engine for on every edit: the period's
//! evaluation with its signals, without explanations or parts (`evaluateWithSignals(period,
//! false, undefined, false)`), and every rep's result written as the JSON that crosses into
//! JavaScript; and a table's `run` beside it. On `Engine.synthetic`'s data (seeded, four
//! quarters) with a preset: a quick loop for measuring a change before the page's benchmark.
//!
//! `cargo run --release --example time_page -- [PRESET] [REPS] [RUNS]` (defaults
//! `target-oriented`, 10000 and 3); under `valgrind --tool=callgrind` for instruction counts.
//! `TIME_OPEN=1`: with the middle rep's statement open (its parts and portrait kept).
//! `TIME_YTD=1`: year to date up to the last quarter instead (`evaluateYtd`, no signals).

use incentive_engine::data::synthetic_dataset;
use incentive_engine::{Shown, Workspace};
use std::time::Instant;

fn main() {
    let mut args = std::env::args().skip(1);
    let preset = args.next().unwrap_or_else(|| "target-oriented".into());
    let mut numbers = args.map(|a| a.parse::<usize>().expect("PRESET REPS RUNS: REPS and RUNS whole numbers"));
    let (reps, runs) = (numbers.next().unwrap_or(10_000), numbers.next().unwrap_or(3));
    let plan = incentive_engine::presets::preset(&preset).unwrap_or_else(|| panic!("no preset `{preset}`"));
    let mut ws = Workspace::new(synthetic_dataset(reps, 4, 42));
    assert!(ws.set_plan_json(plan.json).ok, "the preset must be valid");
    let ytd = std::env::var_os("TIME_YTD").is_some();
    let period = if ytd { ws.data().periods.last() } else { ws.data().periods.first() }.expect("four quarters").clone();
    let open = std::env::var_os("TIME_OPEN").map(|_| ws.data().reps.get(reps / 2).expect("TIME_OPEN: at least one rep").id.to_string());
    let lean = Shown { explain: false, parts: false, rep: open.as_deref() };
    for _ in 0..runs {
        let start = Instant::now();
        drop(ws.run(&period, false).expect("run"));
        let run = start.elapsed().as_secs_f64() * 1e3;
        let start = Instant::now();
        let evaluation = if ytd { ws.evaluate_ytd_detail(&period, lean) } else { ws.evaluate_with_signals_detail(&period, lean).map(|b| b.evaluation) }.expect("evaluate");
        let evaluate = start.elapsed().as_secs_f64() * 1e3;
        let start = Instant::now();
        let mut json = String::new();
        for rep in &evaluation.reps {
            incentive_engine::evaluate::push_rep(&mut json, rep).expect("JSON");
        }
        let write = start.elapsed().as_secs_f64() * 1e3;
        let what = if ytd { "year to date" } else { "evaluation with signals" };
        println!("{preset}, {reps} reps: run of {period} {run:.1} ms; {what} {evaluate:.1} ms; reps' JSON {write:.1} ms ({} B)", json.len());
    }
}
