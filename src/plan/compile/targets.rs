//! Named targets resolved against the data: each rep's base value (rep > region > role >
//! default), the split of an annual figure over the year's periods, and per-period overrides
//! (most specific wins: rep > region > role > everyone).

use crate::data::Dataset;
use crate::plan::{PeriodKind, RoundingMode, Split, Target, TargetBasis};
use crate::problem::Problem;
use rust_decimal::Decimal;
use rustc_hash::FxHashMap;

/// A target ready to look up for any rep and period of the data.
#[derive(Debug, Clone, PartialEq)]
pub struct CompiledTarget {
    /// The base figure of each rep (by data rep index): annual or per period.
    per_rep: Vec<Decimal>,
    /// For an annual target: each period's share of the year, as fractions adding to 1.
    shares: Option<Vec<Decimal>>,
    /// (rep, data period) → value, from the overrides.
    overrides: FxHashMap<(usize, usize), Decimal>,
    money_scale: u32,
    mode: RoundingMode,
}

impl CompiledTarget {
    /// The target of `rep` in data period `period`, which is period `index` of its year.
    /// An annual figure is split by share and rounded to the money scale; the year's last
    /// period takes the remainder, so the periods add up to the annual figure exactly.
    pub fn value(&self, rep: usize, period: usize, index: usize) -> Decimal {
        if let Some(v) = self.overrides.get(&(rep, period)) {
            return *v;
        }
        let base = self.per_rep[rep];
        let Some(shares) = &self.shares else { return base };
        let part = |share: Decimal| self.mode.apply(base * share, self.money_scale); // ok: base ≤ 10^15 and share ≤ 1
        if index + 1 < shares.len() {
            part(shares[index])
        } else {
            shares[..index].iter().fold(base, |left, s| left - part(*s))
        }
    }
}

/// How specific an override is: (who, period kind, `from` order); the greatest wins.
type Precedence = (u8, u8, i64);

/// Resolves `target` (at `path`) against the data, whose periods are of `kind`; unknown
/// roles, regions and reps are errors, override periods the data does not have are warnings.
pub fn compile_target(target: &Target, path: &str, data: &Dataset, kind: PeriodKind, (money_scale, mode): (u32, RoundingMode), problems: &mut Vec<Problem>) -> CompiledTarget {
    let per_year = kind.per_year();
    let ordinal = |name: &str| kind.parse(name).map(|(y, i)| i64::from(y) * per_year as i64 + i as i64);
    let known = |field: &str, map_keys: Vec<&String>, values: &dyn Fn(&str) -> bool, problems: &mut Vec<Problem>| {
        for key in map_keys {
            if !values(key) {
                problems.push(unknown_id(&format!("{path}.{field}.{key}"), key, field));
            }
        }
    };
    known("by_role", target.by_role.keys().collect(), &|k| data.reps.iter().any(|r| r.role == k), problems);
    known("by_region", target.by_region.keys().collect(), &|k| data.reps.iter().any(|r| r.region == k), problems);
    known("by_rep", target.by_rep.keys().collect(), &|k| data.reps.iter().any(|r| r.id == k), problems);

    let per_rep = data
        .reps
        .iter()
        .map(|r| *target.by_rep.get(r.id.as_str()).or_else(|| target.by_region.get(r.region.as_str())).or_else(|| target.by_role.get(r.role.as_str())).unwrap_or(&target.default))
        .collect();
    let shares = match (target.basis, &target.split) {
        (TargetBasis::PerPeriod, _) => None,
        (TargetBasis::Annual, Split::Even) => Some(vec![Decimal::ONE / Decimal::from(per_year); per_year]),
        (TargetBasis::Annual, Split::Shares(s)) => Some(s.iter().map(|p| *p / Decimal::ONE_HUNDRED).collect()),
    };

    // Which override wins for a rep and period: the most specific reps (rep > region > role >
    // everyone), then a single period over a `from`, then the latest `from`, then the later entry.
    let mut overrides: FxHashMap<(usize, usize), (Precedence, Decimal)> = FxHashMap::default();
    for (o, ov) in target.overrides.iter().enumerate() {
        let opath = format!("{path}.overrides[{o}]");
        let periods: Vec<(usize, (u8, i64))> = match (&ov.period, &ov.from) {
            (Some(name), _) => match data.period_index(name) {
                Some(p) => vec![(p, (1, 0))],
                // A name not of the plan's kind is an error already (`period_name`).
                None if kind.parse(name).is_none() => Vec::new(),
                None => {
                    problems.push(Problem::warning(
                        "override_period_not_in_data",
                        format!("{opath}.period"),
                        Some(name.clone()),
                        format!("the data has no period {name}, so this override is not used"),
                        format!("数据中没有期间 {name}，此单独设定的目标未被使用"),
                    ));
                    Vec::new()
                }
            },
            (None, Some(from)) => {
                let Some(start) = ordinal(from) else { continue };
                (0..data.periods.len()).filter_map(|p| ordinal(&data.periods[p]).filter(|o| *o >= start).map(|_| (p, (0, start)))).collect()
            }
            (None, None) => continue,
        };
        let (specificity, field, key): (u8, &str, Option<&String>) = match (&ov.rep, &ov.region, &ov.role) {
            (Some(rep), _, _) => (3, "rep", Some(rep)),
            (_, Some(region), _) => (2, "region", Some(region)),
            (_, _, Some(role)) => (1, "role", Some(role)),
            _ => (0, "", None),
        };
        let matches = |r: &crate::data::Rep| match specificity {
            3 => key.is_some_and(|k| r.id == *k),
            2 => key.is_some_and(|k| r.region == *k),
            1 => key.is_some_and(|k| r.role == *k),
            _ => true,
        };
        let mut any = false;
        for (i, rep) in data.reps.iter().enumerate() {
            if !matches(rep) {
                continue;
            }
            any = true;
            for &(period, (exact, from)) in &periods {
                let rank = (specificity, exact, from);
                let slot = overrides.entry((i, period)).or_insert((rank, ov.value));
                if rank >= slot.0 {
                    *slot = (rank, ov.value);
                }
            }
        }
        if let (false, Some(key)) = (any, key) {
            problems.push(unknown_id(&format!("{opath}.{field}"), key, field));
        }
    }
    CompiledTarget { per_rep, shares, overrides: overrides.into_iter().map(|(k, (_, v))| (k, v)).collect(), money_scale, mode }
}

