//! Management signals (D6), each rule hand-worked with the seed's numbers: the follow-up
//! rate falling 80% → 60%, the high-potential rep with satisfaction 92 against a team
//! average of 85 and training 100% against 70%, new customers 5 → 9 against a plan of 8
//! (next target 10), a tier almost nobody reaches, and 100万 everywhere leaving a new market
//! at 50%.

use incentive_engine::data::load_csv;
use incentive_engine::signals::{HealthSeverity, SignalsReport, ThresholdUnit};
use incentive_engine::{Shown, Workspace, SAMPLE_PLAN_JSON};
use rust_decimal::Decimal;
use serde_json::{json, Value};

fn d(text: &str) -> Decimal {
    text.parse().unwrap()
}

fn sample_plan_with(signals: Value) -> Value {
    let mut plan: Value = serde_json::from_str(SAMPLE_PLAN_JSON).unwrap();
    plan["signals"] = signals;
    plan
}

fn signals_of(ws: &mut Workspace, plan: &Value, period: &str) -> SignalsReport {
    let report = ws.set_plan_json(&plan.to_string());
    assert!(report.ok, "{:#?}", report.problems);
    ws.signals(period).unwrap()
}

#[test]
fn a_follow_up_rate_falling_from_80_to_60_raises_the_drop_alert() {
    let plan = sample_plan_with(json!({ "alerts": [{
        "id": "followup_drop", "name": "Follow-up rate dropped", "name_zh": "跟进率骤降",
        "rule": { "type": "drop", "metric": "followup_rate", "by": 15 }
    }] }));
    let s = signals_of(&mut Workspace::with_sample_reps(), &plan, "2026-Q4");
    // S02 Wu Ting: 80 in Q3, 60 in Q4: a fall of 20 (25% of 80), past the rule's 15.
    let alert = s.alerts.iter().find(|a| a.rep_id == "S02").expect("S02 is alerted");
    assert_eq!(alert.values, [d("80"), d("60")]);
    assert_eq!(alert.periods, ["2026-Q3", "2026-Q4"]);
    assert_eq!((alert.threshold, alert.threshold_unit), (d("15"), ThresholdUnit::Value));
    assert_eq!(alert.message.en, "Follow-up rate dropped — Wu Ting (S02): followup_rate fell from 80 in 2026-Q3 to 60 in 2026-Q4 (−20, −25%); the rule fires at a fall of 15");
    assert_eq!(alert.message.zh, "跟进率骤降——吴婷（S02）：followup_rate 从 2026-Q3 的 80 降至 2026-Q4 的 60（−20，−25%）；规则在降幅达到 15 时触发");
    // Exactly the reps whose follow-up rate fell by 15 or more, read straight from the data.
    let csv = incentive_engine::sample_csv();
    let rate = |rep: &str, period: &str| -> Decimal {
        let header: Vec<&str> = csv.lines().next().unwrap().split(',').collect();
        let col = header.iter().position(|h| *h == "followup_rate").unwrap();
        let line = csv.lines().find(|l| l.starts_with(&format!("{rep},")) && l.contains(&format!(",{period},"))).unwrap();
        line.split(',').nth(col).unwrap().parse().unwrap()
    };
    let ids: Vec<incentive_engine::label::Label> = load_csv(csv).unwrap().dataset.reps.iter().map(|r| r.id.clone()).collect();
    let mut expected: Vec<&str> = ids.iter().map(|id| id.as_str()).filter(|r| rate(r, "2026-Q3") - rate(r, "2026-Q4") >= d("15")).collect();
    expected.sort_unstable();
    let got: Vec<&str> = s.alerts.iter().map(|a| a.rep_id.as_str()).collect();
    assert_eq!(got, expected);
}

#[test]
fn a_drop_in_percent_of_the_previous_value_and_a_level_alert() {
    let plan = sample_plan_with(json!({ "alerts": [
        { "id": "drop25", "name": "Follow-up fell a quarter", "rule": { "type": "drop", "metric": "followup_rate", "by_pct": 25 }, "severity": "critical" },
        { "id": "low", "name": "Low attainment", "rule": { "type": "level", "metric": "revenue_collected / revenue_target * 100", "below": 60 } }
    ] }));
    let s = signals_of(&mut Workspace::with_sample_reps(), &plan, "2026-Q4");
    // S02 fell by exactly 25% (20 of 80): the rule fires at 25%.
    let s02 = s.alerts.iter().find(|a| a.rule == "drop25" && a.rep_id == "S02").unwrap();
    assert_eq!((s02.threshold, s02.threshold_unit), (d("25"), ThresholdUnit::Percent));
    assert!(s02.message.en.ends_with("the rule fires at a fall of 25%"), "{}", s02.message.en);
    // Critical alerts (drop25 here) all come before the warnings, and both kinds are present.
    let critical: Vec<bool> = s.alerts.iter().map(|a| a.rule == "drop25").collect();
    let firsts = critical.iter().take_while(|c| **c).count();
    assert!(firsts >= 1 && firsts < critical.len(), "{critical:?}");
    assert!(critical[firsts..].iter().all(|c| !c), "{critical:?}");
    // Level: every alerted rep is under 60% and every rep under 60% is alerted.
    let results = Workspace::with_sample_reps();
    let mut ws = results;
    assert!(ws.set_plan_json(&plan.to_string()).ok);
    let e = ws.evaluate("2026-Q4").unwrap();
    let mut under: Vec<&str> = e.reps.iter().filter(|r| r.attainment_pct.unwrap() < d("60")).map(|r| r.rep_id.as_str()).collect();
    under.sort_unstable();
    let mut low: Vec<&str> = s.alerts.iter().filter(|a| a.rule == "low").map(|a| a.rep_id.as_str()).collect();
    low.sort_unstable();
    assert_eq!(low, under);
    // Feng Gang (N03) alone: 336,000 of 700,000 = 48% in Q4 (every other rep is at 80% or more).
    assert_eq!(low, ["N03"]);
    let n03 = s.alerts.iter().find(|a| a.rule == "low").unwrap();
    assert_eq!((n03.periods.as_slice(), n03.values.as_slice(), n03.threshold, n03.threshold_unit), (&["2026-Q4".to_string()][..], &[d("48")][..], d("60"), ThresholdUnit::Value));
    // Without a name for the value, the message shows its formula (the rule has no name_zh: its name in both).
    assert_eq!(n03.message.en, "Low attainment — Feng Gang (N03): revenue_collected / revenue_target * 100 is 48 in 2026-Q4, below 60");
    assert_eq!(n03.message.zh, "Low attainment——冯刚（N03）：revenue_collected / revenue_target * 100 在 2026-Q4 为 48，低于 60");
}

#[test]
fn a_level_alert_names_the_value_it_watches_in_both_languages() {
    let plan = sample_plan_with(json!({ "alerts": [
        { "id": "low", "name": "Low attainment", "name_zh": "达成率过低", "rule": {
            "type": "level", "metric": "revenue_collected / revenue_target * 100",
            "metric_name": "revenue attainment (%)", "metric_name_zh": "回款达成率（%）", "below": 60 } },
        { "id": "visits_fell", "name": "Fewer visits", "rule": {
            "type": "drop", "metric": "visits", "metric_name": "customer visits", "by_pct": 50 } }
    ] }));
    let s = signals_of(&mut Workspace::with_sample_reps(), &plan, "2026-Q4");
    let low: Vec<_> = s.alerts.iter().filter(|a| a.rule == "low").collect();
    assert_eq!(low.len(), 1);
    assert_eq!(low[0].message.en, "Low attainment — Feng Gang (N03): revenue attainment (%) is 48 in 2026-Q4, below 60");
    assert_eq!(low[0].message.zh, "达成率过低——冯刚（N03）：回款达成率（%）在 2026-Q4 为 48，低于 60");
    // A drop names its value too; without `metric_name_zh` the English name serves in Chinese.
    for a in s.alerts.iter().filter(|a| a.rule == "visits_fell") {
        assert!(a.message.en.contains(": customer visits fell from "), "{}", a.message.en);
        assert!(a.message.zh.contains("：customer visits 从 "), "{}", a.message.zh);
    }
}

