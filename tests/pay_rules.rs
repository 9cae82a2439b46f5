//! Every pay number of D5 and the target rules of D6, worked by hand through the whole
//! engine: plan JSON in, results out.

mod common;
use common::{d, dataset, evaluate};
use incentive_engine::Workspace;
use serde_json::{json, Value};

const HEAD: &str = "rep_id,name,region,role,period,city_tier,target,collected,new_rev,existing_rev,new_customers,nps,hp,collection\n";

/// One card scoring collected revenue against target, and whatever pay is added.
fn plan(pay: Value) -> Value {
    let mut p = json!({
        "version": 1, "name": "pay",
        "attainment": { "actual": "collected", "target": "target" },
        "scorecards": [{ "id": "c", "kpis": [{ "id": "rev", "name": "Revenue", "actual": "collected", "target": "target", "weight": 100 }] }]
    });
    for (k, v) in pay.as_object().unwrap() {
        p[k] = v.clone();
    }
    p
}

fn flat(id: &str, base: &str, rate: u32) -> Value {
    json!({ "id": id, "name": id, "base": base, "target": "target", "method": "marginal", "tier_basis": "attainment_pct", "tiers": [{ "from": 0, "rate_pct": rate }] })
}

/// Rep r1 with target 100万 and the given collected revenue, in 2026-Q1.
fn rep(collected: &str) -> incentive_engine::Dataset {
    dataset(&format!("{HEAD}r1,A,East,nb,2026-Q1,1,1000000,{collected},800000,400000,5,92,1,0.85\n"))
}

fn pay_of(p: &Value, collected: &str) -> String {
    evaluate(rep(collected), p, "2026-Q1").reps[0].total_pay.to_string()
}

#[test]
fn new_customers_at_4_and_existing_at_2_percent() {
    // 800,000 × 4% + 400,000 × 2% = 32,000 + 8,000 = 40,000
    let p = plan(json!({ "commission": [flat("new", "new_rev", 4), flat("existing", "existing_rev", 2)] }));
    let e = evaluate(rep("1200000"), &p, "2026-Q1");
    let lines: Vec<String> = e.reps[0].commission.iter().map(|l| l.pay.to_string()).collect();
    assert_eq!(lines, ["32000.00", "8000.00"]);
    assert_eq!(e.reps[0].total_pay, d("40000.00"));
}

#[test]
fn a_high_potential_rep_raised_from_3_to_4_percent_earns_12_000_more_on_120_wan() {
    let mut line = flat("c", "collected", 3);
    line["rate_override"] = json!({ "when": "hp", "add_pct": 1 });
    let raised = plan(json!({ "commission": [line] }));
    let plain = plan(json!({ "commission": [flat("c", "collected", 3)] }));
    assert_eq!(pay_of(&plain, "1200000"), "36000.00");
    assert_eq!(pay_of(&raised, "1200000"), "48000.00");
}

#[test]
fn over_achievement_1_percent_above_120_counted_from_120_or_from_100() {
    let bonus = |from: u32| json!([{ "id": "over", "name": "Over", "rule": { "type": "over_achievement", "actual": "collected", "target": "target", "above_pct": 120, "excess_over_pct": from, "rate_pct": 1 } }]);
    // 150万 on 100万: 1% × 30万 = 3,000 counted from 120%; 1% × 50万 = 5,000 from 100%.
    assert_eq!(pay_of(&plan(json!({ "bonuses": bonus(120) })), "1500000"), "3000.00");
    assert_eq!(pay_of(&plan(json!({ "bonuses": bonus(100) })), "1500000"), "5000.00");
    // The result says which was chosen.
    let e = evaluate(rep("1500000"), &plan(json!({ "bonuses": bonus(100) })), "2026-Q1");
    assert_eq!(e.reps[0].bonuses[0].explain.get("excess_over_pct"), Some(d("100")));
    assert_eq!(pay_of(&plan(json!({ "bonuses": bonus(120) })), "1200000"), "0.00");
    // 1% of (1,200,000.50 − 1,200,000) = 0.005, paid as 0.01: the working ends with what is paid.
    let e = evaluate(rep("1200000.50"), &plan(json!({ "bonuses": bonus(120) })), "2026-Q1");
    let b = &e.reps[0].bonuses[0];
    assert_eq!((b.explain.get("amount"), b.explain.get("pay"), b.amount), (Some(d("0.005")), Some(d("0.01")), d("0.01")));
    assert_eq!(b.explain.steps.last().map(|s| s.key.as_ref()), Some("pay"));
}

