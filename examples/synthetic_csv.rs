//! Writes seeded synthetic monthly reps as a data file (CSV), for the JavaScript side of the
//! benchmarks (scripts/bench.sh): the wasm engine loads it with `Engine.fromCsv`, the
//! baselines in bench/ parse it, so all of them evaluate the very same reps.
//!
//! `cargo run --release --example synthetic_csv -- REPS MONTHS SEED > reps.csv`

fn main() {
    let args: Vec<usize> = std::env::args().skip(1).map(|a| a.parse().expect("REPS MONTHS SEED: whole numbers")).collect();
    let [reps, months, seed] = args[..] else {
        eprintln!("usage: synthetic_csv REPS MONTHS SEED");
        std::process::exit(2);
    };
    let data = incentive_engine::data::synthetic_monthly(reps, months, seed as u64);
    print!("{}", incentive_engine::data::dataset_csv(&data));
}