#[test]
fn attainment_to_date_below_60_at_mid_year_flags_feng_gang_in_q2_only() {
    let plan = sample_plan_with(json!({ "alerts": [{
        "id": "behind_mid_year", "name": "Behind at mid-year", "name_zh": "年中进度落后",
        "rule": { "type": "level", "metric": "revenue_collected / revenue_target * 100",
                  "metric_name": "revenue attainment (%)", "metric_name_zh": "回款达成率（%）",
                  "below": 60, "to_date": "year", "only_at": [2] }
    }] }));
    let mut ws = Workspace::with_sample_reps();
    let s = signals_of(&mut ws, &plan, "2026-Q2");
    // Year to date up to Q2, collected over target summed over Q1 and Q2 (sample data):
    //   N03 Feng Gang (360,000 + 434,000) / (700,000 + 700,000) = 794,000 / 1,400,000 = 56.714…%
    //   next lowest: S02 Wu Ting (579,000 + 668,000) / 2,000,000 = 62.35%,
    //                E03 Li Na   (721,000 + 825,000) / 2,400,000 = 64.42% — not below 60.
    // N03's Q2 alone is 434,000 / 700,000 = 62%: only the figure to date is below 60.
    // 794,000 / 1,400,000 = 0.5671428571428571428571428571 (28 places, the next digit 4), × 100:
    assert_eq!(s.alerts.len(), 1, "{:#?}", s.alerts);
    let a = &s.alerts[0];
    assert_eq!((a.rule.as_str(), a.rep_id.as_str()), ("behind_mid_year", "N03"));
    assert_eq!(a.periods, ["2026-Q1", "2026-Q2"]);
    assert_eq!(a.values, [d("56.71428571428571428571428571")]);
    assert_eq!((a.threshold, a.threshold_unit), (d("60"), ThresholdUnit::Value));
    assert_eq!(a.message.en, "Behind at mid-year — Feng Gang (N03): revenue attainment (%) for the year to date (2026-Q1 to 2026-Q2) is ≈56.7143, below 60");
    assert_eq!(a.message.zh, "年中进度落后——冯刚（N03）：回款达成率（%）年初至今（2026-Q1 至 2026-Q2）为 ≈56.7143，低于 60");
    // Only at the second quarter: in Q1 (N03 at 51.43%), Q3 (55.14% to date) and Q4 (53.36%) it is silent.
    for period in ["2026-Q1", "2026-Q3", "2026-Q4"] {
        assert!(ws.signals(period).unwrap().alerts.is_empty(), "{period}");
    }
    // Without `only_at` it watches every quarter: in Q4, (360,000 + 434,000 + 364,000 + 336,000)
    // / 2,800,000 = 1,494,000 / 2,800,000 = 53.357142…%, still N03 alone.
    let mut every = plan.clone();
    every["signals"]["alerts"][0]["rule"].as_object_mut().unwrap().remove("only_at");
    let s = signals_of(&mut ws, &every, "2026-Q4");
    assert_eq!(s.alerts.iter().map(|a| (a.rep_id.as_str(), a.periods.len())).collect::<Vec<_>>(), [("N03", 4)]);
    assert_eq!(s.alerts[0].values, [d("53.35714285714285714285714286")]);
    // Q1 to date is Q1 alone: N03 at 360,000 / 700,000 = 51.43%.
    let s = ws.signals("2026-Q1").unwrap();
    assert_eq!(s.alerts[0].periods, ["2026-Q1"]);
    assert!(s.alerts[0].message.en.ends_with("for the year to date (2026-Q1) is ≈51.4286, below 60"), "{}", s.alerts[0].message.en);
    // N03's visits blank in Q1: he is left out of Q1's pay, but the attainment to date does
    // not read the visits: still ≈56.7143 at mid-year. His collected revenue blank in Q1: no
    // value to date, no alert.
    for (column, alerted) in [("visits", true), ("revenue_collected", false)] {
        let mut ws = Workspace::new(load_csv(&sample_with_blank("N03", "2026-Q1", column)).unwrap().dataset);
        let s = signals_of(&mut ws, &plan, "2026-Q2");
        assert_eq!(s.alerts.iter().map(|a| a.values.clone()).collect::<Vec<_>>(), if alerted { vec![vec![d("56.71428571428571428571428571")]] } else { vec![] }, "{column}");
    }
    // N03 without a row in Q2: to date at Q3 sums Q1 and Q3, (360,000 + 364,000) / 1,400,000
    // = 51.7142…%, and the message names the quarter missing between them.
    let without_q2: String = incentive_engine::sample_csv().lines().filter(|l| !(l.starts_with("N03,") && l.contains(",2026-Q2,"))).map(|l| format!("{l}\n")).collect();
    let mut ws = Workspace::new(load_csv(&without_q2).unwrap().dataset);
    let s = signals_of(&mut ws, &every, "2026-Q3");
    let n03 = s.alerts.iter().find(|a| a.rep_id == "N03").unwrap();
    assert_eq!(n03.periods, ["2026-Q1", "2026-Q3"]);
    assert_eq!(n03.values, [d("51.71428571428571428571428571")]);
    assert_eq!(n03.message.en, "Behind at mid-year — Feng Gang (N03): revenue attainment (%) for the year to date (2026-Q1 to 2026-Q3, without 2026-Q2: no row) is ≈51.7143, below 60");
    assert_eq!(n03.message.zh, "年中进度落后——冯刚（N03）：回款达成率（%）年初至今（2026-Q1 至 2026-Q3，2026-Q2 无数据）为 ≈51.7143，低于 60");
}

/// Two reps over the first five months of 2026; `booked` is read by the alert only, and Max
/// has none in April.
const MONTHS: &str = "rep_id,name,region,role,period,revenue_target,revenue_collected,new_customers,visits,booked
M1,Mia,East,sales,2026-01,1000,1000,1,10,900
M2,Max,East,sales,2026-01,1000,1000,1,10,200
M1,Mia,East,sales,2026-02,1000,1000,1,10,150
M2,Max,East,sales,2026-02,1000,1000,1,10,1000
M1,Mia,East,sales,2026-03,1000,1000,1,10,1000
M2,Max,East,sales,2026-03,1000,1000,1,10,1000
M1,Mia,East,sales,2026-04,1000,1000,1,10,400
M2,Max,East,sales,2026-04,1000,1000,1,10,
M1,Mia,East,sales,2026-05,1000,1000,1,10,500
M2,Max,East,sales,2026-05,1000,1000,1,10,100
";

#[test]
fn a_to_date_value_works_out_the_metrics_its_formula_reads_through_others_on_the_sums() {
    // The alert reads `booked_pct`, which reads `booked_share`, which reads `booked` and the
    // named target `goal`: each worked out on the quarter's sums.
    let mut plan = small_plan(json!({ "alerts": [{
        "id": "mid_quarter", "name": "Behind at mid-quarter",
        "rule": { "type": "level", "metric": "booked_pct", "below": 60, "to_date": "quarter", "only_at": [2] }
    }] }));
    plan["period"] = json!("month");
    plan["targets"] = json!([{ "id": "goal", "default": 1000 }]);
    plan["metrics"] = json!([{ "id": "booked_pct", "formula": "booked_share * 100" }, { "id": "booked_share", "formula": "booked / goal" }]);
    let mut ws = Workspace::new(load_csv(MONTHS).unwrap().dataset);
    // Mia (900 + 150) / (1,000 + 1,000) × 100 = 52.5, below 60; Max (200 + 1,000) / 2,000 ×
    // 100 = 60, not below.
    let s = signals_of(&mut ws, &plan, "2026-02");
    let got: Vec<_> = s.alerts.iter().map(|a| (a.rep_id.as_str(), a.values.clone())).collect();
    assert_eq!(got, [("M1", vec![d("52.5")])]);
}

#[test]
fn quarter_to_date_in_a_monthly_plan_at_the_middle_month_of_each_quarter() {
    let mut plan = small_plan(json!({ "alerts": [{
        "id": "mid_quarter", "name": "Behind at mid-quarter",
        "rule": { "type": "level", "metric": "booked * 100 / goal", "metric_name": "bookings (% of goal)", "below": 60, "to_date": "quarter", "only_at": [2] }
    }] }));
    plan["period"] = json!("month");
    // A named target read by the alert only: 1,000 a month, 2,000 for Mia in May.
    plan["targets"] = json!([{ "id": "goal", "default": 1000, "overrides": [{ "period": "2026-05", "rep": "M1", "value": 2000 }] }]);
    let mut ws = Workspace::new(load_csv(MONTHS).unwrap().dataset);
    // February, the first quarter's second month: Mia (900 + 150) × 100 / (1,000 + 1,000) =
    // 52.5, below 60; Max (200 + 1,000) × 100 / 2,000 = 60, not below (Mia's February alone,
    // 15, and Max's January alone, 20, do not count: the quarter to date does).
    let s = signals_of(&mut ws, &plan, "2026-02");
    let got: Vec<_> = s.alerts.iter().map(|a| (a.rep_id.as_str(), a.periods.clone(), a.values.clone())).collect();
    assert_eq!(got, [("M1", vec!["2026-01".to_string(), "2026-02".to_string()], vec![d("52.5")])]);
    assert_eq!(s.alerts[0].message.en, "Behind at mid-quarter — Mia (M1): bookings (% of goal) for the quarter to date (2026-01 to 2026-02) is 52.5, below 60");
    assert_eq!(s.alerts[0].message.zh, "Behind at mid-quarter——Mia（M1）：bookings (% of goal) 季初至今（2026-01 至 2026-02）为 52.5，低于 60");
    // January and March are not the middle month of a quarter.
    assert!(ws.signals("2026-01").unwrap().alerts.is_empty());
    assert!(ws.signals("2026-03").unwrap().alerts.is_empty());
    // May, the second quarter's middle month: the sums start again in April. Mia (400 + 500) ×
    // 100 / (1,000 + 2,000) = 30. Max's May alone would be 10, but his April is blank: no
    // value to date, no alert, though he is evaluated (and paid) in May.
    let s = ws.signals("2026-05").unwrap();
    let got: Vec<_> = s.alerts.iter().map(|a| (a.rep_id.as_str(), a.periods.clone(), a.values.clone())).collect();
    assert_eq!(got, [("M1", vec!["2026-04".to_string(), "2026-05".to_string()], vec![d("30")])]);
    assert!(ws.evaluate("2026-05").unwrap().reps.iter().any(|r| r.rep_id == "M2"));
}