#[test]
fn nps_90_pays_3000() {
    let p = plan(json!({ "bonuses": [{ "id": "nps", "name": "NPS", "rule": { "type": "threshold", "when": "nps >= 90", "amount": 3000 } }] }));
    assert_eq!(pay_of(&p, "1000000"), "3000.00");
    let low = dataset(&format!("{HEAD}r1,A,East,nb,2026-Q1,1,1000000,1000000,0,0,5,89,0,1\n"));
    assert_eq!(evaluate(low, &p, "2026-Q1").reps[0].total_pay, d("0.00"));
}

fn five_reps() -> incentive_engine::Dataset {
    // New customers 12, 10, 9, 9, 7. Attainment: East 100% and 90%… (see team pool test).
    let rows = [("a", "East", "1000000", "12"), ("b", "East", "1200000", "10"), ("c", "East", "1100000", "9"), ("d", "South", "900000", "9"), ("e", "South", "800000", "7")];
    let body: Vec<String> = rows.iter().map(|(id, region, collected, nc)| format!("{id},{id},{region},nb,2026-Q1,1,1000000,{collected},0,0,{nc},80,0,1")).collect();
    dataset(&format!("{HEAD}{}\n", body.join("\n")))
}

#[test]
fn top_3_in_new_customers_get_5000_each_with_a_tie_at_third() {
    let rank = |ties: &str| plan(json!({ "bonuses": [{ "id": "top3", "name": "Top 3", "rule": { "type": "rank", "measure": "new_customers", "top": 3, "amount": 5000, "ties": ties } }] }));
    let pays = |p: &Value| evaluate(five_reps(), p, "2026-Q1").reps.iter().map(|r| r.total_pay.to_string()).collect::<Vec<_>>();
    // c and d tie at third: with include_all both get 5,000 (20,000 paid for 3 places)…
    assert_eq!(pays(&rank("include_all")), ["5000.00", "5000.00", "5000.00", "5000.00", "0.00"]);
    // …with share they split third place's 5,000.
    assert_eq!(pays(&rank("share")), ["5000.00", "5000.00", "2500.00", "2500.00", "0.00"]);
}

#[test]
fn a_shared_place_says_why_one_rep_gets_a_cent_less_and_a_pool_shared_by_tied_groups_says_so() {
    // Three reps tied first for a top-1 bonus of 5,000 shared: 1,666.67, 1,666.67, 1,666.66.
    let rows = ["a,a,East,nb,2026-Q1,1,1000000,1000000,0,0,9,80,0,1", "b,b,East,nb,2026-Q1,1,1000000,1000000,0,0,9,80,0,1", "c,c,South,nb,2026-Q1,1,1000000,1000000,0,0,9,80,0,1"];
    let data = || dataset(&format!("{HEAD}{}\n", rows.join("\n")));
    let p = plan(json!({ "bonuses": [{ "id": "top", "name": "Top", "rule": { "type": "rank", "measure": "new_customers", "top": 1, "amount": 5000, "ties": "share" } }] }));
    let e = evaluate(data(), &p, "2026-Q1");
    let shares: Vec<(String, bool)> = e.reps.iter().map(|r| (r.bonuses[0].amount.to_string(), r.bonuses[0].explain.notes.contains(&"largest_remainder"))).collect();
    // The one paid a cent less than its even share rounded says why (the note, as in a pool).
    assert_eq!(shares, [("1666.67".into(), false), ("1666.67".into(), false), ("1666.66".into(), true)]);
    // East and South both at 100%, tied first for one pool of 100,000: 50,000 each, and each says the place was shared.
    let p = plan(json!({ "bonuses": [{ "id": "pool", "name": "Pool", "rule": { "type": "team_pool", "pool": 100000, "split": { "weights": "1" } } }] }));
    let e = evaluate(data(), &p, "2026-Q1");
    let c = &e.reps[2].bonuses[0];
    assert_eq!((c.amount, c.explain.get("group_pool"), c.explain.get("tied_groups")), (d("50000.00"), Some(d("50000.00")), Some(d("2"))));
    assert!(c.explain.notes.contains(&"place_shared"), "{:?}", c.explain.notes);
}

