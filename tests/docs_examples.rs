//! The examples of `docs/plan-format.md` are real: every ```json block is a complete plan that
//! the engine accepts on the sample reps without a warning and evaluates in 2026-Q4 without
//! leaving a rep out, and every result the page states for an example is checked here.
//! Blocks are found by the `<!-- example: name -->` marker just above them; blocks whose
//! info string is `json fragment` are pieces (an error object…) and only have to be JSON.

use incentive_engine::evaluate::{GradedBy, KpiResult, LineResult, PayItem, RepResult};
use incentive_engine::score::ShareStatus;
use incentive_engine::{load_csv, Dataset, Evaluation, Workspace, SAMPLE_PLAN_JSON};
use rust_decimal::Decimal;
use serde_json::{json, Value};

const DOC: &str = include_str!("../docs/plan-format.md");

/// A fenced code block of the page.
struct Block {
    /// The name in the `<!-- example: name -->` comment just above the block, if any.
    marker: Option<String>,
    /// The fence's info string: `json`, `json fragment`, or anything else.
    info: String,
    body: String,
    /// 1-based line of the opening fence, for messages.
    line: usize,
}

fn blocks() -> Vec<Block> {
    let mut out = Vec::new();
    let mut marker: Option<String> = None;
    let mut open: Option<(String, usize, Vec<&str>)> = None;
    for (i, line) in DOC.lines().enumerate() {
        let trimmed = line.trim();
        if let Some((info, start, body)) = open.as_mut() {
            if trimmed.starts_with("```") {
                out.push(Block { marker: marker.take(), info: info.clone(), body: body.join("\n"), line: *start });
                open = None;
            } else {
                body.push(line);
            }
            continue;
        }
        if let Some(rest) = trimmed.strip_prefix("<!-- example:") {
            let name = rest.trim_end_matches("-->").trim().to_string();
            assert!(marker.is_none(), "line {}: marker `{name}` follows another marker with no block between", i + 1);
            marker = Some(name);
        } else if let Some(info) = trimmed.strip_prefix("```") {
            open = Some((info.trim().to_string(), i + 1, Vec::new()));
        } else if !trimmed.is_empty() && marker.is_some() {
            panic!("line {}: an example marker must be followed by its code block", i + 1);
        }
    }
    assert!(open.is_none(), "a code block is not closed");
    out
}

/// The complete plans of the page (```json blocks), each with its marker.
fn plans() -> Vec<(String, String, usize)> {
    blocks()
        .into_iter()
        .filter(|b| b.info == "json")
        .map(|b| {
            let marker = b.marker.unwrap_or_else(|| panic!("line {}: a ```json plan needs an <!-- example: name --> marker", b.line));
            (marker, b.body, b.line)
        })
        .collect()
}

/// The text of the plan marked `name`.
fn plan_text(name: &str) -> String {
    let found: Vec<String> = plans().into_iter().filter(|(m, _, _)| m == name).map(|(_, body, _)| body).collect();
    assert_eq!(found.len(), 1, "example `{name}` should appear exactly once");
    found.into_iter().next().unwrap()
}

fn plan_value(name: &str) -> Value {
    serde_json::from_str(&plan_text(name)).unwrap_or_else(|e| panic!("example `{name}` is not JSON: {e}"))
}

fn workspace_with(plan: &str) -> Workspace {
    let mut ws = Workspace::with_sample_reps();
    let report = ws.set_plan_json(plan);
    assert!(report.ok && report.problems.is_empty(), "{:#?}", report.problems);
    ws
}

fn workspace(name: &str) -> Workspace {
    workspace_with(&plan_text(name))
}

fn evaluate(name: &str, period: &str) -> Evaluation {
    workspace(name).evaluate(period).unwrap()
}

fn q4(name: &str) -> Evaluation {
    evaluate(name, "2026-Q4")
}

fn rep<'a>(e: &'a Evaluation, id: &str) -> &'a RepResult {
    e.reps.iter().find(|r| r.rep_id == id).unwrap_or_else(|| panic!("no rep {id} in the results"))
}

fn kpi<'a>(r: &'a RepResult, id: &str) -> &'a KpiResult {
    r.kpis.iter().find(|k| k.id == id).unwrap_or_else(|| panic!("rep {} has no KPI {id}", r.rep_id))
}

/// A KPI's score as shown (at the plan's score scale).
fn score(e: &Evaluation, rep_id: &str, kpi_id: &str) -> String {
    kpi(rep(e, rep_id), kpi_id).score.to_string()
}

/// A commission line's pay as shown.
fn line_pay(e: &Evaluation, rep_id: &str, line: &str) -> String {
    line_of(e, rep_id, line).pay.to_string()
}