#[test]
fn to_date_and_only_at_are_checked_by_path_in_both_languages() {
    let level = |extra: Value| {
        let mut rule = json!({ "type": "level", "metric": "visits", "below": 5 });
        rule.as_object_mut().unwrap().extend(extra.as_object().unwrap().clone());
        sample_plan_with(json!({ "alerts": [{ "id": "x", "name": "X", "rule": rule }] }))
    };
    let cases = [
        (level(json!({ "to_date": "quarter" })), "to_date_needs_months", "signals.alerts[0].rule.to_date", Some("quarter"),
         "`\"to_date\": \"quarter\"` adds up the months of a quarter, but this plan's periods are quarters: use \"year\", or `\"period\": \"month\"`",
         "`\"to_date\": \"quarter\"` 累计一个季度内的各月，但本方案的期间为季度：请改用 \"year\"，或设置 `\"period\": \"month\"`"),
        (level(json!({ "to_date": "year", "only_at": [2, 5] })), "out_of_range", "signals.alerts[0].rule.only_at[1]", Some("5"),
         "a year holds 4 periods of this plan (quarters), counted from 1 to 4; 5 is not one of them",
         "一年包含本方案的 4 个期间（季度），从 1 数到 4；5 不在其中"),
        (level(json!({ "only_at": [0] })), "out_of_range", "signals.alerts[0].rule.only_at[0]", Some("0"),
         "a year holds 4 periods of this plan (quarters), counted from 1 to 4; 0 is not one of them",
         "一年包含本方案的 4 个期间（季度），从 1 数到 4；0 不在其中"),
        (level(json!({ "only_at": [] })), "empty_list", "signals.alerts[0].rule.only_at", None,
         "`only_at` needs at least one place: leave it out to check every period",
         "`only_at` 至少需要一个位置：如需检查每个期间，请删去该字段"),
        (level(json!({ "metric_name": "  " })), "blank_name", "signals.alerts[0].rule.metric_name", Some("  "),
         "`metric_name` is blank: name the value the alert watches, or leave the field out to show the formula",
         "`metric_name` 为空：请写出预警所监控数值的名称，或删去该字段以显示公式"),
    ];
    for (plan, code, path, value, en, zh) in cases {
        let report = Workspace::with_sample_reps().set_plan_json(&plan.to_string());
        let errors: Vec<_> = report.problems.iter().filter(|p| p.is_error()).collect();
        assert_eq!(errors.iter().map(|p| (p.code, p.path.as_str(), p.value.as_deref())).collect::<Vec<_>>(), [(code, path, value)], "{errors:#?}");
        assert_eq!((errors[0].message.en.as_str(), errors[0].message.zh.as_str()), (en, zh));
    }
    // An unknown span is a type error at the field, naming the options.
    let report = Workspace::with_sample_reps().set_plan_json(&level(json!({ "to_date": "month" })).to_string());
    assert_eq!(report.problems.iter().map(|p| (p.code, p.path.as_str())).collect::<Vec<_>>(), [("unknown_option", "signals.alerts[0].rule.to_date")], "{:#?}", report.problems);
    // A monthly plan counts months: 12 in a year, 3 in a quarter.
    let mut monthly = level(json!({ "to_date": "quarter", "only_at": [3, 4] }));
    monthly["period"] = json!("month");
    let report = Workspace::new(load_csv(MONTHS).unwrap().dataset).set_plan_json(&monthly.to_string());
    let errors: Vec<_> = report.problems.iter().filter(|p| p.is_error()).map(|p| (p.code, p.path.as_str(), p.message.en.as_str())).collect();
    assert_eq!(errors, [("out_of_range", "signals.alerts[0].rule.only_at[1]", "a quarter holds 3 periods of this plan (months), counted from 1 to 3; 4 is not one of them")]);
}

#[test]
fn grade_c_twice_in_a_row_is_alerted_with_both_periods() {
    let plan = sample_plan_with(json!({ "alerts": [
        { "id": "c_twice", "name": "C twice", "name_zh": "连续两期 C", "severity": "critical", "rule": { "type": "grade_streak", "grade": "C", "periods": 2 } }
    ] }));
    let mut ws = Workspace::with_sample_reps();
    let s = signals_of(&mut ws, &plan, "2026-Q4");
    let q3 = ws.evaluate("2026-Q3").unwrap();
    let q4 = ws.evaluate("2026-Q4").unwrap();
    let c_in = |e: &incentive_engine::Evaluation| e.reps.iter().filter(|r| r.grade == "C").map(|r| r.rep_id.clone()).collect::<Vec<_>>();
    let (c3, c4) = (c_in(&q3), c_in(&q4));
    let mut expected: Vec<incentive_engine::label::Label> = c4.into_iter().filter(|r| c3.contains(r)).collect();
    expected.sort();
    let got: Vec<incentive_engine::label::Label> = s.alerts.iter().map(|a| a.rep_id.clone()).collect();
    assert_eq!(got, expected);
    assert!(!got.is_empty(), "someone is C in both quarters of the sample");
    let first = &s.alerts[0];
    assert_eq!(first.periods, ["2026-Q3", "2026-Q4"]);
    assert_eq!(first.rep_id, "E06");
    assert_eq!((first.threshold, first.threshold_unit), (d("2"), ThresholdUnit::Periods));
    assert_eq!(first.message.en, "C twice — Yang Fan (E06): grade C in 2 periods running (2026-Q3, 2026-Q4)");
    assert_eq!(first.message.zh, "连续两期 C——杨帆（E06）：连续 2 个期间为 C 级（2026-Q3、2026-Q4）");
}

#[test]
fn luo_jia_is_a_high_potential_mid_ranked_revenue_satisfaction_92_training_100() {
    let plan = sample_plan_with(json!({ "high_potential": { "conditions": [
        { "type": "percentile", "metric": "revenue_collected", "from": 25, "to": 75 },
        { "type": "above", "metric": "satisfaction", "stat": "average", "by": 5 },
        { "type": "above", "metric": "training_participation", "stat": "average", "by": 20 }
    ] } }));
    let s = signals_of(&mut Workspace::with_sample_reps(), &plan, "2026-Q4");
    let ids: Vec<&str> = s.high_potentials.iter().map(|f| f.rep_id.as_str()).collect();
    assert_eq!(ids, ["W04"]);
    let checks = &s.high_potentials[0].checks;
    // Revenue 774,000: 22nd of 32, so 10 reps below: 10 / 31 = 32.26th percentile.
    assert_eq!((checks[0].value, checks[0].team_value), (d("774000"), d("32.26")));
    // Satisfaction 92 against the team's 2,694 / 32 = 84.1875; training 100 against 2,269 / 32 = 70.90625 → 70.9063.
    assert_eq!((checks[1].value, checks[1].compared_with.as_str(), checks[1].team_value), (d("92"), "average", d("84.1875")));
    assert_eq!((checks[2].value, checks[2].team_value), (d("100"), d("70.9063")));
    assert!(checks.iter().all(|c| c.holds));
    // The bars: the percentile range, and each average plus its `by`.
    assert_eq!((checks[0].at_least, checks[0].at_most), (d("25"), Some(d("75"))));
    assert_eq!((checks[1].at_least, checks[1].at_most), (d("89.1875"), None));
    assert_eq!(checks[2].at_least, d("90.9063"));
    let message = &s.high_potentials[0].message;
    assert_eq!(
        message.en,
        "High potential — Luo Jia (W04): revenue_collected 774,000 ranks at percentile 32.26 of the team's values, within 25–75; \
         satisfaction 92 ≥ the team's average 84.1875 + 5 = 89.1875; training_participation 100 ≥ the team's average 70.9063 + 20 = 90.9063"
    );
    assert_eq!(
        message.zh,
        "高潜——罗佳（W04）：revenue_collected 774,000 位于团队第 32.26 百分位，在 25–75 之内；\
         satisfaction 92 ≥ 团队平均值 84.1875 + 5 = 89.1875；training_participation 100 ≥ 团队平均值 70.9063 + 20 = 90.9063"
    );
}

#[test]
fn high_potentials_by_region_against_the_median_the_75th_percentile_and_a_percentile_rank() {
    // Each region's 8 reps in 2026-Q4 (sample data), sorted; statistics as PERCENTILE.INC:
    // position (n − 1) × p / 100 = 7 × p / 100 between the sorted values, interpolated.
    //   nps          East      72 78 80 81 85 89 89 90  median (pos 3.5) 81 + 0.5 × (85 − 81) = 83
    //                South     73 74 79 83 85 88 89 89  median 83 + 0.5 × 2 = 84
    //                Southwest 79 81 81 82 87 88 92 92  median 82 + 0.5 × 5 = 84.5
    //                Northwest 71 73 73 74 78 87 87 92  median 74 + 0.5 × 4 = 76
    //   satisfaction East      79 80 83 84 87 87 87 88  p75 (pos 5.25) 87 + 0.25 × 0 = 87
    //                South     78 83 83 84 84 88 89 89  p75 88 + 0.25 × 1 = 88.25
    //                Southwest 80 82 84 85 87 87 88 92  p75 87 + 0.25 × 1 = 87.25
    //                Northwest 79 79 79 82 83 84 84 86  p75 84
    // NPS at least the region's median and satisfaction at least its 75th percentile:
    //   East E01 (89, 87), E04 (89, 87), E08 (90, 88); South none (S01 and S03 reach 89 in
    //   satisfaction but their NPS 73 and 74 are under 84); Southwest W03 (92, 88), W04 (92, 92);
    //   Northwest N04 (92, 84). E01 and N04 sit exactly on the 75th percentile: that holds.
    // And not in the top half of the region on collected revenue (percentile rank 0–50: the
    // share of the 7 others below):
    //   E01 1,200,000: 3 of 7 East reps below (482,000, 800,000, 967,000) → 42.86 ✓
    //   E04 1,335,000: 4 of 7 → 57.14 ✗          E08 482,000: none below → 0 ✓
    //   W03 946,000: 6 of 7 → 85.71 ✗            W04 774,000: 3 of 7 (614,000, 642,000, 750,000) → 42.86 ✓
    //   N04 604,000: 2 of 7 (336,000, 471,000) → 28.57 ✓
    let plan = sample_plan_with(json!({ "high_potential": { "team": "region", "conditions": [
        { "type": "above", "metric": "nps", "stat": "median" },
        { "type": "above", "metric": "satisfaction", "stat": "p75" },
        { "type": "percentile", "metric": "revenue_collected", "from": 0, "to": 50 }
    ] } }));
    let s = signals_of(&mut Workspace::with_sample_reps(), &plan, "2026-Q4");
    // Each flagged rep with each check: (the statistic compared with, the rep's value, the team's).
    type Checks<'a> = Vec<(&'a str, Decimal, Decimal)>;
    let got: Vec<(&str, Checks)> = s
        .high_potentials
        .iter()
        .map(|f| (f.rep_id.as_str(), f.checks.iter().map(|c| (c.compared_with.as_str(), c.value, c.team_value)).collect()))
        .collect();
    let check = |stat, value: &str, team: &str| (stat, d(value), d(team));
    assert_eq!(
        got,
        [
            ("E01", vec![check("median", "89", "83"), check("p75", "87", "87"), check("percentile_rank", "1200000", "42.86")]),
            ("E08", vec![check("median", "90", "83"), check("p75", "88", "87"), check("percentile_rank", "482000", "0")]),
            ("W04", vec![check("median", "92", "84.5"), check("p75", "92", "87.25"), check("percentile_rank", "774000", "42.86")]),
            ("N04", vec![check("median", "92", "76"), check("p75", "84", "84"), check("percentile_rank", "604000", "28.57")]),
        ]
    );
    assert!(s.high_potentials.iter().all(|f| f.checks.iter().all(|c| c.holds)));
    // No `by`: the bar is the statistic itself, and the message says whose it is.
    let n04 = &s.high_potentials[3];
    assert_eq!(n04.checks[1].at_least, d("84"));
    assert_eq!(
        n04.message.en,
        "High potential — Cao Hui (N04): nps 92 ≥ the region's median 76; satisfaction 84 ≥ the region's 75th percentile 84; \
         revenue_collected 604,000 ranks at percentile 28.57 of the region's values, within 0–50"
    );
    assert!(n04.message.zh.contains("satisfaction 84 ≥ 同区域第 75 百分位 84"), "{}", n04.message.zh);
}