#[test]
fn the_first_region_by_attainment_gets_100000_split_by_contribution_to_the_cent() {
    // East: 330万 / 300万 = 110%; South 170万 / 200万 = 85%. East's pool by collected revenue
    // 100 : 120 : 110 → 30,303.03 + 36,363.64 + 33,333.33 = 100,000.00 exactly.
    let p = plan(json!({ "bonuses": [{ "id": "pool", "name": "Pool", "rule": { "type": "team_pool", "pool": 100000, "split": { "contribution": "collected" } } }] }));
    let e = evaluate(five_reps(), &p, "2026-Q1");
    let pays: Vec<String> = e.reps.iter().map(|r| r.total_pay.to_string()).collect();
    assert_eq!(pays, ["30303.03", "36363.64", "33333.33", "0.00", "0.00"]);
    assert_eq!(e.totals.total_pay, d("100000.00"));
    // Split equally by weights instead: 33,333.34 + 33,333.33 + 33,333.33.
    let p = plan(json!({ "bonuses": [{ "id": "pool", "name": "Pool", "rule": { "type": "team_pool", "pool": 100000, "split": { "weights": "1" } } }] }));
    let pays: Vec<String> = evaluate(five_reps(), &p, "2026-Q1").reps.iter().map(|r| r.total_pay.to_string()).collect();
    assert_eq!(pays, ["33333.34", "33333.33", "33333.33", "0.00", "0.00"]);
}

#[test]
fn a_rep_whose_figure_overflows_a_pool_is_left_out_and_the_pool_split_among_the_others() {
    // h's collected revenue (1.2e25) × the pool does not fit a decimal: h is left out and
    // named, and a and b (East, the only region) share the 100,000 by 100 : 120.
    let p = plan(json!({ "bonuses": [{ "id": "pool", "name": "Pool", "rule": { "type": "team_pool", "pool": 100000, "split": { "contribution": "collected" } } }] }));
    let csv = format!("{HEAD}a,a,East,nb,2026-Q1,1,1000000,1000000,0,0,1,80,0,1\nh,h,East,nb,2026-Q1,1,10000000000000000000000000,12000000000000000000000000,0,0,1,80,0,1\nb,b,East,nb,2026-Q1,1,1000000,1200000,0,0,1,80,0,1\n");
    let e = evaluate(dataset(&csv), &p, "2026-Q1");
    let pays: Vec<(String, String)> = e.reps.iter().map(|r| (r.rep_id.to_string(), r.total_pay.to_string())).collect();
    assert_eq!(pays, [("a".into(), "45454.55".into()), ("b".into(), "54545.45".into())]);
    assert_eq!((e.totals.reps, e.totals.excluded), (2, 1));
    let left_out: Vec<_> = e.problems.iter().map(|p| (p.code, p.path.as_str(), p.value.as_deref())).collect();
    assert_eq!(left_out, [("overflow", "reps.h.bonuses.pool", Some("12000000000000000000000000"))]);
    assert!(e.problems[0].message.en.contains("left out, and the bonus worked out without this rep"), "{}", e.problems[0].message.en);
    // A file where every rep's figure overflows is broken, not a team to pay: after 16 reps
    // left out (an evaluation each) the period is not settled, and says so.
    let rows: Vec<String> = (0..20).map(|i| format!("h{i},h,East,nb,2026-Q1,1,10000000000000000000000000,12000000000000000000000000,0,0,1,80,0,1")).collect();
    let e = evaluate(dataset(&format!("{HEAD}{}\n", rows.join("\n"))), &p, "2026-Q1");
    assert!(e.reps.is_empty());
    assert_eq!(e.problems.iter().filter(|p| p.path.starts_with("reps.h")).count(), 16);
    let last = e.problems.last().unwrap();
    assert_eq!((last.code, last.path.as_str()), ("overflow", "period"));
    assert_eq!(last.message.en, "more than 16 reps have figures too large to settle the period exactly; no rep is paid for it");
}