fn line_of<'a>(e: &'a Evaluation, rep_id: &str, line: &str) -> &'a LineResult {
    rep(e, rep_id).commission.iter().find(|l| l.id == line).unwrap_or_else(|| panic!("rep {rep_id} has no line {line}"))
}

fn bonus_of<'a>(e: &'a Evaluation, rep_id: &str, id: &str) -> &'a PayItem {
    rep(e, rep_id).bonuses.iter().find(|b| b.id == id).unwrap_or_else(|| panic!("rep {rep_id} has no bonus {id}"))
}

/// A bonus's amount as shown.
fn bonus(e: &Evaluation, rep_id: &str, id: &str) -> String {
    bonus_of(e, rep_id, id).amount.to_string()
}

/// The codes of a rep's pay warnings.
fn warning_codes<'a>(e: &'a Evaluation, rep_id: &str) -> Vec<&'a str> {
    rep(e, rep_id).warnings.iter().map(|w| w.code).collect()
}

/// The problems of a plan (errors and warnings) as (code, path).
fn problems_of(plan: &Value) -> Vec<(String, String)> {
    let report = Workspace::with_sample_reps().set_plan_json(&plan.to_string());
    report.problems.iter().map(|p| (p.code.to_string(), p.path.clone())).collect()
}

/// The only problem of a plan.
fn only_problem(plan: &Value) -> incentive_engine::Problem {
    let report = Workspace::with_sample_reps().set_plan_json(&plan.to_string());
    assert_eq!(report.problems.len(), 1, "{:#?}", report.problems);
    report.problems.into_iter().next().unwrap()
}

fn d(s: &str) -> Decimal {
    s.parse().unwrap()
}

fn dataset(csv: &str) -> Dataset {
    let loaded = load_csv(csv).unwrap();
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    loaded.dataset
}

// ---------------------------------------------------------------------------------------
// Every block

#[test]
fn every_json_block_is_a_complete_plan_accepted_and_evaluated_without_leaving_anyone_out() {
    let plans = plans();
    assert!(plans.len() >= 37, "only {} examples found", plans.len());
    let mut names: Vec<&str> = plans.iter().map(|(m, _, _)| m.as_str()).collect();
    names.sort_unstable();
    let before = names.len();
    names.dedup();
    assert_eq!(names.len(), before, "example markers must be unique");

    let q4_rows = Workspace::with_sample_reps().data().rows_in(3).count();
    assert_eq!(q4_rows, 32);
    for (name, body, line) in &plans {
        serde_json::from_str::<Value>(body).unwrap_or_else(|e| panic!("example `{name}` (line {line}) is not JSON: {e}"));
        let mut ws = Workspace::with_sample_reps();
        let report = ws.set_plan_json(body);
        assert!(report.ok, "example `{name}` (line {line}) is rejected: {:#?}", report.problems);
        assert!(report.problems.is_empty(), "example `{name}` (line {line}) has warnings: {:#?}", report.problems);
        let e = ws.evaluate("2026-Q4").unwrap_or_else(|p| panic!("example `{name}`: {p}"));
        assert!(e.problems.is_empty(), "example `{name}` left reps out: {:#?}", e.problems);
        assert_eq!(e.totals.excluded, 0, "example `{name}`");
        assert_eq!(e.reps.len(), q4_rows, "example `{name}`");
        // The only evaluation warning: the sample return of S03 when the plan has no line for it.
        let plan: Value = serde_json::from_str(body).unwrap();
        let has_line = plan["commission"].as_array().is_some_and(|l| l.iter().any(|l| l["id"] == "revenue_commission"));
        let warnings: Vec<(&str, &str)> = e.warnings.iter().map(|w| (w.code, w.path.as_str())).collect();
        if has_line {
            assert!(warnings.is_empty(), "example `{name}`: {warnings:?}");
        } else {
            assert_eq!(warnings, [("adjustment_not_applied", "reps.S03.adjustments")], "example `{name}`");
        }
    }
}

#[test]
fn fragments_are_json_and_other_blocks_are_not_mistaken_for_plans() {
    let blocks = blocks();
    let fragments: Vec<&Block> = blocks.iter().filter(|b| b.info == "json fragment").collect();
    assert!(!fragments.is_empty());
    for b in fragments {
        serde_json::from_str::<Value>(&b.body).unwrap_or_else(|e| panic!("fragment at line {} is not JSON: {e}", b.line));
    }
    for b in &blocks {
        assert!(b.info.is_empty() || b.info == "json" || b.info == "json fragment", "line {}: unexpected info string `{}`", b.line, b.info);
    }
}

// ---------------------------------------------------------------------------------------
// Overview

