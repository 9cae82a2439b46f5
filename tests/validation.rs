//! Bad plans, one broken rule each: every test takes a valid preset (`plans/*.json`), changes
//! one thing with `serde_json::Value` edits, hands it to a [`Workspace`] over the sample reps
//! and checks the exact error code, field path and value (and, for some, both messages).
//!
//! Cases already in `bad_plans.rs` (the sample plan's weights at 120, a zero target, a missing
//! `actual`, a negative rate, grade band order…) are not repeated here.

mod common;

use incentive_engine::{Problem, Workspace};
use serde_json::{json, Value};

// ---------------------------------------------------------------------------------------
// Presets and helpers
// ---------------------------------------------------------------------------------------

const TARGET_ORIENTED: &str = include_str!("../plans/target-oriented.json");
const KPI_OKR: &str = include_str!("../plans/kpi-okr.json");
const SEED_ROLE_CARDS: &str = include_str!("../plans/seed-003-role-cards.json");

fn preset(text: &str) -> Value {
    let plan: Value = serde_json::from_str(text).unwrap();
    // Each preset must be valid as shipped, so the one edit a test makes is what breaks it.
    let report = Workspace::with_sample_reps().set_plan_json(&plan.to_string());
    assert!(report.ok, "the preset itself is rejected: {:#?}", report.problems);
    plan
}

/// The target-oriented preset: role cards for new_business / account_manager /
/// regional_manager with results 60–70, behavior 20–30, ability 10–20.
fn target_oriented() -> Value {
    preset(TARGET_ORIENTED)
}

/// The KPI + OKR preset: an annual target split 20/25/25/30 with a Southwest override, and a
/// default card (no `roles`) for account and regional managers.
fn kpi_okr() -> Value {
    preset(KPI_OKR)
}

/// The seed's role cards as written: weights add to 120, each card normalised, no ranges.
fn seed_role_cards() -> Value {
    preset(SEED_ROLE_CARDS)
}

/// The first card of the target-oriented preset (new_business), by KPI index:
/// 0 new_customer_revenue (ratio, cap 120, threshold 50), 1 new_customers (ratio),
/// 2 conversion (ratio on a metric), 3 visits (ratio, cap 100), 4 response_time
/// (inverse_ratio), 5 teamwork, 6 compliance (deduction), 7 product_knowledge (bands),
/// 8 negotiation (rating360), 9 learning, 10 relationship.
fn kpi(plan: &mut Value, k: usize) -> &mut Value {
    &mut plan["scorecards"][0]["kpis"][k]
}

/// The single error of a rejected plan (warnings are allowed).
fn error_of(plan: &Value) -> Problem {
    let mut ws = Workspace::with_sample_reps();
    let report = ws.set_plan_json(&plan.to_string());
    assert!(!report.ok, "plan was accepted");
    let errors: Vec<Problem> = report.problems.into_iter().filter(Problem::is_error).collect();
    assert_eq!(errors.len(), 1, "expected exactly one error: {errors:#?}");
    errors.into_iter().next().unwrap()
}

/// Checks the code, path and value of the single error, and returns it for more checks.
#[track_caller]
fn expect(plan: &Value, code: &str, path: &str, value: Option<&str>) -> Problem {
    let e = error_of(plan);
    assert_eq!((e.code, e.path.as_str(), e.value.as_deref()), (code, path, value), "{e:#?}");
    assert!(!e.message.en.is_empty() && !e.message.zh.is_empty(), "{e:#?}");
    e
}

/// Checks that both messages mention every one of `parts`.
#[track_caller]
fn both_mention(e: &Problem, parts: &[&str]) {
    for part in parts {
        assert!(e.message.en.contains(part), "en lacks {part:?}: {}", e.message.en);
        assert!(e.message.zh.contains(part), "zh lacks {part:?}: {}", e.message.zh);
    }
}

fn remove(object: &mut Value, field: &str) {
    assert!(object.as_object_mut().unwrap().remove(field).is_some(), "no field {field}");
}

