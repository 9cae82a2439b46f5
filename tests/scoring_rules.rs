//! Every scoring rule of D3/D4 worked by hand through the whole engine: plan JSON in,
//! results out. Each test says the arithmetic it expects.

mod common;
use common::{d, dataset, evaluate};
use serde_json::{json, Value};
use rust_decimal::Decimal;

const HEAD: &str = "rep_id,name,region,role,period,revenue,target,new_customers,visits,violations,sup,cus,peer,hours\n";

/// A plan with one card whose KPIs are given; everything else minimal.
fn plan(kpis: Value) -> Value {
    json!({ "version": 1, "name": "t", "scorecards": [{ "id": "c", "kpis": kpis }] })
}

fn one(row: &str) -> incentive_engine::Dataset {
    dataset(&format!("{HEAD}{row}\n"))
}

const REP: &str = "r1,A,East,nb,2026-Q1,1200000,1000000,6,40,1,90,80,70,1.6";

#[test]
fn derived_metric_conversion_and_its_division_by_zero() {
    // conversion = new_customers / visits = 6 / 40 = 15%, target 15% → 100% × 100 = 100.
    let mut p = plan(json!([{ "id": "conv", "name": "Conversion", "actual": "conversion", "target": "15%", "weight": 100 }]));
    p["metrics"] = json!([{ "id": "conversion", "formula": "new_customers / visits" }]);
    let e = evaluate(one(REP), &p, "2026-Q1");
    assert_eq!(e.reps[0].kpis[0].score, d("100"));
    assert!(e.reps[0].kpis[0].explain.notes.is_empty());
    // With 0 visits the metric is 0 (documented), scored 0, and the explanation says why.
    let e = evaluate(one("r1,A,East,nb,2026-Q1,1200000,1000000,6,0,1,90,80,70,1.6"), &p, "2026-Q1");
    assert_eq!(e.reps[0].kpis[0].score, d("0"));
    assert_eq!(e.reps[0].kpis[0].explain.notes, ["div_by_zero"]);
}

#[test]
fn metrics_may_use_metrics_in_any_order() {
    // b = a × 2 is listed before a = revenue / target (1.2): b = 2.4 → 240% of a target of 1 → capped 150% × 100.
    let mut p = plan(json!([{ "id": "k", "name": "K", "actual": "b", "target": "1", "weight": 100, "scoring": { "type": "ratio", "cap_pct": 150 } }]));
    p["metrics"] = json!([{ "id": "b", "formula": "a * 2" }, { "id": "a", "formula": "revenue / target" }]);
    assert_eq!(evaluate(one(REP), &p, "2026-Q1").reps[0].kpis[0].score, d("150"));
}

#[test]
fn the_seed_cards_120_normalised_weight_30_becomes_25() {
    // Weights 30 + 50 + 40 = 120, normalised: 30 → 25. Revenue 120% × 25 = 30.
    let mut p = plan(json!([
        { "id": "rev", "name": "Revenue", "actual": "revenue", "target": "target", "weight": 30 },
        { "id": "x", "name": "X", "actual": "1", "target": "1", "weight": 50 },
        { "id": "y", "name": "Y", "actual": "1", "target": "1", "weight": 40 }
    ]));
    p["scorecards"][0]["normalize"] = json!(true);
    let e = evaluate(one(REP), &p, "2026-Q1");
    let k = &e.reps[0].kpis;
    assert_eq!((k[0].weight.normalize(), k[0].score), (d("25"), d("30")));
    // 50 × 100/120 = 41.666…; its score at 100% is 41.67 (score scale 2).
    assert_eq!(k[1].score, d("41.67"));
    assert_eq!(e.reps[0].weighted_score, d("30") + d("41.67") + d("33.33"));
}