#[test]
fn minimal() {
    let e = q4("minimal");
    let zhang = rep(&e, "E01");
    assert_eq!(zhang.score.to_string(), "120.00");
    assert_eq!(zhang.grade, "S");
    assert_eq!(zhang.total_pay, Decimal::ZERO);
}

// ---------------------------------------------------------------------------------------
// Rounding

#[test]
fn rounding_modes() {
    let e = q4("rounding");
    assert_eq!(score(&e, "E01", "new_customers"), "28.12");
    assert_eq!(rep(&e, "E01").total_pay.to_string(), "437");

    let mut plan = plan_value("rounding");
    for (mode, kpi_score, pay) in [("down", "28.12", "437"), ("half_up", "28.13", "438"), ("half_even", "28.12", "438")] {
        plan["rounding"]["mode"] = json!(mode);
        let e = workspace_with(&plan.to_string()).evaluate("2026-Q4").unwrap();
        assert_eq!(score(&e, "E01", "new_customers"), kpi_score, "{mode}");
        assert_eq!(line_pay(&e, "E01", "upsell"), pay, "{mode}");
    }
}

// ---------------------------------------------------------------------------------------
// Periods and year-to-date

#[test]
fn period_quarters_and_year_to_date() {
    let ws = workspace("period");
    let rows = [
        ("2026-Q1", "65.92", "C", "23730.00"),
        ("2026-Q2", "74.33", "B", "26760.00"),
        ("2026-Q3", "70.92", "B", "25530.00"),
        ("2026-Q4", "120.00", "S", "38000.00"),
    ];
    for (period, score, grade, pay) in rows {
        let e = ws.evaluate(period).unwrap();
        let zhang = rep(&e, "E01");
        assert_eq!((zhang.score.to_string().as_str(), zhang.grade.as_str(), zhang.total_pay.to_string().as_str()), (score, grade, pay), "{period}");
    }
    let ytd = ws.evaluate_ytd("2026-Q4").unwrap();
    assert_eq!(ytd.periods, ["2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"]);
    let zhang = rep(&ytd, "E01");
    assert_eq!(zhang.attainment_actual, Some(d("3734000")));
    assert_eq!(zhang.attainment_target, Some(d("4600000")));
    assert_eq!(zhang.attainment_pct.unwrap().to_string(), "81.17");
    assert_eq!(zhang.score.to_string(), "82.79");
    assert_eq!(zhang.grade, "A");
    assert_eq!(zhang.total_pay.to_string(), "114020.00");
    // The tiers applied to the year's total instead would pay 112,020 (all of it at 3%).
    assert_eq!(d("3734000") * d("0.03"), d("112020"));
}

// ---------------------------------------------------------------------------------------
// Formulas

#[test]
fn formula_example() {
    let e = q4("formula");
    assert_eq!(score(&e, "E01", "conversion"), "63.83");
    assert_eq!(score(&e, "E01", "revenue"), "60.00");
    assert_eq!(rep(&e, "E01").score.to_string(), "123.83");
}

/// A plan whose single KPI has `actual` = `formula`. Returns the value of the formula for E01
/// in 2026-Q4 (unrounded) and the KPI's notes, or the first error's code and message.
fn formula_result(formula: &str) -> Result<(Decimal, Vec<&'static str>), (String, String)> {
    let plan = json!({
        "version": 1,
        "name": "formula",
        "scorecards": [{ "id": "c", "kpis": [{ "id": "k", "name": "k", "actual": formula, "target": "1", "weight": 100 }] }]
    });
    let mut ws = Workspace::with_sample_reps();
    let report = ws.set_plan_json(&plan.to_string());
    if !report.ok {
        let p = &report.problems[0];
        return Err((p.code.to_string(), p.message.en.clone()));
    }
    let e = ws.evaluate("2026-Q4").unwrap();
    let k = kpi(rep(&e, "E01"), "k");
    Ok((k.actual.unwrap(), k.explain.notes.clone()))
}

