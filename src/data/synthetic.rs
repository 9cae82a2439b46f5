//! Synthetic reps for benchmarks and scale tests: any number of reps over quarters
//! ([`synthetic_dataset`]) or months ([`synthetic_monthly`]), with the sample data's columns
//! (so every preset runs on them), drawn from a seeded generator so the same arguments always
//! give the same data. Integer arithmetic only: every figure is a whole number or has one
//! decimal. [`dataset_csv`] writes a dataset back as a data file (for the JavaScript baselines
//! of the benchmarks, and for loading the same reps through `Engine.fromCsv`).

use super::{Dataset, Rep};
use crate::label::LabelSet;
use rust_decimal::Decimal;
use std::fmt::Write as _;

/// SplitMix64: a small, well-known deterministic generator.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A whole number from `lo` to `hi` inclusive.
    fn range(&mut self, lo: i64, hi: i64) -> i64 {
        let span = u64::try_from(hi - lo + 1).unwrap_or(1).max(1);
        lo + i64::try_from(self.next() % span).unwrap_or(0)
    }
}

const REGIONS: [(&str, i64, i64); 4] = [("East", 1_200_000, 1), ("South", 1_000_000, 1), ("Southwest", 800_000, 2), ("Northwest", 700_000, 3)];
const COLUMNS: [&str; 33] = [
    "city_tier", "revenue_target", "revenue_booked", "revenue_collected", "revenue_new", "revenue_existing", "new_customers", "visits",
    "existing_customers", "repurchasing_customers", "upsell_revenue", "receivable", "response_hours", "teamwork_rating", "violations",
    "product_test", "negotiation", "training_hours", "nps", "rating_superior", "rating_customer", "rating_peer", "followup_rate",
    "region_revenue", "region_target", "market_size", "region_headcount", "big_contracts", "complaints", "praise", "innovation",
    "satisfaction", "training_participation",
];

/// Rep `i`: regions in turn, roles in blocks (half new business, 3/8 account managers, 1/8
/// regional managers). Returns its region's index and its role.
fn push_rep(data: &mut Dataset, names: &mut LabelSet, i: usize) -> (usize, &'static str) {
    let region = i % 4;
    let role = match (i / 4) % 8 {
        0..=3 => "new_business",
        4..=6 => "account_manager",
        _ => "regional_manager",
    };
    data.reps.push(Rep::new(format!("R{:06}", i + 1).into(), &format!("Rep {}", i + 1), &format!("销售{}", i + 1), names.get(REGIONS[region].0), names.get(role)));
    (region, role)
}

/// How many of `reps` reps are in `region` (reps are dealt to the regions in turn).
fn headcount(reps: usize, region: usize) -> i64 {
    i64::try_from(reps.div_ceil(4) - usize::from(region >= reps % 4 && reps % 4 != 0)).unwrap_or(1)
}

/// A row of whole numbers in `COLUMNS` order; the response hours (column 12) are tenths.
fn push_row(data: &mut Dataset, rep: usize, period: usize, values: &[i64; COLUMNS.len()]) {
    // Response hours (column 12) have one decimal: 0.8–4.5.
    let row = values.iter().enumerate().map(|(i, v)| Some(if i == 12 { Decimal::new(*v, 1) } else { Decimal::from(*v) }));
    data.push_row(rep, period, row);
}

/// `reps` reps over `quarters` quarters of 2026 onwards (at most 12), from `seed`.
pub fn synthetic_dataset(reps: usize, quarters: usize, seed: u64) -> Dataset {
    let quarters = quarters.clamp(1, 12);
    let mut rng = Rng(seed);
    let periods: Vec<String> = (0..quarters).map(|q| format!("{}-Q{}", 2026 + q / 4, q % 4 + 1)).collect();
    let mut data = Dataset::with_columns(COLUMNS.iter().map(|c| c.to_string()).collect(), periods);
    let headcount = |region: usize| headcount(reps, region);
    let mut names = LabelSet::default();
    for i in 0..reps {
        let (region, role) = push_rep(&mut data, &mut names, i);
        // Each rep has a skill (60–140% of target) that varies a little from period to period.
        let skill = rng.range(60, 140);
        for period in 0..quarters {
            let (_, base_target, tier) = REGIONS[region];
            let target = match role {
                "regional_manager" => 500_000,
                "account_manager" => base_target * 9 / 10,
                _ => base_target,
            };
            let pct = (skill + rng.range(-12, 12)).max(20);
            let booked = target * pct / 100 / 1000 * 1000;
            let collected = booked * rng.range(85, 100) / 100 / 1000 * 1000;
            let new_share = if role == "new_business" { rng.range(70, 90) } else { rng.range(5, 40) };
            let revenue_new = collected * new_share / 100 / 1000 * 1000;
            let visits = rng.range(20, 55);
            let existing = rng.range(5, 60);
            let values = [
                tier, target, booked, collected, revenue_new, collected - revenue_new,
                visits * rng.range(2, 22) / 100, visits, existing, existing * rng.range(50, 95) / 100,
                collected * rng.range(0, 30) / 100 / 1000 * 1000, collected * 100 / rng.range(86, 99) / 1000 * 1000,
                rng.range(8, 45), rng.range(70, 95), rng.range(0, 2), rng.range(65, 99), rng.range(65, 95), rng.range(8, 24),
                rng.range(70, 92), rng.range(60, 95), rng.range(68, 95), rng.range(68, 92), rng.range(60, 92),
                base_target * 6, base_target * 7, base_target * 20, headcount(region),
                rng.range(0, 2), rng.range(0, 2), rng.range(0, 3), rng.range(0, 1), rng.range(78, 92), rng.range(55, 100),
            ];
            push_row(&mut data, i, period, &values);
        }
    }
    data.shrink_to_fit();
    data
}