#[test]
fn high_potentials_of_the_whole_team_above_the_median_by_5_and_the_90th_percentile() {
    // All 32 reps in 2026-Q4: NPS sorted 71 72 73 73 73 74 74 78 78 79 79 80 81 81 81 82 | 83 85 …
    // median at position 31 × 0.5 = 15.5: 82 + 0.5 × (83 − 82) = 82.5; by 5 → at least 87.5:
    // NPS 88 or more: E01 89, E04 89, E08 90, S02 88, S04 89, S08 89, W03 92, W04 92, W06 88, N04 92.
    // Satisfaction sorted … 87 87 | 88 88 88 89 89 92 (places 24–31): p90 at 31 × 0.9 = 27.9,
    // between places 27 and 28, both 88: 88. At least 88: E08 88, S01 89, S03 89, S07 88, W03 88, W04 92.
    // Both: E08, W03, W04.
    let plan = sample_plan_with(json!({ "high_potential": { "conditions": [
        { "type": "above", "metric": "nps", "stat": "median", "by": 5 },
        { "type": "above", "metric": "satisfaction", "stat": "p90" }
    ] } }));
    let s = signals_of(&mut Workspace::with_sample_reps(), &plan, "2026-Q4");
    let got: Vec<(&str, Decimal, Decimal, Decimal, Decimal)> =
        s.high_potentials.iter().map(|f| (f.rep_id.as_str(), f.checks[0].value, f.checks[0].team_value, f.checks[1].value, f.checks[1].team_value)).collect();
    assert_eq!(
        got,
        [("E08", d("90"), d("82.5"), d("88"), d("88")), ("W03", d("92"), d("82.5"), d("88"), d("88")), ("W04", d("92"), d("82.5"), d("92"), d("88"))]
    );
}

/// Five reps, two quarters, two regions, everyone on the same 1,000,000 target.
const SMALL: &str = "rep_id,name,region,role,period,revenue_target,revenue_collected,new_customers,visits
A1,Ann,East,sales,2026-Q1,1000000,1200000,5,40
A2,Bob,East,sales,2026-Q1,1000000,1100000,6,40
A3,Cai,Southwest,sales,2026-Q1,1000000,500000,4,40
A4,Dan,Southwest,sales,2026-Q1,1000000,520000,3,40
A5,Eve,Southwest,sales,2026-Q1,1000000,480000,2,40
A1,Ann,East,sales,2026-Q2,1000000,1250000,9,40
A2,Bob,East,sales,2026-Q2,1000000,1150000,6,40
A3,Cai,Southwest,sales,2026-Q2,1000000,500000,4,40
A4,Dan,Southwest,sales,2026-Q2,1000000,520000,3,40
A5,Eve,Southwest,sales,2026-Q2,1000000,480000,2,40
";

fn small_plan(signals: Value) -> Value {
    let mut plan: Value = serde_json::from_str(SAMPLE_PLAN_JSON).unwrap();
    plan["signals"] = signals;
    plan
}

#[test]
fn new_customers_5_to_9_against_a_plan_of_8_is_met_and_the_next_target_is_10() {
    let plan = small_plan(json!({ "improvement_plans": [
        { "rep": "A1", "metric": "new_customers", "from_period": "2026-Q1", "period": "2026-Q2", "planned": 8, "next_target": 10 },
        { "rep": "A2", "metric": "new_customers", "from_period": "2026-Q1", "period": "2026-Q2", "planned": 8 }
    ] }));
    let mut ws = Workspace::new(load_csv(SMALL).unwrap().dataset);
    let s = signals_of(&mut ws, &plan, "2026-Q2");
    let a1 = &s.improvements[0];
    assert_eq!((a1.start, a1.actual, a1.planned, a1.met, a1.next_target), (Some(d("5")), Some(d("9")), d("8"), Some(true), Some(d("10"))));
    assert_eq!(a1.message.en, "Ann (A1): new_customers 5 (2026-Q1) → 9 (2026-Q2) against a plan of 8: plan met; next target 10");
    assert_eq!(a1.message.zh, "Ann（A1）：new_customers 5（2026-Q1）→ 9（2026-Q2），计划 8：达成计划；下一目标 10");
    assert_eq!((s.improvements[1].actual, s.improvements[1].met), (Some(d("6")), Some(false)));
    // Evaluated in Q1, the Q2 figure is not known yet.
    let s = ws.signals("2026-Q1").unwrap();
    assert_eq!((s.improvements[0].actual, s.improvements[0].met), (None, None));
    assert!(s.improvements[0].message.en.contains("→ — (2026-Q2)"), "{}", s.improvements[0].message.en);
    assert!(s.improvements[0].message.en.ends_with("against a plan of 8: not known yet; next target 10"), "{}", s.improvements[0].message.en);
}

#[test]
fn an_improvement_plan_names_its_value_and_says_why_it_has_no_verdict() {
    // Named; judged in Q2 from Q1; A2 has no Q2 row; viewed before it starts, nothing is read
    // from the periods after the one evaluated.
    let plan = small_plan(json!({ "improvement_plans": [
        { "rep": "A1", "metric": "new_customers", "metric_name": "New customers", "metric_name_zh": "新客户数", "from_period": "2026-Q1", "period": "2026-Q2", "planned": 8 },
        { "rep": "A2", "metric": "new_customers", "from_period": "2026-Q1", "period": "2026-Q2", "planned": 8 }
    ] }));
    let q1_only: String = SMALL.lines().filter(|l| !(l.starts_with("A2,") && l.contains(",2026-Q2,"))).collect::<Vec<_>>().join("\n");
    let mut ws = Workspace::new(load_csv(&q1_only).unwrap().dataset);
    let s = signals_of(&mut ws, &plan, "2026-Q2");
    assert_eq!(s.improvements[0].message.en, "Ann (A1): New customers 5 (2026-Q1) → 9 (2026-Q2) against a plan of 8: plan met");
    assert_eq!(s.improvements[0].message.zh, "Ann（A1）：新客户数5（2026-Q1）→ 9（2026-Q2），计划 8：达成计划");
    let a2 = &s.improvements[1];
    assert_eq!((a2.actual, a2.met), (None, None));
    assert!(a2.message.en.ends_with("against a plan of 8: no value for 2026-Q2 in the data"), "{}", a2.message.en);
    assert!(a2.message.zh.ends_with("计划 8：数据中没有 2026-Q2 的数值"), "{}", a2.message.zh);
    // Judged from Q3 to Q4, viewed in Q2: not started, and Q3's value not shown.
    let later = sample_plan_with(json!({ "improvement_plans": [
        { "rep": "E01", "metric": "new_customers", "from_period": "2026-Q3", "period": "2026-Q4", "planned": 8 }
    ] }));
    let s = signals_of(&mut Workspace::with_sample_reps(), &later, "2026-Q2");
    assert_eq!(s.improvements[0].start, None);
    assert_eq!(s.improvements[0].message.en, "Zhang Wei (E01): new_customers — (2026-Q3) → — (2026-Q4) against a plan of 8: starts in 2026-Q3");
    assert_eq!(s.improvements[0].message.zh, "张伟（E01）：new_customers —（2026-Q3）→ —（2026-Q4），计划 8：2026-Q3 开始");
    // A blank name is refused, by path.
    let mut blank = plan.clone();
    blank["signals"]["improvement_plans"][0]["metric_name_zh"] = json!(" ");
    let report = ws.set_plan_json(&blank.to_string());
    let p = report.problems.iter().find(|p| p.code == "blank_name").expect("blank_name");
    assert_eq!(p.path, "signals.improvement_plans[0].metric_name_zh");
    assert_eq!(p.message.en, "`metric_name_zh` is blank: name the value the plan improves, or leave the field out to show the formula");
}

