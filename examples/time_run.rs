//! Times `Workspace::run` (a table's evaluation: no explanations, results kept) and
//! `Workspace::evaluate` on the benchmark plan over seeded synthetic reps, natively: a quick
//! loop for measuring a change before the full benchmarks (`scripts/bench.sh`).
//!
//! `cargo run --release --example time_run -- [REPS] [RUNS]` (defaults 10000 and 15);
//! `TIME_EVALUATE=1` also times `evaluate`, `TIME_SET_PLAN=1` setting the plan,
//! `TIME_REP_RESULT=1` one rep's explained result out of a run (`repResult`).

use incentive_engine::data::synthetic_monthly;
use incentive_engine::Workspace;
use std::time::Instant;

fn main() {
    let mut args = std::env::args().skip(1).map(|a| a.parse::<usize>().expect("REPS RUNS: whole numbers"));
    let reps = args.next().unwrap_or(10_000);
    let runs = args.next().unwrap_or(15).max(1);
    let mut ws = Workspace::new(synthetic_monthly(reps, 1, 42));
    let report = ws.set_plan_json(include_str!("../bench/full-plan.json"));
    assert!(report.ok, "the benchmark plan must be valid: {:?}", report.problems);
    let median = |mut times: Vec<f64>| {
        times.sort_by(f64::total_cmp);
        times[times.len() / 2]
    };
    let time = |f: &mut dyn FnMut()| {
        median((0..runs).map(|_| {
            let start = Instant::now();
            f();
            start.elapsed().as_secs_f64() * 1e3
        }).collect())
    };
    let run = time(&mut || drop(ws.run("2026-01", false).expect("run")));
    println!("{reps} reps, median of {runs}: run {run:.2} ms ({:.2} µs/rep)", run * 1e3 / reps as f64);
    if std::env::var_os("TIME_EVALUATE").is_some() {
        let evaluate = time(&mut || drop(ws.evaluate("2026-01").expect("evaluate")));
        println!("evaluate {evaluate:.2} ms");
    }
    if std::env::var_os("TIME_REP_RESULT").is_some() {
        let table = ws.run("2026-01", false).expect("run");
        let id = ws.data().reps[reps / 2].id.to_string();
        let rep_result = time(&mut || drop(table.rep_result(ws.data(), &id).expect("rep_result")));
        println!("rep_result {rep_result:.2} ms");
    }
    if std::env::var_os("TIME_SET_PLAN").is_some() {
        let set_plan = time(&mut || drop(ws.set_plan_json(include_str!("../bench/full-plan.json"))));
        println!("set_plan {set_plan:.3} ms");
    }
}