/// `reps` reps over `months` months of 2026 onwards (at most 24: `2026-01` … `2027-12`),
/// from `seed`. Figures are a month's worth (a third of a quarter's targets, revenue and
/// activity counts); the region figures vary from month to month.
///
/// Each rep draws from its own generator (seeded from `seed` and its index), so month `m`
/// of a rep is the same whatever `months` is: the first month of a 12-month dataset is the
/// 1-month dataset of the same reps and seed.
pub fn synthetic_monthly(reps: usize, months: usize, seed: u64) -> Dataset {
    let months = months.clamp(1, 24);
    let periods: Vec<String> = (0..months).map(|m| format!("{}-{:02}", 2026 + m / 12, m % 12 + 1)).collect();
    let mut data = Dataset::with_columns(COLUMNS.iter().map(|c| c.to_string()).collect(), periods);
    let headcount = |region: usize| headcount(reps, region);
    // Each region's revenue moves month by month (88–115% of its monthly base), the same for all its reps.
    let region_pct: Vec<Vec<i64>> = (0..4u64)
        .map(|region| {
            let mut rng = Rng(seed ^ 0xA076_1D64_78BD_642F_u64.wrapping_mul(region + 1));
            (0..months).map(|_| rng.range(88, 115)).collect()
        })
        .collect();
    data.reps.reserve(reps);
    let mut names = LabelSet::default();
    for i in 0..reps {
        let (region, role) = push_rep(&mut data, &mut names, i);
        let mut rng = Rng(seed ^ (i as u64 + 1).wrapping_mul(0xD1B5_4A32_D192_ED03));
        let skill = rng.range(55, 145);
        let (_, base_target, tier) = REGIONS[region];
        let monthly_base = base_target / 3;
        let target = match role {
            "regional_manager" => 170_000,
            "account_manager" => monthly_base * 9 / 10 / 1000 * 1000,
            _ => monthly_base / 1000 * 1000,
        };
        for (period, region_pct) in region_pct[region].iter().enumerate() {
            let pct = (skill + rng.range(-20, 20)).max(15);
            let booked = target * pct / 100 / 1000 * 1000;
            let collected = booked * rng.range(84, 100) / 100 / 1000 * 1000;
            let new_share = if role == "new_business" { rng.range(70, 90) } else { rng.range(5, 40) };
            let revenue_new = collected * new_share / 100 / 1000 * 1000;
            let visits = rng.range(7, 19);
            let existing = rng.range(5, 60);
            let region_revenue = monthly_base * 6 * region_pct / 100 / 1000 * 1000;
            let values = [
                tier, target, booked, collected, revenue_new, collected - revenue_new,
                visits * rng.range(5, 30) / 100, visits, existing, existing * rng.range(50, 95) / 100,
                collected * rng.range(0, 30) / 100 / 1000 * 1000, collected * 100 / rng.range(86, 99) / 1000 * 1000,
                rng.range(8, 45), rng.range(70, 95), rng.range(0, 1), rng.range(65, 99), rng.range(65, 95), rng.range(2, 8),
                rng.range(70, 95), rng.range(60, 95), rng.range(68, 95), rng.range(68, 92), rng.range(60, 92),
                region_revenue, monthly_base * 7, monthly_base * 20, headcount(region),
                rng.range(0, 1), rng.range(0, 1), rng.range(0, 2), rng.range(0, 1), rng.range(78, 92), rng.range(55, 100),
            ];
            push_row(&mut data, i, period, &values);
        }
    }
    data.shrink_to_fit();
    data
}

