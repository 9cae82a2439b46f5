//! Synthetic reps for benchmarks and scale tests: any number of reps over any number of
//! quarters, with the sample data's columns (so every preset runs on them), drawn from a
//! seeded generator so the same arguments always give the same data. Integer arithmetic
//! only: every figure is a whole number or has one decimal.

use super::{Dataset, Rep, Row};
use rust_decimal::Decimal;

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

fn dec(n: i64) -> Option<Decimal> {
    Some(Decimal::from(n))
}

/// `reps` reps over `quarters` quarters of 2026 onwards (at most 12), from `seed`.
pub fn synthetic_dataset(reps: usize, quarters: usize, seed: u64) -> Dataset {
    let quarters = quarters.clamp(1, 12);
    let mut rng = Rng(seed);
    let periods: Vec<String> = (0..quarters).map(|q| format!("{}-Q{}", 2026 + q / 4, q % 4 + 1)).collect();
    let mut data = Dataset { columns: COLUMNS.iter().map(|c| c.to_string()).collect(), periods, ..Dataset::default() };
    let headcount = |region: usize| i64::try_from(reps.div_ceil(4) - usize::from(region >= reps % 4 && reps % 4 != 0)).unwrap_or(1);
    for i in 0..reps {
        let region = i % 4;
        let role = match (i / 4) % 8 {
            0..=3 => "new_business",
            4..=6 => "account_manager",
            _ => "regional_manager",
        };
        data.reps.push(Rep {
            id: format!("R{:06}", i + 1),
            name: format!("Rep {}", i + 1),
            name_zh: format!("销售{}", i + 1),
            region: REGIONS[region].0.to_string(),
            role: role.to_string(),
        });
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
            let mut row: Vec<Option<Decimal>> = values.iter().map(|v| dec(*v)).collect();
            row[12] = Some(Decimal::new(values[12], 1)); // response hours, one decimal: 0.8–4.5
            data.rows.push(Row { rep: i, period, values: row });
        }
    }
    data
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Workspace, presets::PRESETS};

    #[test]
    fn the_same_seed_gives_the_same_data_and_every_preset_runs_on_it() {
        let a = synthetic_dataset(100, 4, 7);
        assert_eq!(a, synthetic_dataset(100, 4, 7));
        assert_ne!(a, synthetic_dataset(100, 4, 8));
        assert_eq!((a.reps.len(), a.rows.len(), a.periods.len()), (100, 400, 4));
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
}