pub(super) fn unknown_id(path: &str, key: &str, field: &str) -> Problem {
    let what = field.trim_start_matches("by_");
    let zh = match what {
        "role" => "岗位",
        "region" => "区域",
        _ => "销售人员",
    };
    Problem::error(
        "unknown_id",
        path,
        Some(key.to_string()),
        format!("there is no {what} `{key}` in the data"),
        format!("数据中没有{zh} `{key}`"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::load_csv;
    use crate::plan::TargetOverride;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    fn data() -> Dataset {
        let csv = "rep_id,name,region,role,period,x\nE1,A,East,nb,2026-Q1,1\nE1,A,East,nb,2026-Q4,1\nW1,B,Southwest,nb,2026-Q1,1\nW1,B,Southwest,nb,2026-Q4,1\n";
        load_csv(csv).unwrap().dataset
    }

    fn target(json: serde_json::Value) -> Target {
        serde_json::from_value(json).unwrap()
    }

    #[test]
    fn annual_split_evenly_or_by_shares_adds_up_exactly() {
        let data = data();
        let mut problems = Vec::new();
        let t = target(serde_json::json!({ "id": "t", "basis": "annual", "default": "1000000" }));
        let c = compile_target(&t, "targets[0]", &data, PeriodKind::Month, (2, RoundingMode::HalfUp), &mut problems);
        let months: Vec<Decimal> = (0..12).map(|m| c.value(0, 0, m)).collect();
        assert_eq!(months[0], d("83333.33"));
        assert_eq!(months[11], d("83333.37"));
        assert_eq!(months.iter().sum::<Decimal>(), d("1000000"));
        let t = target(serde_json::json!({ "id": "t", "basis": "annual", "default": "4000000", "split": { "shares": [20, 25, 25, 30] } }));
        let c = compile_target(&t, "targets[0]", &data, PeriodKind::Quarter, (2, RoundingMode::HalfUp), &mut problems);
        let quarters: Vec<Decimal> = (0..4).map(|q| c.value(0, 0, q)).collect();
        assert_eq!(quarters, [d("800000"), d("1000000"), d("1000000"), d("1200000")]);
        assert!(problems.is_empty());
    }

    #[test]
    fn region_and_rep_values_and_the_most_specific_override_win() {
        let data = data();
        let mut problems = Vec::new();
        let mut t = target(serde_json::json!({
            "id": "t", "default": "1000000", "by_region": { "Southwest": "800000" }, "by_rep": { "E1": "1200000" }
        }));
        t.overrides = vec![
            TargetOverride { period: Some("2026-Q4".into()), from: None, role: None, region: Some("Southwest".into()), rep: None, value: d("750000") },
            TargetOverride { period: Some("2026-Q4".into()), from: None, role: None, region: None, rep: None, value: d("900000") },
        ];
        let c = compile_target(&t, "targets[0]", &data, PeriodKind::Quarter, (2, RoundingMode::HalfUp), &mut problems);
        assert!(problems.is_empty(), "{problems:?}");
        let q4 = data.period_index("2026-Q4").unwrap();
        assert_eq!(c.value(0, 0, 0), d("1200000")); // E1 by rep
        assert_eq!(c.value(1, 0, 0), d("800000")); // W1 by region
        assert_eq!(c.value(1, q4, 3), d("750000")); // region override beats the everyone override
        assert_eq!(c.value(0, q4, 3), d("900000")); // E1 gets the everyone override in Q4
    }

    #[test]
    fn unknown_ids_are_errors_and_missing_periods_warnings() {
        let data = data();
        let mut problems = Vec::new();
        let mut t = target(serde_json::json!({ "id": "t", "default": "1", "by_region": { "Esat": "2" } }));
        t.overrides = vec![TargetOverride { period: Some("2026-Q2".into()), from: None, role: None, region: None, rep: None, value: d("3") }];
        compile_target(&t, "targets[0]", &data, PeriodKind::Quarter, (2, RoundingMode::HalfUp), &mut problems);
        let got: Vec<(&str, &str, bool)> = problems.iter().map(|p| (p.code, p.path.as_str(), p.is_error())).collect();
        assert_eq!(got, [("unknown_id", "targets[0].by_region.Esat", true), ("override_period_not_in_data", "targets[0].overrides[0].period", false)]);
    }
}