#[test]
fn one_target_everywhere_with_east_at_120_and_the_southwest_at_50_is_flagged() {
    let mut ws = Workspace::new(load_csv(SMALL).unwrap().dataset);
    let s = signals_of(&mut ws, &small_plan(json!({})), "2026-Q2");
    let check = s.health.iter().find(|c| c.code == "same_targets").unwrap();
    // East (125% + 115%) / 2 = 120%; Southwest (50% + 52% + 48%) / 3 = 50%: 70 points apart.
    assert_eq!(check.severity, HealthSeverity::Warning);
    assert_eq!(
        check.message.en,
        "every rep has the same target (1,000,000) but average attainment runs from 50% (Southwest) to 120% (East): one target for all regions discourages some and under-stretches others; set targets by region"
    );
    // The sample plan's 120% tier: only A1 (125%) reaches it, 1 of 5 (20%): fine; a 200% tier nobody reaches is flagged.
    let tier = s.health.iter().find(|c| c.code == "tier_reach" && c.path == "commission[0].tiers[2]").unwrap();
    assert_eq!((tier.severity, tier.message.en.as_str()), (HealthSeverity::Ok, "tier 3 of “Commission on collected revenue” (from 120%, 5%): 1 of 5 reps at or above its start (20%)"));
    assert_eq!(tier.message.zh, "“回款提成”第 3 档（120% 起，5%）：5 人中有 1 人达到或超过起点（20%）");
    let mut plan = small_plan(json!({}));
    plan["commission"][0]["tiers"][2]["from"] = json!(200);
    let s = signals_of(&mut ws, &plan, "2026-Q2");
    let tier = s.health.iter().find(|c| c.path == "commission[0].tiers[2]").unwrap();
    assert_eq!(tier.severity, HealthSeverity::Warning);
    assert!(tier.message.en.starts_with("tier 3 of “Commission on collected revenue” (from 200%, 5%): 0 of 5 reps at or above its start (0%): a tier almost nobody reaches"), "{}", tier.message.en);
    assert!(tier.message.zh.contains("几乎无人能达到"), "{}", tier.message.zh);
    // Counted from the exact attainment, as pay places the tier: 1,199,960 of 1,000,000 shows as
    // 120.00% but is not at the 120% tier's start (pay has no 5% slice for it); 999,960 is not
    // at the 100% tier's.
    let edges = "rep_id,name,region,role,period,revenue_target,revenue_collected,new_customers,visits
B1,Bo,East,sales,2026-Q1,1000000,1199960,4,40
B2,Bi,East,sales,2026-Q1,1000000,1200000,4,40
B3,Bu,East,sales,2026-Q1,1000000,999960,4,40
";
    let mut ws = Workspace::new(load_csv(edges).unwrap().dataset);
    let s = signals_of(&mut ws, &small_plan(json!({})), "2026-Q1");
    let shown: Vec<_> = ws.evaluate("2026-Q1").unwrap().reps.iter().map(|r| r.commission[0].attainment_pct.unwrap().to_string()).collect();
    assert_eq!(shown, ["120.00", "120.00", "100.00"]);
    let reached = |path: &str| s.health.iter().find(|c| c.path == path).unwrap().message.en.split(": ").nth(1).unwrap().to_string();
    assert_eq!(reached("commission[0].tiers[1]"), "2 of 3 reps at or above its start (66.67%)");
    assert_eq!(reached("commission[0].tiers[2]"), "1 of 3 reps at or above its start (33.33%)");
}

#[test]
fn health_of_the_target_oriented_plan_weights_categories_base_share_and_grades() {
    let mut ws = Workspace::with_sample_reps();
    let preset = incentive_engine::presets::PRESETS.iter().find(|p| p.id == "target-oriented").unwrap();
    let plan: Value = serde_json::from_str(preset.json).unwrap();
    let s = signals_of(&mut ws, &plan, "2026-Q4");
    let find = |code: &str, path: &str| s.health.iter().find(|c| c.code == code && c.path == path).unwrap_or_else(|| panic!("{code} at {path}: {:#?}", s.health));
    // Seed 003's shared KPIs weigh 3–4 points each on every card: named once per card.
    let w = find("weights", "scorecards[0]");
    assert_eq!(w.severity, HealthSeverity::Info);
    assert_eq!(
        w.message.en,
        "New-business rep: 6 KPIs weigh under 5 points (Teamwork (rated by other departments) 4; Compliance (2 points per violation) 4; Product knowledge test 4; Negotiation (360 rating) 4; Learning: training hours 3; Relationship management (NPS) 4): each moves a score by a few points at most, enough to change the grade only of a rep near a grade's boundary"
    );
    // The same in Chinese, by the Chinese names.
    assert!(w.message.zh.starts_with("新客户销售岗：6 个指标权重低于 5 分（团队协作"), "{}", w.message.zh);
    // Results 30 + 20 + 15 = 65 of 100 within 60–70; behavior 20 sits on its minimum.
    let c = find("categories", "scorecards[0]");
    assert_eq!(c.severity, HealthSeverity::Info);
    assert_eq!(
        c.message.en,
        "New-business rep: Results 65% (60–70%), Behavior 20% (20–30%), Ability 15% (10–20%); Behavior is at the bottom of its range, so its share cannot be lowered"
    );
    assert_eq!(c.message.zh, "新客户销售岗：结果指标 65%（60–70%），行为指标 20%（20–30%），能力指标 15%（10–20%）；行为指标处于范围下限，占比不能再降低");
    // Base 632,400 of total pay 1,645,929 = 38.42%: inside D5's 30–40%.
    let b = find("base_share", "base_pay");
    assert_eq!((b.severity, b.message.en.as_str()), (HealthSeverity::Ok, "base pay is 38.42% of total pay (632,400 of 1,645,929); the plan should keep it within 30–40%"));
    // Grades by band: S 10, A 15, B 4, C 3 of 32 against the guide S 10–15%, A 30–40%, B 30–40%, C 5–10%.
    let g = find("grade_guide", "grades.distribution");
    assert_eq!(g.severity, HealthSeverity::Warning);
    assert!(g.message.en.starts_with("grades outside the guide: S 31.25% (10–15%), A 46.88% (30–40%), B 12.5% (30–40%)"), "{}", g.message.en);
    // Each check is explained in both languages.
    assert!(s.health.iter().all(|h| !h.message.en.is_empty() && !h.message.zh.is_empty() && h.message.en != h.message.zh));
}

#[test]
fn a_normalised_cards_small_weights_are_named_as_scored() {
    let mut ws = Workspace::with_sample_reps();
    let preset = incentive_engine::presets::PRESETS.iter().find(|p| p.id == "seed-003-role-cards").unwrap();
    let plan: Value = serde_json::from_str(preset.json).unwrap();
    let s = signals_of(&mut ws, &plan, "2026-Q4");
    let w = s.health.iter().find(|c| c.code == "weights" && c.path == "scorecards[0]").unwrap();
    // Five weights of 5 in a card of 120 are 4.1666…: cut to 4.16, four of them get the 0.01s
    // left over in the order listed, so the last is 4.16, as the statements and scores use it.
    assert_eq!(
        w.message.en,
        "New-business rep: 5 KPIs weigh under 5 points (Compliance (2 points per violation) 4.17; Product knowledge test 4.17; Negotiation (360 rating) 4.17; Learning: training hours 4.17; Relationship management (NPS) 4.16): each moves a score by a few points at most, enough to change the grade only of a rep near a grade's boundary"
    );
}

#[test]
fn portraits_rank_each_kpi_against_the_reps_with_it() {
    let mut ws = Workspace::new(load_csv(SMALL).unwrap().dataset);
    let s = signals_of(&mut ws, &small_plan(json!({})), "2026-Q2");
    let a1 = s.portraits.iter().find(|p| p.rep_id == "A1").unwrap();
    let revenue = a1.kpis.iter().find(|k| k.kpi == "revenue").unwrap();
    // A1 has the best collected revenue of five: percentile 100, a strength.
    assert_eq!(revenue.percentile, d("100"));
    assert_eq!(a1.team, 5);
    assert!(a1.strengths.iter().any(|k| k == "revenue"));
    let a5 = s.portraits.iter().find(|p| p.rep_id == "A5").unwrap();
    assert_eq!(a5.kpis.iter().find(|k| k.kpi == "revenue").unwrap().percentile, d("0"));
    // A5 is last on both revenue (480,000) and new customers (2): both are weaknesses.
    assert!(a5.weaknesses.iter().any(|k| k == "revenue") && a5.weaknesses.iter().any(|k| k == "new_customers"), "{:?}", a5.weaknesses);
    // Visits are 40 for everyone: all stand at 50, neither strength nor weakness.
    let visits = a1.kpis.iter().find(|k| k.kpi == "visits").unwrap();
    assert_eq!(visits.percentile, d("50"));
    assert!(!a1.strengths.iter().any(|k| k == "visits") && !a1.weaknesses.iter().any(|k| k == "visits"));
}

#[test]
fn bad_signal_rules_are_named_by_path_in_both_languages() {
    let cases = [
        (json!({ "alerts": [{ "id": "x", "name": "X", "rule": { "type": "drop", "metric": "visits" } }] }), "alert_threshold_missing", "signals.alerts[0].rule"),
        (json!({ "alerts": [{ "id": "x", "name": "X", "rule": { "type": "level", "metric": "visits", "below": 50, "above": 10 } }] }), "alert_levels_cross", "signals.alerts[0].rule.below"),
        (json!({ "alerts": [{ "id": "x", "name": "X", "rule": { "type": "grade_streak", "grade": "D", "periods": 2 } }] }), "unknown_grade", "signals.alerts[0].rule.grade"),
        (json!({ "alerts": [{ "id": "x", "name": "X", "rule": { "type": "level", "metric": "visitz", "below": 5 } }] }), "formula", "signals.alerts[0].rule.metric"),
        (json!({ "high_potential": { "conditions": [{ "type": "above", "metric": "nps", "stat": "mean" }] } }), "unknown_statistic", "signals.high_potential.conditions[0].stat"),
    ];
    for (signals, code, path) in cases {
        let report = Workspace::with_sample_reps().set_plan_json(&sample_plan_with(signals).to_string());
        let errors: Vec<_> = report.problems.iter().filter(|p| p.is_error()).collect();
        assert_eq!(errors.iter().map(|p| (p.code, p.path.as_str())).collect::<Vec<_>>(), [(code, path)], "{errors:#?}");
        assert!(!errors[0].message.en.is_empty() && !errors[0].message.zh.is_empty());
    }
}