fn owned(list: &[(&str, &str, Option<&str>)]) -> Vec<(String, String, Option<String>)> {
    list.iter().map(|(c, p, v)| (c.to_string(), p.to_string(), v.map(str::to_string))).collect()
}

// ---------------------------------------------------------------------------------------
// Card weights and categories
// ---------------------------------------------------------------------------------------

#[test]
fn results_share_below_its_category_minimum() {
    // new_business: results 30+20+15 = 65 → move 10 points from a result KPI to visits
    // (behavior): results 55 (range 60–70), behavior 30 (still inside 20–30).
    let mut plan = target_oriented();
    kpi(&mut plan, 0)["weight"] = json!(20);
    kpi(&mut plan, 3)["weight"] = json!(16);
    let e = expect(&plan, "category_weight", "scorecards[0].kpis", Some("55"));
    both_mention(&e, &["`results`", "55%", "`new_business`", "60–70%"]);
    assert_eq!(e.message.en, "category `results` has 55% of scorecard `new_business`; its range is 60–70%");
    assert_eq!(e.message.zh, "类别 `results` 在计分卡 `new_business` 中占 55%；允许范围为 60–70%");
}

#[test]
fn the_seed_card_at_120_without_normalize() {
    let mut plan = seed_role_cards();
    remove(&mut plan["scorecards"][0], "normalize");
    let e = expect(&plan, "weights_sum", "scorecards[0].kpis", Some("120"));
    both_mention(&e, &["`new_business`", "120", "\"normalize\": true"]);
    assert!(e.message.en.contains("add to 120 (new_customer_revenue 30 + "), "{}", e.message.en);
    assert!(e.message.zh.contains("合计为 120（new_customer_revenue 30 + "), "{}", e.message.zh);
}

#[test]
fn normalize_with_every_weight_zero() {
    let mut plan = target_oriented();
    plan["scorecards"][0]["normalize"] = json!(true);
    for k in plan["scorecards"][0]["kpis"].as_array_mut().unwrap() {
        k["weight"] = json!(0);
    }
    let e = expect(&plan, "weights_zero", "scorecards[0].kpis", Some("0"));
    both_mention(&e, &["`new_business`", "0"]);
}

#[test]
fn a_kpi_in_an_unknown_category() {
    // The seed's role cards have categories without ranges, so only the name is wrong.
    let mut plan = seed_role_cards();
    kpi(&mut plan, 0)["category"] = json!("result");
    let e = expect(&plan, "unknown_category", "scorecards[0].kpis[0].category", Some("result"));
    both_mention(&e, &["`result`", "results", "behavior", "ability"]);
}

#[test]
fn a_category_minimum_above_its_maximum() {
    let mut plan = seed_role_cards();
    plan["categories"][0]["min_weight"] = json!(70);
    plan["categories"][0]["max_weight"] = json!(60);
    // Reported once: the cards' shares are not also checked against a range that cannot hold.
    expect(&plan, "range_reversed", "categories[0].min_weight", Some("70"));
}

// ---------------------------------------------------------------------------------------
// Fields a scoring function needs or ignores
// ---------------------------------------------------------------------------------------

#[test]
fn a_ratio_kpi_without_target() {
    let mut plan = target_oriented();
    remove(kpi(&mut plan, 1), "target");
    let e = expect(&plan, "missing_field", "scorecards[0].kpis[1].target", None);
    assert_eq!(e.message.en, "KPI `new_customers` is scored by `ratio`, which needs `target`");
    assert_eq!(e.message.zh, "指标 `new_customers` 使用 `ratio` 计分，需要 `target`");
}

#[test]
fn a_rating360_kpi_with_a_target_it_does_not_use() {
    let mut plan = target_oriented();
    kpi(&mut plan, 8)["target"] = json!("90");
    let e = expect(&plan, "unused_field", "scorecards[0].kpis[8].target", None);
    both_mention(&e, &["`negotiation`", "`rating360`", "`target`"]);
}