#[test]
fn profit_sharing_5_percent_of_profit_among_the_s_grade_core_by_contribution() {
    // 5% of 2,000,000 = 100,000 among the core reps graded S (score ≥ 90: a, b, c, d; e scores
    // 80, an A), by revenue 100 : 120 : 110 : 90 → 23,809.52 + 28,571.43 + 26,190.48 + 21,428.57.
    let p = plan(json!({ "bonuses": [{ "id": "profit", "name": "Profit", "grades": ["S"],
        "rule": { "type": "profit_share", "profit": 2000000, "pool_pct": 5, "split": { "contribution": "collected" } } }] }));
    let e = evaluate(five_reps(), &p, "2026-Q1");
    let pays: Vec<String> = e.reps.iter().map(|r| r.total_pay.to_string()).collect();
    assert_eq!(pays, ["23809.52", "28571.43", "26190.48", "21428.57", "0.00"]);
    assert_eq!(e.reps[4].bonuses[0].explain.notes, ["grade_not_eligible"]);
    // The pool's working: the profit, the share pooled and the pool.
    let ex = &e.reps[0].bonuses[0].explain;
    assert_eq!((ex.get("profit"), ex.get("pool_pct"), ex.get("pool")), (Some(d("2000000")), Some(d("5")), Some(d("100000.00"))));
}

#[test]
fn gate_grade_multiplier_and_collection_rate_multiplier() {
    let mut line = flat("c", "collected", 3);
    line["gate_pct"] = json!(60);
    line["grade_multipliers"] = json!({ "S": 1.2, "C": 0.5 });
    line["multipliers"] = json!([{ "when": "collection < 90%", "multiplier": 0.8 }]);
    let p = plan(json!({ "commission": [line] }));
    // 55% attainment: under the gate, nothing.
    assert_eq!(pay_of(&p, "550000"), "0.00");
    // 65%: C (score 65) × 0.5, collection 85% × 0.8: 650,000 × 3% × 0.5 × 0.8 = 7,800
    assert_eq!(pay_of(&p, "650000"), "7800.00");
    // 120%: S × 1.2 × 0.8: 1,200,000 × 3% = 36,000 × 0.96 = 34,560
    assert_eq!(pay_of(&p, "1200000"), "34560.00");
}

#[test]
fn base_pay_with_allowances_and_the_minimum_and_share_warnings() {
    // Tier-1 monthly 7,500 (< 8,000 minimum) + transport 800 + phone 300, × 3 months = 25,800.
    let p = plan(json!({
        "commission": [flat("c", "collected", 3)],
        "base_pay": { "salaries": [{ "monthly": 7500 }], "minimum_by_city_tier": { "1": 8000 },
            "allowances": [{ "id": "transport", "name": "Transport", "monthly": 800 }, { "id": "phone", "name": "Phone", "monthly": 300 }] }
    }));
    let r = &evaluate(rep("1000000"), &p, "2026-Q1").reps[0];
    let items: Vec<(String, String)> = r.base_pay.iter().map(|i| (i.id.to_string(), i.amount.to_string())).collect();
    assert_eq!(items, [("salary".into(), "22500.00".into()), ("transport".into(), "2400.00".into()), ("phone".into(), "900.00".into())]);
    assert_eq!((r.base_total, r.variable_pay, r.total_pay), (d("25800"), d("30000"), d("55800.00")));
    // 25,800 / 55,800 = 46.24%: above the 30–40% range; and 7,500 < 8,000.
    let codes: Vec<&str> = r.warnings.iter().map(|w| w.code).collect();
    assert_eq!(codes, ["below_minimum_wage", "base_share_out_of_range"]);
    assert_eq!(r.warnings[1].value.as_deref(), Some("46.24"));
    let messages: Vec<(&str, &str)> = r.warnings.iter().map(|w| (w.message.en.as_str(), w.message.zh.as_str())).collect();
    assert_eq!(
        messages,
        [
            ("Rep A (r1) has a monthly salary of 7,500, below the local minimum of 8,000", "销售人员 A（r1）的月底薪 7,500 低于当地最低工资 8,000"),
            ("Rep A (r1) has base pay of 46.24% of total pay, outside the 30–40% the plan aims for", "销售人员 A（r1）的基础薪酬占总薪酬的 46.24%，不在方案设定的 30–40% 范围内"),
        ]
    );
}