#[test]
fn an_improvement_plan_for_a_rep_or_period_not_in_the_data_is_skipped_with_a_warning() {
    let cases = [
        (json!({ "improvement_plans": [{ "rep": "Z9", "metric": "visits", "from_period": "2026-Q1", "period": "2026-Q2", "planned": 1 }] }), "unknown_id", "signals.improvement_plans[0].rep", "Z9"),
        (json!({ "improvement_plans": [{ "rep": "E01", "metric": "visits", "from_period": "2025-Q4", "period": "2026-Q2", "planned": 1 }] }), "unknown_period", "signals.improvement_plans[0].from_period", "2025-Q4"),
    ];
    for (signals, code, path, value) in cases {
        let mut ws = Workspace::with_sample_reps();
        let report = ws.set_plan_json(&sample_plan_with(signals).to_string());
        assert!(report.ok, "{:#?}", report.problems);
        let warning = report.problems.iter().find(|p| p.path == path).expect("a warning");
        assert_eq!((warning.code, warning.is_error(), warning.value.as_deref()), (code, false, Some(value)));
        assert!(warning.message.en.ends_with("this improvement plan is skipped") && warning.message.zh.ends_with("跳过此改进计划"), "{:?}", warning.message);
        assert!(ws.signals("2026-Q2").unwrap().improvements.is_empty());
    }
}

#[test]
fn a_signal_never_changes_pay_and_a_blank_value_only_silences_it() {
    let mut ws = Workspace::with_sample_reps();
    assert!(ws.set_plan_json(SAMPLE_PLAN_JSON).ok);
    let plain = ws.evaluate("2026-Q4").unwrap();
    let plan = sample_plan_with(json!({ "alerts": [{ "id": "nps", "name": "Low NPS", "rule": { "type": "level", "metric": "nps", "below": 101 } }] }));
    assert!(ws.set_plan_json(&plan.to_string()).ok);
    assert_eq!(ws.evaluate("2026-Q4").unwrap(), plain);
    // A data file with the nps column blank for one rep: that rep is still paid, just not alerted.
    let csv = incentive_engine::sample_csv();
    let header: Vec<&str> = csv.lines().next().unwrap().split(',').collect();
    let nps = header.iter().position(|h| *h == "nps").unwrap();
    let blanked: String = csv
        .lines()
        .map(|l| if l.starts_with("E01,") && l.contains(",2026-Q4,") { l.split(',').enumerate().map(|(i, v)| if i == nps { "" } else { v }).collect::<Vec<_>>().join(",") } else { l.to_string() })
        .collect::<Vec<_>>()
        .join("\n");
    let mut ws = Workspace::new(load_csv(&blanked).unwrap().dataset);
    let s = signals_of(&mut ws, &plan, "2026-Q4");
    assert!(ws.evaluate("2026-Q4").unwrap().reps.iter().any(|r| r.rep_id == "E01"));
    assert!(!s.alerts.iter().any(|a| a.rep_id == "E01"));
    assert_eq!(s.alerts.len(), 31);
}