// ---------------------------------------------------------------------------------------
// Scoring functions: ratio limits, bands, 360 raters, deductions
// ---------------------------------------------------------------------------------------

#[test]
fn a_cap_of_zero() {
    let mut plan = target_oriented();
    kpi(&mut plan, 0)["scoring"]["cap_pct"] = json!(0);
    let e = expect(&plan, "out_of_range", "scorecards[0].kpis[0].scoring.cap_pct", Some("0"));
    both_mention(&e, &["0", "1,000"]);
    assert_eq!(e.message.en, "a cap must be more than 0 and at most 1,000; it is 0");
}

#[test]
fn a_floor_above_the_cap() {
    let mut plan = target_oriented();
    kpi(&mut plan, 3)["scoring"]["floor_pct"] = json!(110); // visits: cap 100
    let e = expect(&plan, "floor_above_cap", "scorecards[0].kpis[3].scoring.floor_pct", Some("110"));
    both_mention(&e, &["110%", "100%"]);
}

#[test]
fn a_threshold_above_the_largest_limit() {
    let mut plan = target_oriented();
    kpi(&mut plan, 0)["scoring"]["threshold_pct"] = json!(1001);
    expect(&plan, "out_of_range", "scorecards[0].kpis[0].scoring.threshold_pct", Some("1001"));
}

#[test]
fn band_steps_in_the_wrong_order() {
    // product_knowledge: 95 / 85 / 75, higher is better, so each step must be below the last.
    let mut plan = target_oriented();
    kpi(&mut plan, 7)["scoring"]["steps"][1]["at"] = json!(99);
    let e = expect(&plan, "band_order", "scorecards[0].kpis[7].scoring.steps[1].at", Some("99"));
    both_mention(&e, &["99", "95"]);
    // In the form's words (a band's start), not the JSON key `at`.
    assert_eq!(e.message.en, "the start of step 2 is 99: it must be below that of step 1 (95)");
    assert!(!e.message.zh.contains('`'), "{}", e.message.zh);
}

#[test]
fn lower_is_better_bands_must_go_up() {
    // The same 95 / 85 / 75 steps read as lower-is-better are in the wrong order from step 2.
    let mut plan = target_oriented();
    kpi(&mut plan, 7)["scoring"]["direction"] = json!("lower_is_better");
    assert_eq!(
        common::rejected(&plan),
        owned(&[
            ("band_order", "scorecards[0].kpis[7].scoring.steps[1].at", Some("85")),
            ("band_order", "scorecards[0].kpis[7].scoring.steps[2].at", Some("75")),
        ])
    );
}

#[test]
fn an_empty_band_table() {
    let mut plan = target_oriented();
    kpi(&mut plan, 7)["scoring"]["steps"] = json!([]);
    expect(&plan, "empty_list", "scorecards[0].kpis[7].scoring.steps", None);
}

#[test]
fn a_band_otherwise_score_above_100() {
    let mut plan = target_oriented();
    kpi(&mut plan, 7)["scoring"]["otherwise_pct"] = json!(150);
    expect(&plan, "out_of_range", "scorecards[0].kpis[7].scoring.otherwise_pct", Some("150"));
}

#[test]
fn rater_weights_not_adding_to_100() {
    let mut plan = target_oriented();
    kpi(&mut plan, 8)["scoring"]["raters"] = json!([
        { "rating": "rating_superior", "weight": 60 },
        { "rating": "rating_customer", "weight": 20 },
        { "rating": "rating_peer", "weight": 30 }
    ]);
    let e = expect(&plan, "sum_not_100", "scorecards[0].kpis[8].scoring.raters", Some("110"));
    both_mention(&e, &["110", "100"]);
}