/// The dataset as a data file (CSV with a header; the columns `rep_id`, `name`, `name_zh`,
/// `region`, `role`, `period`, then the numeric columns), rows in dataset order; blank cells
/// for missing values. Loading it with [`crate::load_csv`] gives the same reps, periods and
/// figures. Names are written as they are: they must not hold commas, quotes or line breaks
/// (synthetic names never do).
pub fn dataset_csv(data: &Dataset) -> String {
    let mut out = String::with_capacity(64 + data.row_count() * (40 + 8 * data.columns.len()));
    out.push_str("rep_id,name,name_zh,region,role,period");
    for c in &data.columns {
        out.push(',');
        out.push_str(c);
    }
    out.push('\n');
    for row in data.rows() {
        let rep = &data.reps[row.rep];
        let _ = write!(out, "{},{},{},{},{},{}", rep.id, rep.name(), rep.name_zh(), rep.region, rep.role, data.periods[row.period]);
        for v in row.values() {
            out.push(',');
            if let Some(v) = v {
                let _ = write!(out, "{v}");
            }
        }
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dec(n: i64) -> Option<Decimal> {
        Some(Decimal::from(n))
    }
    use crate::{Workspace, presets::PRESETS};

    #[test]
    fn the_same_seed_gives_the_same_data_and_every_preset_runs_on_it() {
        let a = synthetic_dataset(100, 4, 7);
        assert_eq!(a, synthetic_dataset(100, 4, 7));
        assert_ne!(a, synthetic_dataset(100, 4, 8));
        assert_eq!((a.reps.len(), a.row_count(), a.periods.len()), (100, 400, 4));
        assert_eq!(a.columns.len(), COLUMNS.len());
        for preset in PRESETS {
            let mut ws = Workspace::new(a.clone());
            let report = ws.set_plan_json(preset.json);
            assert!(report.ok, "{}: {:?}", preset.id, report.problems);
            let e = ws.evaluate("2026-Q4").unwrap();
            assert_eq!(e.reps.len() + e.problems.len(), 100, "{}", preset.id);
            assert!(e.problems.is_empty(), "{}: {:?}", preset.id, e.problems.first());
        }
    }

    #[test]
    fn quarters_are_as_before() {
        // The quarterly generator's output is fixed (benchmarks and the playground rely on it).
        let a = synthetic_dataset(8, 4, 42);
        assert_eq!(a.rows().next().unwrap().values().skip(1).take(3).collect::<Vec<_>>(), [dec(1_200_000), dec(1_320_000), dec(1_148_000)]);
        assert_eq!(a.row(31).unwrap().value(3), dec(692_000));
    }

    #[test]
    fn months_are_deterministic_and_each_month_independent_of_the_count() {
        let a = synthetic_monthly(50, 12, 7);
        assert_eq!(a, synthetic_monthly(50, 12, 7));
        assert_ne!(a, synthetic_monthly(50, 12, 8));
        assert_eq!((a.reps.len(), a.row_count()), (50, 600));
        assert_eq!(a.periods.first().map(String::as_str), Some("2026-01"));
        assert_eq!(a.periods.last().map(String::as_str), Some("2026-12"));
        let one = synthetic_monthly(50, 1, 7);
        let firsts: Vec<_> = a.rows_in(0).collect();
        assert_eq!(firsts, one.rows().collect::<Vec<_>>());
    }

    #[test]
    fn the_csv_loads_back_to_the_same_dataset() {
        let a = synthetic_monthly(20, 3, 1);
        let loaded = crate::load_csv(&dataset_csv(&a)).unwrap();
        assert!(loaded.problems.is_empty());
        assert_eq!(loaded.dataset, a);
    }

    #[test]
    fn the_benchmark_plan_is_valid_on_monthly_data_and_leaves_nobody_out() {
        let mut ws = Workspace::new(synthetic_monthly(400, 12, 42));
        let report = ws.set_plan_json(include_str!("../../bench/full-plan.json"));
        assert!(report.ok && report.problems.is_empty(), "{:?}", report.problems);
        for period in ["2026-01", "2026-07", "2026-12"] {
            let e = ws.evaluate(period).unwrap();
            assert_eq!(e.reps.len(), 400, "{period}: {:?}", e.problems.first());
            assert!(e.warnings.is_empty(), "{period}: {:?}", e.warnings.first());
        }
    }
}