#[test]
fn every_scoring_function_on_one_rep() {
    let p = plan(json!([
        // 360: 90 × 60% + 80 × 20% + 70 × 20% = 84 → 84% of 20 = 16.8
        { "id": "r360", "name": "360", "weight": 20, "scoring": { "type": "rating360", "raters": [
            { "rating": "sup", "weight": 60 }, { "rating": "cus", "weight": 20 }, { "rating": "peer", "weight": 20 } ] } },
        // Lower is better: 2 h target / 1.6 h = 125% → capped at 120% × 20 = 24
        { "id": "resp", "name": "Response", "actual": "hours", "target": "2", "weight": 20, "scoring": { "type": "inverse_ratio", "cap_pct": 120 } },
        // Bands on the actual, lower is better: 1.6 h ≤ 2 → 100% of 20 = 20
        { "id": "band", "name": "Band", "actual": "hours", "weight": 20, "scoring": { "type": "bands", "direction": "lower_is_better",
            "steps": [{ "at": 2, "score_pct": 100 }, { "at": 4, "score_pct": 50 }] } },
        // Pass/fail: 40 visits ≥ 30 → 20
        { "id": "pf", "name": "PF", "actual": "visits >= 30", "weight": 20, "scoring": { "type": "pass_fail" } },
        // Deduction: 20 − 1 violation × 5 = 15
        { "id": "ded", "name": "Ded", "actual": "violations", "weight": 20, "scoring": { "type": "deduction", "points_per_event": 5 } }
    ]));
    let e = evaluate(one(REP), &p, "2026-Q1");
    let scores: Vec<_> = e.reps[0].kpis.iter().map(|k| k.score).collect();
    assert_eq!(scores, [d("16.8"), d("24"), d("20"), d("20"), d("15")]);
    assert_eq!(e.reps[0].kpis[0].explain.get("composite"), Some(d("84")));
    assert_eq!(e.reps[0].kpis[1].attainment_pct, Some(d("125")));
    assert_eq!(e.reps[0].score, d("95.8"));
}

/// Revenue at weight 100 (capped at 100%), and points: 2 a new customer (item cap 5), 0.1 a
/// visit, bonus total capped at 8; 3 off a violation.
fn points_plan() -> Value {
    let mut p = plan(json!([{ "id": "rev", "name": "Revenue", "actual": "revenue", "target": "target", "weight": 100, "scoring": { "type": "ratio", "cap_pct": 100 } }]));
    p["points"] = json!({ "items": [
        { "id": "nc", "name": "New", "kind": "bonus", "events": "new_customers", "points_per_event": 2, "cap": 5 },
        { "id": "v", "name": "Visits", "kind": "bonus", "events": "visits", "points_per_event": 0.1 },
        { "id": "viol", "name": "Violations", "kind": "penalty", "events": "violations", "points_per_event": 3 }
    ], "max_bonus": 8 });
    p
}

#[test]
fn points_capped_per_item_and_in_total_then_added_after_the_weighted_score() {
    // Weighted 100 (revenue capped at 100%). Bonus: 6 new customers × 2 = 12, item cap 5;
    // 40 visits × 0.1 = 4 → 9, total cap 8. Penalty: 1 violation × 3 = 3. Score 100 + 8 − 3 = 105.
    let p = points_plan();
    let r = &evaluate(one(REP), &p, "2026-Q1").reps[0];
    assert_eq!((r.weighted_score, r.bonus_points, r.penalty_points, r.score), (d("100"), d("8"), d("3"), d("105")));
    assert!(r.points[0].capped && !r.points[1].capped);
    assert_eq!(r.points_explain.notes, ["bonus_total_capped"]);
}