#[test]
fn a_rating_scale_of_zero() {
    let mut plan = target_oriented();
    kpi(&mut plan, 8)["scoring"]["scale_max"] = json!(0);
    expect(&plan, "out_of_range", "scorecards[0].kpis[8].scoring.scale_max", Some("0"));
}

#[test]
fn a_deduction_of_zero_points_per_event() {
    let mut plan = target_oriented();
    kpi(&mut plan, 6)["scoring"]["points_per_event"] = json!(0);
    expect(&plan, "out_of_range", "scorecards[0].kpis[6].scoring.points_per_event", Some("0"));
}

#[test]
fn a_deduction_floor_above_zero() {
    let mut plan = target_oriented();
    kpi(&mut plan, 6)["scoring"]["floor"] = json!(1);
    let e = expect(&plan, "floor_above_zero", "scorecards[0].kpis[6].scoring.floor", Some("1"));
    both_mention(&e, &["0", "1"]);
}

// ---------------------------------------------------------------------------------------
// Bonus and penalty points
// ---------------------------------------------------------------------------------------

#[test]
fn a_point_item_worth_zero_per_event() {
    let mut plan = target_oriented();
    plan["points"]["items"][0]["points_per_event"] = json!(0);
    expect(&plan, "out_of_range", "points.items[0].points_per_event", Some("0"));
}

#[test]
fn a_point_item_capped_at_zero() {
    let mut plan = target_oriented();
    plan["points"]["items"][3]["cap"] = json!(0);
    expect(&plan, "out_of_range", "points.items[3].cap", Some("0"));
}

#[test]
fn a_total_bonus_cap_above_100() {
    let mut plan = target_oriented();
    plan["points"]["max_bonus"] = json!(101);
    expect(&plan, "out_of_range", "points.max_bonus", Some("101"));
}

// ---------------------------------------------------------------------------------------
// Ids: unique, usable in formulas, not clashing with the data
// ---------------------------------------------------------------------------------------

#[test]
fn the_same_kpi_id_twice_on_a_card() {
    let mut plan = target_oriented();
    kpi(&mut plan, 1)["id"] = json!("new_customer_revenue");
    let e = expect(&plan, "duplicate_id", "scorecards[0].kpis[1].id", Some("new_customer_revenue"));
    both_mention(&e, &["`new_customer_revenue`"]);
}

#[test]
fn the_same_scorecard_id_twice() {
    let mut plan = target_oriented();
    plan["scorecards"][1]["id"] = json!("new_business");
    expect(&plan, "duplicate_id", "scorecards[1].id", Some("new_business"));
}

#[test]
fn the_same_metric_id_twice() {
    let mut plan = target_oriented();
    plan["metrics"].as_array_mut().unwrap().push(json!({ "id": "conversion_rate", "formula": "new_customers / visits" }));
    expect(&plan, "duplicate_id", "metrics[6].id", Some("conversion_rate"));
}

#[test]
fn a_metric_id_that_is_not_an_identifier() {
    let mut plan = target_oriented();
    plan["metrics"].as_array_mut().unwrap().push(json!({ "id": "2x", "formula": "visits * 2" }));
    let e = expect(&plan, "bad_id", "metrics[6].id", Some("2x"));
    both_mention(&e, &["`2x`"]);
}

#[test]
fn a_metric_named_like_a_data_column() {
    let mut plan = target_oriented();
    plan["metrics"].as_array_mut().unwrap().push(json!({ "id": "visits", "formula": "new_customers * 2" }));
    let e = expect(&plan, "name_clash", "metrics[6].id", Some("visits"));
    assert!(e.message.en.contains("a column of the data"), "{}", e.message.en);
    assert!(e.message.zh.contains("数据中的一列"), "{}", e.message.zh);
}

#[test]
fn a_target_named_like_a_metric() {
    // Metric and target ids share one namespace (both are names in formulas).
    let mut plan = target_oriented();
    plan["targets"].as_array_mut().unwrap().push(json!({ "id": "conversion_rate", "default": "0.2" }));
    expect(&plan, "duplicate_id", "targets[1].id", Some("conversion_rate"));
}