#[test]
fn a_base_share_just_outside_its_range_is_shown_with_the_places_that_show_it_outside() {
    // 25,800 / (25,800 + 3% of 2,006,700 = 60,201) = 29.99965…%: "30.00%" would contradict "outside 30–40%".
    let p = plan(json!({
        "commission": [flat("c", "collected", 3)],
        "base_pay": { "salaries": [{ "monthly": 7500 }], "allowances": [{ "id": "transport", "name": "Transport", "monthly": 800 }, { "id": "phone", "name": "Phone", "monthly": 300 }] }
    }));
    let r = &evaluate(rep("2006700"), &p, "2026-Q1").reps[0];
    assert_eq!(r.total_pay, d("86001.00"));
    let w = r.warnings.iter().find(|w| w.code == "base_share_out_of_range").expect("the share warning");
    assert_eq!(w.value.as_deref(), Some("29.9997"));
    assert_eq!(w.message.en, "Rep A (r1) has base pay of 29.9997% of total pay, outside the 30–40% the plan aims for");
}

#[test]
fn caps_per_line_and_on_variable_pay_are_never_exceeded() {
    let mut line = flat("c", "collected", 3);
    line["cap"] = json!(40000);
    let p = plan(json!({ "commission": [line], "variable_pay_cap": 35000,
        "bonuses": [{ "id": "nps", "name": "NPS", "rule": { "type": "threshold", "when": "1", "amount": 3000 } }] }));
    // 2,000,000 × 3% = 60,000 → line cap 40,000; + 3,000 bonus = 43,000 → variable cap 35,000.
    let r = &evaluate(rep("2000000"), &p, "2026-Q1").reps[0];
    assert_eq!((r.commission[0].pay, r.variable_pay), (d("40000.00"), d("35000")));
    assert_eq!(r.warnings[0].code, "variable_pay_capped");
    // The message writes the amounts as the page does, thousands grouped.
    let m = &r.warnings[0].message;
    assert_eq!((m.en.as_str(), m.zh.as_str()), ("Rep A (r1) earned 43,000.00 of variable pay, capped at 35,000", "销售人员 A（r1）的浮动薪酬 43,000.00 超过上限，按 35,000 发放"));
}

#[test]
fn a_negative_base_pays_a_negative_commission_and_says_so() {
    let p = plan(json!({ "commission": [flat("c", "collected", 3)] }));
    // −500,000 × 3% = −15,000.00: paid as the plan says, and warned about by line.
    let r = &evaluate(rep("-500000"), &p, "2026-Q1").reps[0];
    assert_eq!(r.commission[0].pay, d("-15000.00"));
    let w = r.warnings.iter().find(|w| w.code == "negative_base").expect("negative_base");
    assert_eq!((w.path.as_str(), w.value.as_deref()), ("reps.r1.c", Some("-500000")));
    assert_eq!(w.message.en, "Rep A (r1) has a credited base of -500,000 for `c`: a negative base pays a negative commission (-15,000.00); check the figures");
    assert_eq!(w.message.zh, "销售人员 A（r1）的 `c` 计提金额为 -500,000：负数计提金额产生负提成（-15,000.00），请核对数据");
    // A base of 0 or more: no warning.
    assert!(evaluate(rep("0"), &p, "2026-Q1").reps[0].warnings.iter().all(|w| w.code != "negative_base"));
}

#[test]
fn rounding_each_line_or_only_the_total() {
    // Two lines of 0.3% on 1,667: 5.001 each. Each line: 5.00 + 5.00 = 10.00; total: 10.002 → 10.00.
    // Two lines of 0.3% on 1,835: 5.505 each. Each line: 5.51 + 5.51 = 11.02; total: 11.01.
    let line = |id: &str| json!({ "id": id, "name": id, "base": "collected", "method": "marginal", "tier_basis": "amount", "tiers": [{ "from": 0, "rate_pct": 0.3 }] });
    let mut p = plan(json!({ "commission": [line("a"), line("b")] }));
    assert_eq!(pay_of(&p, "1835"), "11.02");
    p["rounding"] = json!({ "applies_to": "total" });
    assert_eq!(pay_of(&p, "1835"), "11.01");
    let r = &evaluate(rep("1835"), &p, "2026-Q1").reps[0];
    assert_eq!(r.commission[0].pay, d("5.505"));
}