/// The sample reps with `column` blank in `rep`'s row of `period`.
fn sample_with_blank(rep: &str, period: &str, column: &str) -> String {
    let csv = incentive_engine::sample_csv();
    let header: Vec<&str> = csv.lines().next().unwrap().split(',').collect();
    let at = header.iter().position(|h| *h == column).unwrap();
    let row = |l: &str| l.starts_with(&format!("{rep},")) && l.contains(&format!(",{period},"));
    assert_eq!(csv.lines().filter(|l| row(l)).count(), 1);
    csv.lines()
        .map(|l| if row(l) { l.split(',').enumerate().map(|(i, v)| if i == at { "" } else { v }).collect::<Vec<_>>().join(",") } else { l.to_string() })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn a_portrait_says_how_many_reps_it_ranks_among_the_reps_of_the_same_card() {
    // Target-oriented: one card per role; in 2026-Q4 the sample has 16 new-business reps,
    // 12 account managers and 4 regional managers. Among 4, a rank is the share of the 3 others
    // below: 0, 33.33, 66.67 or 100, or between two of them for a tie (the middle of the tied
    // places: 16.67, 50, 83.33); every KPI of the 4 portraits stands at one of them.
    let preset = incentive_engine::presets::PRESETS.iter().find(|p| p.id == "target-oriented").unwrap();
    let mut ws = Workspace::with_sample_reps();
    assert!(ws.set_plan_json(preset.json).ok);
    let s = ws.signals("2026-Q4").unwrap();
    let team = |id: &str| s.portraits.iter().find(|p| p.rep_id == id).unwrap();
    assert_eq!((team("E01").team, team("E05").team, team("E08").team), (16, 12, 4));
    let four: Vec<Decimal> = s.portraits.iter().filter(|p| p.team == 4).flat_map(|p| p.kpis.iter().map(|k| k.percentile)).collect();
    assert_eq!(s.portraits.iter().filter(|p| p.team == 4).count(), 4);
    let sixths = ["0", "16.67", "33.33", "50", "66.67", "83.33", "100"].map(d);
    assert!(four.iter().all(|p| sixths.contains(p)), "{four:?}");
}

#[test]
fn a_blank_figure_silences_only_the_signals_that_read_it_even_when_the_rep_is_left_out_of_pay() {
    let preset = incentive_engine::presets::PRESETS.iter().find(|p| p.id == "target-oriented").unwrap();
    // Wu Ting (S02): follow-up rate 80 in Q3 and 60 in Q4; her NPS is blank in one of them.
    // The plan's NPS bonus needs the NPS, so she is left out of that period's pay; the
    // follow-up drop alert and her improvement plan on the follow-up rate do not read it.
    for blank_in in ["2026-Q3", "2026-Q4"] {
        let mut ws = Workspace::new(load_csv(&sample_with_blank("S02", blank_in, "nps")).unwrap().dataset);
        assert!(ws.set_plan_json(preset.json).ok);
        let left_out = ws.evaluate(blank_in).unwrap();
        assert!(left_out.problems.iter().any(|p| p.code == "missing_value" && p.path == "reps.S02.nps"), "{blank_in}");
        let s = ws.signals("2026-Q4").unwrap();
        let alert = s.alerts.iter().find(|a| a.rep_id == "S02" && a.rule == "followup_drop").unwrap_or_else(|| panic!("S02's drop alert with her NPS blank in {blank_in}"));
        assert_eq!(alert.values, [d("80"), d("60")], "{blank_in}");
        let plan = s.improvements.iter().find(|i| i.rep_id == "S02").unwrap();
        assert_eq!((plan.start, plan.actual, plan.met), (Some(d("80")), Some(d("60")), Some(false)), "{blank_in}");
        // An alert on the NPS itself is what the blank silences.
        let plan = sample_plan_with(json!({ "alerts": [{ "id": "nps", "name": "Low NPS", "rule": { "type": "level", "metric": "nps", "below": 101 } }] }));
        let s = signals_of(&mut ws, &plan, blank_in);
        assert!(!s.alerts.iter().any(|a| a.rep_id == "S02"), "{blank_in}");
    }
}

#[test]
fn the_high_potential_flag_cannot_feed_itself_nor_shadow_a_name() {
    let rule = json!({ "conditions": [{ "type": "above", "metric": "nps", "stat": "average" }] });
    // A signal formula that reads the flag.
    let mut circular = sample_plan_with(json!({ "high_potential": { "conditions": [{ "type": "above", "metric": "high_potential + nps", "stat": "average" }] } }));
    // A metric that reads it.
    let mut metric = sample_plan_with(json!({ "high_potential": rule }));
    metric["metrics"] = json!([{ "id": "boosted", "formula": "visits * (1 + high_potential)" }]);
    // A metric with the flag's name.
    let mut clash = sample_plan_with(json!({ "high_potential": rule }));
    clash["metrics"] = json!([{ "id": "high_potential", "formula": "visits" }]);
    let cases = [
        (&mut circular, "high_potential_circular", "signals.high_potential.conditions[0].metric", "high_potential + nps"),
        (&mut metric, "high_potential_circular", "metrics[0].formula", "visits * (1 + high_potential)"),
        (&mut clash, "name_clash", "signals.high_potential", "high_potential"),
    ];
    for (plan, code, path, value) in cases {
        let report = Workspace::with_sample_reps().set_plan_json(&plan.to_string());
        let errors: Vec<_> = report.problems.iter().filter(|p| p.is_error()).map(|p| (p.code, p.path.as_str(), p.value.as_deref())).collect();
        assert_eq!(errors, [(code, path, Some(value))], "{:#?}", report.problems);
    }
    // Without a rule there is no flag: the name is unknown.
    let mut no_rule = sample_plan_with(json!({}));
    no_rule["metrics"] = json!([{ "id": "boosted", "formula": "visits * (1 + high_potential)" }]);
    let report = Workspace::with_sample_reps().set_plan_json(&no_rule.to_string());
    assert!(report.problems.iter().any(|p| p.code == "formula" && p.path == "metrics[0].formula"), "{:#?}", report.problems);
}

#[test]
fn a_skipped_improvement_plan_does_not_shift_the_ones_after_it() {
    let plan = small_plan(json!({ "improvement_plans": [
        { "rep": "Z9", "metric": "visits", "from_period": "2026-Q1", "period": "2026-Q2", "planned": 1000 },
        { "rep": "A1", "metric": "new_customers", "from_period": "2026-Q1", "period": "2026-Q2", "planned": 8 }
    ] }));
    let mut ws = Workspace::new(load_csv(SMALL).unwrap().dataset);
    let s = signals_of(&mut ws, &plan, "2026-Q2");
    let got: Vec<_> = s.improvements.iter().map(|p| (p.rep_id.as_str(), p.metric.as_str(), p.planned, p.met)).collect();
    assert_eq!(got, [("A1", "new_customers", d("8"), Some(true))]);
}

#[test]
fn an_improvement_plan_judged_before_it_starts_is_refused() {
    let plan = small_plan(json!({ "improvement_plans": [
        { "rep": "A1", "metric": "visits", "from_period": "2026-Q2", "period": "2026-Q1", "planned": 1 }
    ] }));
    let report = Workspace::new(load_csv(SMALL).unwrap().dataset).set_plan_json(&plan.to_string());
    let errors: Vec<_> = report.problems.iter().filter(|p| p.is_error()).map(|p| (p.code, p.path.as_str(), p.value.as_deref())).collect();
    assert_eq!(errors, [("improvement_periods", "signals.improvement_plans[0].period", Some("2026-Q1"))]);
}

#[test]
fn a_negative_by_reads_minus_and_a_by_at_the_edge_of_a_decimal_flags_without_overflow() {
    // Satisfaction in 2026-Q4 averages 2,694 / 32 = 84.1875; 5 below it is 79.1875.
    let plan = sample_plan_with(json!({ "high_potential": { "conditions": [{ "type": "above", "metric": "satisfaction", "stat": "average", "by": -5 }] } }));
    let s = signals_of(&mut Workspace::with_sample_reps(), &plan, "2026-Q4");
    let first = &s.high_potentials[0];
    assert_eq!(first.checks[0].at_least, d("79.1875"));
    assert!(first.message.en.contains("≥ the team's average 84.1875 − 5 = 79.1875"), "{}", first.message.en);
    assert!(first.message.zh.contains("≥ 团队平均值 84.1875 − 5 = 79.1875"), "{}", first.message.zh);
    // A `by` as far below as a decimal goes: the bar is rounded to a whole number, every rep
    // holds, and the message is written without working the `by` out again (which overflowed).
    let edge = sample_plan_with(json!({ "high_potential": { "conditions": [{ "type": "above", "metric": "satisfaction", "stat": "average", "by": "-79228162514264337593543950335" }] } }));
    let mut ws = Workspace::with_sample_reps();
    assert!(ws.set_plan_json(&edge.to_string()).ok);
    let s = ws.signals("2026-Q4").unwrap();
    assert_eq!(s.high_potentials.len(), 32);
    assert!(s.high_potentials[0].message.en.contains("84.1875 − 79,228,162,514,264,337,593,543,950,335 = "), "{}", s.high_potentials[0].message.en);
}

#[test]
fn a_second_improvement_plan_for_the_same_rep_value_and_period_is_refused() {
    // The same formula but for spaces is the same value.
    let plan = small_plan(json!({ "improvement_plans": [
        { "rep": "A1", "metric": "visits/2", "from_period": "2026-Q1", "period": "2026-Q2", "planned": 10 },
        { "rep": "A2", "metric": "visits/2", "from_period": "2026-Q1", "period": "2026-Q2", "planned": 10 },
        { "rep": "A1", "metric": "visits / 2", "from_period": "2026-Q1", "period": "2026-Q2", "planned": 12 },
        { "rep": "A1", "metric": "visits／2", "from_period": "2026-Q1", "period": "2026-Q2", "planned": 12 }
    ] }));
    let report = Workspace::new(load_csv(SMALL).unwrap().dataset).set_plan_json(&plan.to_string());
    let errors: Vec<_> = report.problems.iter().filter(|p| p.is_error()).collect();
    assert_eq!(
        errors.iter().map(|p| (p.code, p.path.as_str())).collect::<Vec<_>>(),
        [("duplicate_improvement_plan", "signals.improvement_plans[2]"), ("duplicate_improvement_plan", "signals.improvement_plans[3]")]
    );
    assert_eq!(errors[0].message.en, "improvement_plans[0] already plans visits / 2 for rep A1 in 2026-Q2: keep one plan per rep, value and period");
    assert_eq!(errors[0].message.zh, "improvement_plans[0] 已为销售 A1 在 2026-Q2 设定了 visits / 2 的改进计划：每位销售、每个数值、每个期间只保留一个计划");
}

#[test]
fn rules_that_can_never_fire_are_kept_with_a_warning() {
    // The sample data holds four quarters: a streak of five cannot be seen. A fall of more than
    // 100% needs a value that turns negative.
    let plan = sample_plan_with(json!({ "alerts": [
        { "id": "c5", "name": "C five times", "rule": { "type": "grade_streak", "grade": "C", "periods": 5 } },
        { "id": "halved", "name": "NPS crashed", "rule": { "type": "drop", "metric": "nps", "by_pct": 150 } },
        { "id": "either", "name": "NPS down 10 points or 150%", "rule": { "type": "drop", "metric": "nps", "by": 10, "by_pct": 150 } }
    ] }));
    let mut ws = Workspace::with_sample_reps();
    let report = ws.set_plan_json(&plan.to_string());
    assert!(report.ok, "{:#?}", report.problems);
    let warnings: Vec<_> = report.problems.iter().filter(|p| p.code == "streak_longer_than_data" || p.code == "fall_past_zero").map(|p| (p.code, p.path.as_str(), p.value.as_deref(), p.is_error())).collect();
    assert_eq!(
        warnings,
        [("fall_past_zero", "signals.alerts[1].rule.by_pct", Some("150"), false), ("streak_longer_than_data", "signals.alerts[0].rule.periods", Some("5"), false)]
    );
    let streak = report.problems.iter().find(|p| p.code == "streak_longer_than_data").unwrap();
    assert_eq!(streak.message.en, "a streak of 5 periods can never be seen: the data holds 4 (2026-Q1, 2026-Q2, 2026-Q3, 2026-Q4)");
    assert_eq!(streak.message.zh, "连续 5 个期间的条件永远无法满足：数据只有 4 个期间（2026-Q1、2026-Q2、2026-Q3、2026-Q4）");
    // A streak of four fits the data.
    let four = sample_plan_with(json!({ "alerts": [{ "id": "c4", "name": "C four times", "rule": { "type": "grade_streak", "grade": "C", "periods": 4 } }] }));
    assert!(!ws.set_plan_json(&four.to_string()).problems.iter().any(|p| p.code == "streak_longer_than_data"));
}

#[test]
fn a_team_of_fewer_than_three_is_not_compared_with() {
    let rule = |team: &str, to: u32| small_plan(json!({ "high_potential": { "team": team, "conditions": [
        { "type": "above", "metric": "revenue_collected", "stat": "average" },
        { "type": "percentile", "metric": "revenue_collected", "from": 0, "to": to }
    ] } }));
    let mut ws = Workspace::new(load_csv(SMALL).unwrap().dataset);
    // By region: in the East (Ann 1,250,000, Bob 1,150,000) Ann would be above the average
    // and within the band, but two reps are no team to compare with. The Southwest has
    // three: Cai (500,000) and Dan (520,000) are at or above its average of 500,000.
    let s = signals_of(&mut ws, &rule("region", 100), "2026-Q2");
    let flagged: Vec<_> = s.high_potentials.iter().map(|f| (f.rep_id.as_str(), f.checks[0].team_value, f.checks[1].team_value)).collect();
    assert_eq!(flagged, [("A3", d("500000"), d("50")), ("A4", d("500000"), d("100"))]);
    // All five together: the average is 780,000; Bob (1,150,000) is above it with 3 of the 4
    // others below him (percentile rank 75); Ann (100) is outside a 0–75 band.
    let s = signals_of(&mut ws, &rule("all", 75), "2026-Q2");
    let flagged: Vec<_> = s.high_potentials.iter().map(|f| (f.rep_id.as_str(), f.checks[0].team_value, f.checks[1].team_value)).collect();
    assert_eq!(flagged, [("A2", d("780000"), d("75"))]);
}

/// Calls `check` with the sample reps under every preset, for every period (with the preset's id).
fn for_every_preset_and_period(mut check: impl FnMut(&Workspace, &str, &str)) {
    for preset in incentive_engine::presets::PRESETS {
        let mut ws = Workspace::with_sample_reps();
        assert!(ws.set_plan_json(preset.json).ok, "{}", preset.id);
        for period in ws.data().periods.clone() {
            check(&ws, preset.id, &period);
        }
    }
}

#[test]
fn evaluation_with_signals_is_evaluate_and_signals_in_one() {
    // Every preset, every period: the same evaluation (explanations included) and the same signals.
    for_every_preset_and_period(|ws, preset, period| {
        let both = ws.evaluate_with_signals(period).unwrap();
        assert_eq!(both.evaluation, ws.evaluate(period).unwrap(), "{preset} {period}");
        assert_eq!(both.signals, ws.signals(period).unwrap(), "{preset} {period}");
    });
    let e = Workspace::with_sample_reps().evaluate_with_signals("2026-Q4").unwrap_err();
    assert_eq!(e.code, "no_plan");
}

/// The results as JSON without any explanation (what an evaluation without them leaves
/// empty: each figure's trace and a commission line's tier slices).
fn figures_only(results: &impl serde::Serialize) -> Value {
    fn strip(v: &mut Value) {
        match v {
            Value::Object(map) => {
                map.retain(|k, _| !["explain", "points_explain", "slices"].contains(&k.as_str()));
                map.values_mut().for_each(strip);
            }
            Value::Array(items) => items.iter_mut().for_each(strip),
            _ => {}
        }
    }
    let mut v = serde_json::to_value(results).unwrap();
    strip(&mut v);
    v
}

#[test]
fn without_every_reps_parts_only_the_open_reps_kpis_points_and_portrait_are_returned() {
    // Every preset, every period and year to date: the figures, totals and signals as with
    // every rep's parts, but only the explained rep (one of each scorecard in turn) lists
    // its KPI and point results and has a portrait (its own, as the full evaluation gives
    // it); without a rep, nobody does.
    for_every_preset_and_period(|ws, preset, period| {
        let full = ws.evaluate_with_signals(period).unwrap();
        let ytd = ws.evaluate_ytd(period).unwrap();
        // A rep, and the first of every scorecard: a portrait ranks its rep among its card's.
        let mut open = vec![full.evaluation.reps[2].rep_id.to_string()];
        let mut cards: Vec<&str> = Vec::new();
        for r in &full.evaluation.reps {
            if !cards.contains(&r.scorecard.as_str()) {
                cards.push(r.scorecard.as_str());
                open.push(r.rep_id.to_string());
            }
        }
        for rep in std::iter::once(None).chain(open.iter().map(|id| Some(id.as_str()))) {
            let shown = Shown { explain: false, parts: false, rep };
            let lean = ws.evaluate_with_signals_detail(period, shown).unwrap();
            let with_parts = ws.evaluate_with_signals_detail(period, Shown { parts: true, ..shown }).unwrap();
            let portraits: Vec<_> = full.signals.portraits.iter().filter(|p| Some(p.rep_id.as_str()) == rep).cloned().collect();
            assert_eq!(lean.signals, SignalsReport { portraits, ..full.signals.clone() }, "{preset} {period} {rep:?}");
            let lean_ytd = ws.evaluate_ytd_detail(period, shown).unwrap();
            let with_parts_ytd = ws.evaluate_ytd_detail(period, Shown { parts: true, ..shown }).unwrap();
            for (lean, with_parts) in [(&lean.evaluation, &with_parts.evaluation), (&lean_ytd, &with_parts_ytd)] {
                assert_eq!((&lean.totals, &lean.problems, &lean.warnings), (&with_parts.totals, &with_parts.problems, &with_parts.warnings), "{preset} {period}");
                assert_eq!(lean.reps.len(), with_parts.reps.len());
                for (l, w) in lean.reps.iter().zip(&with_parts.reps) {
                    if Some(l.rep_id.as_str()) == rep {
                        assert_eq!(l, w, "{preset} {period}: the open rep keeps everything");
                    } else {
                        assert!(l.kpis.is_empty() && l.points.is_empty(), "{preset} {period} {}", l.rep_id);
                        let mut parts_left_out = w.clone();
                        (parts_left_out.kpis, parts_left_out.points) = (Vec::new(), Vec::new());
                        assert_eq!(l, &parts_left_out, "{preset} {period}: the same figures");
                    }
                }
            }
        }
        // What is left out was there: every preset scores reps on KPIs.
        assert!(full.evaluation.reps.iter().any(|r| !r.kpis.is_empty()) && ytd.reps.iter().any(|r| !r.kpis.is_empty()), "{preset}");
    });
}

/// No rep explained but `rep`, every rep's parts kept.
fn quiet_shown(rep: Option<&str>) -> Shown<'_> {
    Shown { explain: false, parts: true, rep }
}