// ---------------------------------------------------------------------------------------
// Formulas and metrics
// ---------------------------------------------------------------------------------------

#[test]
fn metrics_that_depend_on_each_other() {
    let mut plan = target_oriented();
    let metrics = plan["metrics"].as_array_mut().unwrap();
    metrics.push(json!({ "id": "a", "formula": "b + 1" }));
    metrics.push(json!({ "id": "b", "formula": "a + 1" }));
    let e = expect(&plan, "circular_metric", "metrics[6].formula", Some("a → b → a"));
    both_mention(&e, &["a → b → a"]);
}

#[test]
fn a_formula_with_a_syntax_error() {
    let mut plan = target_oriented();
    kpi(&mut plan, 0)["actual"] = json!("revenue_new * (1 + 0.1");
    let e = expect(&plan, "formula", "scorecards[0].kpis[0].actual", Some("revenue_new * (1 + 0.1"));
    // At the formula's end: the message says where the '(' is, not the position after the end.
    assert_eq!(e.message.en, "missing ')' for the '(' at character 15");
    assert_eq!(e.message.zh, "第 15 个字符的 '(' 缺少对应的 ')'");
}

#[test]
fn a_formula_calling_an_unknown_function() {
    let mut plan = target_oriented();
    plan["metrics"][0]["formula"] = json!("new_customers / maximum(visits, 1)");
    let e = expect(&plan, "formula", "metrics[0].formula", Some("new_customers / maximum(visits, 1)"));
    assert!(e.message.en.starts_with("at character 17 of the formula: unknown function 'maximum'"), "{}", e.message.en);
    assert!(e.message.zh.starts_with("公式第 17 个字符处：未知函数 'maximum'"), "{}", e.message.zh);
}

#[test]
fn a_function_with_the_wrong_number_of_arguments() {
    let mut plan = target_oriented();
    kpi(&mut plan, 0)["actual"] = json!("if(revenue_new > 0, revenue_new)");
    let e = expect(&plan, "formula", "scorecards[0].kpis[0].actual", Some("if(revenue_new > 0, revenue_new)"));
    assert_eq!(e.message.en, "at character 1 of the formula: if() takes 3 arguments, not 2");
    assert_eq!(e.message.zh, "公式第 1 个字符处：if() 需要 3 个参数，而不是 2 个");
}

// ---------------------------------------------------------------------------------------
// Names that must be in the data
// ---------------------------------------------------------------------------------------

#[test]
fn a_scorecard_role_not_in_the_data() {
    let mut plan = target_oriented();
    plan["scorecards"][0]["roles"][0] = json!("new_busines");
    let e = expect(&plan, "unknown_id", "scorecards[0].roles[0]", Some("new_busines"));
    both_mention(&e, &["`new_busines`", "account_manager", "new_business", "regional_manager"]);
}

#[test]
fn a_by_region_key_not_in_the_data() {
    let mut plan = target_oriented();
    let by_region = plan["targets"][0]["by_region"].as_object_mut().unwrap();
    let east = by_region.remove("East").unwrap();
    by_region.insert("Esat".into(), east);
    let e = expect(&plan, "unknown_id", "targets[0].by_region.Esat", Some("Esat"));
    both_mention(&e, &["`Esat`"]);
}

#[test]
fn an_override_for_a_rep_not_in_the_data() {
    let mut plan = kpi_okr();
    let o = &mut plan["targets"][0]["overrides"][0];
    remove(o, "region");
    o["rep"] = json!("W99");
    expect(&plan, "unknown_id", "targets[0].overrides[0].rep", Some("W99"));
}

// ---------------------------------------------------------------------------------------
// Targets: splits and overrides
// ---------------------------------------------------------------------------------------