#[test]
fn formula_language_as_documented() {
    let value = |f: &str| formula_result(f).unwrap_or_else(|e| panic!("{f}: {e:?}")).0;
    assert_eq!(value("15%"), d("0.15"));
    assert_eq!(value("100万"), d("1000000"));
    assert_eq!(value("1.5万"), d("15000"));
    assert_eq!(value(".5"), d("0.5"));
    assert_eq!(value("10 - 3 - 2"), d("5"));
    assert_eq!(value("12 / 2 * 3"), d("18"));
    assert_eq!(value("-2 * -3"), d("6"));
    assert_eq!(value("1 + 2 >= 1 * 3"), d("1"));
    assert_eq!(value("(2 = 2) + (2 == 2) + (2 != 3) + (2 <> 3)"), d("4"));
    assert_eq!(value("and(1, 2 > 1) + or(0, 0) + not(0)"), d("2"));
    assert_eq!(value("min(3, 1, 2) + max(3, 1, 2) + abs(-4)"), d("8"));
    assert_eq!(value("if(visits > 0, 1, 2)"), d("1"));
    // Full-width parentheses and comma, ×, ÷, − and the full-width space.
    assert_eq!(value("max（1，2）× 3 ÷ 2 − 1　+ 0"), d("2"));
    assert_eq!(value("1 / 3").to_string(), "0.3333333333333333333333333333");

    // Division by zero gives 0 and is noted.
    let (v, notes) = formula_result("new_customers / (visits - visits) + 1").unwrap();
    assert_eq!(v, d("1"));
    assert!(notes.contains(&"div_by_zero"), "{notes:?}");
    let (_, notes) = formula_result("if(visits - visits > 0, new_customers / (visits - visits), 0) + 1").unwrap();
    assert!(!notes.contains(&"div_by_zero"), "{notes:?}");

    // Errors, each with its column.
    for bad in ["1 < visits < 3", "MIN(1, 2)", "100 万", "visits $ 1"] {
        let (code, _) = formula_result(bad).expect_err(bad);
        assert_eq!(code, "formula", "{bad}");
    }
    let (_, en) = formula_result("revenue_colected").unwrap_err();
    assert_eq!(en, "column 1: unknown name 'revenue_colected': not a rep field, target or metric of this plan");
    let (_, en) = formula_result(&("1+".repeat(1_000) + "1")).unwrap_err();
    assert!(en.contains("the limit is 2000"), "{en}");
    let (_, en) = formula_result(&format!("{}1{}", "(".repeat(70), ")".repeat(70))).unwrap_err();
    assert!(en.contains("nested more than 64"), "{en}");
    // A flat chain is not nesting: 200 terms are fine.
    assert_eq!(value(&vec!["1"; 200].join(" + ")), d("200"));
    // What a Chinese input method types is accepted.
    assert_eq!(value("（２＋３）＊４ ／ ２ － １"), d("9"));
    assert_eq!(value("if(５ ≥ ４, ５０％, ０)"), d("0.5"));
    let (_, en) = formula_result("100 万").unwrap_err();
    assert!(en.contains("without a space"), "{en}");
}

// ---------------------------------------------------------------------------------------
// Derived metrics

#[test]
fn metrics_in_dependency_order_and_cycles() {
    let e = q4("metrics");
    assert_eq!(score(&e, "E01", "collection"), "100.01");
    assert!(kpi(rep(&e, "E01"), "collection").explain.notes.is_empty());

    // A division by zero inside a metric is noted on the KPI reading it, through other metrics.
    let mut plan = plan_value("metrics");
    plan["metrics"][1]["formula"] = json!("revenue_collected / (receivable - receivable)");
    let e = workspace_with(&plan.to_string()).evaluate("2026-Q4").unwrap();
    let k = kpi(rep(&e, "E01"), "collection");
    assert_eq!(k.actual, Some(Decimal::ZERO));
    assert!(k.explain.notes.contains(&"div_by_zero"), "{:?}", k.explain.notes);

    let mut plan = plan_value("metrics");
    plan["metrics"] = json!([
        { "id": "x", "formula": "y + 1" },
        { "id": "y", "formula": "z + 1" },
        { "id": "z", "formula": "x + 1" }
    ]);
    let report = Workspace::with_sample_reps().set_plan_json(&plan.to_string());
    assert!(!report.ok);
    let p = report.problems.iter().find(|p| p.code == "circular_metric").expect("circular_metric");
    assert_eq!(p.value.as_deref(), Some("x → y → z → x"));
}

// ---------------------------------------------------------------------------------------
// Named targets

#[test]
fn named_targets_precedence_split_and_overrides() {
    let ws = workspace("targets");
    let target = |e: &Evaluation, id: &str| kpi(rep(e, id), "new_customers").target.unwrap();
    let q1 = ws.evaluate("2026-Q1").unwrap();
    let q3 = ws.evaluate("2026-Q3").unwrap();
    let q4 = ws.evaluate("2026-Q4").unwrap();
    let expected = [
        ("E01", "8", "10", "12"),
        ("E02", "6", "7.5", "9"),
        ("E05", "4", "5", "5"),
        ("W05", "7.2", "5", "12"),
        ("W01", "7.2", "9", "10"),
    ];
    for (id, in_q1, in_q3, in_q4) in expected {
        assert_eq!(target(&q1, id), d(in_q1), "{id} 2026-Q1");
        assert_eq!(target(&q3, id), d(in_q3), "{id} 2026-Q3");
        assert_eq!(target(&q4, id), d(in_q4), "{id} 2026-Q4");
    }
    // Without overrides the quarters add up to the yearly figure exactly.
    let mut plain = plan_value("targets");
    plain["targets"][0].as_object_mut().unwrap().remove("overrides");
    let ws_plain = workspace_with(&plain.to_string());
    for (id, year) in [("E01", "40"), ("E02", "30"), ("E05", "20"), ("W05", "36")] {
        let sum: Decimal = ["2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"].iter().map(|p| target(&ws_plain.evaluate(p).unwrap(), id)).sum();
        assert_eq!(sum, d(year), "{id}");
    }
    assert_eq!(score(&q4, "E01", "new_customers"), "75.00");
}