/// Rep r1 over four quarters with the given collected revenue.
fn quarters(collected: [&str; 4]) -> incentive_engine::Dataset {
    let rows: Vec<String> = collected.iter().enumerate().map(|(q, c)| format!("r1,A,East,nb,2026-Q{},1,1000000,{c},0,0,0,80,0,1", q + 1)).collect();
    dataset(&format!("{HEAD}{}\n", rows.join("\n")))
}

#[test]
fn a_return_claws_back_in_its_own_period_with_the_reference_and_a_resale_nets_to_the_plain_sale() {
    // Q1 sells 1,500,000 (SaaS tiers: 53,000). 200,000 of it comes back in Q2; it is sold
    // again in Q3 (Q3 books 1,200,000 of which the resale is 200,000).
    let p = plan(json!({ "commission": [{ "id": "c", "name": "c", "base": "collected", "target": "target", "method": "marginal", "tier_basis": "attainment_pct",
        "tiers": [{ "from": 0, "rate_pct": 3 }, { "from": 100, "rate_pct": 4 }, { "from": 120, "rate_pct": 5 }] }] }));
    let mut ws = Workspace::new(quarters(["1500000", "0", "1200000", "0"]));
    assert!(ws.set_plan_json(&p.to_string()).ok);
    assert!(ws.load_adjustments("rep_id,period,original_period,line,amount,reference\nr1,2026-Q2,2026-Q1,c,200000,SO-42\n").unwrap().is_empty());
    let q2 = ws.evaluate("2026-Q2").unwrap();
    let adj = &q2.reps[0].adjustments[0];
    // Q1 without the return: 1,300,000 → 30,000 + 8,000 + 5,000 = 43,000; clawback −10,000.
    assert_eq!((adj.amount, adj.reference.as_str(), adj.original_period.as_str()), (d("-10000.00"), "SO-42", "2026-Q1"));
    assert_eq!(q2.reps[0].total_pay, d("-10000.00"));
    // Over the year: 53,000 − 10,000 + 38,000 (Q3: 1,200,000) = 81,000, which is what a year
    // without the return and the resale pays: 43,000 (Q1: 1,300,000) + 38,000 (Q3).
    assert_eq!(ws.evaluate_ytd("2026-Q4").unwrap().reps[0].total_pay, d("81000.00"));
    let mut plain = Workspace::new(quarters(["1300000", "0", "1200000", "0"]));
    assert!(plain.set_plan_json(&p.to_string()).ok);
    assert_eq!(plain.evaluate_ytd("2026-Q4").unwrap().reps[0].total_pay, d("81000.00"));
}