#[test]
fn a_split_with_five_shares_for_quarters() {
    let mut plan = kpi_okr();
    plan["targets"][0]["split"]["shares"] = json!([20, 20, 20, 20, 20]);
    let e = expect(&plan, "split_length", "targets[0].split.shares", Some("5"));
    both_mention(&e, &["4", "5"]);
}

#[test]
fn a_field_written_twice() {
    // serde_json's Value would keep the last `weight` without a word: the plan says which
    // one it means instead.
    let text = kpi_okr().to_string();
    let first = text.find("\"weight\":20").expect("a weight of 20");
    let text = format!("{}\"weight\":25,{}", &text[..first], &text[first..]);
    let report = Workspace::with_sample_reps().set_plan_json(&text);
    assert!(!report.ok);
    let e = &report.problems[0];
    assert_eq!((e.code, e.path.as_str()), ("duplicate_field", "scorecards[0].kpis[0].weight"), "{e:#?}");
    assert_eq!(e.message.en, "the field `weight` is written twice here: keep one");
    assert_eq!(e.message.zh, "此处字段 `weight` 写了两次：请只保留一个");
    // In a map of values (targets by region), too.
    let mut plan = kpi_okr();
    plan["targets"][0]["by_region"] = json!({"Northwest": "32"});
    let text = plan.to_string().replace("\"Northwest\":\"32\"", "\"Northwest\":\"32\",\"Northwest\":\"33\"");
    let report = Workspace::with_sample_reps().set_plan_json(&text);
    assert!(!report.ok);
    assert_eq!((report.problems[0].code, report.problems[0].path.as_str()), ("duplicate_field", "targets[0].by_region.Northwest"), "{:#?}", report.problems);
}

#[test]
fn a_split_named_without_its_shares() {
    // `"split": "shares"` names the option but not its shares: the message shows this
    // option's shape (not another option's), at the field holding it.
    let mut plan = kpi_okr();
    plan["targets"][0]["split"] = json!("shares");
    let e = expect(&plan, "invalid_value", "targets[0].split", Some("shares"));
    assert_eq!(e.message.en, "`shares` needs its settings: write an object such as {\"shares\": …}");
    assert_eq!(e.message.zh, "`shares` 需要设置内容：应写成对象，例如 {\"shares\": …}");
}

#[test]
fn split_shares_not_adding_to_100() {
    let mut plan = kpi_okr();
    plan["targets"][0]["split"]["shares"][3] = json!(40);
    let e = expect(&plan, "sum_not_100", "targets[0].split.shares", Some("110"));
    both_mention(&e, &["110", "100"]);
}

#[test]
fn a_split_on_a_per_period_target() {
    let mut plan = kpi_okr();
    plan["targets"][0]["basis"] = json!("per_period");
    expect(&plan, "split_needs_annual", "targets[0].split", None);
}

#[test]
fn an_override_with_a_bad_period_name() {
    let mut plan = kpi_okr();
    plan["targets"][0]["overrides"][0]["period"] = json!("2026-Q5");
    let e = expect(&plan, "period_name", "targets[0].overrides[0].period", Some("2026-Q5"));
    both_mention(&e, &["`2026-Q5`", "2026-Q1"]);
}

#[test]
fn two_identical_overrides() {
    let mut plan = kpi_okr();
    let overrides = plan["targets"][0]["overrides"].as_array_mut().unwrap();
    overrides.push(overrides[0].clone());
    let e = expect(&plan, "duplicate_override", "targets[0].overrides[1]", Some("2026-Q4"));
    both_mention(&e, &["2026-Q4"]);
}

#[test]
fn an_override_naming_both_a_region_and_a_rep() {
    let mut plan = kpi_okr();
    plan["targets"][0]["overrides"][0]["rep"] = json!("W01");
    expect(&plan, "override_scope", "targets[0].overrides[0]", None);
}

#[test]
fn a_target_default_of_zero() {
    let mut plan = kpi_okr();
    plan["targets"][0]["default"] = json!("0");
    expect(&plan, "out_of_range", "targets[0].default", Some("0"));
}

