//! Property-based tests (proptest): invariants of the scoring functions, the tier tables, the
//! formula language, forced distribution and the whole engine on the sample reps.
//!
//! Run with `cargo test --release --test properties` (release so the cases run fast).
//! Failures are not persisted to a regressions file; a failing case prints its minimal input.

use incentive_engine::explain::NoTrace;
use incentive_engine::formula::{self, EvalNotes};
use incentive_engine::pay::{bounds_from_attainment, tiered_pay};
use incentive_engine::evaluate::RepResult;
use incentive_engine::plan::{RoundingMode, TierMethod};
use incentive_engine::score::{enforce_distribution, score_kpi, CompiledKpi, KpiScoring, RatioLimits};
use incentive_engine::{sample_dataset, Dataset, Evaluation, Workspace};
use proptest::collection::vec;
use proptest::option;
use proptest::prelude::*;
use proptest::sample::select;
use rust_decimal::Decimal;
use serde_json::{json, Map, Value};
use std::cell::Cell;
use std::panic::AssertUnwindSafe;
use std::sync::{Once, OnceLock};

// ---------------------------------------------------------------------------------------------
// Shared helpers
// ---------------------------------------------------------------------------------------------

/// `cases` cases, and no `proptest-regressions/` file written next to the tests.
fn config(cases: u32) -> ProptestConfig {
    ProptestConfig { cases, failure_persistence: None, ..ProptestConfig::default() }
}

fn d(s: &str) -> Decimal {
    s.parse().unwrap()
}

fn sample() -> &'static Dataset {
    static DATA: OnceLock<Dataset> = OnceLock::new();
    DATA.get_or_init(sample_dataset)
}

/// A decimal `m × 10^-s` with |m| ≤ `max` and `s` ≤ `max_scale`.
fn decimal(min: i64, max: i64, max_scale: u32) -> impl Strategy<Value = Decimal> {
    (min..=max, 0..=max_scale).prop_map(|(m, s)| Decimal::new(m, s))
}

/// A percentage written with up to 2 places, in `lo..=hi` (both in hundredths).
fn pct(lo: i64, hi: i64) -> impl Strategy<Value = Decimal> {
    (lo..=hi).prop_map(|c| Decimal::new(c, 2))
}

/// Whether `v` can be written with exactly `scale` decimal places in a Decimal
/// (|v| × 10^scale as an integer fits the 96-bit mantissa).
fn fits_at_scale(v: Decimal, scale: u32) -> bool {
    if v.scale() > scale {
        return true; // not a "too large" case: it would simply not be rounded
    }
    let max = (1u128 << 96) - 1;
    let m = v.mantissa().unsigned_abs();
    10u128.checked_pow(scale - v.scale()).and_then(|p| m.checked_mul(p)).is_some_and(|x| x <= max)
}

// ---------------------------------------------------------------------------------------------
// 1 & 2. Ratio and inverse-ratio KPIs: monotone, bounded by weight × cap, never negative
// ---------------------------------------------------------------------------------------------

/// A ratio KPI reading the actual from slot 0 and the target from slot 1.
fn kpi(weight: Decimal, scoring: KpiScoring) -> CompiledKpi {
    CompiledKpi { actual: Some(incentive_engine::formula::Expr::Var(0)), target: Some(incentive_engine::formula::Expr::Var(1)), weight, scoring, metrics_read: Vec::new() }
}

fn score(k: &CompiledKpi, actual: Decimal, target: Decimal) -> Result<Decimal, TestCaseError> {
    score_kpi(k, &[actual, target], &mut NoTrace).map(|s| s.raw).map_err(|e| TestCaseError::fail(format!("{e:?} scoring actual {actual}, target {target}, {k:?}")))
}

/// Cap, floor and threshold as the compiler makes them (percent / 100), floor ≤ cap.
/// `cap_required` for inverse_ratio.
fn ratio_limits(cap_required: bool) -> impl Strategy<Value = RatioLimits> {
    let cap = if cap_required { pct(1, 100_000).prop_map(Some).boxed() } else { option::of(pct(1, 100_000)).boxed() };
    (cap, option::of(pct(0, 100_000)), option::of(pct(0, 100_000))).prop_map(|(cap, floor, threshold)| {
        let floor = match (cap, floor) {
            (Some(c), Some(f)) => Some(f.min(c)),
            (_, f) => f,
        };
        let hundred = Decimal::ONE_HUNDRED;
        RatioLimits { cap: cap.map(|c| c / hundred), floor: floor.map(|f| f / hundred), threshold: threshold.map(|t| t / hundred) }
    })
}

/// A KPI weight: as written (0..=100, 2 places), or as normalised (`w × 100 / sum`, up to 28 digits).
fn weight() -> impl Strategy<Value = Decimal> {
    prop_oneof![
        2 => pct(0, 10_000),
        1 => (0..=100i64, 1..=1_000i64).prop_map(|(w, extra)| Decimal::from(w) * Decimal::ONE_HUNDRED / Decimal::from(w + extra)),
    ]
}

fn target() -> impl Strategy<Value = Decimal> {
    decimal(1, 1_000_000_000_000, 6)
}

/// Any actual, negative ones and 0 included.
fn any_actual() -> impl Strategy<Value = Decimal> {
    prop_oneof![
        3 => decimal(-10_000_000_000_000, 10_000_000_000_000, 6),
        2 => decimal(-1_000, 1_000, 2),
        1 => Just(Decimal::ZERO),
    ]
}

fn nonneg_actual() -> impl Strategy<Value = Decimal> {
    prop_oneof![
        3 => decimal(0, 10_000_000_000_000, 6),
        2 => decimal(0, 1_000, 2),
        1 => Just(Decimal::ZERO),
    ]
}

