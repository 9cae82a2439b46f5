//! Native benchmarks of the engine on the full benchmark plan (`bench/full-plan.json`) and
//! seeded synthetic monthly reps (`synthetic_monthly`), through the public `Workspace` API:
//!
//! - `set_plan/10000`: parse, validate and compile the plan against 10,000 reps;
//! - `one_period/N`: evaluate one month for N reps (a dataset holding that month only);
//! - `run/N`: the same month for a table (`Workspace::run`: no explanations, kept);
//! - `run_with_high_potential/N`: `run/N` with a high-potential rule (D6) whose flag raises the
//!   new-customer rate a point (the flag is worked out from team statistics before scoring);
//! - `signals/N`: the month's management signals (evaluation, high potentials, portraits, health);
//! - `one_period_of_12/N`: evaluate one month (2026-06) of a dataset holding 12 months;
//! - `twelve_periods/N`: evaluate each of the 12 months, one after the other.
//!
//! `cargo bench --bench evaluate` (scripts/bench.sh runs it and prints the table). Sizes can
//! be narrowed with `BENCH_SIZES=1000,10000`; `BENCH_BIG=0` leaves out the 100,000-rep ×
//! 12-month runs.
//!
//! Times are the benchmark thread's **CPU time** (`CLOCK_THREAD_CPUTIME_ID`), not wall time:
//! the machines this runs on are shared, and CPU time leaves out the time spent waiting for
//! a core. `BENCH_CLOCK=wall` measures wall time instead.

use criterion::measurement::{Measurement, ValueFormatter, WallTime};
use criterion::{BenchmarkId, Criterion, SamplingMode, Throughput};
use incentive_engine::data::synthetic_monthly;
use incentive_engine::Workspace;
use std::time::Duration;

const PLAN: &str = include_str!("../bench/full-plan.json");
const SEED: u64 = 42;

fn sizes() -> Vec<usize> {
    std::env::var("BENCH_SIZES")
        .ok()
        .map(|s| s.split(',').filter_map(|n| n.trim().parse().ok()).collect())
        .unwrap_or_else(|| vec![1_000, 10_000, 100_000])
}

fn big() -> bool {
    std::env::var("BENCH_BIG").map_or(true, |v| v != "0")
}

fn workspace(reps: usize, months: usize) -> Workspace {
    workspace_with(reps, months, PLAN)
}

/// The benchmark plan with a high-potential rule (the seed's: revenue mid-ranked,
/// satisfaction and training well above the team average) paying a rate point more.
fn plan_with_high_potential() -> String {
    let mut plan: serde_json::Value = serde_json::from_str(PLAN).expect("the benchmark plan is JSON");
    plan["signals"] = serde_json::json!({ "high_potential": { "conditions": [
        { "type": "percentile", "metric": "revenue_collected", "from": 25, "to": 75 },
        { "type": "above", "metric": "satisfaction", "stat": "average", "by": 5 },
        { "type": "above", "metric": "training_participation", "stat": "median", "by": 10 }
    ] } });
    plan["commission"][0]["rate_override"] = serde_json::json!({ "when": "high_potential", "add_pct": 1 });
    plan.to_string()
}

fn workspace_with(reps: usize, months: usize, plan: &str) -> Workspace {
    let mut ws = Workspace::new(synthetic_monthly(reps, months, SEED));
    let report = ws.set_plan_json(plan);
    assert!(report.ok && report.problems.is_empty(), "the benchmark plan must be valid: {:?}", report.problems);
    ws
}

/// CPU time of the calling thread.
struct ThreadCpu;

fn thread_cpu() -> Duration {
    let mut ts = libc::timespec { tv_sec: 0, tv_nsec: 0 };
    // SAFETY: `ts` is a valid timespec to write to; the clock id is a constant libc knows.
    unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) };
    Duration::new(ts.tv_sec as u64, ts.tv_nsec as u32)
}

static WALL: WallTime = WallTime;

impl Measurement for ThreadCpu {
    type Intermediate = Duration;
    type Value = Duration;
    fn start(&self) -> Duration {
        thread_cpu()
    }
    fn end(&self, start: Duration) -> Duration {
        thread_cpu().saturating_sub(start)
    }
    fn add(&self, a: &Duration, b: &Duration) -> Duration {
        *a + *b
    }
    fn zero(&self) -> Duration {
        Duration::ZERO
    }
    fn to_f64(&self, value: &Duration) -> f64 {
        value.as_nanos() as f64
    }
    fn formatter(&self) -> &dyn ValueFormatter {
        WALL.formatter()
    }
}