#[test]
fn several_returns_of_one_sale_take_back_exactly_what_they_take_together_and_never_more_than_was_sold() {
    // Q1 sells 1,500,000 (SaaS tiers: 30,000 + 8,000 + 15,000 = 53,000).
    let p = plan(json!({ "commission": [{ "id": "c", "name": "c", "base": "collected", "target": "target", "method": "marginal", "tier_basis": "attainment_pct",
        "tiers": [{ "from": 0, "rate_pct": 3 }, { "from": 100, "rate_pct": 4 }, { "from": 120, "rate_pct": 5 }] }] }));
    let clawbacks = |returns: &str, period: &str| -> (Vec<String>, Vec<String>) {
        let mut ws = Workspace::new(quarters(["1500000", "0", "0", "0"]));
        assert!(ws.set_plan_json(&p.to_string()).ok);
        assert!(ws.load_adjustments(&format!("rep_id,period,original_period,line,amount,reference\n{returns}")).unwrap().is_empty());
        let e = ws.evaluate(period).unwrap();
        (e.reps[0].adjustments.iter().map(|a| a.amount.to_string()).collect(), e.warnings.iter().flat_map(|w| [w.message.en.clone(), w.message.zh.clone()]).collect())
    };
    // One return of 500,000: 1,000,000 → 30,000; back −23,000.
    assert_eq!(clawbacks("r1,2026-Q2,2026-Q1,c,500000,A\n", "2026-Q2").0, ["-23000.00"]);
    // The same 500,000 in two returns, 200,000 then 300,000: the first takes 1,500,000 → 1,300,000
    // (53,000 → 43,000: −10,000), the second 1,300,000 → 1,000,000 (43,000 → 30,000: −13,000).
    assert_eq!(clawbacks("r1,2026-Q2,2026-Q1,c,200000,A\nr1,2026-Q2,2026-Q1,c,300000,B\n", "2026-Q2").0, ["-10000.00", "-13000.00"]);
    // The first is taken from the 53,000 paid then; the second from the 43,000 due after the first.
    let mut ws = Workspace::new(quarters(["1500000", "0", "0", "0"]));
    assert!(ws.set_plan_json(&p.to_string()).ok);
    ws.load_adjustments("rep_id,period,original_period,line,amount,reference\nr1,2026-Q2,2026-Q1,c,200000,A\nr1,2026-Q2,2026-Q1,c,300000,B\n").unwrap();
    let e = ws.evaluate("2026-Q2").unwrap();
    let [first, second] = &e.reps[0].adjustments[..] else { panic!("two returns") };
    assert_eq!((first.explain.get("paid_then"), first.explain.get("due_before_this_return")), (Some(d("53000")), None));
    assert_eq!((second.explain.get("paid_then"), second.explain.get("due_before_this_return")), (None, Some(d("43000"))));
    assert_eq!((second.explain.get("returned_before"), second.explain.get("due_without_return")), (Some(d("200000")), Some(d("30000"))));
    // In two periods: the Q3 return is charged after the Q2 one, whatever the file's order.
    assert_eq!(clawbacks("r1,2026-Q3,2026-Q1,c,300000,B\nr1,2026-Q2,2026-Q1,c,200000,A\n", "2026-Q3").0, ["-13000.00"]);
    // Two returns of 900,000 (60% each): the second is more than the 600,000 left, and is not applied.
    let (applied, warnings) = clawbacks("r1,2026-Q2,2026-Q1,c,900000,A\nr1,2026-Q2,2026-Q1,c,900000,B\n", "2026-Q2");
    assert_eq!(applied, ["-35000.00"]); // 600,000 → 18,000
    assert_eq!(
        warnings,
        [
            "Return `B` of rep A (r1): 900,000 returned is more than the 600,000 left of the 1,500,000 credited to `c` in 2026-Q1, after 900,000 returned before",
            "销售人员 A（r1）的退回 `B`：退回金额 900,000 超过剩余可退金额 600,000（2026-Q1 计入 `c` 的 1,500,000，此前已退回 900,000）"
        ]
    );
}

#[test]
fn a_recoverable_draw_is_paid_then_recovered() {
    // Flat 3%, draw 10,000 a quarter: Q1 200,000 → 6,000 earned, paid 10,000, owes 4,000;
    // Q2 500,000 → 15,000 earned, 5,000 above the draw, 4,000 recovered → paid 11,000.
    let p = plan(json!({ "commission": [flat("c", "collected", 3)], "draw": { "amount": 10000 } }));
    let mut ws = Workspace::new(quarters(["200000", "500000", "0", "0"]));
    assert!(ws.set_plan_json(&p.to_string()).ok);
    let q1 = ws.evaluate("2026-Q1").unwrap();
    assert_eq!(q1.reps[0].total_pay, d("10000.00"));
    let q2 = ws.evaluate("2026-Q2").unwrap();
    let draw = q2.reps[0].draw.unwrap();
    assert_eq!((draw.owed_before, draw.recovered, draw.owed_after), (d("4000.00"), d("4000.00"), d("0.00")));
    assert_eq!(q2.reps[0].total_pay, d("11000.00"));
}