#[test]
fn the_override_warning_fragment_is_what_the_engine_says() {
    let mut plan = plan_value("targets");
    plan["targets"][0]["overrides"].as_array_mut().unwrap().insert(0, json!({ "period": "2027-Q1", "rep": "E01", "value": 15 }));
    let report = Workspace::with_sample_reps().set_plan_json(&plan.to_string());
    assert!(report.ok);
    assert_eq!(report.problems.len(), 1);
    let got = serde_json::to_value(&report.problems[0]).unwrap();
    let fragment = blocks().into_iter().find(|b| b.info == "json fragment" && b.body.contains("override_period_not_in_data")).unwrap();
    assert_eq!(got, serde_json::from_str::<Value>(&fragment.body).unwrap());
}

#[test]
fn an_annual_target_split_over_months_gives_the_remainder_to_december() {
    let mut csv = String::from("rep_id,name,region,role,period,new_customers\n");
    for m in 1..=12 {
        csv.push_str(&format!("r1,Rep,East,nb,2026-{m:02},1\n"));
    }
    let plan = json!({
        "version": 1,
        "name": "monthly",
        "period": "month",
        "targets": [{ "id": "t", "basis": "annual", "default": 1000000 }],
        "scorecards": [{ "id": "c", "kpis": [{ "id": "k", "name": "k", "actual": "new_customers", "target": "t", "weight": 100 }] }]
    });
    let mut ws = Workspace::new(dataset(&csv));
    let report = ws.set_plan_json(&plan.to_string());
    assert!(report.ok && report.problems.is_empty(), "{:#?}", report.problems);
    let month = |m: u32| ws.evaluate(&format!("2026-{m:02}")).unwrap().reps[0].kpis[0].target.unwrap();
    for m in 1..=11 {
        assert_eq!(month(m), d("83333.33"), "month {m}");
    }
    assert_eq!(month(12), d("83333.37"));
    assert_eq!((1..=12).map(month).sum::<Decimal>(), d("1000000"));
}

// ---------------------------------------------------------------------------------------
// Headline attainment, categories, cards

#[test]
fn headline_attainment() {
    let e = q4("attainment");
    for (id, pct) in [("E01", "120.00"), ("E02", "80.00"), ("E03", "150.00")] {
        assert_eq!(rep(&e, id).attainment_pct.unwrap().to_string(), pct, "{id}");
    }
    assert_eq!(e.totals.revenue, Some(d("28353000")));
}

#[test]
fn categories_within_their_ranges() {
    let e = q4("categories");
    let zhang = rep(&e, "E01");
    assert_eq!(
        [score(&e, "E01", "revenue"), score(&e, "E01", "visits"), score(&e, "E01", "product_test")],
        ["78.00", "20.89", "14.40"]
    );
    assert_eq!(zhang.score.to_string(), "113.29");
    assert_eq!(kpi(zhang, "visits").category.as_deref(), Some("behavior"));

    // Results at 80% is outside 60–70: the error names the share and the range.
    let mut plan = plan_value("categories");
    plan["scorecards"][0]["kpis"][0]["weight"] = json!(80);
    plan["scorecards"][0]["kpis"][1]["weight"] = json!(10);
    plan["scorecards"][0]["kpis"][2]["weight"] = json!(10);
    let report = Workspace::with_sample_reps().set_plan_json(&plan.to_string());
    let p = report.problems.iter().find(|p| p.code == "category_weight" && p.value.as_deref() == Some("80")).expect("category_weight 80");
    assert_eq!(p.message.en, "category `results` has 80% of scorecard `all_reps`; its range is 60–70%");
}