/// Samples and time for a run that takes about `per_iter` seconds.
fn configure<M: Measurement>(group: &mut criterion::BenchmarkGroup<'_, M>, per_iter: f64) {
    group.sampling_mode(SamplingMode::Flat);
    if per_iter > 0.5 {
        group.sample_size(10).warm_up_time(Duration::from_millis(1)).measurement_time(Duration::from_secs_f64(per_iter * 10.0));
    } else {
        group.sample_size(20).warm_up_time(Duration::from_millis(500)).measurement_time(Duration::from_secs_f64((per_iter * 40.0).max(2.0)));
    }
}

/// A first, untimed evaluation: checks nobody is left out, and tells how long one takes.
fn probe(ws: &Workspace, period: &str, reps: usize) -> f64 {
    let t = std::time::Instant::now();
    let e = ws.evaluate(period).expect("evaluates");
    let secs = t.elapsed().as_secs_f64();
    assert_eq!(e.reps.len(), reps, "{:?}", e.problems.first());
    secs
}

fn bench<M: Measurement>(c: &mut Criterion<M>) {
    {
        let mut group = c.benchmark_group("set_plan");
        let mut ws = workspace(10_000, 1);
        configure(&mut group, 0.01);
        group.bench_function(BenchmarkId::from_parameter(10_000), |b| b.iter(|| assert!(ws.set_plan_json(PLAN).ok)));
        group.finish();
    }
    for reps in sizes() {
        let ws = workspace(reps, 1);
        let per = probe(&ws, "2026-01", reps);
        let mut group = c.benchmark_group("one_period");
        configure(&mut group, per);
        group.throughput(Throughput::Elements(reps as u64));
        group.bench_function(BenchmarkId::from_parameter(reps), |b| b.iter(|| ws.evaluate("2026-01").unwrap()));
        group.finish();
        let mut group = c.benchmark_group("run");
        configure(&mut group, per);
        group.throughput(Throughput::Elements(reps as u64));
        group.bench_function(BenchmarkId::from_parameter(reps), |b| b.iter(|| ws.run("2026-01", false).unwrap()));
        group.finish();
        let ws = workspace_with(reps, 1, &plan_with_high_potential());
        let mut group = c.benchmark_group("run_with_high_potential");
        configure(&mut group, per);
        group.throughput(Throughput::Elements(reps as u64));
        group.bench_function(BenchmarkId::from_parameter(reps), |b| b.iter(|| ws.run("2026-01", false).unwrap()));
        group.finish();
        let mut group = c.benchmark_group("signals");
        configure(&mut group, per * 2.0);
        group.throughput(Throughput::Elements(reps as u64));
        group.bench_function(BenchmarkId::from_parameter(reps), |b| b.iter(|| ws.signals("2026-01").unwrap()));
        group.finish();
    }
    for reps in sizes() {
        if reps >= 100_000 && !big() {
            continue;
        }
        let ws = workspace(reps, 12);
        let periods = ws.data().periods.clone();
        let per = probe(&ws, "2026-06", reps);
        let mut group = c.benchmark_group("one_period_of_12");
        configure(&mut group, per);
        group.throughput(Throughput::Elements(reps as u64));
        group.bench_function(BenchmarkId::from_parameter(reps), |b| b.iter(|| ws.evaluate("2026-06").unwrap()));
        group.finish();
        let mut group = c.benchmark_group("twelve_periods");
        configure(&mut group, per * 12.0);
        group.throughput(Throughput::Elements(12 * reps as u64));
        group.bench_function(BenchmarkId::from_parameter(reps), |b| {
            b.iter(|| {
                for p in &periods {
                    ws.evaluate(p).unwrap();
                }
            })
        });
        group.finish();
    }
}

fn main() {
    if std::env::var("BENCH_CLOCK").as_deref() == Ok("wall") {
        let mut c = Criterion::default().configure_from_args();
        bench(&mut c);
        c.final_summary();
    } else {
        let mut c = Criterion::default().with_measurement(ThreadCpu).configure_from_args();
        bench(&mut c);
        c.final_summary();
    }
}