#[test]
fn without_explanations_the_figures_and_signals_are_the_same_and_one_rep_is_explained_on_demand() {
    // Every preset, every period and year to date: the figures of every rep, the totals and
    // the signals as with explanations; each rep's explained result is evaluate's.
    for_every_preset_and_period(|ws, preset, period| {
        let quiet = ws.evaluate_with_signals_detail(period, quiet_shown(None)).unwrap();
        let full = ws.evaluate_with_signals(period).unwrap();
        assert_eq!(quiet.signals, full.signals, "{preset} {period}");
        assert_eq!(figures_only(&quiet.evaluation), figures_only(&full.evaluation), "{preset} {period}");
        // Nothing explained: every KPI's trace is empty.
        assert!(quiet.evaluation.reps.iter().all(|r| r.kpis.iter().all(|k| k.explain.steps.is_empty())), "{preset} {period}");
        let ytd = ws.evaluate_ytd(period).unwrap();
        assert_eq!(figures_only(&ws.evaluate_ytd_detail(period, quiet_shown(None)).unwrap()), figures_only(&ytd), "{preset} {period} ytd");
        // One rep explained in the same evaluation: its entry is the explained one, the
        // rest the same figures; the signals the same.
        let id = full.evaluation.reps[1].rep_id.to_string();
        let one = ws.evaluate_with_signals_detail(period, quiet_shown(Some(&id))).unwrap();
        assert_eq!(one.signals, full.signals, "{preset} {period}");
        assert_eq!(figures_only(&one.evaluation), figures_only(&full.evaluation), "{preset} {period}");
        assert_eq!(one.evaluation.reps[1], full.evaluation.reps[1], "{preset} {period} {id}");
        let ytd_one = ws.evaluate_ytd_detail(period, quiet_shown(Some(&id))).unwrap();
        assert_eq!(ytd_one.reps.iter().find(|r| r.rep_id == id.as_str()), ytd.reps.iter().find(|r| r.rep_id == id.as_str()), "{preset} {period} {id} ytd");
        for (year_to_date, evaluation) in [(false, &full.evaluation), (true, &ytd)] {
            for rep in &evaluation.reps {
                assert_eq!(&ws.explain_rep(period, year_to_date, &rep.rep_id).unwrap(), rep, "{preset} {period} {}", rep.rep_id);
            }
        }
    });
    let mut ws = Workspace::with_sample_reps();
    assert!(ws.set_plan_json(SAMPLE_PLAN_JSON).ok);
    let e = ws.explain_rep("2026-Q4", false, "nobody").unwrap_err();
    assert_eq!((e.code, e.value.as_deref()), ("unknown_rep", Some("nobody")));
    assert_eq!(ws.explain_rep("2031-Q1", false, "E01").unwrap_err().code, "unknown_period");
}

#[test]
fn an_enforced_distribution_off_the_guide_is_explained_by_whole_reps_and_ties_not_told_to_enforce() {
    // The balanced scorecard enforces S 15 / A 35 / B 40 / C 10 on 32 reps: round(4.8) = 5 S
    // (15.63%, above the guide's 10–15%), round(32 × 90%) − round(32 × 50%) = 29 − 16 = 13 B (40.63%).
    for_every_preset_and_period(|ws, preset, period| {
        let s = ws.signals(period).unwrap();
        let Some(c) = s.health.iter().find(|c| c.code == "grade_guide") else { return };
        if preset != "balanced-scorecard" {
            assert_ne!(c.severity, HealthSeverity::Info, "{preset} {period}");
            return;
        }
        assert_eq!(c.severity, HealthSeverity::Info, "{period}");
        assert_eq!(c.message.en, "the distribution is enforced; off the guide only as whole reps and ties make it: S 5 of 32 = 15.63% (10–15%): its quota of 15% in whole reps; B 13 of 32 = 40.63% (30–40%): its quota of 40% in whole reps", "{period}");
        assert_eq!(c.message.zh, "已按排名强制分布，仅因人数取整或同分而偏离指引：S 32 人中 5 人 = 15.63%（10–15%）：即配额 15% 取整后的人数；B 32 人中 13 人 = 40.63%（30–40%）：即配额 40% 取整后的人数", "{period}");
    });
    // Ten reps, S's quota 10% is one rep; the best two tie, so both are S (20%).
    let mut csv = String::from("rep_id,name,region,role,period,revenue_target,revenue_collected,new_customers,visits\n");
    for (i, collected) in [1_100_000, 1_100_000, 1_000_000, 950_000, 900_000, 850_000, 800_000, 750_000, 700_000, 650_000].iter().enumerate() {
        csv.push_str(&format!("T{i},T{i},East,sales,2026-Q1,1000000,{collected},5,45\n"));
    }
    let mut plan = small_plan(json!({}));
    plan["grades"]["distribution"] = json!({ "enforce": true, "guide": [
        { "grade": "S", "min_pct": 10, "max_pct": 15, "quota_pct": 10 }, { "grade": "A", "min_pct": 20, "max_pct": 40, "quota_pct": 30 },
        { "grade": "B", "min_pct": 30, "max_pct": 50, "quota_pct": 40 }, { "grade": "C", "min_pct": 10, "max_pct": 30, "quota_pct": 20 }] });
    let mut ws = Workspace::new(load_csv(&csv).unwrap().dataset);
    let s = signals_of(&mut ws, &plan, "2026-Q1");
    let c = s.health.iter().find(|c| c.code == "grade_guide").unwrap();
    assert_eq!(c.severity, HealthSeverity::Info);
    assert_eq!(c.message.en, "the distribution is enforced; off the guide only as whole reps and ties make it: S 2 of 10 = 20% (10–15%): its quota of 10% is 1, and tied scores at a grade boundary take the better grade");
    assert_eq!(c.message.zh, "已按排名强制分布，仅因人数取整或同分而偏离指引：S 10 人中 2 人 = 20%（10–15%）：配额 10% 为 1 人，分数相同者在等级分界处取较高等级");
}

#[test]
fn a_value_just_below_the_threshold_is_written_in_full_not_as_the_threshold() {
    let plan = small_plan(json!({ "alerts": [{ "id": "low", "name": "Low", "rule": { "type": "level", "metric": "revenue_collected / revenue_target * 100", "below": 60 } }] }));
    let csv = "rep_id,name,region,role,period,revenue_target,revenue_collected,new_customers,visits
A1,Ann,East,sales,2026-Q1,1000000,599999.99999,4,40
A2,Bob,East,sales,2026-Q1,1000000,567142.857,4,40
";
    let mut ws = Workspace::new(load_csv(csv).unwrap().dataset);
    let s = signals_of(&mut ws, &plan, "2026-Q1");
    let words: Vec<&str> = s.alerts.iter().map(|a| a.message.en.as_str()).collect();
    // 59.999999999 would round to ≈60 and read "≈60, below 60"; 56.7142857 rounds clear of it.
    assert_eq!(words, ["Low — Ann (A1): revenue_collected / revenue_target * 100 is 59.999999999 in 2026-Q1, below 60", "Low — Bob (A2): revenue_collected / revenue_target * 100 is ≈56.7143 in 2026-Q1, below 60"]);
}