#[test]
fn roles_and_the_default_card() {
    let e = q4("roles");
    let zhang = rep(&e, "E01");
    assert_eq!(zhang.scorecard, "east_new_business");
    assert_eq!((score(&e, "E01", "new_revenue").as_str(), score(&e, "E01", "new_customers").as_str()), ("84.00", "33.75"));
    assert_eq!(zhang.score.to_string(), "117.75");
    let he = rep(&e, "W01");
    assert_eq!((he.role.as_str(), he.region.as_str(), he.scorecard.as_str()), ("new_business", "Southwest", "new_business"));
    assert_eq!(he.score.to_string(), "93.75");
    let chen = rep(&e, "E05");
    assert_eq!(chen.role, "account_manager");
    assert_eq!(chen.scorecard, "everyone_else");
    assert_eq!(chen.score.to_string(), "123.98");

    // The narrower card after the broader one can never be used.
    let mut plan = plan_value("roles");
    plan["scorecards"].as_array_mut().unwrap().swap(0, 1);
    let report = Workspace::with_sample_reps().set_plan_json(&plan.to_string());
    let codes: Vec<(&str, &str)> = report.problems.iter().map(|p| (p.code, p.path.as_str())).collect();
    assert_eq!(codes, [("card_never_used", "scorecards[1]")]);
}

#[test]
fn normalize_scales_weights_to_100() {
    let e = q4("normalize");
    let zhang = rep(&e, "E01");
    assert_eq!([score(&e, "E01", "revenue"), score(&e, "E01", "visits"), score(&e, "E01", "product_test")], ["70.00", "26.11", "16.00"]);
    assert_eq!(zhang.score.to_string(), "112.11");
    assert_eq!(kpi(zhang, "visits").weight, d("25"));
    assert_eq!(kpi(zhang, "revenue").weight.round_dp(2), d("58.33"));
    assert_eq!(kpi(zhang, "product_test").weight.round_dp(2), d("16.67"));

    // Three equal weights: 33.34 + 33.33 + 33.33, a perfect rep scores 100.
    let plan = json!({
        "version": 1, "name": "thirds",
        "scorecards": [{ "id": "c", "normalize": true, "kpis": [
            { "id": "a", "name": "a", "actual": "1", "target": "1", "weight": 1 },
            { "id": "b", "name": "b", "actual": "1", "target": "1", "weight": 1 },
            { "id": "c", "name": "c", "actual": "1", "target": "1", "weight": 1 }
        ] }]
    });
    let e = workspace_with(&plan.to_string()).evaluate("2026-Q4").unwrap();
    assert_eq!(rep(&e, "E01").score.to_string(), "100.00");
}

// ---------------------------------------------------------------------------------------
// Scoring functions

#[test]
fn ratio_seed_36_and_limits() {
    let e = q4("ratio");
    assert_eq!(score(&e, "E01", "revenue"), "36.00");
    let cases = [("E01", "78.75", None), ("E04", "84.00", Some("capped")), ("E03", "43.75", None), ("E02", "42.00", Some("floored")), ("N03", "0.00", Some("below_threshold"))];
    for (id, s, note) in cases {
        let k = kpi(rep(&e, id), "new_customers");
        assert_eq!(k.score.to_string(), s, "{id}");
        match note {
            Some(n) => assert_eq!(k.explain.notes, [n], "{id}"),
            None => assert!(k.explain.notes.is_empty(), "{id}: {:?}", k.explain.notes),
        }
    }
}

#[test]
fn inverse_ratio_response_time() {
    let e = q4("inverse_ratio");
    assert_eq!(score(&e, "E01", "response_time"), "66.67");
    assert_eq!(kpi(rep(&e, "E01"), "response_time").attainment_pct, Some(d("66.67")));
    assert_eq!(score(&e, "E02", "response_time"), "76.92");
    let w03 = kpi(rep(&e, "W03"), "response_time");
    assert_eq!(w03.actual, Some(d("0.9")));
    assert_eq!(w03.score.to_string(), "120.00");
    assert_eq!(w03.explain.notes, ["capped"]);
}

#[test]
fn bands_lower_is_better_and_on_attainment() {
    let e = q4("bands");
    let rows = [("E01", "30.00", "60.00"), ("E02", "30.00", "25.00"), ("E03", "0.00", "60.00")];
    for (id, response, revenue) in rows {
        assert_eq!((score(&e, id, "response_time").as_str(), score(&e, id, "revenue").as_str()), (response, revenue), "{id}");
    }
    assert_eq!(kpi(rep(&e, "E03"), "response_time").explain.notes, ["no_band_reached"]);
}

#[test]
fn rating360_seed_84_and_default_raters() {
    let e = q4("rating360");
    for r in &e.reps {
        let k = kpi(r, "seed_example");
        assert_eq!(k.explain.get("composite"), Some(d("84")), "{}", r.rep_id);
        assert_eq!(k.score.to_string(), "8.40");
    }
    let teamwork = kpi(rep(&e, "E01"), "teamwork");
    assert_eq!(teamwork.explain.get("composite"), Some(d("76.2")));
    assert_eq!(teamwork.score.to_string(), "68.58");
}

