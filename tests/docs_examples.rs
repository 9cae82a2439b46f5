//! The examples of `docs/plan-format.md` are real: every ```json block is a complete plan that
//! the engine accepts on the sample reps without a warning and evaluates in 2026-Q4 without
//! leaving a rep out (the only evaluation warning allowed is the sample return that a plan
//! without a `revenue_commission` line cannot apply), and every result the page states for an
//! example is checked here.
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

/// A sample rep's figure in 2026-Q4, straight from the data.
fn q4_value(rep_id: &str, column: &str) -> Decimal {
    let ws = Workspace::with_sample_reps();
    let data = ws.data();
    let rep = data.reps.iter().position(|r| r.id == rep_id).unwrap();
    let col = data.columns.iter().position(|c| c == column).unwrap();
    let value = data.row_of(rep, 3).unwrap().value(col).unwrap();
    value
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
        // The only evaluation warning: the sample return of S03 when the plan has commission
        // lines but none for it (a plan without commission lines has nothing to claw back).
        let plan: Value = serde_json::from_str(body).unwrap();
        let lines = plan["commission"].as_array().map_or(&[][..], |l| l.as_slice());
        let has_line = lines.iter().any(|l| l["id"] == "revenue_commission");
        let warnings: Vec<(&str, &str)> = e.warnings.iter().map(|w| (w.code, w.path.as_str())).collect();
        if has_line || lines.is_empty() {
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

#[test]
fn rounding_each_line_or_only_the_total() {
    let e = q4("rounding_total");
    assert_eq!((line_of(&e, "E01", "upsell").pay, line_of(&e, "E01", "upsell_team").pay), (d("437.5"), d("87.5")));
    assert_eq!(rep(&e, "E01").total_pay.to_string(), "525");

    let mut plan = plan_value("rounding_total");
    plan["rounding"]["applies_to"] = json!("each_line");
    let e = workspace_with(&plan.to_string()).evaluate("2026-Q4").unwrap();
    assert_eq!([line_pay(&e, "E01", "upsell"), line_pay(&e, "E01", "upsell_team")], ["438", "88"]);
    assert_eq!(rep(&e, "E01").total_pay.to_string(), "526");
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

#[test]
fn year_to_date_points_of_zhang_wei_under_target_oriented() {
    let preset = incentive_engine::presets::PRESETS.iter().find(|p| p.id == "target-oriented").unwrap();
    let mut ws = Workspace::with_sample_reps();
    assert!(ws.set_plan_json(preset.json).ok);
    let ytd = ws.evaluate_ytd("2026-Q4").unwrap();
    let zhang = rep(&ytd, "E01");
    let item = |id: &str| zhang.points.iter().find(|p| p.id == id).unwrap().points;
    assert_eq!((item("big_contract"), item("customer_praise")), (d("2"), d("1.25")));
    let totals: Vec<Decimal> = zhang.points_explain.steps.iter().filter(|s| s.key == "bonus_points" && s.period.is_some()).map(|s| s.value).collect();
    assert_eq!(totals, [d("1"), d("4"), d("2"), d("4")]);
    assert_eq!(zhang.bonus_points, d("2.75"));
    assert!(zhang.points_explain.notes.contains(&"bonus_total_capped"));
}

#[test]
fn year_to_date_counts_a_rep_left_out_of_every_quarter_once() {
    // Only new-business reps have a card: the 16 others are left out of all four quarters.
    let plan = json!({
        "version": 1, "name": "new business only",
        "scorecards": [{ "id": "nb", "roles": ["new_business"], "kpis": [
            { "id": "revenue", "name": "Collected revenue", "actual": "revenue_collected", "target": "revenue_target", "weight": 100 }
        ] }]
    });
    let mut ws = Workspace::with_sample_reps();
    let report = ws.set_plan_json(&plan.to_string());
    assert!(report.ok);
    let p = &report.problems[0];
    assert_eq!((report.problems.len(), p.code, p.path.as_str(), p.value.as_deref()), (1, "reps_without_card", "scorecards", Some("16")));
    assert_eq!(p.message.en, "16 reps match no scorecard and will be left out (E05, E06, E07, E08, S05, …); add a card without filters to cover them");
    let ytd = ws.evaluate_ytd("2026-Q4").unwrap();
    assert_eq!(ytd.totals.excluded, 16);
    assert_eq!(ytd.reps.len(), 16);
    assert_eq!(ytd.problems.len(), 64, "each period's reason is listed");
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
    assert_eq!(en, "at character 1 of the formula: unknown name 'revenue_colected': not a rep field, target or metric of this plan");
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
fn regional_targets_changed_mid_year_and_cards_by_region() {
    let ws = workspace("regional_targets");
    let q1 = ws.evaluate("2026-Q1").unwrap();
    let q2 = ws.evaluate("2026-Q2").unwrap();
    let q4 = ws.evaluate("2026-Q4").unwrap();
    let quota = |e: &Evaluation, id: &str| kpi(rep(e, id), "revenue").target.unwrap();

    let zhang = rep(&q4, "E01");
    assert_eq!(zhang.scorecard, "east");
    assert_eq!(quota(&q4, "E01"), d("1200000"));
    assert_eq!(zhang.attainment_target, None);
    assert_eq!([score(&q4, "E01", "revenue"), score(&q4, "E01", "retention")], ["70.00", "25.00"]);
    assert_eq!(zhang.score.to_string(), "95.00");

    let rows = [(&q1, "800000", "59.33", "26.25", "85.58"), (&q2, "750000", "69.81", "30.00", "99.81"), (&q4, "750000", "70.00", "26.25", "96.25")];
    for (e, target, revenue, new_customers, total) in rows {
        let he = rep(e, "W01");
        assert_eq!(he.scorecard, "southwest", "{}", e.period);
        assert_eq!(quota(e, "W01"), d(target), "{}", e.period);
        assert_eq!([score(e, "W01", "revenue"), score(e, "W01", "new_customers"), he.score.to_string()], [revenue, new_customers, total], "{}", e.period);
    }
    // Every later period keeps the changed target; the East keeps 120万 all year.
    let q3 = ws.evaluate("2026-Q3").unwrap();
    assert!(q3.reps.iter().filter(|r| r.scorecard == "southwest").all(|r| kpi(r, "revenue").target == Some(d("750000"))));
    for e in [&q1, &q2, &q3, &q4] {
        assert!(e.reps.iter().filter(|r| r.scorecard == "east").all(|r| kpi(r, "revenue").target == Some(d("1200000"))), "{}", e.period);
    }
    assert!(q1.reps.iter().filter(|r| r.scorecard == "southwest").all(|r| kpi(r, "revenue").target == Some(d("800000"))));

    let chen = rep(&q4, "E05");
    assert_eq!((chen.scorecard.as_str(), chen.score.to_string().as_str()), ("everyone_else", "123.98"));
}

#[test]
fn normalize_scales_weights_to_100() {
    let e = q4("normalize");
    let zhang = rep(&e, "E01");
    assert_eq!([score(&e, "E01", "revenue"), score(&e, "E01", "visits"), score(&e, "E01", "product_test")], ["70.00", "26.11", "16.00"]);
    assert_eq!(zhang.score.to_string(), "112.11");
    assert_eq!(kpi(zhang, "visits").weight, d("25"));
    // 58.333… and 16.666… cut to 58.33 and 16.66; the 0.01 left over goes to the larger remainder.
    assert_eq!(kpi(zhang, "revenue").weight, d("58.33"));
    assert_eq!(kpi(zhang, "product_test").weight, d("16.67"));

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
fn errors_inside_scoring_are_reported_at_the_field() {
    let mut plan = plan_value("ratio");
    plan["scorecards"][0]["kpis"][1]["scoring"]["cap_pct"] = json!("abc");
    let p = only_problem(&plan);
    assert_eq!((p.code, p.path.as_str(), p.value.as_deref()), ("invalid_value", "scorecards[0].kpis[1].scoring.cap_pct", Some("abc")));

    let mut plan = plan_value("ratio");
    plan["scorecards"][0]["kpis"][1]["scoring"]["cap"] = json!(120);
    assert_eq!(problems_of(&plan), [("unknown_field".to_string(), "scorecards[0].kpis[1].scoring.cap".to_string())]);

    let mut plan = plan_value("pass_fail");
    plan["scorecards"][0]["kpis"][0]["scoring"]["cap_pct"] = json!(120);
    assert_eq!(problems_of(&plan), [("unknown_field".to_string(), "scorecards[0].kpis[0].scoring.cap_pct".to_string())]);

    let mut plan = plan_value("ratio");
    plan["scorecards"][0]["kpis"][1]["scoring"]["threshold_pct"] = json!(130);
    assert_eq!(problems_of(&plan), [("threshold_above_cap".to_string(), "scorecards[0].kpis[1].scoring.threshold_pct".to_string())]);

    // Inside a bonus rule too.
    let mut plan = plan_value("threshold");
    plan["bonuses"][0]["rule"]["amout"] = json!(3000);
    assert_eq!(problems_of(&plan), [("unknown_field".to_string(), "bonuses[0].rule.amout".to_string())]);
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
    let counts: Vec<(String, usize)> = e.totals.grades.iter().map(|g| (g.grade.to_string(), g.reps)).collect();
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

#[test]
fn signals_of_the_example() {
    let ws = workspace("signals");
    let s = ws.signals("2026-Q4").unwrap();
    let alerts: Vec<(&str, &str)> = s.alerts.iter().map(|a| (a.rule.as_str(), a.rep_id.as_str())).collect();
    assert_eq!(alerts.first(), Some(&("c_twice", "N03")));
    assert_eq!(alerts.iter().filter(|a| a.0 == "c_twice").count(), 1);
    let s02 = s.alerts.iter().find(|a| a.rep_id == "S02").unwrap();
    assert_eq!(s02.message.en, "Follow-up rate dropped sharply — Wu Ting (S02): followup_rate fell from 80 in 2026-Q3 to 60 in 2026-Q4 (−20, −25%); the rule fires at a fall of 15");
    assert_eq!(s.improvements[0].met, Some(false));
    assert_eq!(s.high_potentials.iter().map(|f| f.rep_id.as_str()).collect::<Vec<_>>(), ["W04"]);
    let checks = &s.high_potentials[0].checks;
    assert_eq!(checks.iter().map(|c| c.team_value.to_string()).collect::<Vec<_>>(), ["32.26", "84.1875", "70.9063"]);
    assert_eq!(checks.iter().map(|c| (c.at_least.to_string(), c.at_most.map(|m| m.to_string()))).collect::<Vec<_>>(), [
        ("25".into(), Some("75".into())),
        ("89.1875".into(), None),
        ("90.9063".into(), None)
    ]);
    assert!(s.high_potentials[0].message.en.starts_with("High potential — Luo Jia (W04): revenue_collected 774,000 ranks at percentile 32.26 of the team's values, within 25–75;"));
    let mut without = ws.clone();
    let mut plan: Value = serde_json::from_str(&plan_text("signals")).unwrap();
    plan.as_object_mut().unwrap().remove("signals");
    assert!(without.set_plan_json(&plan.to_string()).ok);
    assert_eq!(without.evaluate("2026-Q4").unwrap(), ws.evaluate("2026-Q4").unwrap());
}

#[test]
fn level_alerts_to_date_at_mid_year() {
    let ws = workspace("signals-to-date");
    let q2 = ws.signals("2026-Q2").unwrap();
    assert_eq!(q2.alerts.len(), 1, "{:#?}", q2.alerts);
    // The page's fragment is exactly the alert the engine gives.
    let fragment: Value = blocks()
        .into_iter()
        .filter(|b| b.info == "json fragment")
        .map(|b| serde_json::from_str::<Value>(&b.body).unwrap())
        .find(|v| v["rule"] == "behind_mid_year")
        .expect("the alert fragment");
    assert_eq!(serde_json::to_value(&q2.alerts[0]).unwrap(), fragment);
    for period in ["2026-Q1", "2026-Q3"] {
        assert!(ws.signals(period).unwrap().alerts.is_empty(), "{period}");
    }
    let q4 = ws.signals("2026-Q4").unwrap();
    let got: Vec<(&str, &str, &str, &str)> = q4.alerts.iter().map(|a| (a.rule.as_str(), a.rep_id.as_str(), a.message.en.as_str(), a.message.zh.as_str())).collect();
    assert_eq!(
        got,
        [("low_quarter", "N03", "Low quarter — Feng Gang (N03): revenue attainment (%) is 48 in 2026-Q4, below 50", "单季达成率过低——冯刚（N03）：回款达成率（%）在 2026-Q4 为 48，低于 50")]
    );
}

#[test]
fn high_potentials_paid_a_point_more() {
    let ws = workspace("signals-pay");
    let q4 = ws.evaluate("2026-Q4").unwrap();
    let w04 = line_of(&q4, "W04", "collected");
    assert_eq!((w04.base, w04.pay), (d("774000"), d("30960.00")));
    assert!(w04.explain.notes.contains(&"rate_raised"), "{:?}", w04.explain);
    assert_eq!(line_of(&q4, "E03", "collected").pay, d("45000.00"));
    // A return of 100,000 takes back what the rate paid then: 4% for her, 3% for Li Na.
    let mut with_returns = ws.clone();
    let csv = "rep_id,period,original_period,line,amount,reference\nW04,2026-Q4,2026-Q4,collected,100000,R-1\nE03,2026-Q4,2026-Q4,collected,100000,R-2\n";
    assert!(with_returns.load_adjustments(csv).is_ok());
    let after = with_returns.evaluate("2026-Q4").unwrap();
    assert_eq!(rep(&after, "W04").adjustments[0].amount, d("-4000.00"));
    assert_eq!(rep(&after, "E03").adjustments[0].amount, d("-3000.00"));
    // In every period, exactly the reps the rule flags get 4%, the others 3%.
    for period in ["2026-Q3", "2026-Q4"] {
        let flagged: Vec<String> = ws.signals(period).unwrap().high_potentials.into_iter().map(|f| f.rep_id.to_string()).collect();
        assert!(!flagged.is_empty(), "{period}");
        for r in &ws.evaluate(period).unwrap().reps {
            let l = &r.commission[0];
            let rate = if flagged.iter().any(|f| *f == r.rep_id) { d("0.04") } else { d("0.03") };
            assert_eq!(l.pay, (l.base * rate).round_dp(2), "{period} {}", r.rep_id);
        }
    }
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
// Pay: modifiers, base pay, bonuses, splits, returns, draw, caps, results, comparison

#[test]
fn commission_modifiers_apply_in_their_order() {
    let e = q4("commission_modifiers");
    let rows = [
        ("E01", "48000", "55000.00", vec!["rate_raised", "capped"]),
        ("E03", "45000", "54000.00", vec![]),
        ("S01", "34320", "32947.20", vec!["condition_multiplier"]),
        ("E02", "24000", "24000.00", vec![]),
        ("N03", "10080", "0.00", vec!["below_gate"]),
    ];
    for (id, tier_pay, pay, notes) in rows {
        let line = line_of(&e, id, "collected");
        assert_eq!(line.explain.get("tier_pay"), Some(d(tier_pay)), "{id}");
        assert_eq!(line.pay.to_string(), pay, "{id}");
        assert_eq!(line.explain.notes, notes, "{id}");
    }
    assert_eq!(line_of(&e, "E01", "collected").slices[0].rate, d("0.04"));
    assert_eq!(line_of(&e, "E01", "collected").explain.get("grade_multiplier"), Some(d("1.2")));
    assert_eq!(line_of(&e, "E02", "collected").explain.get("grade_multiplier"), None);
    assert_eq!(line_of(&e, "E02", "collected").attainment_pct, Some(d("80.00")));
    let attainment = |id: &str| line_of(&e, id, "collected").attainment_pct.unwrap().to_string();
    assert_eq!([attainment("E01"), attainment("E03"), attainment("S01"), attainment("N03")], ["120.00", "150.00", "114.40", "48.00"]);
    // Collection rates: E01 95.01%, E03 95.00%, S01 89.03%, E02 95.01%.
    let collection = |id: &str| (q4_value(id, "revenue_collected") * d("100") / q4_value(id, "receivable")).round_dp(2);
    assert_eq!([collection("E01"), collection("E03"), collection("S01"), collection("E02")], [d("95.01"), d("95.00"), d("89.03"), d("95.01")]);
    assert_eq!((rep(&e, "E02").grade.as_str(), rep(&e, "N03").grade.as_str()), ("A", "C"));
    assert_eq!(line_of(&e, "S01", "collected").explain.get("multiplier"), Some(d("0.8")));
    // The first (and only) of the line's multipliers: its condition is the one that held.
    assert_eq!(line_of(&e, "S01", "collected").explain.get("condition"), Some(d("1")));
    assert_eq!(line_of(&e, "E01", "collected").explain.get("condition"), None);
    assert_eq!(d("34320") * d("0.8"), d("27456"));

    // Without the cap Zhang Wei's line would pay 57,600.
    let mut plan = plan_value("commission_modifiers");
    plan["commission"][0].as_object_mut().unwrap().remove("cap");
    let e = workspace_with(&plan.to_string()).evaluate("2026-Q4").unwrap();
    assert_eq!((line_pay(&e, "E01", "collected").as_str(), rep(&e, "E01").grade.as_str()), ("57600.00", "S"));

    // Without the flag: 36,000 of tiers, × 1.2 = 43,200.
    let mut plan = plan_value("commission_modifiers");
    plan["commission"][0].as_object_mut().unwrap().remove("rate_override");
    let e = workspace_with(&plan.to_string()).evaluate("2026-Q4").unwrap();
    assert_eq!(line_of(&e, "E01", "collected").explain.get("tier_pay"), Some(d("36000")));
    assert_eq!(line_pay(&e, "E01", "collected"), "43200.00");

    // A gate above 100% must be meant.
    let mut plan = plan_value("commission_modifiers");
    plan["commission"][0]["gate_pct"] = json!(110);
    let p = only_problem(&plan);
    assert_eq!((p.code, p.path.as_str(), p.value.as_deref()), ("gate_above_100", "commission[0].gate_pct", Some("110")));
    assert_eq!(p.message.en, "a gate of 110% pays nothing until the target is beaten by 10%; if that is meant, set \"allow_gate_above_100\": true");
    plan["commission"][0]["allow_gate_above_100"] = json!(true);
    let e = workspace_with(&plan.to_string()).evaluate("2026-Q4").unwrap();
    assert_eq!(line_pay(&e, "E02", "collected"), "0.00");
    assert_eq!(line_pay(&e, "E03", "collected"), "54000.00");
}

#[test]
fn pay_error_codes_of_the_table() {
    let table = DOC.split("\n## Errors and warnings").nth(1).unwrap();
    type Edit = fn(&mut Value);
    let cases: [(&str, Edit, &str); 12] = [
        ("commission_modifiers", |p| p["commission"][0]["rate_override"]["add_pct"] = json!(98), "rate_above_100"),
        ("commission_modifiers", |p| {
            p["commission"][0]["tier_basis"] = json!("amount");
            p["commission"][0].as_object_mut().unwrap().remove("target");
        }, "gate_needs_target"),
        ("base_pay", |p| p["base_pay"]["salaries"].as_array_mut().unwrap().push(json!({ "city_tier": 1, "monthly": 9000 })), "duplicate_salary"),
        ("base_pay", |p| p["base_pay"]["minimum_by_city_tier"]["tier1"] = json!(2000), "not_a_city_tier"),
        ("base_pay", |p| p["base_pay"]["city_tier_field"] = json!("tier"), "unknown_column"),
        ("base_pay", |p| p["base_pay"]["share_range_pct"] = json!([60, 40]), "range_reversed"),
        ("over_achievement", |p| p["bonuses"][0]["rule"]["excess_over_pct"] = json!(130), "excess_over_above_level"),
        ("team_pool", |p| {
            p.as_object_mut().unwrap().remove("attainment");
        }, "needs_attainment"),
        ("team_pool", |p| p["bonuses"][0]["grade_multipliers"] = json!({ "S": 1.5 }), "multipliers_on_pool"),
        ("profit_share", |p| p["bonuses"][0]["grades"] = json!([]), "empty_list"),
        ("variable_pay_cap", |p| p["variable_pay_cap"] = json!("50000.005"), "finer_than_money"),
        ("ratio", |p| p["scorecards"][0]["kpis"][1]["scoring"]["threshold_pct"] = json!(130), "threshold_above_cap"),
    ];
    for (name, edit, code) in cases {
        let mut plan = plan_value(name);
        edit(&mut plan);
        let codes: Vec<String> = problems_of(&plan).into_iter().map(|(c, _)| c).collect();
        assert!(!codes.is_empty() && codes.iter().all(|c| c == code), "{name}: expected {code}, got {codes:?}");
        assert!(table.contains(&format!("`{code}`")), "{code} is not in the table of codes");
    }
    for code in ["gate_above_100", "reps_without_card", "no_salary", "bad_city_tier", "below_minimum_wage", "base_share_out_of_range", "variable_pay_capped", "adjustment_not_applied", "adjustment_columns", "bad_adjustment", "no_baseline"] {
        assert!(table.contains(&format!("`{code}`")), "{code} is not in the table of codes");
    }
}

#[test]
fn new_and_existing_customers_at_different_rates() {
    let e = q4("new_and_existing");
    let rows = [("E01", "38400.00", "4800.00", "43200.00"), ("E05", "7920.00", "22820.00", "30740.00")];
    for (id, new, existing, total) in rows {
        assert_eq!([line_pay(&e, id, "new_customers"), line_pay(&e, id, "existing_customers"), rep(&e, id).total_pay.to_string()], [new, existing, total], "{id}");
    }
    assert_eq!((line_of(&e, "E01", "new_customers").base, line_of(&e, "E01", "existing_customers").base), (d("960000"), d("240000")));
    assert_eq!((line_of(&e, "E05", "new_customers").base, line_of(&e, "E05", "existing_customers").base), (d("198000"), d("1141000")));
}

#[test]
fn base_pay_by_role_and_city_tier_with_allowances_and_warnings() {
    let e = q4("base_pay");
    let items = |id: &str| -> Vec<(String, String)> { rep(&e, id).base_pay.iter().map(|i| (i.id.to_string(), i.amount.to_string())).collect() };
    let own = |pairs: &[(&str, &str)]| -> Vec<(String, String)> { pairs.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect() };
    assert_eq!(items("E01"), own(&[("salary", "24000.00"), ("transport", "2400.00")]));
    assert_eq!(items("E08"), own(&[("salary", "30000.00"), ("transport", "2400.00"), ("phone", "900.00")]));
    assert_eq!(items("W01"), own(&[("salary", "18000.00"), ("transport", "2400.00")]));
    assert_eq!(items("N03"), own(&[("salary", "5400.00"), ("transport", "2400.00")]));
    let rows = [
        ("E01", "1", "8000", "26400.00", "36000.00", "62400.00"),
        ("E08", "1", "10000", "33300.00", "14460.00", "47760.00"),
        ("W01", "2", "6000", "20400.00", "22500.00", "42900.00"),
        ("N03", "3", "1800", "7800.00", "10080.00", "17880.00"),
    ];
    for (id, tier, monthly, base, commission, total) in rows {
        let r = rep(&e, id);
        let salary = &r.base_pay[0];
        assert_eq!((salary.kind, salary.explain.get("city_tier"), salary.explain.get("monthly_salary"), salary.explain.get("months")), ("salary", Some(d(tier)), Some(d(monthly)), Some(d("3"))), "{id}");
        assert_eq!([r.base_total.to_string(), line_pay(&e, id, "collected"), r.total_pay.to_string()], [base, commission, total], "{id}");
    }
    assert!(warning_codes(&e, "E01").is_empty());
    assert!(warning_codes(&e, "W01").is_empty());
    assert_eq!(warning_codes(&e, "E08"), ["base_share_out_of_range"]);
    assert_eq!(rep(&e, "E08").warnings[0].value.as_deref(), Some("69.72"));
    assert_eq!(warning_codes(&e, "N03"), ["below_minimum_wage"]);
    assert_eq!(rep(&e, "N03").warnings[0].value.as_deref(), Some("1800"));
    assert_eq!(rep(&e, "N03").base_pay[0].explain.get("minimum_wage"), Some(d("1900")));
    // Months per period: 1 for months, 12 for years.
    for (kind, period, salary) in [("month", "2026-03", "8000.00"), ("year", "2026", "96000.00")] {
        let csv = format!("rep_id,name,region,role,period,city_tier,revenue_target,revenue_collected\nr1,Rep,East,new_business,{period},1,1000000,1000000\nr2,Manager,East,regional_manager,{period},1,500000,500000\n");
        let mut plan = plan_value("base_pay");
        plan["period"] = json!(kind);
        let mut ws = Workspace::new(dataset(&csv));
        let report = ws.set_plan_json(&plan.to_string());
        assert!(report.ok, "{:#?}", report.problems);
        assert_eq!(ws.evaluate(period).unwrap().reps[0].base_pay[0].amount.to_string(), salary, "{kind}");
    }
    // The sample's city tiers: the East and the South 1, the Southwest 2, the Northwest 3.
    for r in &e.reps {
        let tier = match r.region.as_str() { "East" | "South" => "1", "Southwest" => "2", _ => "3" };
        assert_eq!(q4_value(&r.rep_id, "city_tier"), d(tier), "{}", r.rep_id);
    }
    // The shares that are within 30–50%: E01 42.31%, W01 47.55%, N03 43.62%.
    for (id, share) in [("E01", "42.31"), ("W01", "47.55"), ("N03", "43.62")] {
        let r = rep(&e, id);
        assert_eq!((r.base_total * d("100") / r.total_pay).round_dp(2), d(share), "{id}");
    }
}

#[test]
fn over_achievement_counted_from_120_or_from_100() {
    let e = q4("over_achievement");
    let rows = [("E03", "3000.00", "5000.00"), ("E07", "2250.00", "4410.00"), ("E01", "0.00", "0.00")];
    for (id, from_120, from_100) in rows {
        assert_eq!([bonus(&e, id, "over_from_120"), bonus(&e, id, "over_from_100")], [from_120, from_100], "{id}");
    }
    assert_eq!(bonus_of(&e, "E01", "over_from_120").explain.notes, ["not_above_level"]);
    assert_eq!(bonus_of(&e, "E07", "over_from_120").explain.get("excess"), Some(d("225000")));
    assert_eq!(bonus_of(&e, "E07", "over_from_100").explain.get("excess"), Some(d("441000")));
    assert_eq!(rep(&e, "E07").attainment_pct, None);
    assert_eq!(bonus_of(&e, "E07", "over_from_100").explain.get("attainment_pct").unwrap().round_dp(2), d("140.83"));
    assert_eq!(bonus_of(&e, "E03", "over_from_100").kind, "over_achievement");
}

#[test]
fn threshold_nps_90_pays_3000() {
    let e = q4("threshold");
    let paid: Vec<&str> = e.reps.iter().filter(|r| r.bonuses[0].amount > Decimal::ZERO).map(|r| r.rep_id.as_str()).collect();
    assert_eq!(paid, ["E08", "W03", "W04", "N04"]);
    for id in &paid {
        assert_eq!(bonus(&e, id, "nps_bonus"), "3000.00");
        assert_eq!(bonus_of(&e, id, "nps_bonus").explain.notes, ["condition_met"]);
    }
    assert_eq!(bonus(&e, "E01", "nps_bonus"), "0.00");
    assert_eq!(bonus_of(&e, "E01", "nps_bonus").explain.notes, ["condition_not_met"]);
    let nps: Vec<Decimal> = ["E08", "W03", "W04", "N04", "E01"].iter().map(|id| q4_value(id, "nps")).collect();
    assert_eq!(nps, [d("90"), d("92"), d("92"), d("92"), d("89")]);
    assert_eq!(e.totals.bonuses.to_string(), "12000.00");
}

#[test]
fn rank_top_3_with_both_tie_rules() {
    let ws = workspace("rank");
    let winners = |e: &Evaluation, id: &str| -> Vec<(String, String)> {
        e.reps.iter().filter(|r| bonus_of(e, &r.rep_id, id).amount > Decimal::ZERO).map(|r| (r.rep_id.to_string(), bonus(e, &r.rep_id, id))).collect()
    };
    let own = |pairs: &[(&str, &str)]| -> Vec<(String, String)> { pairs.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect() };
    let total = |e: &Evaluation, id: &str| e.reps.iter().map(|r| bonus_of(e, &r.rep_id, id).amount).sum::<Decimal>();

    let q4 = ws.evaluate("2026-Q4").unwrap();
    let expected = own(&[("E01", "5000.00"), ("E04", "5000.00"), ("W03", "5000.00")]);
    assert_eq!(winners(&q4, "top3_all"), expected);
    assert_eq!(winners(&q4, "top3_share"), expected);
    let measure = |id: &str| bonus_of(&q4, id, "top3_all").explain.get("measure").unwrap();
    assert_eq!([measure("E04"), measure("E01"), measure("W03")], [d("10"), d("9"), d("9")]);
    assert_eq!(bonus_of(&q4, "E04", "top3_all").explain.get("rank"), Some(d("1")));
    assert_eq!(bonus_of(&q4, "E01", "top3_all").explain.get("rank"), Some(d("2")));
    // Tied 2nd with E01, inside the top 3: both take their places, nobody beyond them is paid.
    assert_eq!(bonus_of(&q4, "W03", "top3_share").explain.notes, ["tied"]);
    assert_eq!(bonus_of(&q4, "W03", "top3_all").explain.notes, ["tied"]);
    assert_eq!((total(&q4, "top3_all"), total(&q4, "top3_share")), (d("15000"), d("15000")));

    let q3 = ws.evaluate("2026-Q3").unwrap();
    let measure = |id: &str| bonus_of(&q3, id, "top3_all").explain.get("measure").unwrap();
    assert_eq!([measure("N02"), measure("W03"), measure("W02"), measure("N01")], [d("13"), d("11"), d("10"), d("10")]);
    assert_eq!(winners(&q3, "top3_all"), own(&[("W02", "5000.00"), ("W03", "5000.00"), ("N01", "5000.00"), ("N02", "5000.00")]));
    assert_eq!(winners(&q3, "top3_share"), own(&[("W02", "2500.00"), ("W03", "5000.00"), ("N01", "2500.00"), ("N02", "5000.00")]));
    assert_eq!(bonus_of(&q3, "N01", "top3_share").explain.notes, ["tie_shared"]);
    // Tied 3rd with W02 over the last place: both paid, four reps in all.
    assert_eq!(bonus_of(&q3, "N01", "top3_all").explain.notes, ["tie_included"]);
    assert_eq!((total(&q3, "top3_all"), total(&q3, "top3_share")), (d("20000"), d("15000")));

    // Lower is better: rank the negative, with a minimum below every value.
    let mut plan = plan_value("rank");
    plan["bonuses"].as_array_mut().unwrap().truncate(1);
    plan["bonuses"][0]["rule"]["measure"] = json!("-response_hours");
    let e = workspace_with(&plan.to_string()).evaluate("2026-Q4").unwrap();
    assert!(e.reps.iter().all(|r| r.bonuses[0].amount.is_zero()), "with the default minimum 0 nobody is ranked");
    plan["bonuses"][0]["rule"]["minimum"] = json!(-1000);
    let e = workspace_with(&plan.to_string()).evaluate("2026-Q4").unwrap();
    let hours: Vec<Decimal> = e.reps.iter().map(|r| q4_value(&r.rep_id, "response_hours")).collect();
    for (r, h) in e.reps.iter().zip(&hours) {
        let faster = hours.iter().filter(|x| *x < h).count();
        assert_eq!(r.bonuses[0].amount > Decimal::ZERO, faster < 3, "{}", r.rep_id);
    }
    assert!(e.reps.iter().any(|r| r.bonuses[0].amount > Decimal::ZERO));
}

#[test]
fn team_pool_for_the_best_region() {
    let e = q4("team_pool");
    let by_contribution = [
        ("E01", "13123.36"), ("E02", "8748.91"), ("E03", "16404.20"), ("E04", "14599.74"),
        ("E05", "14643.48"), ("E06", "10575.24"), ("E07", "16633.86"), ("E08", "5271.21"),
    ];
    for (id, share) in by_contribution {
        assert_eq!([bonus(&e, id, "region_pool"), bonus(&e, id, "region_pool_equal")], [share, "12500.00"], "{id}");
    }
    let collected: Vec<Decimal> = by_contribution.iter().map(|(id, _)| bonus_of(&e, id, "region_pool").explain.get("weight").unwrap()).collect();
    let shown = ["1200000", "800000", "1500000", "1335000", "1339000", "967000", "1521000", "482000"];
    assert_eq!(collected, shown.map(d));
    // Zhou Min's exact share is 5,271.216…: cut to 5,271.21, which rounding would not give.
    let e08 = &bonus_of(&e, "E08", "region_pool").explain;
    assert_eq!((e08.get("exact_share").map(|x| x.round_dp(3)), e08.notes.as_slice()), (Some(d("5271.216")), ["largest_remainder"].as_slice()));
    // E06's 10,575.24 is its exact share (10,575.240…) rounded half up: no note.
    assert!(bonus_of(&e, "E06", "region_pool").explain.notes.is_empty());
    for r in e.reps.iter().filter(|r| r.region != "East") {
        assert_eq!((r.bonuses[0].amount, r.bonuses[1].amount), (Decimal::ZERO, Decimal::ZERO), "{}", r.rep_id);
    }
    let sum = |id: &str| e.reps.iter().map(|r| bonus_of(&e, &r.rep_id, id).amount).sum::<Decimal>();
    assert_eq!((sum("region_pool").to_string(), sum("region_pool_equal").to_string()), ("100000.00".into(), "100000.00".into()));
    assert_eq!(e.totals.bonuses.to_string(), "200000.00");
    let region = |name: &str| e.totals.by_region.iter().find(|g| g.group == name).unwrap();
    assert_eq!(region("East").revenue, Some(d("9144000")));
    let group_pct = |id: &str| bonus_of(&e, id, "region_pool").explain.get("group_attainment_pct").unwrap().round_dp(2);
    assert_eq!([group_pct("E01"), group_pct("W01"), group_pct("N01"), group_pct("S01")], [d("115.16"), d("107.66"), d("104.66"), d("103.72")]);
    let rank = |id: &str| bonus_of(&e, id, "region_pool").explain.get("group_rank").unwrap();
    assert_eq!([rank("E01"), rank("W01"), rank("N01"), rank("S01")], [d("1"), d("2"), d("3"), d("4")]);
    let explain = &bonus_of(&e, "E01", "region_pool").explain;
    assert_eq!((explain.get("group_pool"), explain.get("weights_total")), (Some(d("100000")), Some(d("9144000"))));
    let targets: Decimal = e.reps.iter().filter(|r| r.region == "East").map(|r| r.attainment_target.unwrap()).sum();
    assert_eq!(targets, d("7940000"));
}

#[test]
fn team_pool_shared_by_tied_regions() {
    // One rep per region; the plan is the team pool example with its first pool only.
    let run = |collected: [(&str, &str); 4], winners: u32| -> Vec<(String, String)> {
        let mut csv = String::from("rep_id,name,region,role,period,revenue_target,revenue_collected\n");
        for (region, c) in collected {
            csv.push_str(&format!("{region},{region},{region},nb,2026-Q4,1000000,{c}\n"));
        }
        let mut plan = plan_value("team_pool");
        plan["bonuses"].as_array_mut().unwrap().truncate(1);
        plan["bonuses"][0]["rule"]["winners"] = json!(winners);
        let mut ws = Workspace::new(dataset(&csv));
        let report = ws.set_plan_json(&plan.to_string());
        assert!(report.ok && report.problems.is_empty(), "{:#?}", report.problems);
        let e = ws.evaluate("2026-Q4").unwrap();
        e.reps.iter().map(|r| (r.rep_id.to_string(), r.bonuses[0].amount.to_string())).collect()
    };
    let own = |pairs: &[(&str, &str)]| -> Vec<(String, String)> { pairs.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect() };
    let two_first = [("East", "1100000"), ("North", "800000"), ("South", "1100000"), ("West", "900000")];
    assert_eq!(run(two_first, 1), own(&[("East", "50000.00"), ("North", "0.00"), ("South", "50000.00"), ("West", "0.00")]));
    assert_eq!(run(two_first, 2), own(&[("East", "100000.00"), ("North", "0.00"), ("South", "100000.00"), ("West", "0.00")]));
    let three_second = [("East", "1200000"), ("North", "1000000"), ("South", "1000000"), ("West", "1000000")];
    assert_eq!(run(three_second, 2), own(&[("East", "100000.00"), ("North", "33333.34"), ("South", "33333.33"), ("West", "33333.33")]));
}

#[test]
fn profit_share_for_the_s_grade_core() {
    let e = q4("profit_share");
    assert_eq!(e.totals.grades[0].reps, 24);
    let s_revenue: Decimal = e.reps.iter().filter(|r| r.grade == "S").map(|r| bonus_of(&e, &r.rep_id, "profit_share").explain.get("weight").unwrap()).sum();
    assert_eq!(s_revenue, d("22940000"));
    assert_eq!(bonus_of(&e, "E01", "profit_share").explain.get("pool"), Some(d("100000")));
    assert_eq!([bonus(&e, "E01", "profit_share"), bonus(&e, "E03", "profit_share")], ["5231.04", "6538.80"]);
    for id in ["E02", "N03"] {
        assert_eq!(bonus(&e, id, "profit_share"), "0.00");
        assert_eq!(bonus_of(&e, id, "profit_share").explain.notes, ["grade_not_eligible"]);
    }
    assert_eq!((rep(&e, "E02").grade.as_str(), rep(&e, "N03").grade.as_str()), ("A", "C"));
    assert_eq!(e.totals.bonuses.to_string(), "100000.00");
    // A pool of part of a cent, 864,197.523 × 5% = 43,209.87615, is rounded as money first
    // (half up: 43,209.88), and its shares add up to that.
    let mut plan = plan_value("profit_share");
    plan["bonuses"][0]["rule"]["profit"] = json!("864197.523");
    let e = workspace_with(&plan.to_string()).evaluate("2026-Q4").unwrap();
    assert_eq!(bonus_of(&e, "E01", "profit_share").explain.get("pool"), Some(d("43209.88")));
    assert_eq!(e.totals.bonuses, d("43209.88"));
}

#[test]
fn pools_are_split_exactly_to_the_cent() {
    // The East pool: cut to the cent the shares add to 99,999.95; the five cents go to the
    // largest remainders, and half-up rounding would have paid a cent too much.
    let e = q4("team_pool");
    let east: Vec<&RepResult> = e.reps.iter().filter(|r| r.region == "East").collect();
    let exact = |r: &RepResult| d("100000") * r.attainment_actual.unwrap() / d("9144000");
    let cut: Decimal = east.iter().map(|r| exact(r).trunc_with_scale(2)).sum();
    assert_eq!(cut, d("99999.95"));
    let half_up: Decimal = east.iter().map(|r| exact(r).round_dp(2)).sum();
    assert_eq!(half_up, d("100000.01"));
    let mut by_remainder: Vec<(&str, Decimal)> = east.iter().map(|r| (r.rep_id.as_str(), exact(r) - exact(r).trunc_with_scale(2))).collect();
    by_remainder.sort_by_key(|r| std::cmp::Reverse(r.1));
    let order: Vec<&str> = by_remainder.iter().map(|(id, _)| *id).collect();
    assert_eq!(order[..6], ["E01", "E03", "E07", "E04", "E02", "E08"]);
    for r in &east {
        let got = bonus_of(&e, &r.rep_id, "region_pool").amount;
        let bumped = order[..5].contains(&r.rep_id.as_str());
        assert_eq!(got - exact(r).trunc_with_scale(2), if bumped { d("0.01") } else { Decimal::ZERO }, "{}", r.rep_id);
    }
    assert_eq!(exact(rep(&e, "E08")).round_dp(2), d("5271.22"));

    // The example: 100,000 among the 12 account managers, the best role.
    let e = q4("exact_split");
    let group_pct = |id: &str| bonus_of(&e, id, "best_role").explain.get("group_attainment_pct").unwrap().round_dp(2);
    assert_eq!([group_pct("E05"), group_pct("E01"), group_pct("E08")], [d("112.57"), d("106.27"), d("100.85")]);
    let managers: Vec<(String, String)> = e.reps.iter().filter(|r| r.role == "account_manager").map(|r| (r.rep_id.to_string(), bonus(&e, &r.rep_id, "best_role"))).collect();
    assert_eq!(managers.len(), 12);
    for (i, (id, share)) in managers.iter().enumerate() {
        assert_eq!(share, if i < 4 { "8333.34" } else { "8333.33" }, "{id}");
    }
    assert_eq!(managers[..4].iter().map(|(id, _)| id.as_str()).collect::<Vec<_>>(), ["E05", "E06", "E07", "S05"]);
    assert!(e.reps.iter().filter(|r| r.role != "account_manager").all(|r| r.bonuses[0].amount.is_zero()));
    let revenue: Decimal = e.reps.iter().filter(|r| r.role == "account_manager").map(|r| r.attainment_actual.unwrap()).sum();
    let target: Decimal = e.reps.iter().filter(|r| r.role == "account_manager").map(|r| r.attainment_target.unwrap()).sum();
    assert_eq!((revenue, target), (d("11246000"), d("9990000")));
    assert_eq!(e.totals.bonuses.to_string(), "100000.00");
}

#[test]
fn returns_are_clawed_back_at_the_grade_of_the_time() {
    // The CSV shown is the sample file.
    let shown = blocks().into_iter().find(|b| b.info.is_empty() && b.body.starts_with("rep_id,period,original_period")).unwrap();
    assert_eq!(shown.body.trim(), include_str!("../data/sample_adjustments.csv").trim());

    let ws = workspace("returns");
    let q2 = ws.evaluate("2026-Q2").unwrap();
    let liu = rep(&q2, "E04");
    assert_eq!((liu.score.to_string().as_str(), liu.grade.as_str(), line_pay(&q2, "E04", "revenue_commission").as_str()), ("142.50", "S", "70920.00"));
    assert!(liu.adjustments.is_empty());

    let q3 = ws.evaluate("2026-Q3").unwrap();
    let liu = rep(&q3, "E04");
    let adj = &liu.adjustments[0];
    assert_eq!((adj.line.as_str(), adj.reference.as_str(), adj.original_period.as_str(), adj.returned), ("revenue_commission", "SO-2026-0417 contract cancelled", "2026-Q2", d("100000")));
    assert_eq!(adj.amount.to_string(), "-6000.00");
    assert_eq!((adj.explain.get("returned"), adj.explain.get("base")), (Some(d("100000")), Some(d("1610000"))));
    assert_eq!((adj.explain.get("paid_then"), adj.explain.get("due_without_return")), (Some(d("70920")), Some(d("64920"))));
    // Recomputed at the grade he had in 2026-Q2, named as the grade.
    assert_eq!(adj.grade_then.as_str(), "S");
    assert_eq!((line_pay(&q3, "E04", "revenue_commission").as_str(), liu.total_pay.to_string().as_str()), ("64980.00", "58980.00"));
    let xu = rep(&q3, "S03");
    assert_eq!((xu.score.to_string().as_str(), xu.grade.as_str(), line_pay(&q3, "S03", "revenue_commission").as_str()), ("92.20", "A", "27660.00"));

    let q4 = ws.evaluate("2026-Q4").unwrap();
    assert!(q4.warnings.is_empty());
    let xu = rep(&q4, "S03");
    assert_eq!((xu.score.to_string().as_str(), xu.grade.as_str()), ("108.90", "S"));
    assert_eq!(xu.adjustments.len(), 1);
    assert_eq!((xu.adjustments[0].amount.to_string().as_str(), xu.adjustments[0].original_period.as_str()), ("-1500.00", "2026-Q3"));
    assert_eq!(xu.adjustments[0].explain.get("due_without_return"), Some(d("26160")));
    assert_eq!(xu.adjustments[0].grade_then.as_str(), "A");
    assert_eq!((line_pay(&q4, "S03", "revenue_commission").as_str(), xu.total_pay.to_string().as_str()), ("40272.00", "38772.00"));
    // At the 2026-Q4 grade (S, × 1.2) it would have been −1,800.
    assert_eq!((d("26160") - d("27660")) * d("1.2"), d("-1800"));
    assert!(q4.reps.iter().filter(|r| r.rep_id != "S03").all(|r| r.adjustments.is_empty()));

    // The whole line is recomputed: below a gate everything is clawed back, above a cap nothing.
    let clawback = |field: &str, value: Value| {
        let mut plan = plan_value("returns");
        plan["commission"][0][field] = value;
        let e = workspace_with(&plan.to_string()).evaluate("2026-Q4").unwrap();
        rep(&e, "S03").adjustments[0].amount.to_string()
    };
    assert_eq!(clawback("gate_pct", json!(90)), "-27660.00"); // 872,000 is 87.2%, below the gate
    assert_eq!(clawback("cap", json!(20000)), "0.00"); // 27,660 and 26,160 are both capped at 20,000

    // Loading returns replaces them: bad rows are reported, a wrong header loads nothing,
    // a header alone removes them all.
    let mut ws = workspace("returns");
    let bad = "rep_id,period,original_period,line,amount,reference\nX99,2026-Q4,2026-Q3,revenue_commission,1,SO-1\nS03,2026-Q2,2026-Q3,revenue_commission,1,SO-2\nS03,2026-Q4,2026-Q3,revenue_commission,0,SO-3\nS03,2026-Q4,2026-Q3,,1,SO-4\n";
    let left_out: Vec<(&str, String)> = ws.load_adjustments(bad).unwrap().into_iter().map(|p| (p.code, p.path)).collect();
    assert_eq!(
        left_out,
        [
            ("bad_adjustment", "adjustments line 2.rep_id".to_string()),
            ("bad_adjustment", "adjustments line 3.original_period".to_string()),
            ("bad_adjustment", "adjustments line 4.amount".to_string()),
            ("bad_adjustment", "adjustments line 5.line".to_string()),
        ]
    );
    let header_problems = ws.load_adjustments("rep_id,period,line,amount\n").unwrap_err();
    assert_eq!(header_problems[0].code, "adjustment_columns");
    assert!(ws.evaluate("2026-Q4").unwrap().reps.iter().all(|r| r.adjustments.is_empty()));
    assert!(ws.load_adjustments(include_str!("../data/sample_adjustments.csv")).unwrap().is_empty());
    assert_eq!(rep(&ws.evaluate("2026-Q4").unwrap(), "S03").adjustments.len(), 1);
    assert!(ws.load_adjustments("rep_id,period,original_period,line,amount,reference\n").unwrap().is_empty());
    assert!(rep(&ws.evaluate("2026-Q4").unwrap(), "S03").adjustments.is_empty());
}

#[test]
fn a_recoverable_draw_is_paid_then_recovered() {
    let ws = workspace("draw");
    let rows = [
        ("2026-Q1", "23730", "3270", "0", "3270", "27000"),
        ("2026-Q2", "26760", "240", "0", "3510", "27000"),
        ("2026-Q3", "25530", "1470", "0", "4980", "27000"),
        ("2026-Q4", "36000", "0", "4980", "0", "31020"),
    ];
    for (period, earned, top_up, recovered, owed_after, paid) in rows {
        let e = ws.evaluate(period).unwrap();
        let zhang = rep(&e, "E01");
        let s = zhang.draw.unwrap();
        assert_eq!((s.earned, s.top_up, s.recovered, s.owed_after, s.paid), (d(earned), d(top_up), d(recovered), d(owed_after), d(paid)), "{period}");
        assert_eq!(zhang.variable_pay, d(paid), "{period}");
        assert_eq!(zhang.total_pay.to_string(), format!("{paid}.00"), "{period}");
    }
    let q4 = ws.evaluate("2026-Q4").unwrap();
    assert_eq!(rep(&q4, "E01").draw.unwrap().owed_before, d("4980"));
    let ytd = ws.evaluate_ytd("2026-Q4").unwrap();
    let zhang = rep(&ytd, "E01");
    assert_eq!(zhang.total_pay.to_string().as_str(), "112020.00");
    // The year's draw: 4,980 topped up over three quarters and recovered in the fourth.
    let year = zhang.draw.unwrap();
    assert_eq!((year.earned, year.top_up, year.recovered, year.owed_before, year.owed_after, year.paid), (d("112020"), d("4980"), d("4980"), d("0"), d("0"), d("112020")));
    assert_eq!(line_pay(&ytd, "E01", "collected"), "112020.00");

    // The account carries over into the next year.
    let csv = "rep_id,name,region,role,period,revenue_target,revenue_collected\nr1,Rep,East,nb,2025-Q4,1000000,800000\nr1,Rep,East,nb,2026-Q1,1000000,1000000\n";
    let mut years = Workspace::new(dataset(csv));
    assert!(years.set_plan_json(&plan_text("draw")).ok);
    let step = years.evaluate("2026-Q1").unwrap().reps[0].draw.unwrap();
    // 2025-Q4 earned 24,000: 3,000 owed; 2026-Q1 earns 30,000, 3,000 above the draw.
    assert_eq!((step.owed_before, step.recovered, step.paid), (d("3000"), d("3000"), d("27000")));

    let mut plan = plan_value("draw");
    plan["draw"]["recoverable"] = json!(false);
    let ws = workspace_with(&plan.to_string());
    assert_eq!(rep(&ws.evaluate("2026-Q4").unwrap(), "E01").total_pay.to_string(), "36000.00");
    assert_eq!(rep(&ws.evaluate_ytd("2026-Q4").unwrap(), "E01").total_pay.to_string(), "117000.00");
}

#[test]
fn the_variable_pay_cap() {
    let e = q4("variable_pay_cap");
    let rows = [("E03", "53000.00", "5000.00", "58000.00"), ("E07", "52290.00", "4410.00", "56700.00")];
    for (id, commission, over, earned) in rows {
        assert_eq!([line_pay(&e, id, "saas"), bonus(&e, id, "over")], [commission, over], "{id}");
        let r = rep(&e, id);
        assert_eq!((r.variable_pay, r.total_pay.to_string().as_str()), (d("50000"), "50000.00"), "{id}");
        assert_eq!(warning_codes(&e, id), ["variable_pay_capped"], "{id}");
        assert_eq!(r.warnings[0].value.as_deref(), Some(earned), "{id}");
    }
    assert_eq!(rep(&e, "E01").total_pay.to_string(), "38000.00");
    assert!(warning_codes(&e, "E01").is_empty());
}

#[test]
fn pay_results_and_totals() {
    let e = q4("pay_results");
    assert!(e.reps.iter().all(|r| r.base_total == d("17400")));
    let zhang = rep(&e, "E01");
    assert_eq!(
        [line_pay(&e, "E01", "revenue_commission"), bonus(&e, "E01", "nps_bonus"), zhang.total_pay.to_string()],
        ["38000.00", "0.00", "55400.00"]
    );
    let xu = rep(&e, "S03");
    assert_eq!(line_pay(&e, "S03", "revenue_commission"), "33560.00");
    assert_eq!(xu.adjustments[0].amount.to_string(), "-1500.00");
    assert_eq!((xu.variable_pay.to_string().as_str(), xu.total_pay.to_string().as_str()), ("32060.00", "49460.00"));
    assert_eq!(rep(&workspace("pay_results").evaluate("2026-Q3").unwrap(), "S03").grade, "S");

    let t = &e.totals;
    let got = [&t.base_pay, &t.commission, &t.bonuses, &t.adjustments, &t.variable_pay, &t.total_pay].map(|v| v.to_string());
    assert_eq!(got, ["556800.00", "893410.00", "12000.00", "-1500.00", "903910.00", "1460710.00"]);
    assert_eq!((t.revenue, t.pay_pct_of_revenue.unwrap().to_string().as_str(), t.average_pay.to_string().as_str()), (Some(d("28353000")), "5.15", "45647.19"));
    assert_eq!(t.reps_with_warnings, 3);
    let warned: Vec<&str> = e.reps.iter().filter(|r| !r.warnings.is_empty()).map(|r| r.rep_id.as_str()).collect();
    assert_eq!(warned, ["S08", "N03", "N08"]);
    assert!(e.reps.iter().filter(|r| !r.warnings.is_empty()).all(|r| r.warnings.iter().all(|w| w.code == "base_share_out_of_range")));
    let east = t.by_region.iter().find(|g| g.group == "East").unwrap();
    assert_eq!((east.total_pay.to_string().as_str(), east.revenue, east.pay_pct_of_revenue.unwrap().to_string().as_str()), ("437550.00", Some(d("9144000")), "4.79"));
    let parts = [&east.base_pay, &east.commission, &east.bonuses, &east.adjustments, &east.variable_pay].map(|v| v.to_string());
    assert_eq!((east.reps, parts), (8, ["139200.00", "295350.00", "3000.00", "0.00", "298350.00"].map(String::from)));
    let managers = t.by_role.iter().find(|g| g.group == "regional_manager").unwrap();
    assert_eq!((managers.reps, managers.total_pay.to_string().as_str(), managers.revenue, managers.pay_pct_of_revenue.unwrap().to_string().as_str()), (4, "134950.00", Some(d("2017000")), "6.69"));
    let groups: Vec<&str> = t.by_region.iter().map(|g| g.group.as_str()).collect();
    assert_eq!(groups, ["East", "Northwest", "South", "Southwest"]);
}

#[test]
fn comparing_the_variant_with_the_period_example() {
    let mut ws = Workspace::with_sample_reps();
    assert!(ws.set_plan_json(&plan_text("period")).ok);
    assert_eq!(ws.compare("2026-Q4", false).unwrap_err().code, "no_baseline");
    assert!(ws.pin_baseline());
    let report = ws.set_plan_json(&plan_text("comparison"));
    assert!(report.ok && report.problems.is_empty());
    let c = ws.compare("2026-Q4", false).unwrap();
    let zhang = c.reps.iter().find(|r| r.rep_id == "E01").unwrap();
    assert_eq!(
        [zhang.pay_before, zhang.pay_after, zhang.pay_delta].map(|v| v.to_string()),
        ["38000.00", "42000.00", "4000.00"]
    );
    assert_eq!(zhang.pay_delta_pct.unwrap().to_string(), "10.53");
    assert_eq!((c.reps[0].rep_id.as_str(), c.reps[0].pay_delta.to_string().as_str()), ("E05", "4320.00"));
    assert_eq!((c.gainers, c.unchanged, c.losers, c.grade_changes), (19, 13, 0, 0));
    let gainers_above_target = c.reps.iter().filter(|r| r.pay_delta > Decimal::ZERO).count();
    let evaluation = ws.evaluate("2026-Q4").unwrap();
    assert_eq!(gainers_above_target, evaluation.reps.iter().filter(|r| r.attainment_pct.unwrap() > d("100")).count());
    assert_eq!([c.cost_before, c.cost_after, c.cost_delta].map(|v| v.to_string()), ["893410.00", "946810.00", "53400.00"]);
    assert_eq!(c.cost_delta_pct.unwrap().to_string(), "5.98");
    let east = c.by_region.iter().find(|g| g.group == "East").unwrap();
    assert_eq!(east.delta.to_string(), "19340.00");
    assert!(c.only_before.is_empty() && c.only_after.is_empty());

    // Reps evaluated under one plan only are listed and not counted in the costs.
    let mut variant = plan_value("comparison");
    variant["scorecards"][0]["roles"] = json!(["new_business"]);
    assert!(ws.set_plan_json(&variant.to_string()).ok);
    let c = ws.compare("2026-Q4", false).unwrap();
    assert_eq!((c.reps.len(), c.only_before.len(), c.only_after.len()), (16, 16, 0));
    let nb_before: Decimal = c.reps.iter().map(|r| r.pay_before).sum();
    assert_eq!(c.cost_before, nb_before);
    ws.clear_baseline();
    assert_eq!(ws.compare("2026-Q4", false).unwrap_err().code, "no_baseline");
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
    assert_eq!(results_share, d("58.33"));
    // Five weights of 5 in a card of 120: 4.1666… each, cut to 4.16; the units left over go to
    // equal remainders in the order listed, so the last one stays at 4.16 (the statement says so).
    let fives: Vec<String> = rep(&e, "E01").kpis.iter().rev().take(5).rev().map(|k| k.weight.to_string()).collect();
    assert_eq!(fives, ["4.17", "4.17", "4.17", "4.17", "4.16"]);

    for id in ["target-oriented", "behavior-driven"] {
        assert!(json(id)["grades"]["streak"]["grade"] == "C", "{id}");
        assert!(json(id)["points"]["items"].as_array().is_some_and(|i| !i.is_empty()), "{id}");
    }

    // Every preset pays through `revenue_commission`; only target-oriented has more pay.
    for id in ["saas-target", "target-oriented", "behavior-driven", "balanced-scorecard", "kpi-okr", "seed-003-role-cards"] {
        let plan = json(id);
        assert_eq!(plan["commission"][0]["id"], "revenue_commission", "{id}");
        if id != "target-oriented" {
            assert_eq!(plan["commission"].as_array().unwrap().len(), 1, "{id}");
            for field in ["base_pay", "bonuses", "draw", "variable_pay_cap"] {
                assert!(plan.get(field).is_none(), "{id} has {field}");
            }
        }
    }
    let target = json("target-oriented");
    let line = &target["commission"][0];
    assert_eq!(line["grade_multipliers"], json!({ "S": 1.1, "C": 0.8 }));
    assert_eq!(line["multipliers"], json!([{ "when": "collection_rate < 90%", "multiplier": 0.8 }]));
    assert_eq!(line["tiers"].as_array().unwrap().len(), 3);
    let base = &target["base_pay"];
    assert!(base["salaries"].as_array().unwrap().iter().any(|s| s.get("city_tier").is_some() && s.get("role").is_some()));
    let allowances: Vec<&str> = base["allowances"].as_array().unwrap().iter().map(|a| a["id"].as_str().unwrap()).collect();
    assert_eq!(allowances, ["transport", "phone"]);
    assert!(base["minimum_by_city_tier"].is_object());
    let rules: Vec<&str> = target["bonuses"].as_array().unwrap().iter().map(|b| b["rule"]["type"].as_str().unwrap()).collect();
    assert_eq!(rules, ["over_achievement", "threshold", "rank", "team_pool"]);
    let bonuses = target["bonuses"].as_array().unwrap();
    assert_eq!((bonuses[0]["rule"]["above_pct"].as_u64(), bonuses[0]["rule"]["rate_pct"].as_u64()), (Some(120), Some(1)));
    assert_eq!((bonuses[1]["rule"]["when"].as_str(), bonuses[1]["rule"]["amount"].as_u64()), (Some("nps >= 90"), Some(3000)));
    assert_eq!((bonuses[2]["rule"]["top"].as_u64(), bonuses[2]["rule"]["amount"].as_u64(), &bonuses[2]["grades"]), (Some(3), Some(5000), &json!(["S", "A", "B"])));
    assert_eq!((bonuses[3]["rule"]["pool"].as_u64(), &bonuses[3]["rule"]["split"]), (Some(100000), &json!({ "contribution": "revenue_collected" })));
    let e = workspace_with(preset("target-oriented").unwrap().json).evaluate("2026-Q4").unwrap();
    assert!(e.totals.base_pay > Decimal::ZERO && e.totals.bonuses > Decimal::ZERO);
}
