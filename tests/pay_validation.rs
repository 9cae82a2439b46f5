//! Bad plans about PAY, one mistake each: commission lines and their modifiers, base pay,
//! bonuses, the draw, the variable pay cap and where rounding applies.
//!
//! Every test starts from [`full_pay_plan`] — `plans/saas-target.json` with every pay
//! feature added, itself accepted with no problem at all — changes one thing with
//! `serde_json::Value` edits, hands it to a [`Workspace`] over the sample reps and checks the
//! exact error code, field path and value (and, for many, both messages).
//!
//! Cases already covered by `validation.rs` / `bad_plans.rs` on other presets (first tier not
//! at 0, a rate of 150%, tiers without a target, an empty tier list) are not repeated.

use incentive_engine::{Problem, Workspace};
use serde_json::{json, Value};

// ---------------------------------------------------------------------------------------
// The valid plan every test edits, and helpers
// ---------------------------------------------------------------------------------------

const SAAS_TARGET: &str = include_str!("../plans/saas-target.json");

/// `plans/saas-target.json` with every pay feature:
///
/// - `commission[0]` `revenue_commission` (marginal, attainment tiers 0/100/120 at 3/4/5%):
///   gate 50%, cap 200,000, a rate override (+1 point when `satisfaction >= 90`), grade
///   multipliers S 1.2 / C 0.8 and a collection multiplier (× 0.8 below 90% of receivable);
/// - `commission[1]` `new_logo` (retroactive, amount tiers 0 / 500,000 at 1 / 1.5%, no target);
/// - `base_pay`: salaries 0 any (6,000), 1 tier-1 (8,000), 2 new_business (7,000),
///   3 account_manager in tier 1 (9,000), 4 regional_manager (12,000); allowances 0
///   `transport` (800, everyone), 1 `phone` (300, managers); a minimum wage per city tier and
///   a base share range of 20–60%;
/// - `bonuses`: 0 `over` (over_achievement), 1 `nps` (threshold, grades S and A), 2 `top3`
///   (rank, with grade multipliers), 3 `pool` (team_pool), 4 `profit` (profit_share, grade S);
/// - a recoverable draw of 20,000, a variable pay cap of 300,000, and rounding of the total
///   only.
fn full_pay_plan() -> Value {
    let mut plan: Value = serde_json::from_str(SAAS_TARGET).unwrap();
    plan["rounding"]["applies_to"] = json!("total");
    let line = &mut plan["commission"][0];
    line["gate_pct"] = json!(50);
    line["cap"] = json!(200000);
    line["rate_override"] = json!({ "when": "satisfaction >= 90", "add_pct": 1 });
    line["grade_multipliers"] = json!({ "S": 1.2, "C": 0.8 });
    line["multipliers"] = json!([{ "when": "revenue_collected < receivable * 90%", "multiplier": 0.8 }]);
    plan["commission"].as_array_mut().unwrap().push(json!({
        "id": "new_logo", "name": "New-customer revenue", "name_zh": "新客户收入提成",
        "base": "revenue_new", "method": "retroactive", "tier_basis": "amount",
        "tiers": [{ "from": 0, "rate_pct": 1 }, { "from": 500000, "rate_pct": 1.5 }]
    }));
    plan["base_pay"] = json!({
        "city_tier_field": "city_tier",
        "salaries": [
            { "monthly": 6000 },
            { "city_tier": 1, "monthly": 8000 },
            { "role": "new_business", "monthly": 7000 },
            { "role": "account_manager", "city_tier": 1, "monthly": 9000 },
            { "role": "regional_manager", "monthly": 12000 }
        ],
        "allowances": [
            { "id": "transport", "name": "Transport", "name_zh": "交通补贴", "monthly": 800 },
            { "id": "phone", "name": "Phone", "name_zh": "通讯补贴", "monthly": 300, "roles": ["account_manager", "regional_manager"] }
        ],
        "minimum_by_city_tier": { "1": 2690, "2": 2200, "3": 1900 },
        "share_range_pct": [20, 60]
    });
    plan["bonuses"] = json!([
        { "id": "over", "name": "Over-achievement", "name_zh": "超额奖",
          "rule": { "type": "over_achievement", "actual": "revenue_collected", "target": "revenue_target", "above_pct": 120, "excess_over_pct": 100, "rate_pct": 1 } },
        { "id": "nps", "name": "NPS", "grades": ["S", "A"],
          "rule": { "type": "threshold", "when": "nps >= 90", "amount": 3000 } },
        { "id": "top3", "name": "Top 3 new customers", "grade_multipliers": { "S": 1.5, "B": 0.5 },
          "rule": { "type": "rank", "measure": "new_customers", "top": 3, "amount": 5000, "ties": "share", "within": "region" } },
        { "id": "pool", "name": "Best region",
          "rule": { "type": "team_pool", "pool": 100000, "group_by": "region", "winners": 1, "split": { "contribution": "revenue_collected" } } },
        { "id": "profit", "name": "Profit share", "grades": ["S"],
          "rule": { "type": "profit_share", "profit": 2000000, "pool_pct": 5, "split": { "weights": "1" } } }
    ]);
    plan["draw"] = json!({ "amount": 20000, "recoverable": true });
    plan["variable_pay_cap"] = json!(300000);
    plan
}