#[test]
fn pass_fail_product_test() {
    let e = q4("pass_fail");
    assert_eq!(score(&e, "E01", "product_test"), "100.00");
    assert_eq!(score(&e, "E03", "product_test"), "0.00");
}

#[test]
fn deduction_with_the_floor() {
    let e = q4("deduction");
    assert_eq!(score(&e, "E01", "compliance"), "2.00");
    assert_eq!(score(&e, "E02", "compliance"), "0.00");
    assert_eq!(kpi(rep(&e, "E02"), "compliance").explain.notes, ["floored"]);
    assert_eq!(score(&e, "E03", "compliance"), "2.00");
}

// ---------------------------------------------------------------------------------------
// Points, grades, distribution, streaks

#[test]
fn bonus_and_penalty_points() {
    let e = q4("points");
    let rows = [("E01", "100.00", "5.00", "3.00", "102.00"), ("E02", "80.00", "2.00", "5.00", "77.00"), ("E03", "100.00", "5.00", "3.00", "102.00")];
    for (id, weighted, bonus, penalty, total) in rows {
        let r = rep(&e, id);
        let got = [r.weighted_score.to_string(), r.bonus_points.to_string(), r.penalty_points.to_string(), r.score.to_string()];
        assert_eq!(got, [weighted, bonus, penalty, total], "{id}");
    }
    let zhang = rep(&e, "E01");
    let praise = zhang.points.iter().find(|p| p.id == "praise").unwrap();
    assert_eq!((praise.events, praise.points, praise.capped), (d("3"), d("2"), true));
    assert_eq!(zhang.points.iter().find(|p| p.id == "high_nps").unwrap().points, d("1"));
    assert_eq!(rep(&e, "E03").points_explain.notes, ["bonus_total_capped"]);
    assert_eq!(rep(&e, "E02").points_explain.notes, ["penalty_total_capped"]);
}

#[test]
fn grade_bands_inclusive_with_a_catch_all() {
    let e = q4("grades");
    assert_eq!(rep(&e, "E01").grade, "Exceeds");
    assert_eq!(rep(&e, "E02").grade, "Below");
    assert_eq!(rep(&e, "E03").grade, "Exceeds");
}

#[test]
fn enforced_distribution_by_rank() {
    let e = q4("forced_distribution");
    let counts: Vec<(String, usize)> = e.totals.grades.iter().map(|g| (g.grade.clone(), g.reps)).collect();
    assert_eq!(counts, [("S".into(), 5), ("A".into(), 11), ("B".into(), 13), ("C".into(), 3)]);
    let zhang = rep(&e, "E01");
    assert_eq!((zhang.score.to_string().as_str(), zhang.rank, zhang.grade.as_str(), zhang.graded_by), ("120.00", 8, "A", GradedBy::Rank));
    let wang = rep(&e, "E02");
    assert_eq!((wang.score.to_string().as_str(), wang.rank, wang.grade.as_str()), ("80.00", 31, "C"));
    let report: Vec<(String, String, ShareStatus)> = e.totals.distribution.iter().map(|s| (s.grade.clone(), s.share_pct.to_string(), s.status)).collect();
    assert_eq!(
        report,
        [
            ("S".into(), "15.63".into(), ShareStatus::Above),
            ("A".into(), "34.38".into(), ShareStatus::Within),
            ("B".into(), "40.63".into(), ShareStatus::Above),
            ("C".into(), "9.38".into(), ShareStatus::Within),
        ]
    );
}

#[test]
fn enforced_distribution_tie_goes_to_the_better_grade() {
    let scores = ["95", "91", "88", "85", "85", "78", "75", "72", "60", "50"];
    let mut csv = String::from("rep_id,name,region,role,period,s\n");
    for (i, s) in scores.iter().enumerate() {
        csv.push_str(&format!("r{i},Rep {i},East,nb,2026-Q4,{s}\n"));
    }
    let mut plan = plan_value("forced_distribution");
    plan["scorecards"][0]["kpis"] = json!([{ "id": "s", "name": "s", "actual": "s", "target": "100", "weight": 100 }]);
    for (share, quota) in plan["grades"]["distribution"]["guide"].as_array_mut().unwrap().iter_mut().zip([10, 30, 40, 20]) {
        share["quota_pct"] = json!(quota);
    }
    let mut ws = Workspace::new(dataset(&csv));
    assert!(ws.set_plan_json(&plan.to_string()).ok);
    let e = ws.evaluate("2026-Q4").unwrap();
    let grades: Vec<&str> = e.reps.iter().map(|r| r.grade.as_str()).collect();
    assert_eq!(grades, ["S", "A", "A", "A", "A", "B", "B", "B", "C", "C"]);
}