// ---------------------------------------------------------------------------------------
// Grades: distribution guide and streak
// ---------------------------------------------------------------------------------------

#[test]
fn a_guide_grade_that_is_not_a_band() {
    let mut plan = target_oriented();
    plan["grades"]["distribution"]["guide"][3]["grade"] = json!("D");
    let e = expect(&plan, "unknown_grade", "grades.distribution.guide[3].grade", Some("D"));
    both_mention(&e, &["`D`", "S", "A", "B", "C"]);
}

#[test]
fn a_guide_share_with_min_above_max() {
    let mut plan = target_oriented();
    plan["grades"]["distribution"]["guide"][0]["min_pct"] = json!(20);
    expect(&plan, "range_reversed", "grades.distribution.guide[0].min_pct", Some("20"));
}

#[test]
fn enforce_without_quotas() {
    // Every guide entry lacks its quota; each is reported once (their sum is not checked).
    let mut plan = target_oriented();
    plan["grades"]["distribution"]["enforce"] = json!(true);
    assert_eq!(
        common::rejected(&plan),
        owned(&[
            ("missing_field", "grades.distribution.guide[0].quota_pct", None),
            ("missing_field", "grades.distribution.guide[1].quota_pct", None),
            ("missing_field", "grades.distribution.guide[2].quota_pct", None),
            ("missing_field", "grades.distribution.guide[3].quota_pct", None),
        ])
    );
}

fn with_quotas(quotas: [i64; 4]) -> Value {
    let mut plan = target_oriented();
    plan["grades"]["distribution"]["enforce"] = json!(true);
    for (g, q) in quotas.into_iter().enumerate() {
        plan["grades"]["distribution"]["guide"][g]["quota_pct"] = json!(q);
    }
    plan
}

#[test]
fn enforced_quotas_are_valid_when_they_add_to_100() {
    // The baseline of the two quota tests below.
    let report = Workspace::with_sample_reps().set_plan_json(&with_quotas([10, 40, 40, 10]).to_string());
    assert!(report.ok, "{:#?}", report.problems);
}

#[test]
fn enforced_quotas_not_adding_to_100() {
    let e = expect(&with_quotas([15, 40, 40, 10]), "sum_not_100", "grades.distribution.guide", Some("105"));
    both_mention(&e, &["105", "100"]);
}

#[test]
fn an_enforced_guide_missing_a_grade() {
    let mut plan = with_quotas([10, 40, 50, 0]);
    plan["grades"]["distribution"]["guide"].as_array_mut().unwrap().pop();
    expect(&plan, "guide_grades", "grades.distribution.guide", Some("S, A, B"));
}

#[test]
fn a_streak_of_one_period() {
    let mut plan = target_oriented();
    plan["grades"]["streak"]["periods"] = json!(1);
    let e = expect(&plan, "out_of_range", "grades.streak.periods", Some("1"));
    both_mention(&e, &["2", "12", "1"]);
}

#[test]
fn a_streak_on_an_unknown_grade() {
    let mut plan = target_oriented();
    plan["grades"]["streak"]["grade"] = json!("D");
    expect(&plan, "unknown_grade", "grades.streak.grade", Some("D"));
}

#[test]
fn the_same_grade_name_twice() {
    let mut plan = target_oriented();
    plan["grades"]["bands"][1]["grade"] = json!("S");
    let got = common::rejected(&plan);
    assert_eq!(got[0], ("grade_name".into(), "grades.bands[1].grade".into(), Some("S".into())));
}

// ---------------------------------------------------------------------------------------
// Which card a role gets
// ---------------------------------------------------------------------------------------

#[test]
fn two_cards_without_roles() {
    // kpi-okr's second card is the default; dropping the first card's roles makes two.
    let mut plan = kpi_okr();
    remove(&mut plan["scorecards"][0], "roles");
    let e = expect(&plan, "two_default_cards", "scorecards[1].roles", None);
    both_mention(&e, &["`roles`"]);
}

