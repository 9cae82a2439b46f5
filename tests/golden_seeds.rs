//! The seeds' own numbers reproduced through the whole engine: plan JSON in, results out.

mod common;
use common::{d, dataset, evaluate, sample_plan};
use serde_json::json;

const HEAD: &str = "rep_id,name,region,role,period,revenue_target,revenue_collected,new_customers,visits\n";

fn one_rep(target: &str, collected: &str) -> incentive_engine::Dataset {
    dataset(&format!("{HEAD}r1,Rep One,East,new_business,P1,{target},{collected},8,45\n"))
}

fn commission(plan: &serde_json::Value, target: &str, collected: &str) -> String {
    let eval = evaluate(one_rep(target, collected), plan, "P1");
    eval.reps[0].commission[0].pay.to_string()
}

#[test]
fn seed_001_flat_three_percent_on_150_and_200_wan() {
    let mut plan = sample_plan();
    plan["commission"][0]["tiers"] = json!([{ "from": 0, "rate_pct": 3 }]);
    assert_eq!(commission(&plan, "1000000", "1500000"), "45000.00");
    assert_eq!(commission(&plan, "1000000", "2000000"), "60000.00");
}

#[test]
fn seed_003_saas_marginal_tiers_target_100_wan() {
    let plan = sample_plan();
    assert_eq!(commission(&plan, "1000000", "800000"), "24000.00");
    assert_eq!(commission(&plan, "1000000", "1200000"), "38000.00");
    assert_eq!(commission(&plan, "1000000", "1500000"), "53000.00");
}

#[test]
fn seed_003_kpi_120_of_100_weight_30_is_36_and_a_cap_cuts_it() {
    let mut plan = sample_plan();
    plan["scorecards"][0]["kpis"] = json!([
        { "id": "revenue", "name": "Revenue", "actual": "revenue_collected", "target": "revenue_target", "weight": 30 },
        { "id": "rest", "name": "Rest", "actual": "1", "target": "1", "weight": 70 }
    ]);
    let eval = evaluate(one_rep("1000000", "1200000"), &plan, "P1");
    assert_eq!(eval.reps[0].kpis[0].score.to_string(), "36.00");
    assert_eq!(eval.reps[0].score, d("106"));

    plan["scorecards"][0]["kpis"][0]["scoring"] = json!({ "type": "ratio", "cap_pct": 110 });
    let eval = evaluate(one_rep("1000000", "1200000"), &plan, "P1");
    assert_eq!(eval.reps[0].kpis[0].score.to_string(), "33.00");
    assert_eq!(eval.reps[0].kpis[0].explain.notes, ["capped"]);
}

#[test]
fn sample_reps_carry_the_seed_figures_in_2026_q4() {
    let eval = evaluate(incentive_engine::sample_dataset(), &sample_plan(), "2026-Q4");
    let pay = |id: &str| eval.reps.iter().find(|r| r.rep_id == id).unwrap().total_pay.to_string();
    assert_eq!(pay("E01"), "38000.00"); // Zhang Wei: 120万 on 100万
    assert_eq!(pay("E02"), "24000.00"); // Wang Fang: 80万
    assert_eq!(pay("E03"), "53000.00"); // Li Na: 150万
    assert_eq!(eval.reps.len(), 32);
    assert!(eval.problems.is_empty());
    // Totals are the exact sums of the reps' figures.
    let sum: rust_decimal::Decimal = eval.reps.iter().map(|r| r.total_pay).sum();
    assert_eq!(eval.totals.total_pay, sum);
    let by_region: rust_decimal::Decimal = eval.totals.by_region.iter().map(|g| g.total_pay).sum();
    assert_eq!(by_region, sum);
    assert_eq!(eval.totals.grades.iter().map(|g| g.reps).sum::<usize>(), 32);
}

#[test]
fn rounding_mode_and_scale_come_from_the_plan() {
    // 3% of 1,234.5 = 37.035: half-up → 37.04, down → 37.03, half-even to 0 places → 37.
    let mut plan = sample_plan();
    plan["commission"][0]["tier_basis"] = json!("amount");
    plan["commission"][0]["tiers"] = json!([{ "from": 0, "rate_pct": 3 }]);
    let data = || one_rep("1000", "1234.5");
    let pay = |plan: &serde_json::Value| evaluate(data(), plan, "P1").reps[0].total_pay.to_string();
    assert_eq!(pay(&plan), "37.04");
    plan["rounding"] = json!({ "mode": "down" });
    assert_eq!(pay(&plan), "37.03");
    plan["rounding"] = json!({ "mode": "half_even", "money_scale": 0 });
    assert_eq!(pay(&plan), "37");
    // Half-even at the midpoint goes to the even neighbour: 3% of 1,250 = 37.5 → 38; 3% of 1,150 = 34.5 → 34.
    let data = one_rep("1000", "1250");
    assert_eq!(evaluate(data, &plan, "P1").reps[0].total_pay.to_string(), "38");
    let data = one_rep("1000", "1150");
    assert_eq!(evaluate(data, &plan, "P1").reps[0].total_pay.to_string(), "34");
}

#[test]
fn a_rep_with_a_zero_target_is_reported_and_left_out_of_the_totals() {
    let data = dataset(&format!("{HEAD}r1,Good,East,nb,P1,1000000,1200000,8,45\nr2,Bad,East,nb,P1,0,500000,8,45\n"));
    let eval = evaluate(data, &sample_plan(), "P1");
    assert_eq!(eval.reps.len(), 1);
    assert_eq!(eval.totals.excluded, 1);
    assert_eq!(eval.totals.total_pay, d("38000.00"));
    let p = &eval.problems[0];
    assert_eq!((p.code, p.path.as_str(), p.value.as_deref()), ("target_not_positive", "reps.r2.revenue.target", Some("0")));
    assert!(p.message.en.contains("Rep Bad (r2) has a target of 0 for `revenue`"), "{}", p.message.en);
    assert!(p.message.zh.contains("目标必须大于 0"));
}

#[test]
fn a_blank_figure_the_plan_uses_is_reported_by_rep_and_field() {
    let data = dataset(&format!("{HEAD}r1,Blank,East,nb,P1,1000000,,8,45\n"));
    let eval = evaluate(data, &sample_plan(), "P1");
    let p = &eval.problems[0];
    assert_eq!((p.code, p.path.as_str()), ("missing_value", "reps.r1.revenue_collected"));
    assert_eq!(eval.totals.total_pay, d("0"));
}