#[test]
fn year_to_date_points_are_each_periods_totals_after_their_caps_averaged_and_explained_period_by_period() {
    // Q1: 6 new customers × 2 = 12 (item cap 5), 40 visits × 0.1 = 4: 9, total cap 8 → 8; 1 violation × 3 = 3.
    // Q2: 1 new customer × 2 = 2, 20 visits × 0.1 = 2: 4; no violation.
    // Year to date: bonus (8 + 4) / 2 = 6, penalty (3 + 0) / 2 = 1.5. The items' rows, each
    // averaged before the total's cap, add up to (5 + 2) / 2 + (4 + 2) / 2 = 6.5: the explanation
    // says why the total is 6 (Q1's total was capped).
    let rows = "r1,A,East,nb,2026-Q1,100,100,6,40,1,0,0,0,0\nr1,A,East,nb,2026-Q2,100,100,1,20,0,0,0,0,0";
    let p = points_plan();
    let mut ws = incentive_engine::Workspace::new(dataset(&format!("{HEAD}{rows}\n")));
    assert!(ws.set_plan_json(&p.to_string()).ok);
    let ytd = ws.evaluate_ytd("2026-Q2").unwrap();
    let r = &ytd.reps[0];
    assert_eq!((r.bonus_points, r.penalty_points, r.score), (d("6"), d("1.5"), d("104.5")));
    let rows: Vec<(&str, Decimal, Decimal)> = r.points.iter().map(|x| (x.id.as_str(), x.events, x.points)).collect();
    assert_eq!(rows, [("nc", d("7"), d("3.5")), ("v", d("60"), d("3")), ("viol", d("1"), d("1.5"))]);
    let steps: Vec<(&str, Option<&str>, Decimal)> = r.points_explain.steps.iter().map(|s| (s.key, s.period.as_deref(), s.value)).collect();
    assert_eq!(
        steps,
        [
            ("bonus_points", Some("2026-Q1"), d("8")),
            ("bonus_points", Some("2026-Q2"), d("4")),
            ("bonus_points", None, d("6")),
            ("penalty_points", Some("2026-Q1"), d("3")),
            ("penalty_points", Some("2026-Q2"), d("0")),
            ("penalty_points", None, d("1.5")),
        ]
    );
    assert_eq!(r.points_explain.notes, ["bonus_total_capped", "year_to_date_average"]);
    // Without explanations (a table's run) the figures are the same.
    let quiet = ws.evaluate_ytd_detail("2026-Q2", incentive_engine::Shown { explain: false, parts: true, rep: None }).unwrap();
    assert_eq!((quiet.reps[0].bonus_points, quiet.reps[0].penalty_points), (d("6"), d("1.5")));
    assert!(quiet.reps[0].points_explain.steps.is_empty());
}

/// Ten reps whose revenue (and so score, at weight 100) runs 95, 91, 88, …
fn ten_reps() -> incentive_engine::Dataset {
    let rows: Vec<String> =
        [95, 91, 88, 85, 85, 78, 75, 72, 60, 50].iter().enumerate().map(|(i, s)| format!("r{i},R{i},East,nb,2026-Q1,{s},100,0,1,0,0,0,0,0")).collect();
    dataset(&format!("{HEAD}{}\n", rows.join("\n")))
}

#[test]
fn forced_distribution_reported_and_enforced_with_ties_to_the_better_grade() {
    let mut p = plan(json!([{ "id": "rev", "name": "Revenue", "actual": "revenue", "target": "target", "weight": 100 }]));
    let guide = json!([
        { "grade": "S", "min_pct": 10, "max_pct": 15, "quota_pct": 10 },
        { "grade": "A", "min_pct": 30, "max_pct": 40, "quota_pct": 30 },
        { "grade": "B", "min_pct": 30, "max_pct": 40, "quota_pct": 40 },
        { "grade": "C", "min_pct": 5, "max_pct": 10, "quota_pct": 20 }
    ]);
    p["grades"] = json!({ "bands": [{ "grade": "S", "min_score": 90 }, { "grade": "A", "min_score": 80 }, { "grade": "B", "min_score": 70 }, { "grade": "C" }],
        "distribution": { "guide": guide } });
    // By band: 95, 91 → S (20%, above 15%); 88, 85, 85 → A (30%); 78, 75, 72 → B (30%); 60, 50 → C (20%, above 10%).
    let e = evaluate(ten_reps(), &p, "2026-Q1");
    let grades: String = e.reps.iter().map(|r| r.grade.as_str()).collect();
    assert_eq!(grades, "SSAAABBBCC");
    let status: Vec<_> = e.totals.distribution.iter().map(|g| format!("{} {} {:?}", g.grade, g.share_pct, g.status)).collect();
    assert_eq!(status, ["S 20.00 Above", "A 30.00 Within", "B 30.00 Within", "C 20.00 Above"]);
    // Enforced: quotas 1 / 4 / 8 / 10 cumulative; ranks 4 and 5 tie at 85 → both A.
    p["grades"]["distribution"]["enforce"] = json!(true);
    let e = evaluate(ten_reps(), &p, "2026-Q1");
    let grades: String = e.reps.iter().map(|r| r.grade.as_str()).collect();
    assert_eq!(grades, "SAAAABBBCC");
    assert!(e.reps.iter().all(|r| format!("{:?}", r.graded_by) == "Rank"));
    assert_eq!(e.reps.iter().map(|r| r.rank).collect::<Vec<_>>(), [1, 2, 3, 4, 4, 6, 7, 8, 9, 10]);
}