#[test]
fn a_role_on_two_cards() {
    let mut plan = target_oriented();
    plan["scorecards"][1]["roles"].as_array_mut().unwrap().push(json!("new_business"));
    let e = expect(&plan, "role_on_two_cards", "scorecards[1].roles[1]", Some("new_business"));
    both_mention(&e, &["`new_business`"]);
}

#[test]
fn a_card_without_kpis() {
    let mut plan = target_oriented();
    plan["scorecards"][2]["kpis"] = json!([]);
    expect(&plan, "empty_list", "scorecards[2].kpis", None);
}

// ---------------------------------------------------------------------------------------
// Commission tiers
// ---------------------------------------------------------------------------------------

#[test]
fn a_first_tier_not_starting_at_zero() {
    let mut plan = target_oriented();
    plan["commission"][0]["tiers"][0]["from"] = json!(10);
    let e = expect(&plan, "first_tier_not_zero", "commission[0].tiers[0].from", Some("10"));
    both_mention(&e, &["0", "10"]);
}

#[test]
fn two_tiers_starting_at_the_same_bound() {
    // Tiers must go strictly up: 0, 120, 120 is out of order at the third tier.
    let mut plan = target_oriented();
    plan["commission"][0]["tiers"][1]["from"] = json!(120);
    let e = expect(&plan, "tier_order", "commission[0].tiers[2].from", Some("120"));
    both_mention(&e, &["120"]);
}

#[test]
fn a_rate_of_150_percent() {
    let mut plan = target_oriented();
    plan["commission"][0]["tiers"][2]["rate_pct"] = json!(150);
    let e = expect(&plan, "out_of_range", "commission[0].tiers[2].rate_pct", Some("150"));
    both_mention(&e, &["150", "100"]);
}

#[test]
fn attainment_tiers_without_a_target() {
    let mut plan = target_oriented();
    remove(&mut plan["commission"][0], "target");
    let e = expect(&plan, "target_needed", "commission[0].target", None);
    both_mention(&e, &["`revenue_commission`", "`target`"]);
}

#[test]
fn a_commission_line_without_tiers() {
    let mut plan = target_oriented();
    plan["commission"][0]["tiers"] = json!([]);
    expect(&plan, "empty_list", "commission[0].tiers", None);
}

// ---------------------------------------------------------------------------------------
// Types and rounding (found while reading the JSON)
// ---------------------------------------------------------------------------------------

#[test]
fn an_unknown_scoring_type() {
    let mut plan = target_oriented();
    kpi(&mut plan, 0)["scoring"]["type"] = json!("ratio_capped");
    let e = expect(&plan, "unknown_option", "scorecards[0].kpis[0].scoring.type", Some("ratio_capped"));
    both_mention(&e, &["`ratio_capped`", "rating360"]);
}

#[test]
fn a_weight_written_as_a_word() {
    let mut plan = target_oriented();
    kpi(&mut plan, 0)["weight"] = json!("thirty");
    expect(&plan, "invalid_value", "scorecards[0].kpis[0].weight", Some("thirty"));
}

#[test]
fn a_rounding_scale_of_11() {
    let mut plan = target_oriented();
    plan["rounding"]["money_scale"] = json!(11);
    let e = expect(&plan, "scale_too_large", "rounding.money_scale", Some("11"));
    both_mention(&e, &["11", "10"]);
}

// ---------------------------------------------------------------------------------------
// Currency
// ---------------------------------------------------------------------------------------

#[test]
fn a_currency_is_three_capital_letters() {
    let mut plan = kpi_okr();
    plan["currency"] = json!("rmb");
    let e = expect(&plan, "bad_currency", "currency", Some("rmb"));
    both_mention(&e, &["`rmb`", "CNY"]);
    plan["currency"] = json!("USD");
    assert!(Workspace::with_sample_reps().set_plan_json(&plan.to_string()).ok);
}