#[test]
fn streak_of_two_c_grades() {
    let ws = workspace("streak");
    let q3 = ws.evaluate("2026-Q3").unwrap();
    assert_eq!((rep(&q3, "N03").score.to_string().as_str(), rep(&q3, "N03").grade.as_str()), ("52.00", "C"));
    let q4 = ws.evaluate("2026-Q4").unwrap();
    let feng = rep(&q4, "N03");
    assert_eq!((feng.score.to_string().as_str(), feng.grade.as_str()), ("48.00", "C"));
    let flagged: Vec<&str> = q4.reps.iter().filter(|r| !r.flags.is_empty()).map(|r| r.rep_id.as_str()).collect();
    assert_eq!(flagged, ["N03"]);
    assert_eq!(feng.flags[0].code, "grade_streak");
    assert_eq!(feng.flags[0].periods, ["2026-Q3", "2026-Q4"]);
    let q1 = ws.evaluate("2026-Q1").unwrap();
    assert!(q1.reps.iter().all(|r| r.flags.is_empty()));
}

// ---------------------------------------------------------------------------------------
// Commission

#[test]
fn commission_flat_marginal_and_retroactive() {
    let e = q4("commission");
    let rows = [
        ("E02", "24000.00", "24000.00", "24000.00"),
        ("E01", "36000.00", "38000.00", "60000.00"),
        ("E03", "45000.00", "53000.00", "75000.00"),
    ];
    for (id, flat, saas, retro) in rows {
        assert_eq!([line_pay(&e, id, "flat"), line_pay(&e, id, "saas"), line_pay(&e, id, "saas_retro")], [flat, saas, retro], "{id}");
        assert_eq!(rep(&e, id).attainment_target, Some(d("1000000")), "{id}");
    }
    assert_eq!(rep(&e, "E01").total_pay.to_string(), "134000.00");
    let slices: Vec<Decimal> = rep(&e, "E03").commission.iter().find(|l| l.id == "saas").unwrap().slices.iter().map(|s| s.amount).collect();
    assert_eq!(slices, [d("1000000"), d("200000"), d("300000")]);
}

// ---------------------------------------------------------------------------------------
// Errors

#[test]
fn the_weights_sum_fragment_is_what_the_engine_says() {
    let mut plan: Value = serde_json::from_str(SAMPLE_PLAN_JSON).unwrap();
    plan["scorecards"][0]["kpis"][0]["weight"] = json!(80);
    let report = Workspace::with_sample_reps().set_plan_json(&plan.to_string());
    assert!(!report.ok);
    assert_eq!(report.problems.len(), 1);
    let got = serde_json::to_value(&report.problems[0]).unwrap();
    let fragment = blocks().into_iter().find(|b| b.info == "json fragment" && b.body.contains("weights_sum")).unwrap();
    assert_eq!(got, serde_json::from_str::<Value>(&fragment.body).unwrap());
}

// ---------------------------------------------------------------------------------------
// Presets

#[test]
fn presets_as_described() {
    use incentive_engine::presets::preset;
    let json = |id: &str| -> Value { serde_json::from_str(preset(id).unwrap_or_else(|| panic!("no preset {id}")).json).unwrap() };
    let e = workspace_with(preset("saas-target").unwrap().json).evaluate("2026-Q4").unwrap();
    assert_eq!(rep(&e, "E01").total_pay.to_string(), "38000.00");

    let balanced = json("balanced-scorecard");
    assert_eq!(balanced["scorecards"].as_array().unwrap().len(), 1);
    assert_eq!(balanced["scorecards"][0]["kpis"].as_array().unwrap().len(), 12);
    assert_eq!(balanced["categories"].as_array().unwrap().len(), 4);
    let e = workspace_with(&balanced.to_string()).evaluate("2026-Q4").unwrap();
    assert!(e.reps.iter().all(|r| r.graded_by == GradedBy::Rank));

    let okr = json("kpi-okr");
    assert_eq!(okr["targets"][0]["split"]["shares"], json!([20, 25, 25, 30]));
    assert_eq!(okr["targets"][0]["overrides"][0]["region"], "Southwest");

    let seed = json("seed-003-role-cards");
    assert!(seed["scorecards"].as_array().unwrap().iter().all(|c| c["normalize"] == true));
    let e = workspace_with(&seed.to_string()).evaluate("2026-Q4").unwrap();
    let results_share: Decimal = rep(&e, "E01").kpis.iter().filter(|k| k.category.as_deref() == Some("results")).map(|k| k.weight).sum();
    assert_eq!(results_share.round_dp(2), d("58.33"));

    for id in ["target-oriented", "behavior-driven"] {
        assert!(json(id)["grades"]["streak"]["grade"] == "C", "{id}");
        assert!(json(id)["points"]["items"].as_array().is_some_and(|i| !i.is_empty()), "{id}");
    }
}