/// Every problem (errors and warnings) of a plan, and whether it was accepted.
fn report_of(plan: &Value) -> (bool, Vec<Problem>) {
    let report = Workspace::with_sample_reps().set_plan_json(&plan.to_string());
    (report.ok, report.problems)
}

/// The errors of a rejected plan.
#[track_caller]
fn errors_of(plan: &Value) -> Vec<Problem> {
    let (ok, problems) = report_of(plan);
    assert!(!ok, "plan was accepted: {problems:#?}");
    problems.into_iter().filter(Problem::is_error).collect()
}

/// The errors of a rejected plan as (code, path, value).
#[track_caller]
fn triples(plan: &Value) -> Vec<(String, String, Option<String>)> {
    errors_of(plan).into_iter().map(|p| (p.code.to_string(), p.path, p.value)).collect()
}

/// Checks the code, path and value of the single error of a rejected plan (and that it has
/// a message in both languages), and returns it for more checks.
#[track_caller]
fn expect(plan: &Value, code: &str, path: &str, value: Option<&str>) -> Problem {
    let errors = errors_of(plan);
    assert_eq!(errors.len(), 1, "expected exactly one error: {errors:#?}");
    let e = errors.into_iter().next().unwrap();
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

/// Checks that the Chinese message has no English word of `words` left in it.
#[track_caller]
fn zh_free_of(e: &Problem, words: &[&str]) {
    for w in words {
        assert!(!e.message.zh.contains(w), "zh has {w:?}: {}", e.message.zh);
    }
}

fn remove(object: &mut Value, field: &str) {
    assert!(object.as_object_mut().unwrap().remove(field).is_some(), "no field {field}");
}

fn owned(list: &[(&str, &str, Option<&str>)]) -> Vec<(String, String, Option<String>)> {
    list.iter().map(|(c, p, v)| (c.to_string(), p.to_string(), v.map(str::to_string))).collect()
}

fn line(plan: &mut Value, i: usize) -> &mut Value {
    &mut plan["commission"][i]
}

fn bonus_rule(plan: &mut Value, i: usize) -> &mut Value {
    &mut plan["bonuses"][i]["rule"]
}

// ---------------------------------------------------------------------------------------
// The baseline
// ---------------------------------------------------------------------------------------

#[test]
fn the_full_pay_plan_is_accepted_without_any_problem_and_pays_every_rep_in_q4() {
    let plan = full_pay_plan();
    let mut ws = Workspace::with_sample_reps();
    let report = ws.set_plan_json(&plan.to_string());
    assert!(report.ok, "{:#?}", report.problems);
    assert!(report.problems.is_empty(), "not even a warning is expected: {:#?}", report.problems);

    let e = ws.evaluate("2026-Q4").unwrap();
    let mut ids: Vec<&str> = ws.data().reps.iter().map(|r| r.id.as_str()).collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(e.reps.len(), 32);
    assert_eq!(e.reps.len(), ids.len(), "a rep was left out");
    assert!(e.problems.is_empty(), "reps left out: {:#?}", e.problems);
    assert_eq!((e.totals.reps, e.totals.excluded), (32, 0));
    for r in &e.reps {
        assert_eq!(r.commission.len(), 2, "{}", r.rep_id);
        assert_eq!(r.bonuses.len(), 5, "{}", r.rep_id);
        assert!(r.draw.is_some(), "{}", r.rep_id);
        assert!(r.base_total > rust_decimal::Decimal::ZERO, "{}", r.rep_id);
    }
    // The most specific salary wins, plus allowances, for the quarter's 3 months:
    // E01 new_business tier 1: role 7,000 (beats tier-1 8,000) + transport 800 = 23,400;
    // E05 account_manager tier 1: 9,000 + 800 + 300 = 30,300;
    // W05 account_manager tier 2: default 6,000 + 800 + 300 = 21,300;
    // E08 regional_manager: 12,000 + 800 + 300 = 39,300.
    let base = |id: &str| e.reps.iter().find(|r| r.rep_id == id).unwrap().base_total;
    assert_eq!(
        [base("E01"), base("E05"), base("W05"), base("E08")].map(|d| d.to_string()),
        ["23400", "30300", "21300", "39300"]
    );
}

// ---------------------------------------------------------------------------------------
// Commission tiers
// ---------------------------------------------------------------------------------------

#[test]
fn tiers_out_of_order() {
    // 0, 120, 100: the third tier starts below the second.
    let mut plan = full_pay_plan();
    line(&mut plan, 0)["tiers"][1]["from"] = json!(120);
    line(&mut plan, 0)["tiers"][2]["from"] = json!(100);
    let e = expect(&plan, "tier_order", "commission[0].tiers[2].from", Some("100"));
    both_mention(&e, &["100", "120", "3"]);
    assert_eq!(e.message.en, "the start of tier 3 is 100: it must be above that of tier 2 (120)");
    assert_eq!(e.message.zh, "第 3 个阶梯的起点为 100，必须高于第 2 个阶梯的起点（120）");
}

#[test]
fn overlapping_tiers_both_starting_at_zero() {
    let mut plan = full_pay_plan();
    line(&mut plan, 0)["tiers"][1]["from"] = json!(0);
    let e = expect(&plan, "tier_order", "commission[0].tiers[1].from", Some("0"));
    both_mention(&e, &["0"]);
}

#[test]
fn a_negative_rate() {
    let mut plan = full_pay_plan();
    line(&mut plan, 0)["tiers"][0]["rate_pct"] = json!(-1);
    let e = expect(&plan, "out_of_range", "commission[0].tiers[0].rate_pct", Some("-1"));
    both_mention(&e, &["-1", "0", "100"]);
}

// ---------------------------------------------------------------------------------------
// Gates and caps
// ---------------------------------------------------------------------------------------

#[test]
fn a_gate_above_100_without_the_flag() {
    let mut plan = full_pay_plan();
    line(&mut plan, 0)["gate_pct"] = json!(150);
    let e = expect(&plan, "gate_above_100", "commission[0].gate_pct", Some("150"));
    both_mention(&e, &["150%", "50%", "\"allow_gate_above_100\": true"]);
}

#[test]
fn the_same_gate_with_allow_gate_above_100_is_accepted_and_pays_nothing_below_it() {
    let mut plan = full_pay_plan();
    line(&mut plan, 0)["gate_pct"] = json!(150);
    line(&mut plan, 0)["allow_gate_above_100"] = json!(true);
    let mut ws = Workspace::with_sample_reps();
    let report = ws.set_plan_json(&plan.to_string());
    assert!(report.ok && report.problems.is_empty(), "{:#?}", report.problems);
    let e = ws.evaluate("2026-Q4").unwrap();
    assert_eq!((e.reps.len(), e.totals.excluded), (32, 0));
    // E01 is at 120% of target in Q4: below the 150% gate, the line pays nothing.
    let e01 = e.reps.iter().find(|r| r.rep_id == "E01").unwrap();
    assert_eq!(e01.attainment_pct.map(|a| a.normalize().to_string()).as_deref(), Some("120"));
    assert!(e01.commission[0].pay.is_zero(), "{}", e01.commission[0].pay);
}

#[test]
fn a_gate_above_the_largest_limit_even_with_the_flag() {
    let mut plan = full_pay_plan();
    line(&mut plan, 0)["gate_pct"] = json!(1500);
    line(&mut plan, 0)["allow_gate_above_100"] = json!(true);
    let e = expect(&plan, "out_of_range", "commission[0].gate_pct", Some("1500"));
    both_mention(&e, &["1500", "1,000"]);
}

#[test]
fn a_gate_of_1500_without_the_flag_names_the_limit() {
    // Above 1,000% no flag helps, so the message gives the limit rather than the flag.
    let mut plan = full_pay_plan();
    line(&mut plan, 0)["gate_pct"] = json!(1500);
    let e = expect(&plan, "out_of_range", "commission[0].gate_pct", Some("1500"));
    both_mention(&e, &["1500", "1,000"]);
}

#[test]
fn a_gate_on_a_line_without_a_target() {
    // new_logo has amount tiers and no target, so only the gate needs one.
    let mut plan = full_pay_plan();
    line(&mut plan, 1)["gate_pct"] = json!(50);
    let e = expect(&plan, "gate_needs_target", "commission[1].gate_pct", Some("50"));
    both_mention(&e, &["`new_logo`", "`target`"]);
}

#[test]
fn removing_the_target_of_a_gated_attainment_line_is_one_error() {
    let mut plan = full_pay_plan();
    remove(line(&mut plan, 0), "target");
    assert_eq!(triples(&plan), owned(&[("target_needed", "commission[0].target", None)]));
}

#[test]
fn a_line_cap_of_zero() {
    let mut plan = full_pay_plan();
    line(&mut plan, 0)["cap"] = json!(0);
    let e = expect(&plan, "out_of_range", "commission[0].cap", Some("0"));
    both_mention(&e, &["0", "1,000,000,000,000"]);
    assert_eq!(e.message.en, "a line's cap must be more than 0 and at most 1,000,000,000,000; it is 0");
    assert_eq!(e.message.zh, "提成上限应大于 0 且不超过 1,000,000,000,000；当前为 0");
}

// ---------------------------------------------------------------------------------------
// Rate override and multipliers
// ---------------------------------------------------------------------------------------

#[test]
fn a_rate_override_that_pushes_the_top_tier_above_100() {
    // Top tier 5% + 96 points = 101%.
    let mut plan = full_pay_plan();
    line(&mut plan, 0)["rate_override"]["add_pct"] = json!(96);
    let e = expect(&plan, "rate_above_100", "commission[0].rate_override.add_pct", Some("96"));
    both_mention(&e, &["96", "5%"]);
}

#[test]
fn a_rate_override_of_zero_points() {
    let mut plan = full_pay_plan();
    line(&mut plan, 0)["rate_override"]["add_pct"] = json!(0);
    expect(&plan, "out_of_range", "commission[0].rate_override.add_pct", Some("0"));
}

#[test]
fn a_rate_override_condition_naming_an_unknown_field() {
    let mut plan = full_pay_plan();
    line(&mut plan, 0)["rate_override"]["when"] = json!("high_potential");
    let e = expect(&plan, "formula", "commission[0].rate_override.when", Some("high_potential"));
    assert!(e.message.en.starts_with("at character 1 of the formula: unknown name 'high_potential'"), "{}", e.message.en);
    assert!(e.message.zh.starts_with("公式第 1 个字符处：未知名称 'high_potential'"), "{}", e.message.zh);
}

#[test]
fn a_grade_multiplier_for_an_unknown_grade() {
    let mut plan = full_pay_plan();
    line(&mut plan, 0)["grade_multipliers"]["D"] = json!(1.1);
    let e = expect(&plan, "unknown_grade", "commission[0].grade_multipliers.D", Some("D"));
    both_mention(&e, &["`D`", "S", "A", "B", "C"]);
}

#[test]
fn a_negative_grade_multiplier() {
    let mut plan = full_pay_plan();
    line(&mut plan, 0)["grade_multipliers"]["C"] = json!(-0.5);
    let e = expect(&plan, "out_of_range", "commission[0].grade_multipliers.C", Some("-0.5"));
    both_mention(&e, &["-0.5", "10"]);
}

#[test]
fn a_negative_conditional_multiplier() {
    let mut plan = full_pay_plan();
    line(&mut plan, 0)["multipliers"][0]["multiplier"] = json!(-0.8);
    let e = expect(&plan, "out_of_range", "commission[0].multipliers[0].multiplier", Some("-0.8"));
    both_mention(&e, &["-0.8", "0", "10"]);
}

#[test]
fn a_conditional_multiplier_whose_condition_names_an_unknown_field() {
    // The data has receivable and revenue_collected, not a collection_rate column.
    let mut plan = full_pay_plan();
    line(&mut plan, 0)["multipliers"][0]["when"] = json!("revenue_collected / collection_rate < 90%");
    let e = expect(&plan, "formula", "commission[0].multipliers[0].when", Some("revenue_collected / collection_rate < 90%"));
    assert_eq!(e.message.en, "at character 21 of the formula: unknown name 'collection_rate': not a rep field, target or metric of this plan");
    assert_eq!(e.message.zh, "公式第 21 个字符处：未知名称 'collection_rate'：既不是销售人员数据字段，也不是本方案的目标或指标");
}

#[test]
fn an_unknown_field_in_a_rate_override_is_named_in_its_path() {
    let mut plan = full_pay_plan();
    let o = line(&mut plan, 0)["rate_override"].as_object_mut().unwrap();
    let add = o.remove("add_pct").unwrap();
    o.insert("add".into(), add);
    let e = expect(&plan, "unknown_field", "commission[0].rate_override.add", None);
    assert!(e.message.en.contains("`add`") && e.message.en.contains("`add_pct`"), "{}", e.message.en);
}

// ---------------------------------------------------------------------------------------
// Base pay
// ---------------------------------------------------------------------------------------

#[test]
fn an_empty_salary_list() {
    let mut plan = full_pay_plan();
    plan["base_pay"]["salaries"] = json!([]);
    let e = expect(&plan, "empty_list", "base_pay.salaries", None);
    assert_eq!((e.message.en.as_str(), e.message.zh.as_str()), ("base pay needs at least one salary", "基础薪酬至少需要一项底薪"));
}

#[test]
fn a_salary_for_a_role_not_in_the_data() {
    let mut plan = full_pay_plan();
    plan["base_pay"]["salaries"][2]["role"] = json!("new_busines");
    let e = expect(&plan, "unknown_id", "base_pay.salaries[2].role", Some("new_busines"));
    both_mention(&e, &["`new_busines`", "account_manager", "new_business", "regional_manager"]);
}

#[test]
fn a_city_tier_of_zero() {
    let mut plan = full_pay_plan();
    plan["base_pay"]["salaries"][1]["city_tier"] = json!(0);
    let e = expect(&plan, "out_of_range", "base_pay.salaries[1].city_tier", Some("0"));
    both_mention(&e, &["1", "9", "0"]);
    assert_eq!(e.message.zh, "城市级别应在 1 到 9 之间；当前为 0");
}

#[test]
fn a_negative_city_tier() {
    let mut plan = full_pay_plan();
    plan["base_pay"]["salaries"][1]["city_tier"] = json!(-1);
    let e = expect(&plan, "out_of_range", "base_pay.salaries[1].city_tier", Some("-1"));
    assert_eq!(e.message.en, "a city tier is from 1 to 9; it is -1");
    assert_eq!(e.message.zh, "城市级别应在 1 到 9 之间；当前为 -1");
}

#[test]
fn two_salaries_for_the_same_role_and_city_tier() {
    let mut plan = full_pay_plan();
    plan["base_pay"]["salaries"].as_array_mut().unwrap().push(json!({ "role": "account_manager", "city_tier": 1, "monthly": 9500 }));
    let e = expect(&plan, "duplicate_salary", "base_pay.salaries[5]", Some("account_manager, city tier 1"));
    assert_eq!(e.message.en, "a second salary for account_manager in city tier 1; salaries[3] already gives one");
    assert_eq!(e.message.zh, "account_manager、城市级别 1 的底薪重复；salaries[3] 已有设定");
}

#[test]
fn a_monthly_salary_of_zero() {
    let mut plan = full_pay_plan();
    plan["base_pay"]["salaries"][0]["monthly"] = json!(0);
    let e = expect(&plan, "out_of_range", "base_pay.salaries[0].monthly", Some("0"));
    both_mention(&e, &["0", "1,000,000,000,000"]);
}

#[test]
fn the_same_allowance_id_twice() {
    let mut plan = full_pay_plan();
    plan["base_pay"]["allowances"][1]["id"] = json!("transport");
    let e = expect(&plan, "duplicate_id", "base_pay.allowances[1].id", Some("transport"));
    both_mention(&e, &["`transport`"]);
}

#[test]
fn a_negative_allowance() {
    let mut plan = full_pay_plan();
    plan["base_pay"]["allowances"][0]["monthly"] = json!(-800);
    let e = expect(&plan, "out_of_range", "base_pay.allowances[0].monthly", Some("-800"));
    both_mention(&e, &["-800"]);
}

#[test]
fn an_allowance_for_a_role_not_in_the_data() {
    let mut plan = full_pay_plan();
    plan["base_pay"]["allowances"][1]["roles"][0] = json!("acount_manager");
    let e = expect(&plan, "unknown_id", "base_pay.allowances[1].roles[0]", Some("acount_manager"));
    both_mention(&e, &["`acount_manager`", "account_manager"]);
}

#[test]
fn a_minimum_wage_keyed_by_tier1() {
    let mut plan = full_pay_plan();
    plan["base_pay"]["minimum_by_city_tier"] = json!({ "tier1": 2690 });
    let e = expect(&plan, "not_a_city_tier", "base_pay.minimum_by_city_tier.tier1", Some("tier1"));
    both_mention(&e, &["`tier1`", "1", "9"]);
    assert_eq!(e.message.zh, "`tier1` 不是城市级别（1 到 9）");
}

#[test]
fn a_minimum_wage_of_zero() {
    let mut plan = full_pay_plan();
    plan["base_pay"]["minimum_by_city_tier"]["2"] = json!(0);
    expect(&plan, "out_of_range", "base_pay.minimum_by_city_tier.2", Some("0"));
}

#[test]
fn a_reversed_base_share_range() {
    let mut plan = full_pay_plan();
    plan["base_pay"]["share_range_pct"] = json!([60, 20]);
    let e = expect(&plan, "range_reversed", "base_pay.share_range_pct[0]", Some("60"));
    both_mention(&e, &["60%", "20%"]);
}

#[test]
fn a_base_share_range_of_three_values() {
    let mut plan = full_pay_plan();
    plan["base_pay"]["share_range_pct"] = json!([20, 40, 60]);
    let e = expect(&plan, "invalid_value", "base_pay.share_range_pct", Some("[20,40,60]"));
    assert_eq!(e.message.en, "expected a shorter list, found 3 items");
    assert_eq!(e.message.zh, "应为更短的列表，实际为 3 项");
}

#[test]
fn a_city_tier_field_that_is_not_a_data_column() {
    let mut plan = full_pay_plan();
    plan["base_pay"]["city_tier_field"] = json!("tier");
    let e = expect(&plan, "unknown_column", "base_pay.city_tier_field", Some("tier"));
    both_mention(&e, &["`tier`"]);
}

#[test]
fn a_bad_city_tier_field_and_an_unknown_salary_role_are_both_reported() {
    let mut plan = full_pay_plan();
    plan["base_pay"]["city_tier_field"] = json!("tier");
    plan["base_pay"]["salaries"][2]["role"] = json!("new_busines");
    assert_eq!(
        triples(&plan),
        owned(&[("unknown_id", "base_pay.salaries[2].role", Some("new_busines")), ("unknown_column", "base_pay.city_tier_field", Some("tier"))])
    );
}

// ---------------------------------------------------------------------------------------
// Bonuses: amounts and levels
// ---------------------------------------------------------------------------------------

#[test]
fn over_achievement_counting_the_excess_from_above_its_level() {
    let mut plan = full_pay_plan();
    bonus_rule(&mut plan, 0)["excess_over_pct"] = json!(130);
    let e = expect(&plan, "excess_over_above_level", "bonuses[0].rule.excess_over_pct", Some("130"));
    both_mention(&e, &["130%", "120%"]);
    assert_eq!(e.message.en, "the excess is counted from 130%, above the level the bonus starts at (120%)");
    assert_eq!(e.message.zh, "超额部分从 130% 起算，高于奖金起算水平（120%）");
}

#[test]
fn over_achievement_at_150_percent_of_the_excess() {
    let mut plan = full_pay_plan();
    bonus_rule(&mut plan, 0)["rate_pct"] = json!(150);
    let e = expect(&plan, "out_of_range", "bonuses[0].rule.rate_pct", Some("150"));
    both_mention(&e, &["150", "100"]);
}

#[test]
fn over_achievement_against_a_target_of_zero() {
    let mut plan = full_pay_plan();
    bonus_rule(&mut plan, 0)["target"] = json!("0");
    let e = expect(&plan, "target_not_positive", "bonuses[0].rule.target", Some("0"));
    both_mention(&e, &["0"]);
}

#[test]
fn a_negative_threshold_bonus() {
    let mut plan = full_pay_plan();
    bonus_rule(&mut plan, 1)["amount"] = json!(-3000);
    let e = expect(&plan, "out_of_range", "bonuses[1].rule.amount", Some("-3000"));
    both_mention(&e, &["-3000", "1,000,000,000,000"]);
}

#[test]
fn a_rank_bonus_for_the_top_0() {
    let mut plan = full_pay_plan();
    bonus_rule(&mut plan, 2)["top"] = json!(0);
    let e = expect(&plan, "out_of_range", "bonuses[2].rule.top", Some("0"));
    both_mention(&e, &["`top`", "1", "1,000", "0"]);
}

#[test]
fn a_rank_bonus_for_the_top_minus_1() {
    // Inside a bonus rule (a tagged object) the error names the field and its value.
    let mut plan = full_pay_plan();
    bonus_rule(&mut plan, 2)["top"] = json!(-1);
    let e = expect(&plan, "invalid_value", "bonuses[2].rule.top", Some("-1"));
    assert_eq!(e.message.en, "expected a whole number, 0 or more, found number `-1`");
}

#[test]
fn a_rank_bonus_within_an_unknown_grouping() {
    let mut plan = full_pay_plan();
    bonus_rule(&mut plan, 2)["within"] = json!("team");
    let e = expect(&plan, "unknown_option", "bonuses[2].rule.within", Some("team"));
    both_mention(&e, &["`team`", "`all`", "`region`", "`role`"]);
}

// ---------------------------------------------------------------------------------------
// Bonuses: pools
// ---------------------------------------------------------------------------------------

#[test]
fn a_team_pool_in_a_plan_without_attainment() {
    let mut plan = full_pay_plan();
    remove(&mut plan, "attainment");
    let e = expect(&plan, "needs_attainment", "bonuses[3].rule", None);
    both_mention(&e, &["`attainment`"]);
    assert_eq!(e.message.zh, "团队奖金池按达成率排名，方案需要设置 `attainment`");
}

#[test]
fn a_team_pool_with_no_winners() {
    let mut plan = full_pay_plan();
    bonus_rule(&mut plan, 3)["winners"] = json!(0);
    let e = expect(&plan, "out_of_range", "bonuses[3].rule.winners", Some("0"));
    assert_eq!(e.message.en, "`winners` is how many groups win the pool: at least 1; it is 0");
    assert_eq!(e.message.zh, "`winners` 为获得奖金池的团队数：至少为 1；当前为 0");
}

#[test]
fn a_team_pool_without_a_split() {
    let mut plan = full_pay_plan();
    remove(bonus_rule(&mut plan, 3), "split");
    let e = expect(&plan, "missing_field", "bonuses[3].rule.split", None);
    both_mention(&e, &["`split`"]);
}

#[test]
fn a_split_by_share() {
    // {"share": …} is not a split: the options are contribution and weights.
    let mut plan = full_pay_plan();
    bonus_rule(&mut plan, 3)["split"] = json!({ "share": "collected" });
    let e = expect(&plan, "unknown_option", "bonuses[3].rule.split", Some("share"));
    both_mention(&e, &["`share`", "`contribution`", "`weights`"]);
    assert_eq!(e.message.zh, "`share` 不是可选值之一，可选：`contribution`、`weights`");
}

#[test]
fn a_split_written_as_a_bare_word() {
    // The message shows the shape a split takes, in both languages.
    let mut plan = full_pay_plan();
    bonus_rule(&mut plan, 3)["split"] = json!("contribution");
    let e = expect(
        &plan,
        "invalid_value",
        "bonuses[3].rule",
        Some("{\"group_by\":\"region\",\"pool\":100000,\"split\":\"contribution\",\"type\":\"team_pool\",…"),
    );
    assert_eq!(e.message.en, "expected an object such as {\"contribution\": \"revenue_collected\"}, found only the option's name");
    assert_eq!(e.message.zh, "应为对象，例如 {\"contribution\": \"revenue_collected\"}，实际为只有选项名称");
}

#[test]
fn a_split_by_both_contribution_and_weights() {
    let mut plan = full_pay_plan();
    bonus_rule(&mut plan, 3)["split"] = json!({ "contribution": "revenue_collected", "weights": "1" });
    let errors = errors_of(&plan);
    assert_eq!(errors.len(), 1, "{errors:#?}");
    let e = &errors[0];
    assert_eq!((e.code, e.path.as_str()), ("invalid_value", "bonuses[3].rule"));
    assert_eq!(e.message.en, "expected an object with exactly one of its options, found an object");
    assert_eq!(e.message.zh, "应为只含一个选项的对象，实际为对象");
}

#[test]
fn a_split_by_an_unknown_field() {
    let mut plan = full_pay_plan();
    bonus_rule(&mut plan, 3)["split"] = json!({ "contribution": "collected" });
    let e = expect(&plan, "formula", "bonuses[3].rule.split.contribution", Some("collected"));
    assert!(e.message.en.starts_with("at character 1 of the formula: unknown name 'collected'"), "{}", e.message.en);
    assert!(e.message.zh.starts_with("公式第 1 个字符处：未知名称 'collected'"), "{}", e.message.zh);
}

#[test]
fn grade_multipliers_on_a_profit_share() {
    let mut plan = full_pay_plan();
    plan["bonuses"][4]["grade_multipliers"] = json!({ "S": 2 });
    let e = expect(&plan, "multipliers_on_pool", "bonuses[4].grade_multipliers", None);
    assert!(e.message.en.contains("weight the split"), "{}", e.message.en);
    assert!(e.message.zh.contains("分配权重"), "{}", e.message.zh);
}

#[test]
fn caps_and_a_draw_finer_than_money() {
    // Money is kept to 2 places: a cap of 20000.005 would be paid as 20000.01, past itself.
    for (field, set, what) in [
        ("variable_pay_cap", (|p: &mut Value| p["variable_pay_cap"] = json!("20000.005")) as fn(&mut Value), "the variable pay cap"),
        ("draw.amount", |p| p["draw"]["amount"] = json!("20000.005"), "a draw"),
        ("commission[0].cap", |p| line(p, 0)["cap"] = json!(199999.999), "a line's cap"),
    ] {
        let mut plan = full_pay_plan();
        set(&mut plan);
        let value = if field == "commission[0].cap" { "199999.999" } else { "20000.005" };
        let e = expect(&plan, "finer_than_money", field, Some(value));
        assert_eq!(e.message.en, format!("{what} of {value} has 3 decimal places, and money is kept to 2 (rounding.money_scale): write it to 2"));
        both_mention(&e, &[value, "rounding.money_scale"]);
        assert!(e.message.zh.contains("有 3 位小数，而金额保留 2 位"), "{}", e.message.zh);
    }
    // Trailing zeros are not places: 20000.0000 is 20000.
    let mut plan = full_pay_plan();
    plan["variable_pay_cap"] = json!("20000.0000");
    assert_eq!(report_of(&plan), (true, Vec::new()));
}

#[test]
fn a_profit_share_of_101_percent() {
    let mut plan = full_pay_plan();
    bonus_rule(&mut plan, 4)["pool_pct"] = json!(101);
    let e = expect(&plan, "out_of_range", "bonuses[4].rule.pool_pct", Some("101"));
    both_mention(&e, &["101", "100"]);
}

#[test]
fn a_profit_share_for_no_grade() {
    // `grades: []` would make nobody eligible and the pool would never be paid.
    let mut plan = full_pay_plan();
    plan["bonuses"][4]["grades"] = json!([]);
    let e = expect(&plan, "empty_list", "bonuses[4].grades", None);
    both_mention(&e, &["`grades`"]);
}

// ---------------------------------------------------------------------------------------
// Bonuses: who gets them, and the shape of a bonus
// ---------------------------------------------------------------------------------------

#[test]
fn a_bonus_for_a_grade_that_is_not_a_band() {
    let mut plan = full_pay_plan();
    plan["bonuses"][1]["grades"][1] = json!("D");
    let e = expect(&plan, "unknown_grade", "bonuses[1].grades[1]", Some("D"));
    both_mention(&e, &["`D`", "S", "A", "B", "C"]);
    assert_eq!(e.message.zh, "等级 `D` 不在等级区间中（S、A、B、C）");
}

#[test]
fn the_same_bonus_id_twice() {
    let mut plan = full_pay_plan();
    plan["bonuses"][1]["id"] = json!("over");
    let e = expect(&plan, "duplicate_id", "bonuses[1].id", Some("over"));
    both_mention(&e, &["`over`"]);
}

#[test]
fn an_unknown_bonus_rule_type() {
    let mut plan = full_pay_plan();
    bonus_rule(&mut plan, 1)["type"] = json!("kicker");
    let e = expect(&plan, "unknown_option", "bonuses[1].rule.type", Some("kicker"));
    both_mention(&e, &["`kicker`", "`over_achievement`", "`threshold`", "`rank`", "`team_pool`", "`profit_share`"]);
}

#[test]
fn a_misspelt_field_inside_a_bonus_rule() {
    // "amout" for "amount": the path names the misspelt field, as everywhere else.
    let mut plan = full_pay_plan();
    let rule = bonus_rule(&mut plan, 1).as_object_mut().unwrap();
    let amount = rule.remove("amount").unwrap();
    rule.insert("amout".into(), amount);
    let e = expect(&plan, "unknown_field", "bonuses[1].rule.amout", None);
    both_mention(&e, &["`amout`", "`when`", "`amount`"]);
    assert_eq!(e.message.en, "unknown field `amout` (is it misspelt?); expected `when`, `amount`");
    assert_eq!(e.message.zh, "未知字段 `amout`（是否拼写错误？）；可用字段：`when`、`amount`");
}

#[test]
fn a_misspelt_field_on_a_bonus() {
    let mut plan = full_pay_plan();
    plan["bonuses"][1]["rules"] = json!({});
    let e = expect(&plan, "unknown_field", "bonuses[1].rules", None);
    assert_eq!(e.message.zh, "未知字段 `rules`（是否拼写错误？）；可用字段：`id`、`name`、`name_zh`、`grades`、`grade_multipliers`、`rule`");
}

#[test]
fn a_bonus_without_a_rule() {
    let mut plan = full_pay_plan();
    remove(&mut plan["bonuses"][1], "rule");
    let e = expect(&plan, "missing_field", "bonuses[1].rule", None);
    both_mention(&e, &["`rule`"]);
}

#[test]
fn a_bonus_rule_without_a_type() {
    let mut plan = full_pay_plan();
    remove(bonus_rule(&mut plan, 1), "type");
    expect(&plan, "missing_field", "bonuses[1].rule.type", None);
}

// ---------------------------------------------------------------------------------------
// Draw, variable pay cap, rounding
// ---------------------------------------------------------------------------------------

#[test]
fn a_draw_of_zero() {
    let mut plan = full_pay_plan();
    plan["draw"]["amount"] = json!(0);
    let e = expect(&plan, "out_of_range", "draw.amount", Some("0"));
    both_mention(&e, &["0", "1,000,000,000,000"]);
    assert_eq!(e.message.en, "a draw must be more than 0 and at most 1,000,000,000,000; it is 0");
    assert_eq!(e.message.zh, "预支额应大于 0 且不超过 1,000,000,000,000；当前为 0");
}

#[test]
fn a_draw_recoverable_written_as_yes() {
    let mut plan = full_pay_plan();
    plan["draw"]["recoverable"] = json!("yes");
    let e = expect(&plan, "invalid_value", "draw.recoverable", Some("yes"));
    both_mention(&e, &["true", "false", "\"yes\""]);
}

#[test]
fn a_variable_pay_cap_of_minus_1() {
    let mut plan = full_pay_plan();
    plan["variable_pay_cap"] = json!(-1);
    let e = expect(&plan, "out_of_range", "variable_pay_cap", Some("-1"));
    both_mention(&e, &["-1", "0", "1,000,000,000,000"]);
    assert_eq!(e.message.zh, "浮动薪酬上限应大于 0 且不超过 1,000,000,000,000；当前为 -1");
}

#[test]
fn rounding_applied_to_each() {
    let mut plan = full_pay_plan();
    plan["rounding"]["applies_to"] = json!("each");
    let e = expect(&plan, "unknown_option", "rounding.applies_to", Some("each"));
    both_mention(&e, &["`each`", "`each_line`", "`total`"]);
    assert_eq!(e.message.en, "`each` is not one of the options: `each_line`, `total`");
    assert_eq!(e.message.zh, "`each` 不是可选值之一，可选：`each_line`、`total`");
}

#[test]
fn messages_with_no_english_left_in_chinese() {
    // The rule-based pay messages are fully translated (contrast with the serde ones above).
    type Edit = Box<dyn Fn(&mut Value)>;
    let cases: Vec<Edit> = vec![
        Box::new(|p| line(p, 0)["gate_pct"] = json!(150)),
        Box::new(|p| line(p, 0)["rate_override"]["add_pct"] = json!(96)),
        Box::new(|p| bonus_rule(p, 0)["excess_over_pct"] = json!(130)),
        Box::new(|p| p["base_pay"]["share_range_pct"] = json!([60, 20])),
        Box::new(|p| bonus_rule(p, 2)["top"] = json!(0)),
    ];
    for edit in cases {
        let mut plan = full_pay_plan();
        edit(&mut plan);
        let errors = errors_of(&plan);
        assert_eq!(errors.len(), 1, "{errors:#?}");
        zh_free_of(&errors[0], &[" or ", "one of", "expected", "must", " is "]);
    }
}