proptest! {
    #![proptest_config(config(3000))]

    /// Property 1 (ratio): for a1 ≤ a2, score(a1) ≤ score(a2).
    #[test]
    fn ratio_score_never_decreases_as_the_actual_grows(
        limits in ratio_limits(false), weight in weight(), target in target(), a in any_actual(), b in any_actual(),
    ) {
        let (a1, a2) = if a <= b { (a, b) } else { (b, a) };
        let k = kpi(weight, KpiScoring::Ratio(limits));
        let s1 = score(&k, a1, target)?;
        let s2 = score(&k, a2, target)?;
        prop_assert!(s1 <= s2, "ratio score fell from {} to {} as the actual rose from {} to {} (target {}, weight {}, {:?})", s1, s2, a1, a2, target, weight, limits);
    }

    /// Property 1 (inverse_ratio, lower is better): for a1 ≤ a2, score(a1) ≥ score(a2).
    #[test]
    fn inverse_ratio_score_never_decreases_as_the_actual_shrinks(
        limits in ratio_limits(true), weight in weight(), target in target(), a in any_actual(), b in any_actual(),
    ) {
        let (a1, a2) = if a <= b { (a, b) } else { (b, a) };
        let k = kpi(weight, KpiScoring::InverseRatio(limits));
        let s1 = score(&k, a1, target)?;
        let s2 = score(&k, a2, target)?;
        prop_assert!(s1 >= s2, "inverse_ratio score rose from {} to {} as the actual went up from {} to {} (target {}, weight {}, {:?})", s2, s1, a1, a2, target, weight, limits);
    }

    /// Property 2: 0 ≤ score ≤ weight × cap for non-negative actuals (ratio and inverse_ratio).
    #[test]
    fn ratio_scores_lie_between_zero_and_weight_times_cap(
        ratio_limits in ratio_limits(false), inverse_limits in ratio_limits(true),
        weight in weight(), target in target(), actual in nonneg_actual(),
    ) {
        for (name, k, cap) in [
            ("ratio", kpi(weight, KpiScoring::Ratio(ratio_limits)), ratio_limits.cap),
            ("inverse_ratio", kpi(weight, KpiScoring::InverseRatio(inverse_limits)), inverse_limits.cap),
        ] {
            let s = score(&k, actual, target)?;
            prop_assert!(s >= Decimal::ZERO, "{} score {} is negative for actual {} (target {}, weight {}, {:?})", name, s, actual, target, weight, k.scoring);
            if let Some(cap) = cap {
                let most = cap * weight;
                prop_assert!(s <= most, "{} score {} exceeds weight × cap = {} × {} = {} (actual {}, target {}, {:?})", name, s, weight, cap, most, actual, target, k.scoring);
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// 3. The whole engine on the sample reps: figures add up exactly
// ---------------------------------------------------------------------------------------------

const PRESET: &str = "target-oriented";

#[derive(Debug, Clone)]
struct KpiTweak {
    weight: Decimal,
    cap: Option<Decimal>,
    floor: Option<Decimal>,
    threshold: Option<Decimal>,
}

fn kpi_tweak() -> impl Strategy<Value = KpiTweak> {
    (pct(0, 10_000), option::of(pct(1, 100_000)), option::of(pct(0, 100_000)), option::of(pct(0, 100_000))).prop_map(|(weight, cap, floor, threshold)| {
        // A valid plan keeps the floor and the threshold at or under the cap.
        let (floor, threshold) = match cap {
            Some(c) => (floor.map(|f| f.min(c)), threshold.map(|t| t.min(c))),
            None => (floor, threshold),
        };
        KpiTweak { weight, cap, floor, threshold }
    })
}

#[derive(Debug, Clone)]
struct PlanTweak {
    kpis: Vec<KpiTweak>,
    /// (increment of the lower bound, rate in percent); the first increment is ignored (from 0).
    tiers: Vec<(Decimal, Decimal)>,
    method: &'static str,
    amount_basis: bool,
    /// (points per event, cap) of each point item.
    points: Vec<(Decimal, Option<Decimal>)>,
    max_bonus: Option<Decimal>,
    max_penalty: Option<Decimal>,
    mode: &'static str,
    /// Rounding of pay: `each_line` (the total is their sum) or `total` (only the total).
    applies_to: &'static str,
    money_scale: u32,
    score_scale: u32,
}

fn plan_tweak() -> impl Strategy<Value = PlanTweak> {
    (
        vec(kpi_tweak(), 40),
        // Rates up to 99%: the preset raises every rate by a point for high potentials.
        vec((pct(1, 5_000), pct(0, 9_900)), 1..=5),
        select(vec!["marginal", "retroactive"]),
        any::<bool>(),
        vec((pct(1, 10_000), option::of(pct(1, 10_000))), 4),
        option::of(pct(0, 10_000)),
        option::of(pct(0, 10_000)),
        (select(vec!["half_up", "half_even", "down"]), select(vec!["each_line", "total"])),
        0..=10u32,
        0..=10u32,
    )
        .prop_map(|(kpis, tiers, method, amount_basis, points, max_bonus, max_penalty, (mode, applies_to), money_scale, score_scale)| PlanTweak {
            kpis,
            tiers,
            method,
            amount_basis,
            points,
            max_bonus,
            max_penalty,
            mode,
            applies_to,
            money_scale,
            score_scale,
        })
}

fn js(v: Decimal) -> Value {
    Value::String(v.to_string())
}

fn set_opt(obj: &mut Value, key: &str, v: Option<Decimal>) {
    let map = obj.as_object_mut().unwrap();
    match v {
        Some(v) => {
            map.insert(key.into(), js(v));
        }
        None => {
            map.remove(key);
        }
    }
}

/// The target-oriented preset with the tweak applied; still a valid plan.
fn tweaked_preset(t: &PlanTweak) -> Value {
    let mut plan: Value = serde_json::from_str(incentive_engine::presets::preset(PRESET).unwrap().json).unwrap();
    // Random weights cannot respect the category ranges (60–70 / 20–30 / 10–20): drop the ranges,
    // keep the categories.
    for cat in plan["categories"].as_array_mut().unwrap() {
        let cat = cat.as_object_mut().unwrap();
        cat.remove("min_weight");
        cat.remove("max_weight");
    }
    // A variable pay cap or a draw changes what is paid from the sum of the parts by design.
    let map = plan.as_object_mut().unwrap();
    map.remove("variable_pay_cap");
    map.remove("draw");
    let mut tweaks = t.kpis.iter().cycle();
    for card in plan["scorecards"].as_array_mut().unwrap() {
        card["normalize"] = json!(true);
        let kpis = card["kpis"].as_array_mut().unwrap();
        let mut any_weight = false;
        for k in kpis.iter_mut() {
            let tw = tweaks.next().unwrap();
            k["weight"] = js(tw.weight);
            any_weight |= !tw.weight.is_zero();
            let scoring = &mut k["scoring"];
            match scoring["type"].as_str().unwrap() {
                "ratio" => {
                    set_opt(scoring, "cap_pct", tw.cap);
                    set_opt(scoring, "floor_pct", tw.floor);
                    set_opt(scoring, "threshold_pct", tw.threshold);
                }
                "inverse_ratio" => {
                    let cap = tw.cap.unwrap_or(Decimal::ONE_HUNDRED);
                    set_opt(scoring, "cap_pct", Some(cap));
                    set_opt(scoring, "floor_pct", tw.floor.map(|f| f.min(cap)));
                    set_opt(scoring, "threshold_pct", tw.threshold.map(|t| t.min(cap)));
                }
                _ => {}
            }
        }
        if !any_weight {
            kpis[0]["weight"] = json!(1); // all-zero weights cannot be normalised
        }
    }
    let line = &mut plan["commission"][0];
    line["method"] = json!(t.method);
    line["tier_basis"] = json!(if t.amount_basis { "amount" } else { "attainment_pct" });
    let mut from = Decimal::ZERO;
    let tiers: Vec<Value> = t
        .tiers
        .iter()
        .enumerate()
        .map(|(i, (step, rate))| {
            if i > 0 {
                // In amounts, steps of 0.01 %–50 % of a 1,000,000 target.
                from += if t.amount_basis { *step * Decimal::from(10_000) } else { *step };
            }
            json!({ "from": js(from), "rate_pct": js(*rate) })
        })
        .collect();
    line["tiers"] = Value::Array(tiers);
    let points = &mut plan["points"];
    for (item, (per, cap)) in points["items"].as_array_mut().unwrap().iter_mut().zip(&t.points) {
        item["points_per_event"] = js(*per);
        set_opt(item, "cap", *cap);
    }
    set_opt(points, "max_bonus", t.max_bonus);
    set_opt(points, "max_penalty", t.max_penalty);
    plan["rounding"] = json!({ "mode": t.mode, "applies_to": t.applies_to, "money_scale": t.money_scale, "score_scale": t.score_scale });
    plan
}

fn total(values: impl Iterator<Item = Decimal>) -> Decimal {
    values.fold(Decimal::ZERO, |s, v| s + v)
}

/// The sums an evaluation promises, exactly, for a plan without a variable pay cap or draw:
/// KPI scores add up to the weighted score; the score is weighted + bonus − penalty points;
/// base pay items add up to the base total; commission lines, bonuses and adjustments
/// (clawbacks) add up to the variable pay; the total is base + variable (rounded once when
/// rounding applies to the total; for year-to-date the sum of the periods' totals); the
/// plan's totals, by region and by role, add up to the overall total.
fn check_sums(e: &Evaluation, t: &PlanTweak, what: &str) -> Result<(), TestCaseError> {
    let mode = match t.mode {
        "half_up" => RoundingMode::HalfUp,
        "half_even" => RoundingMode::HalfEven,
        _ => RoundingMode::Down,
    };
    for r in &e.reps {
        let kpis = total(r.kpis.iter().map(|k| k.score));
        prop_assert_eq!(r.weighted_score, kpis, "{} {}: weighted_score is not the sum of the KPI scores", what, r.rep_id);
        prop_assert_eq!(r.score, r.weighted_score + r.bonus_points - r.penalty_points, "{} {}: score ≠ weighted + bonus − penalty", what, r.rep_id);
        prop_assert_eq!(r.base_total, total(r.base_pay.iter().map(|b| b.amount)), "{} {}: base_total is not the sum of the base pay items", what, r.rep_id);
        let lines = total(r.commission.iter().map(|l| l.pay));
        let variable = lines + total(r.bonuses.iter().map(|b| b.amount)) + total(r.adjustments.iter().map(|a| a.amount));
        prop_assert_eq!(
            r.variable_pay,
            variable,
            "{} {}: variable_pay is not commission {} + bonuses + adjustments {:?}",
            what,
            r.rep_id,
            lines,
            r.adjustments.iter().map(|a| a.amount).collect::<Vec<_>>()
        );
        let exact = r.base_total + r.variable_pay;
        if t.applies_to == "each_line" {
            prop_assert_eq!(r.total_pay, exact, "{} {}: total_pay is not base + variable pay (rounding each line)", what, r.rep_id);
        } else if !e.year_to_date {
            prop_assert_eq!(r.total_pay, mode.apply(exact, t.money_scale), "{} {}: total_pay is not base + variable pay rounded once", what, r.rep_id);
        }
    }
    let totals = &e.totals;
    prop_assert_eq!(totals.total_pay, total(e.reps.iter().map(|r| r.total_pay)), "{}: totals.total_pay is not the sum of the reps' pay", what);
    prop_assert_eq!(totals.commission, total(e.reps.iter().flat_map(|r| &r.commission).map(|l| l.pay)), "{}: totals.commission", what);
    prop_assert_eq!(totals.adjustments, total(e.reps.iter().flat_map(|r| &r.adjustments).map(|a| a.amount)), "{}: totals.adjustments", what);
    prop_assert_eq!(totals.bonuses, total(e.reps.iter().flat_map(|r| &r.bonuses).map(|b| b.amount)), "{}: totals.bonuses", what);
    prop_assert_eq!(totals.variable_pay, total(e.reps.iter().map(|r| r.variable_pay)), "{}: totals.variable_pay", what);
    prop_assert_eq!(totals.base_pay, total(e.reps.iter().map(|r| r.base_total)), "{}: totals.base_pay", what);
    prop_assert_eq!(totals.reps, e.reps.len(), "{}: totals.reps", what);
    for (kind, groups, key) in [("region", &totals.by_region, (|r: &RepResult| r.region.to_string()) as fn(&RepResult) -> String), ("role", &totals.by_role, |r: &RepResult| r.role.to_string())] {
        prop_assert_eq!(total(groups.iter().map(|g| g.total_pay)), totals.total_pay, "{}: the {} totals do not add up to the overall total", what, kind);
        prop_assert_eq!(groups.iter().map(|g| g.reps).sum::<usize>(), totals.reps, "{}: the {} rep counts do not add up", what, kind);
        let parts = [totals.base_pay, totals.commission, totals.bonuses, totals.adjustments, totals.variable_pay];
        let group_parts = |g: &incentive_engine::evaluate::GroupTotal| [g.base_pay, g.commission, g.bonuses, g.adjustments, g.variable_pay];
        let added = groups.iter().map(group_parts).fold([Decimal::ZERO; 5], |mut a, g| { a.iter_mut().zip(g).for_each(|(a, x)| *a += x); a });
        prop_assert_eq!(added, parts, "{}: the {} pay parts do not add up to the overall ones", what, kind);
        for g in groups.iter() {
            let reps: Vec<&RepResult> = e.reps.iter().filter(|r| key(r) == g.group).collect();
            let members = total(reps.iter().map(|r| r.total_pay));
            prop_assert_eq!(g.total_pay, members, "{}: {} {} total", what, kind, g.group);
            let own = [
                total(reps.iter().map(|r| r.base_total)),
                total(reps.iter().flat_map(|r| r.commission.iter().map(|l| l.pay))),
                total(reps.iter().flat_map(|r| r.bonuses.iter().map(|b| b.amount))),
                total(reps.iter().flat_map(|r| r.adjustments.iter().map(|a| a.amount))),
                total(reps.iter().map(|r| r.variable_pay)),
            ];
            prop_assert_eq!(group_parts(g), own, "{}: {} {} pay parts", what, kind, g.group);
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(config(96))]

    /// Property 3: random weights (normalised), caps, floors, thresholds, tiers, points and
    /// rounding on the target-oriented preset; every period and year-to-date adds up exactly.
    #[test]
    fn engine_figures_add_up_exactly_on_mutated_preset(t in plan_tweak()) {
        let plan = tweaked_preset(&t);
        let mut ws = Workspace::new(sample().clone());
        let report = ws.set_plan_json(&plan.to_string());
        prop_assert!(report.ok, "the tweaked preset was rejected: {:#?}", report.problems);
        let mut by_period: Vec<Evaluation> = Vec::new();
        for period in &sample().periods {
            let e = ws.evaluate(period).map_err(|p| TestCaseError::fail(format!("{period}: {p}")))?;
            prop_assert!(e.problems.is_empty(), "{}: reps left out: {:#?}", period, e.problems);
            prop_assert_eq!(e.reps.len(), 32);
            check_sums(&e, &t, period)?;
            by_period.push(e);
            let ytd = ws.evaluate_ytd(period).map_err(|p| TestCaseError::fail(format!("{period} YTD: {p}")))?;
            prop_assert_eq!(ytd.reps.len(), 32);
            check_sums(&ytd, &t, &format!("{period} YTD"))?;
            // Year-to-date pay is the sum of the periods' pay.
            for r in &ytd.reps {
                let periods = by_period.iter().map(|e| e.reps.iter().find(|x| x.rep_id == r.rep_id).map_or(Decimal::ZERO, |x| x.total_pay));
                prop_assert_eq!(r.total_pay, total(periods), "{} YTD {}: total_pay is not the sum of the periods' total_pay", period, r.rep_id);
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// 4. Random plans: the engine never panics, and money has the plan's scale
// ---------------------------------------------------------------------------------------------

/// The sample's numeric columns (some are 0 for some reps: divisions by zero happen).
const COLUMNS: &[&str] = &[
    "revenue_target",
    "revenue_booked",
    "revenue_collected",
    "revenue_new",
    "new_customers",
    "visits",
    "existing_customers",
    "repurchasing_customers",
    "upsell_revenue",
    "receivable",
    "response_hours",
    "teamwork_rating",
    "violations",
    "product_test",
    "nps",
    "rating_superior",
    "region_revenue",
    "region_target",
    "region_headcount",
    "big_contracts",
    "complaints",
    "praise",
    "innovation",
];

const CONSTANTS: &[&str] = &[
    "0",
    "1",
    "2",
    "0.5",
    "3.75",
    "45",
    "100",
    "120%",
    "15%",
    "100万",
    "1.5万",
];

/// Constants at the edges of Decimal: 1e20, the largest Decimal, the smallest step.
const EXTREMES: &[&str] = &["100000000000000000000", "79228162514264337593543950335", "0.0000000000000000000000000001"];

/// Names of the plan's own metrics and targets.
const PLAN_NAMES: &[&str] = &["m0", "m1", "t0", "t1"];

/// A formula over the sample columns and `names`: divisions (maybe by zero), huge constants,
/// nested if/min/max/abs/and/or/not. With `chaos`, sometimes a broken one.
fn formula(names: &'static [&'static str], chaos: bool) -> BoxedStrategy<String> {
    let names = if names.is_empty() { COLUMNS } else { names };
    let leaf = prop_oneof![
        12 => select(COLUMNS).prop_map(str::to_string),
        6 => select(CONSTANTS).prop_map(str::to_string),
        1 => select(EXTREMES).prop_map(str::to_string),
        3 => select(names).prop_map(str::to_string),
    ];
    let tree = leaf
        .prop_recursive(3, 16, 3, |inner| {
            prop_oneof![
                4 => (inner.clone(), select(vec!["+", "-", "*", "/", "/", "<", ">=", "=", "<>"]), inner.clone())
                    .prop_map(|(a, op, b)| format!("({a} {op} {b})")),
                1 => inner.clone().prop_map(|a| format!("-{a}")),
                2 => (inner.clone(), inner.clone(), inner.clone()).prop_map(|(c, a, b)| format!("if({c}, {a}, {b})")),
                2 => (select(vec!["min", "max", "and", "or"]), vec(inner.clone(), 1..4)).prop_map(|(f, args)| format!("{f}({})", args.join(", "))),
                1 => (select(vec!["abs", "not"]), inner.clone()).prop_map(|(f, a)| format!("{f}({a})")),
            ]
        })
        .boxed();
    if chaos {
        prop_oneof![
            12 => tree,
            1 => select(vec!["", "nope", "1e20", "visits +", "(visits", "pow(visits, 2)", "if(visits, 1)", "visits $"]).prop_map(str::to_string),
        ]
        .boxed()
    } else {
        tree
    }
}

/// Formulas of KPIs, points and lines: over the columns and the plan's metrics and targets.
fn rule_formula(chaos: bool) -> BoxedStrategy<String> {
    formula(PLAN_NAMES, chaos)
}

/// A target formula: mostly the usual ones, sometimes any formula (which may be 0 or negative
/// for some reps, leaving them out). Without `chaos`, never a constant ≤ 0 (rejected outright).
fn target_formula(chaos: bool) -> BoxedStrategy<String> {
    let usual = select(vec!["revenue_target", "45", "9", "20%", "revenue_target * 85%", "t0", "region_target / region_headcount"])
        .prop_map(str::to_string);
    let any = rule_formula(chaos).prop_map(move |f| {
        let constant = f.trim_start_matches('-');
        if !chaos && (CONSTANTS.contains(&constant) || EXTREMES.contains(&constant) || f.starts_with('-')) {
            "revenue_target".to_string()
        } else {
            f
        }
    });
    if chaos {
        prop_oneof![3 => usual, 1 => any, 1 => select(vec!["0", "-5"]).prop_map(str::to_string)].boxed()
    } else {
        prop_oneof![3 => usual, 1 => any].boxed()
    }
}

/// Values that break validation ranges (or the Decimal type itself).
fn wild() -> impl Strategy<Value = Value> {
    select(vec![
        json!(-1),
        json!(0),
        json!(1000001),
        json!(1e20),
        json!("79228162514264337593543950335"),
        json!("-79228162514264337593543950335"),
        json!("0.0000000000000000000000000001"),
        json!("-0.9999999999999999999999999999"),
        json!("abc"),
    ])
}

/// A number in `lo..=hi` with up to 2 places (as a JSON number or string), or with `chaos`
/// sometimes a wild value.
fn num(lo: i64, hi: i64, chaos: bool) -> BoxedStrategy<Value> {
    let fine = prop_oneof![
        (lo..=hi).prop_map(|n| json!(n)),
        (lo * 100..=hi * 100).prop_map(|c| js(Decimal::new(c, 2))),
    ];
    if chaos {
        prop_oneof![15 => fine, 1 => wild()].boxed()
    } else {
        fine.boxed()
    }
}

/// `n` shares in hundredths adding to exactly 100.
fn shares(n: usize) -> impl Strategy<Value = Vec<Decimal>> {
    vec(0..=10_000i64, n.saturating_sub(1)).prop_map(move |mut cuts| {
        cuts.sort_unstable();
        let mut prev = 0;
        let mut out = Vec::with_capacity(n);
        for c in cuts.into_iter().chain(std::iter::once(10_000)) {
            out.push(Decimal::new(c - prev, 2));
            prev = c;
        }
        out
    })
}

/// A scoring function as plan JSON and whether it reads (actual, target).
fn scoring(chaos: bool) -> BoxedStrategy<(Value, (bool, bool))> {
    // (cap, floor, threshold): without chaos, floor ≤ cap and threshold ≤ cap.
    let limits = move |cap_required: bool| -> BoxedStrategy<(Option<Value>, Option<Value>, Option<Value>)> {
        if chaos {
            let cap = if cap_required { num(1, 1000, chaos).prop_map(Some).boxed() } else { option::of(num(1, 1000, chaos)).boxed() };
            (cap, option::of(num(0, 1000, chaos)), option::of(num(0, 1000, chaos))).boxed()
        } else {
            let cap = if cap_required { pct(1, 100_000).prop_map(Some).boxed() } else { option::of(pct(1, 100_000)).boxed() };
            (cap, option::of(pct(0, 100_000)), option::of(pct(0, 100_000)))
                .prop_map(|(cap, floor, threshold)| {
                    let (floor, threshold) = match cap {
                        Some(c) => (floor.map(|f| f.min(c)), threshold.map(|t| t.min(c))),
                        None => (floor, threshold),
                    };
                    (cap.map(js), floor.map(js), threshold.map(js))
                })
                .boxed()
        }
    };
    let limited = |kind: &'static str| {
        move |(cap, floor, threshold): (Option<Value>, Option<Value>, Option<Value>)| {
            let mut m = Map::new();
            m.insert("type".into(), json!(kind));
            for (key, v) in [("cap_pct", cap), ("floor_pct", floor), ("threshold_pct", threshold)] {
                if let Some(v) = v {
                    m.insert(key.into(), v);
                }
            }
            (Value::Object(m), (true, true))
        }
    };
    let ratio = limits(false).prop_map(limited("ratio"));
    let inverse = limits(true).prop_map(limited("inverse_ratio"));
    let bands = (any::<bool>(), any::<bool>(), -10_000..=20_000i64, vec((1..=5_000i64, 0..=100_000i64), 1..=4), num(0, 100, chaos)).prop_map(
        |(attainment, lower_better, start, steps, otherwise)| {
            let mut at = Decimal::new(start, 2);
            let steps: Vec<Value> = steps
                .iter()
                .enumerate()
                .map(|(i, (gap, score))| {
                    if i > 0 {
                        let gap = Decimal::new(*gap, 2);
                        at = if lower_better { at + gap } else { at - gap };
                    }
                    json!({ "at": js(at), "score_pct": js(Decimal::new(*score, 2)) })
                })
                .collect();
            let v = json!({
                "type": "bands",
                "basis": if attainment { "attainment_pct" } else { "actual" },
                "direction": if lower_better { "lower_is_better" } else { "higher_is_better" },
                "steps": steps,
                "otherwise_pct": otherwise,
            });
            (v, (true, attainment))
        },
    );
    let rating = (option::of((1..=3usize).prop_flat_map(move |n| (vec(rule_formula(chaos), n), shares(n)))), option::of(num(1, 1000, chaos))).prop_map(|(raters, scale_max)| {
        let mut m = Map::new();
        m.insert("type".into(), json!("rating360"));
        if let Some((ratings, weights)) = raters {
            let raters: Vec<Value> = ratings.into_iter().zip(weights).map(|(r, w)| json!({ "rating": r, "weight": js(w) })).collect();
            m.insert("raters".into(), Value::Array(raters));
        }
        if let Some(s) = scale_max {
            m.insert("scale_max".into(), s);
        }
        (Value::Object(m), (false, false))
    });
    let deduction = (num(1, 100, chaos), option::of(num(-20, 0, chaos))).prop_map(|(per, floor)| {
        let mut m = Map::new();
        m.insert("type".into(), json!("deduction"));
        m.insert("points_per_event".into(), per);
        if let Some(f) = floor {
            m.insert("floor".into(), f);
        }
        (Value::Object(m), (true, false))
    });
    prop_oneof![
        4 => ratio,
        2 => inverse,
        2 => bands,
        1 => rating,
        1 => Just((json!({ "type": "pass_fail" }), (true, false))),
        1 => deduction,
    ]
    .boxed()
}

/// One KPI without its weight: (scoring JSON, actual, target, category).
fn kpi_parts(chaos: bool) -> BoxedStrategy<Value> {
    (scoring(chaos), rule_formula(chaos), target_formula(chaos), any::<u8>())
        .prop_map(move |((scoring, (needs_actual, needs_target)), actual, target, coin)| {
            let mut k = Map::new();
            k.insert("name".into(), json!("KPI"));
            // With chaos, now and then a field is missing or one too many.
            let flip_actual = chaos && coin % 17 == 0;
            let flip_target = chaos && coin % 19 == 1;
            if needs_actual != flip_actual {
                k.insert("actual".into(), json!(actual));
            }
            if needs_target != flip_target {
                k.insert("target".into(), json!(target));
            }
            if coin % 3 == 0 {
                k.insert("category".into(), json!("results"));
            }
            k.insert("scoring".into(), scoring);
            Value::Object(k)
        })
        .boxed()
}

/// A scorecard: normalised random weights, or weights adding to exactly 100.
fn card(id: &'static str, roles: Option<Vec<&'static str>>, chaos: bool) -> BoxedStrategy<Value> {
    (1..=4usize)
        .prop_flat_map(move |n| (vec(kpi_parts(chaos), n), any::<bool>(), vec(num(0, 100, chaos), n), shares(n)))
        .prop_map(move |(kpis, normalize, free, exact)| {
            let kpis: Vec<Value> = kpis
                .into_iter()
                .enumerate()
                .map(|(i, mut k)| {
                    k["id"] = json!(format!("k{i}"));
                    k["weight"] = if normalize { free[i].clone() } else { js(exact[i]) };
                    k
                })
                .collect();
            let mut c = json!({ "id": id, "normalize": normalize, "kpis": kpis });
            if let Some(r) = &roles {
                c["roles"] = json!(r);
            }
            c
        })
        .boxed()
}

fn grades(chaos: bool) -> BoxedStrategy<Value> {
    (1..=5usize)
        .prop_flat_map(move |n| {
            (
                Just(n),
                -5_000..=12_000i64,
                vec(1..=3_000i64, n),
                option::of((vec((0..=100i64, 0..=100i64), n), shares(n), any::<bool>())),
                option::of((2..=4u32, any::<bool>())),
                0..8u8,
            )
        })
        .prop_map(move |(n, top, gaps, distribution, streak, break_it)| {
            let names: Vec<String> = (0..n).map(|i| format!("G{i}")).collect();
            let mut min = Decimal::new(top, 2);
            let bands: Vec<Value> = names
                .iter()
                .enumerate()
                .map(|(i, g)| {
                    if i + 1 == n {
                        json!({ "grade": g })
                    } else {
                        let b = json!({ "grade": g, "min_score": js(min) });
                        min -= Decimal::new(gaps[i], 2);
                        b
                    }
                })
                .collect();
            let mut grades = json!({ "bands": bands });
            if let Some((ranges, quotas, enforce)) = distribution {
                let guide: Vec<Value> = names
                    .iter()
                    .zip(ranges)
                    .zip(quotas)
                    .map(|((g, (a, b)), q)| json!({ "grade": g, "min_pct": a.min(b), "max_pct": a.max(b), "quota_pct": js(q) }))
                    .collect();
                grades["distribution"] = json!({ "guide": guide, "enforce": enforce });
            }
            if let Some((periods, first)) = streak {
                let grade = if first { &names[0] } else { &names[n - 1] };
                grades["streak"] = json!({ "grade": grade, "periods": periods });
            }
            if chaos && break_it == 0 {
                // The last band with a minimum, or a band without one in the middle.
                grades["bands"][n - 1]["min_score"] = json!(0);
            }
            grades
        })
        .boxed()
}

fn commission_line(i: usize, chaos: bool) -> BoxedStrategy<Value> {
    (rule_formula(chaos), option::of(target_formula(chaos)), any::<bool>(), any::<bool>(), vec((1..=100_000i64, num(0, 100, chaos)), 1..=4))
        .prop_map(move |(base, target, retroactive, amount, tiers)| {
            let mut from = Decimal::ZERO;
            let tiers: Vec<Value> = tiers
                .into_iter()
                .enumerate()
                .map(|(t, (step, rate))| {
                    if t > 0 {
                        from += if amount { Decimal::from(step * 10) } else { Decimal::new(step, 3) };
                    }
                    json!({ "from": js(from), "rate_pct": rate })
                })
                .collect();
            let target = match (target, amount, chaos) {
                (None, false, false) => Some("revenue_target".to_string()),
                (t, _, _) => t,
            };
            let mut line = json!({
                "id": format!("c{i}"),
                "name": "Commission",
                "base": base,
                "method": if retroactive { "retroactive" } else { "marginal" },
                "tier_basis": if amount { "amount" } else { "attainment_pct" },
                "tiers": tiers,
            });
            if let Some(t) = target {
                line["target"] = json!(t);
            }
            line
        })
        .boxed()
}

fn points(chaos: bool) -> BoxedStrategy<Value> {
    (
        vec((any::<bool>(), rule_formula(chaos), num(1, 100, chaos), option::of(num(1, 100, chaos))), 0..=3),
        option::of(num(0, 100, chaos)),
        option::of(num(0, 100, chaos)),
    )
        .prop_map(|(items, max_bonus, max_penalty)| {
            let items: Vec<Value> = items
                .into_iter()
                .enumerate()
                .map(|(i, (bonus, events, per, cap))| {
                    let mut item = json!({
                        "id": format!("p{i}"),
                        "name": "Points",
                        "kind": if bonus { "bonus" } else { "penalty" },
                        "events": events,
                        "points_per_event": per,
                    });
                    if let Some(c) = cap {
                        item["cap"] = c;
                    }
                    item
                })
                .collect();
            let mut p = json!({ "items": items });
            if let Some(m) = max_bonus {
                p["max_bonus"] = m;
            }
            if let Some(m) = max_penalty {
                p["max_penalty"] = m;
            }
            p
        })
        .boxed()
}

fn named_target(i: usize, chaos: bool) -> BoxedStrategy<Value> {
    (num(1, 10_000_000, chaos), any::<bool>(), option::of(shares(4)), option::of(num(1, 10_000_000, chaos)), option::of(num(1, 10_000_000, chaos)))
        .prop_map(move |(default, annual, split, east, q2)| {
            let mut t = json!({ "id": format!("t{i}"), "default": default, "basis": if annual { "annual" } else { "per_period" } });
            if let (true, Some(shares)) = (annual, split) {
                t["split"] = json!({ "shares": shares.into_iter().map(js).collect::<Vec<_>>() });
            }
            if let Some(v) = east {
                t["by_region"] = json!({ "East": v });
            }
            if let Some(v) = q2 {
                t["overrides"] = json!([{ "period": "2026-Q2", "role": "new_business", "value": v }]);
            }
            t
        })
        .boxed()
}

/// A whole plan built from random pieces. In a third of the cases ("chaos") pieces are
/// wild (out-of-range or non-numbers, broken formulas, missing or extra fields, names the plan
/// lacks, cycles between metrics…) and most such plans are rejected; otherwise the pieces
/// keep to the rules and most plans validate.
fn random_plan() -> impl Strategy<Value = Value> {
    prop_oneof![2 => Just(false), 1 => Just(true)].prop_flat_map(|chaos| {
        let max_scale = if chaos { 11u32 } else { 10 };
        let rounding = (0..=max_scale, 0..=max_scale, (select(vec!["half_up", "half_even", "down"]), select(vec!["each_line", "total"])));
        let period = if chaos { select(vec!["quarter", "quarter", "quarter", "month", "year"]).boxed() } else { Just("quarter").boxed() };
        // Category ranges: wide ones without chaos (random weights rarely fit narrow ones).
        let categories = if chaos { option::of((0..=100i64, 0..=100i64)).boxed() } else { option::of(Just((0i64, 100i64))).boxed() };
        let cards = (card("main", None, chaos), option::of(card("managers", Some(vec!["regional_manager"]), chaos)));
        // m0 reads columns, m1 may read m0 and t0; with chaos any metric may read any (cycles).
        let metrics = if chaos {
            vec(formula(PLAN_NAMES, chaos), 0..=2).boxed()
        } else {
            (formula(&[], false), formula(&["m0", "t0"], false)).prop_map(|(a, b)| vec![a, b]).boxed()
        };
        let count = if chaos { (0..=2usize).boxed() } else { Just(2usize).boxed() };
        let targets = count.prop_flat_map(move |n| (0..n).map(|i| named_target(i, chaos)).collect::<Vec<_>>());
        let attainment = option::of((rule_formula(chaos), target_formula(chaos)));
        let lines = (0..=2usize).prop_flat_map(move |n| (0..n).map(|i| commission_line(i, chaos)).collect::<Vec<_>>());
        (rounding, period, categories, cards, metrics, targets, attainment, points(chaos), grades(chaos), lines).prop_map(
            |((money, score, (mode, applies_to)), period, categories, (main, managers), metrics, targets, attainment, points, grades, lines)| {
                let mut plan = json!({
                    "version": 1,
                    "name": "random",
                    "period": period,
                    "rounding": { "money_scale": money, "score_scale": score, "mode": mode, "applies_to": applies_to },
                    "metrics": metrics.iter().enumerate().map(|(i, f)| json!({ "id": format!("m{i}"), "formula": f })).collect::<Vec<_>>(),
                    "targets": targets,
                    "categories": [{ "id": "results", "name": "Results" }],
                    // The first card that matches a rep is its card: the role card goes first.
                    "scorecards": managers.into_iter().chain(std::iter::once(main)).collect::<Vec<_>>(),
                    "points": points,
                    "grades": grades,
                    "commission": lines,
                });
                if let Some((a, b)) = categories {
                    plan["categories"][0]["min_weight"] = json!(a.min(b));
                    plan["categories"][0]["max_weight"] = json!(a.max(b));
                }
                if let Some((actual, target)) = attainment {
                    plan["attainment"] = json!({ "actual": actual, "target": target });
                }
                plan
            },
        )
    })
}

/// The invariant of money figures: the total pay is rounded to the plan's money scale (for
/// year-to-date it is the sum of such totals), so it has exactly that many places, 0 included
/// (0.00); when rounding applies to each line, so has every pay line, bonus, adjustment and
/// base pay item. The one exception is a figure too large to be written with that many places
/// (Decimal then keeps the value with fewer). KPI scores have the score scale likewise.
fn check_scales(e: &Evaluation, money_scale: u32, score_scale: u32, each_line: bool, what: &str) -> Result<(), TestCaseError> {
    let money_ok = |v: Decimal| v.scale() == money_scale || !fits_at_scale(v, money_scale);
    for r in &e.reps {
        prop_assert!(money_ok(r.total_pay), "{} {}: total_pay {} has scale {}, not the money scale {}", what, r.rep_id, r.total_pay, r.total_pay.scale(), money_scale);
        if each_line {
            let items = r.commission.iter().map(|l| (l.id.as_str(), l.pay));
            let items = items.chain(r.bonuses.iter().map(|b| (b.id.as_str(), b.amount)));
            let items = items.chain(r.base_pay.iter().map(|b| (b.id.as_str(), b.amount)));
            let items = items.chain(r.adjustments.iter().map(|a| (a.reference.as_str(), a.amount)));
            for (id, v) in items {
                prop_assert!(money_ok(v), "{} {} {}: {} has scale {}, not the money scale {}", what, r.rep_id, id, v, v.scale(), money_scale);
            }
        }
        for k in &r.kpis {
            prop_assert!(
                k.score.scale() == score_scale || !fits_at_scale(k.score, score_scale),
                "{} {} KPI {}: score {} has scale {}, not the score scale {}",
                what,
                r.rep_id,
                k.id,
                k.score,
                k.score.scale(),
                score_scale
            );
        }
    }
    Ok(())
}

thread_local! {
    static QUIET: Cell<bool> = const { Cell::new(false) };
}

/// Runs `f`, returning the message of a panic instead of unwinding (and without printing it).
fn catch_quietly<R>(f: impl FnOnce() -> R) -> Result<R, String> {
    static HOOK: Once = Once::new();
    HOOK.call_once(|| {
        let default = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if !QUIET.with(Cell::get) {
                default(info)
            }
        }));
    });
    QUIET.with(|q| q.set(true));
    let result = std::panic::catch_unwind(AssertUnwindSafe(f));
    QUIET.with(|q| q.set(false));
    result.map_err(|e| e.downcast_ref::<&str>().map(|s| s.to_string()).or_else(|| e.downcast_ref::<String>().cloned()).unwrap_or_default())
}

/// Sets `plan` and, if it is accepted, evaluates every period and year-to-date; checks the
/// scales of the results. Returns whether the plan was accepted. Any panic fails.
fn run_plan(plan: &Value) -> Result<bool, TestCaseError> {
    let text = plan.to_string();
    let mut ws = Workspace::new(sample().clone());
    let report = match catch_quietly(|| ws.set_plan_json(&text)) {
        Ok(report) => report,
        Err(message) => return Err(TestCaseError::fail(format!("set_plan_json panicked: {message}"))),
    };
    if !report.ok {
        prop_assert!(report.problems.iter().any(|p| p.is_error()), "rejected without an error: {:#?}", report.problems);
        return Ok(false);
    }
    let money_scale = plan["rounding"]["money_scale"].as_u64().unwrap() as u32;
    let score_scale = plan["rounding"]["score_scale"].as_u64().unwrap() as u32;
    let each_line = plan["rounding"]["applies_to"] != json!("total");
    for period in &sample().periods {
        for ytd in [false, true] {
            let what = if ytd { format!("{period} YTD") } else { period.clone() };
            match catch_quietly(|| if ytd { ws.evaluate_ytd(period) } else { ws.evaluate(period) }) {
                Ok(Ok(e)) => check_scales(&e, money_scale, score_scale, each_line, &what)?,
                Ok(Err(_problem)) => {}
                Err(message) => return Err(TestCaseError::fail(format!("evaluating {what} panicked: {message}"))),
            }
        }
    }
    Ok(true)
}

proptest! {
    #![proptest_config(config(600))]

    /// Property 4: whatever the plan, setting it returns a report, and evaluating a plan that
    /// validates, every period and year-to-date, returns Ok or a Problem and never panics;
    /// money and scores have the plan's scales.
    #[test]
    fn random_plans_never_panic(plan in random_plan()) {
        run_plan(&plan)?;
    }
}

/// The generator of property 4 must not be vacuous: a good share of its plans validate.
#[test]
fn random_plan_generator_produces_valid_plans() {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;
    let mut runner = TestRunner::deterministic();
    let strategy = random_plan();
    let (mut valid, total) = (0, 300);
    for _ in 0..total {
        let plan = strategy.new_tree(&mut runner).unwrap().current();
        let mut ws = Workspace::new(sample().clone());
        if catch_quietly(|| ws.set_plan_json(&plan.to_string()).ok).unwrap_or(false) {
            valid += 1;
        }
    }
    assert!(valid * 2 >= total, "only {valid} of {total} random plans validate");
}

// ---------------------------------------------------------------------------------------------
// Panics found by property 4, kept as minimal regression cases
// ---------------------------------------------------------------------------------------------

fn sample_plan() -> Value {
    serde_json::from_str(incentive_engine::SAMPLE_PLAN_JSON).unwrap()
}

/// The plan must be rejected with `out_of_range` at `path`, without a panic.
fn expect_out_of_range(plan: &Value, path: &str) {
    let mut ws = Workspace::with_sample_reps();
    let report = catch_quietly(|| ws.set_plan_json(&plan.to_string())).unwrap_or_else(|m| panic!("set_plan_json panicked ({m}) instead of rejecting the plan"));
    assert!(!report.ok, "the plan was accepted");
    assert!(report.problems.iter().any(|p| p.code == "out_of_range" && p.path == path), "no out_of_range at {path}: {:#?}", report.problems);
}

/// The plan's validation must report `out_of_range` at `path`, without a panic.
fn expect_validation_out_of_range(plan: &Value, path: &str) {
    let parsed = incentive_engine::parse_plan(&plan.to_string()).unwrap();
    let problems = catch_quietly(|| incentive_engine::plan::validate(&parsed)).unwrap_or_else(|m| panic!("validate panicked ({m}) instead of reporting the weight"));
    assert!(problems.iter().any(|p| p.code == "out_of_range" && p.path == path), "no out_of_range at {path}: {problems:#?}");
}

/// Sample plan, card normalised, one KPI weight of 79228162514264337593543950335 (Decimal::MAX).
/// Expected: rejected, `out_of_range` at scorecards[0].kpis[0].weight.
/// Was (before the fix): a panic "Multiplication overflowed" in compile (`kpi.weight * 100 / sum` when normalising).
#[test]
fn normalising_a_huge_kpi_weight_is_reported_not_a_panic() {
    let mut plan = sample_plan();
    plan["scorecards"][0]["normalize"] = json!(true);
    plan["scorecards"][0]["kpis"][0]["weight"] = json!("79228162514264337593543950335");
    expect_out_of_range(&plan, "scorecards[0].kpis[0].weight");
}

/// Sample plan, card normalised, weights 1, −0.9999999999999999999999999999 and 0: they add to
/// 10^-28, so `1 × 100 / 10^-28` = 10^30 does not fit a Decimal.
/// Expected: rejected, `out_of_range` at scorecards[0].kpis[1].weight.
/// Was (before the fix): a panic "Division overflowed" in compile when normalising.
#[test]
fn normalising_weights_adding_to_almost_zero_is_reported_not_a_panic() {
    let mut plan = sample_plan();
    plan["scorecards"][0]["normalize"] = json!(true);
    plan["scorecards"][0]["kpis"][0]["weight"] = json!(1);
    plan["scorecards"][0]["kpis"][1]["weight"] = json!("-0.9999999999999999999999999999");
    plan["scorecards"][0]["kpis"][2]["weight"] = json!(0);
    expect_out_of_range(&plan, "scorecards[0].kpis[1].weight");
}

/// The sample plan with a category `results` (range 0–100) on its first KPI, card normalised,
/// that KPI's weight Decimal::MAX.
/// Expected: validate reports `out_of_range` at scorecards[0].kpis[0].weight.
/// Was (before the fix): validate itself panicked "Multiplication overflowed" (category share `raw * 100 / sum`).
#[test]
fn a_category_share_of_a_huge_weight_is_reported_not_a_panic() {
    let mut plan = sample_plan();
    plan["categories"] = json!([{ "id": "results", "name": "Results", "min_weight": 0, "max_weight": 100 }]);
    plan["scorecards"][0]["normalize"] = json!(true);
    plan["scorecards"][0]["kpis"][0]["category"] = json!("results");
    plan["scorecards"][0]["kpis"][0]["weight"] = json!("79228162514264337593543950335");
    expect_validation_out_of_range(&plan, "scorecards[0].kpis[0].weight");
}

/// As above with two KPIs of weight Decimal::MAX in the category: summing the category's
/// weights (`.sum()`) overflows.
/// Expected: `out_of_range` at scorecards[0].kpis[0].weight. Was (before the fix): a panic "Addition overflowed".
#[test]
fn a_category_sum_of_huge_weights_is_reported_not_a_panic() {
    let mut plan = sample_plan();
    plan["categories"] = json!([{ "id": "results", "name": "Results", "min_weight": 0, "max_weight": 100 }]);
    plan["scorecards"][0]["normalize"] = json!(true);
    for k in 0..2 {
        plan["scorecards"][0]["kpis"][k]["category"] = json!("results");
        plan["scorecards"][0]["kpis"][k]["weight"] = json!("79228162514264337593543950335");
    }
    expect_validation_out_of_range(&plan, "scorecards[0].kpis[0].weight");
}

/// The sample plan with the commission line's target "1" and base 10^27 (a figure that fits):
/// the attainment base / target = 10^27 fits, but the attainment in percent (× 100 = 10^29)
/// does not. Tier pay (≈ 5 % of 10^27) fits.
/// Expected: the evaluation returns; each rep is left out with an `overflow` problem, as for
/// every other figure too large (or the attainment is reported some other way).
/// Was (before the fix): a panic "Multiplication overflowed" at `a * Decimal::ONE_HUNDRED` in
/// `line_before_grade` (src/pay/commission.rs, the `attainment_pct` explanation value; the
/// same unchecked `a * 100` is in src/evaluate/settle.rs for `LineResult::attainment_pct`).
#[test]
fn a_commission_attainment_too_large_for_a_percentage_is_reported_not_a_panic() {
    let mut plan = sample_plan();
    plan["commission"][0]["target"] = json!("1");
    plan["commission"][0]["base"] = json!("1000000000000000000000000000");
    let mut ws = Workspace::with_sample_reps();
    let report = ws.set_plan_json(&plan.to_string());
    assert!(report.ok, "{:#?}", report.problems);
    let result = catch_quietly(|| ws.evaluate("2026-Q4"));
    assert!(result.is_ok(), "evaluate panicked ({}) instead of reporting an overflow", result.unwrap_err());
}

// ---------------------------------------------------------------------------------------------
// 5. Formulas: parsing never panics; evaluating never panics
// ---------------------------------------------------------------------------------------------

const VAR_NAMES: &[&str] = &["x", "y", "visits", "收入"];

fn resolve(name: &str) -> Option<usize> {
    VAR_NAMES.iter().position(|n| *n == name)
}

/// Any Unicode text up to 300 characters.
fn any_text() -> impl Strategy<Value = String> {
    vec(any::<char>(), 0..=300).prop_map(|c| c.into_iter().collect())
}

/// Text made of the formula language's own pieces, so that much of it parses.
fn formula_soup() -> impl Strategy<Value = String> {
    let piece = select(vec![
        "x", "y", "visits", "收入", "z", "0", "1", "2.5", "0.0000000000000000000000000001", "79228162514264337593543950335", "99999999999999999999999999999999",
        "1.2.3", ".5", "5.", "%", "万", "+", "-", "−", "*", "×", "/", "÷", "<", "<=", ">", ">=", "=", "==", "<>", "!=", "(", ")", "（", "）", ",", "，", "min(",
        "max(", "if(", "abs(", "and(", "or(", "not(", "pow(", " ", "  ", "_a", "é", "\u{0663}", "$", "!",
    ]);
    vec(piece, 0..=80).prop_map(|p| p.concat().chars().take(300).collect())
}

fn var_value() -> impl Strategy<Value = Decimal> {
    prop_oneof![
        3 => decimal(-1_000_000_000, 1_000_000_000, 4),
        1 => select(vec![Decimal::ZERO, Decimal::ONE, Decimal::MAX, Decimal::MIN, d("0.0000000000000000000000000001"), d("-0.0000000000000000000000000001"), d("1e20")]),
        1 => any::<i64>().prop_map(Decimal::from),
    ]
}

fn parse_and_eval(src: &str, vars: &[Decimal]) -> Result<bool, TestCaseError> {
    match formula::parse(src, &resolve) {
        Ok(expr) => {
            let mut notes = EvalNotes::default();
            // Ok(value) or Err(Overflow): both are fine; a panic is not.
            let _ = expr.eval(vars, &mut notes);
            Ok(true)
        }
        Err(e) => {
            let chars = src.chars().count();
            // 0 only for the formula as a whole (empty, or longer than the limit).
            let whole = e.column == 0 && (src.trim().is_empty() || chars > formula::MAX_FORMULA_CHARS);
            prop_assert!(whole || (e.column >= 1 && e.column <= chars + 1), "error column {} outside 1..={} for {:?}: {}", e.column, chars + 1, src, e.en);
            Ok(false)
        }
    }
}

proptest! {
    #![proptest_config(config(3000))]

    /// Property 5a: parsing any Unicode text returns Ok or an error (with a column inside the
    /// text), never panics; a parsed formula evaluates without panicking.
    #[test]
    fn formula_parse_never_panics_on_any_text(src in any_text(), vars in vec(var_value(), 4)) {
        parse_and_eval(&src, &vars)?;
    }

    /// Property 5b: the same on text made of formula pieces (much of it parses).
    #[test]
    fn formula_parse_and_eval_never_panic_on_formula_like_text(src in formula_soup(), vars in vec(var_value(), 4)) {
        parse_and_eval(&src, &vars)?;
    }

    /// Property 5c: well-formed random formulas (nested, huge constants, divisions by zero)
    /// parse, and evaluate to a value or Overflow without panicking.
    #[test]
    fn generated_formulas_parse_and_evaluate(src in formula(PLAN_NAMES, false), vars in vec(var_value(), COLUMNS.len() + PLAN_NAMES.len())) {
        let resolve = |name: &str| COLUMNS.iter().chain(PLAN_NAMES).position(|n| *n == name);
        let expr = formula::parse(&src, &resolve);
        prop_assert!(expr.is_ok(), "generated formula {:?} does not parse: {:?}", src, expr.err());
        let _ = expr.unwrap().eval(&vars, &mut EvalNotes::default());
    }
}

// ---------------------------------------------------------------------------------------------
// 6. Tier tables: marginal pay is continuous and non-decreasing; retroactive non-decreasing
// ---------------------------------------------------------------------------------------------

/// Tiers (lower bound, rate as a fraction), bounds strictly increasing from 0: in amounts, or
/// in percent of a target turned into amounts as the engine does.
fn tiers(sorted_rates: bool) -> impl Strategy<Value = Vec<(Decimal, Decimal)>> {
    (vec((decimal(1, 100_000_000, 2), pct(0, 10_000)), 1..=6), option::of(decimal(1, 100_000_000, 2))).prop_map(move |(steps, target)| {
        let mut from = Decimal::ZERO;
        let mut rates: Vec<Decimal> = steps.iter().map(|(_, r)| *r / Decimal::ONE_HUNDRED).collect();
        if sorted_rates {
            rates.sort();
        }
        let table: Vec<(Decimal, Decimal)> = steps
            .iter()
            .zip(rates)
            .enumerate()
            .map(|(i, ((step, _), rate))| {
                if i > 0 {
                    from += if target.is_some() { step.abs() / Decimal::from(100_000) } else { step.abs() };
                }
                (from, rate)
            })
            .collect();
        match target {
            // Bounds in percent (0.00001 %–1000 %) of a target.
            Some(t) => bounds_from_attainment(t, &table).unwrap(),
            None => table,
        }
    })
}

/// A base near a tier bound, or anywhere (clawbacks included).
fn base(table: &[(Decimal, Decimal)]) -> BoxedStrategy<Decimal> {
    let bounds: Vec<Decimal> = table.iter().map(|t| t.0).collect();
    prop_oneof![
        2 => decimal(-100_000_000, 10_000_000_000, 2),
        1 => (select(bounds), decimal(-1_000, 1_000, 2)).prop_map(|(b, off)| b + off),
    ]
    .boxed()
}

fn pay(b: Decimal, table: &[(Decimal, Decimal)], method: TierMethod) -> Result<Decimal, TestCaseError> {
    tiered_pay(b, table, method, false).map(|p| p.0).map_err(|_| TestCaseError::fail(format!("overflow paying {b}")))
}

proptest! {
    #![proptest_config(config(3000))]

    /// Property 6a: marginal pay is non-decreasing in the base, and rises by at most
    /// max_rate × ε when the base rises by ε (so it is continuous at every bound).
    #[test]
    fn marginal_pay_is_non_decreasing_and_lipschitz(
        (table, b) in tiers(false).prop_flat_map(|t| { let b = base(&t); (Just(t), b) }),
        eps in prop_oneof![decimal(0, 100, 2), decimal(0, 100_000_000, 2)],
    ) {
        let max_rate = table.iter().map(|t| t.1).max().unwrap();
        let (p0, p1) = (pay(b, &table, TierMethod::Marginal)?, pay(b + eps, &table, TierMethod::Marginal)?);
        prop_assert!(p0 <= p1, "marginal pay fell from {} to {} as the base rose from {} to {} (tiers {:?})", p0, p1, b, b + eps, table);
        prop_assert!(p1 - p0 <= max_rate * eps, "marginal pay jumped by {} from base {} to {} (more than max rate {} × {}; tiers {:?})", p1 - p0, b, b + eps, max_rate, eps, table);
        let (total, slices) = tiered_pay(b, &table, TierMethod::Marginal, true).unwrap();
        prop_assert_eq!(total, slices.iter().map(|s| s.pay).sum::<Decimal>(), "slices do not add up to the pay");
        prop_assert_eq!(slices.iter().map(|s| s.amount).sum::<Decimal>(), b, "slice amounts do not add up to the base");
    }

    /// Property 6b: retroactive pay (whole amount at the tier reached) with rates that do not
    /// fall from tier to tier is non-decreasing in the base.
    #[test]
    fn retroactive_pay_is_non_decreasing_with_rising_rates(
        (table, b) in tiers(true).prop_flat_map(|t| { let b = base(&t); (Just(t), b) }),
        eps in prop_oneof![decimal(0, 100, 2), decimal(0, 100_000_000, 2)],
    ) {
        let (p0, p1) = (pay(b, &table, TierMethod::Retroactive)?, pay(b + eps, &table, TierMethod::Retroactive)?);
        prop_assert!(p0 <= p1, "retroactive pay fell from {} to {} as the base rose from {} to {} (tiers {:?})", p0, p1, b, b + eps, table);
    }
}

// ---------------------------------------------------------------------------------------------
// 7. Forced distribution: a lower score never gets a better grade; equal scores, equal grades
// ---------------------------------------------------------------------------------------------

/// Scores from a small pool (many ties), written with different scales (85 and 85.00 are equal).
fn scores() -> impl Strategy<Value = Vec<Decimal>> {
    vec((0..=40i64, 0..=3u32, 0..=2u32), 0..=60).prop_map(|v| {
        v.into_iter()
            .map(|(s, extra_scale, frac)| {
                let mut x = Decimal::new(s * 5 + 40, 0) + Decimal::new(i64::from(frac) * 25, 2);
                x.rescale(x.scale() + extra_scale);
                x
            })
            .collect()
    })
}

proptest! {
    #![proptest_config(config(3000))]

    /// Property 7: grades by rank are monotone in the score, and ties share a grade.
    #[test]
    fn enforced_distribution_is_monotone_and_fair_to_ties(scores in scores(), quotas in (1..=6usize).prop_flat_map(shares)) {
        let graded = enforce_distribution(&scores, &quotas);
        // Each rep's place is its own, and lies in its grade's places unless it took the grade
        // of the equal score above it.
        let mut places: Vec<usize> = graded.iter().map(|(_, p)| p.place).collect();
        places.sort_unstable();
        prop_assert_eq!(places, (1..=scores.len()).collect::<Vec<_>>());
        for (_, p) in &graded {
            prop_assert!(p.tied_above || (p.first <= p.place && p.place <= p.last), "{:?} (scores {:?}, quotas {:?})", p, scores, quotas);
        }
        let grades: Vec<usize> = graded.into_iter().map(|(g, _)| g).collect();
        prop_assert_eq!(grades.len(), scores.len());
        for (i, g) in grades.iter().enumerate() {
            prop_assert!(*g < quotas.len(), "rep {} got grade index {} of {} (quotas {:?})", i, g, quotas.len(), quotas);
        }
        for i in 0..scores.len() {
            for j in 0..scores.len() {
                if scores[i] == scores[j] {
                    prop_assert_eq!(grades[i], grades[j], "equal scores {} and {} got grades {} and {} (scores {:?}, quotas {:?})", scores[i], scores[j], grades[i], grades[j], scores, quotas);
                } else if scores[i] < scores[j] {
                    prop_assert!(grades[i] >= grades[j], "score {} got grade {}, better than grade {} of the higher score {} (scores {:?}, quotas {:?})", scores[i], grades[i], grades[j], scores[j], scores, quotas);
                }
            }
        }
    }
}