#[test]
fn c_in_two_consecutive_quarters_is_flagged_across_a_year_end() {
    let rows = "r1,A,East,nb,2026-Q3,50,100,0,1,0,0,0,0,0\nr1,A,East,nb,2026-Q4,60,100,0,1,0,0,0,0,0\nr1,A,East,nb,2027-Q1,65,100,0,1,0,0,0,0,0\n\
                r2,B,East,nb,2026-Q3,95,100,0,1,0,0,0,0,0\nr2,B,East,nb,2026-Q4,60,100,0,1,0,0,0,0,0\nr2,B,East,nb,2027-Q1,99,100,0,1,0,0,0,0,0";
    let data = || dataset(&format!("{HEAD}{rows}\n"));
    let mut p = plan(json!([{ "id": "rev", "name": "Revenue", "actual": "revenue", "target": "target", "weight": 100 }]));
    p["grades"] = json!({ "bands": [{ "grade": "S", "min_score": 90 }, { "grade": "A", "min_score": 80 }, { "grade": "B", "min_score": 70 }, { "grade": "C" }],
        "streak": { "grade": "C", "periods": 2 } });
    let e = evaluate(data(), &p, "2026-Q4");
    assert_eq!(e.reps[0].flags.len(), 1);
    assert_eq!(e.reps[0].flags[0].periods, ["2026-Q3", "2026-Q4"]);
    assert!(e.reps[1].flags.is_empty(), "B was S in Q3");
    let e = evaluate(data(), &p, "2027-Q1");
    assert_eq!(e.reps[0].flags[0].periods, ["2026-Q4", "2027-Q1"]);
    // The first period has nothing before it: no flag.
    assert!(evaluate(data(), &p, "2026-Q3").reps[0].flags.is_empty());
}

#[test]
fn annual_targets_split_by_shares_with_region_values_and_a_q4_override() {
    // Annual 4,000,000 (East 4,800,000) split 20/25/25/30; Southwest's Q4 changed to 750,000.
    let rows = "e,E,East,nb,2026-Q1,1200000,0,0,1,0,0,0,0,0\ne,E,East,nb,2026-Q4,1200000,0,0,1,0,0,0,0,0\n\
                w,W,Southwest,nb,2026-Q1,900000,0,0,1,0,0,0,0,0\nw,W,Southwest,nb,2026-Q4,900000,0,0,1,0,0,0,0,0";
    let data = || dataset(&format!("{HEAD}{rows}\n"));
    let mut p = plan(json!([{ "id": "rev", "name": "Revenue", "actual": "revenue", "target": "quota", "weight": 100 }]));
    p["targets"] = json!([{ "id": "quota", "basis": "annual", "default": "4000000", "by_region": { "East": "4800000" },
        "split": { "shares": [20, 25, 25, 30] }, "overrides": [{ "period": "2026-Q4", "region": "Southwest", "value": "750000" }] }]);
    let target = |period: &str, rep: usize| evaluate(data(), &p, period).reps[rep].kpis[0].target;
    assert_eq!(target("2026-Q1", 0), Some(d("960000"))); // 4.8M × 20%
    assert_eq!(target("2026-Q4", 0), Some(d("1440000"))); // 4.8M × 30%
    assert_eq!(target("2026-Q1", 1), Some(d("800000"))); // 4M × 20%
    assert_eq!(target("2026-Q4", 1), Some(d("750000"))); // the override
    // 900,000 / 750,000 = 120% × 100 = 120
    assert_eq!(evaluate(data(), &p, "2026-Q4").reps[1].score, d("120"));
}