#[test]
fn region_targets_and_region_cards_of_d6_and_a_mid_year_target_change() {
    // East: target 120万 and a retention KPI; Southwest: 80万, changed to 75万 from Q2 on, plus
    // 15 new customers.
    let rows = "e,E,East,nb,2026-Q1,1,0,1200000,0,0,10,0,0,0.9\ne,E,East,nb,2026-Q2,1,0,1320000,0,0,10,0,0,0.85\n\
                w,W,Southwest,nb,2026-Q1,2,0,800000,0,0,12,0,0,1\nw,W,Southwest,nb,2026-Q2,2,0,780000,0,0,15,0,0,1";
    let data = || dataset(&format!("{HEAD}{rows}\n"));
    let p = json!({
        "version": 1, "name": "D6",
        "targets": [{ "id": "quota", "default": "1000000", "by_region": { "East": "1200000", "Southwest": "800000" },
            "overrides": [{ "from": "2026-Q2", "region": "Southwest", "value": "750000" }] }],
        "scorecards": [
            { "id": "east", "regions": ["East"], "kpis": [
                { "id": "rev", "name": "Revenue", "actual": "collected", "target": "quota", "weight": 70 },
                { "id": "retention", "name": "Retention", "actual": "collection", "target": "85%", "weight": 30, "scoring": { "type": "ratio", "cap_pct": 100 } } ] },
            { "id": "southwest", "regions": ["Southwest"], "kpis": [
                { "id": "rev", "name": "Revenue", "actual": "collected", "target": "quota", "weight": 70 },
                { "id": "new", "name": "New customers", "actual": "new_customers", "target": "15", "weight": 30 } ] }
        ]
    });
    let q1 = evaluate(data(), &p, "2026-Q1");
    // East: 120万 / 120万 × 70 + retention 90% ≥ 85% capped → 30 = 100.
    assert_eq!((q1.reps[0].scorecard.as_str(), q1.reps[0].score), ("east", d("100")));
    // Southwest: 80万 / 80万 × 70 + 12 / 15 × 30 = 70 + 24 = 94.
    assert_eq!((q1.reps[1].scorecard.as_str(), q1.reps[1].score), ("southwest", d("94")));
    let q2 = evaluate(data(), &p, "2026-Q2");
    // From Q2 Southwest's target is 75万: 78万 / 75万 = 104% × 70 = 72.8, + 15/15 × 30 = 102.8.
    assert_eq!(q2.reps[1].kpis[0].target, Some(d("750000")));
    assert_eq!(q2.reps[1].score, d("102.8"));
    // East keeps 120万: 132万 → 110% × 70 = 77, + 30 = 107.
    assert_eq!(q2.reps[0].score, d("107"));
}

#[test]
fn comparing_a_variant_with_the_baseline_names_winners_losers_and_the_cost() {
    let mut ws = Workspace::with_sample_reps();
    let base: Value = serde_json::from_str(incentive_engine::SAMPLE_PLAN_JSON).unwrap();
    assert!(ws.set_plan_json(&base.to_string()).ok);
    assert!(ws.pin_baseline());
    let mut variant = base.clone();
    variant["commission"][0]["tiers"][1]["rate_pct"] = json!(6);
    assert!(ws.set_plan_json(&variant.to_string()).ok);
    let c = ws.compare("2026-Q4", false).unwrap();
    let e01 = c.reps.iter().find(|r| r.rep_id == "E01").unwrap();
    // 20万 in the 100–120% slice at 6% instead of 4%: +4,000.
    assert_eq!((e01.pay_before, e01.pay_after, e01.pay_delta), (d("38000.00"), d("42000.00"), d("4000.00")));
    assert_eq!(c.losers, 0);
    assert_eq!(c.gainers + c.unchanged, 32);
    let sum: rust_decimal::Decimal = c.reps.iter().map(|r| r.pay_delta).sum();
    assert_eq!(c.cost_delta, sum);
    assert_eq!(c.cost_after - c.cost_before, c.cost_delta);
    // Only reps above 100% of target gain: the biggest gain first.
    assert!(c.reps.windows(2).all(|w| w[0].pay_delta >= w[1].pay_delta));

    // A rep's statement under the baseline: E01's commission line at 4% on the slice, every
    // figure as the baseline plan explains it when it is the plan in use.
    let before = ws.explain_baseline_rep("2026-Q4", false, "E01").unwrap();
    assert_eq!(before.commission[0].pay, d("38000.00"));
    assert_eq!(ws.explain_rep("2026-Q4", false, "E01").unwrap().commission[0].pay, d("42000.00"));
    let mut as_plan = Workspace::with_sample_reps();
    assert!(as_plan.set_plan_json(&base.to_string()).ok);
    assert_eq!(before, as_plan.explain_rep("2026-Q4", false, "E01").unwrap());
    assert_eq!(ws.explain_baseline_rep("2026-Q4", true, "E01").unwrap(), as_plan.explain_rep("2026-Q4", true, "E01").unwrap());
    assert_eq!(ws.explain_baseline_rep("2026-Q4", false, "nobody").unwrap_err().code, "unknown_rep");
    ws.clear_baseline();
    assert_eq!(ws.explain_baseline_rep("2026-Q4", false, "E01").unwrap_err().code, "no_baseline");
}