#[test]
fn year_to_date_sums_pay_and_averages_scores() {
    let rows = "r1,A,East,nb,2026-Q1,800000,1000000,0,1,0,0,0,0,0\nr1,A,East,nb,2026-Q2,1500000,1000000,0,1,0,0,0,0,0";
    let mut p = plan(json!([{ "id": "rev", "name": "Revenue", "actual": "revenue", "target": "target", "weight": 100, "scoring": { "type": "ratio", "cap_pct": 120 } }]));
    p["attainment"] = json!({ "actual": "revenue", "target": "target" });
    p["commission"] = json!([{ "id": "c", "name": "C", "base": "revenue", "target": "target", "method": "marginal", "tier_basis": "attainment_pct",
        "tiers": [{ "from": 0, "rate_pct": 3 }, { "from": 100, "rate_pct": 4 }, { "from": 120, "rate_pct": 5 }] }]);
    let mut ws = incentive_engine::Workspace::new(dataset(&format!("{HEAD}{rows}\n")));
    assert!(ws.set_plan_json(&p.to_string()).ok);
    let ytd = ws.evaluate_ytd("2026-Q2").unwrap();
    let r = &ytd.reps[0];
    // Pay: Q1 24,000 + Q2 53,000 = 77,000. Score: Q1 80, Q2 capped 120 → average 100.
    assert_eq!(r.total_pay, d("77000.00"));
    assert_eq!(r.score, d("100"));
    assert_eq!(r.grade, "S");
    // Attainment over the half year: 2.3M / 2M = 115%.
    assert_eq!(r.attainment_pct, Some(d("115")));
    assert_eq!(ytd.periods, ["2026-Q1", "2026-Q2"]);
    // Explained period by period, so that the statement adds up: the KPI's score in each
    // quarter, then their average; the commission settled in each quarter, then their sum
    // (not the half year's 115% put through the tiers: 2,000,000 × 3% + 300,000 × 4% = 72,000).
    let by_period = |e: &incentive_engine::explain::Explanation, key: &str| -> Vec<(String, Decimal)> {
        e.steps.iter().filter(|s| s.key == key).map(|s| (s.period.clone().unwrap(), s.value)).collect()
    };
    let q = |p: &str, v: &str| (p.to_string(), d(v));
    assert_eq!(by_period(&r.kpis[0].explain, "period_score"), [q("2026-Q1", "80"), q("2026-Q2", "120")]);
    assert_eq!(r.kpis[0].explain.get("score"), Some(d("100")));
    assert_eq!(r.kpis[0].explain.notes, ["year_to_date_average"]);
    // Q1: 800,000 × 3% = 24,000. Q2: 1,000,000 × 3% + 200,000 × 4% + 300,000 × 5% = 53,000.
    assert_eq!(by_period(&r.commission[0].explain, "period_pay"), [q("2026-Q1", "24000.00"), q("2026-Q2", "53000.00")]);
    assert_eq!(r.commission[0].explain.notes, ["year_to_date_sum"]);
    assert_eq!(r.commission[0].pay, d("77000.00"));
    // A period's own evaluation names no period in its steps.
    let q2 = ws.evaluate("2026-Q2").unwrap();
    assert!(q2.reps[0].kpis[0].explain.steps.iter().chain(&q2.reps[0].commission[0].explain.steps).all(|s| s.period.is_none()));
}
