//! Inputs the fuzz targets (`fuzz/`, run by `scripts/fuzz.sh`) found to crash or misbehave,
//! each kept as a test after the fix.

use incentive_engine::{Workspace, SAMPLE_PLAN_JSON};

const ADJ_HEADER: &str = "rep_id,period,original_period,line,amount,reference\n";

fn total_pay(ws: &Workspace, period: &str, rep: &str) -> String {
    let e = ws.evaluate(period).unwrap();
    assert!(e.problems.is_empty(), "{:?}", e.problems);
    e.reps.iter().find(|r| r.rep_id == rep).unwrap().total_pay.to_string()
}

/// fuzz target `adjustments_csv`: a return charged in the period of its own sale made the
/// clawback evaluate that period again, which settled it again… until the stack overflowed
/// (a crash natively, a trap in wasm). It now takes the period's grades as given.
#[test]
fn a_return_in_the_period_of_its_sale_is_clawed_back_once() {
    let mut ws = Workspace::with_sample_reps();
    assert!(ws.set_plan_json(SAMPLE_PLAN_JSON).ok);
    assert_eq!(total_pay(&ws, "2026-Q4", "E01"), "38000.00"); // 100万 × 3% + 20万 × 4%
    let skipped = ws.load_adjustments(&format!("{ADJ_HEADER}E01,2026-Q4,2026-Q4,revenue_commission,200000,SO-1\n")).unwrap();
    assert!(skipped.is_empty(), "{skipped:?}");
    // Without the 20万 returned, 100万 earns 30,000: the return takes back 8,000.
    let e = ws.evaluate("2026-Q4").unwrap();
    let e01 = e.reps.iter().find(|r| r.rep_id == "E01").unwrap();
    assert_eq!(e01.adjustments.len(), 1);
    assert_eq!(e01.adjustments[0].amount.to_string(), "-8000.00");
    assert_eq!(e01.total_pay.to_string(), "30000.00");
    // Year-to-date and a comparison go through the same path.
    assert!(ws.evaluate_ytd("2026-Q4").is_ok());
    ws.pin_baseline();
    assert!(ws.compare("2026-Q4", true).is_ok());
}

/// The crashing input itself: a return of 79228162514264337593543950335 (the largest
/// Decimal) in the period of its sale, and a return of 1,200,000 from a quarter in which the
/// line credited only 791,000. Both used to be applied, the base going negative and the
/// clawback taking back more than the line ever paid (−36,000 of a 23,730 commission); now
/// neither is applied and each is reported, naming the rep, the return and both amounts.
#[test]
fn a_return_larger_than_the_revenue_it_came_from_is_reported_not_applied() {
    let mut ws = Workspace::with_sample_reps();
    assert!(ws.set_plan_json(SAMPLE_PLAN_JSON).ok);
    let csv = format!(
        "{ADJ_HEADER}E01,2026-Q4,2026-Q4,revenue_commission,79228162514264337593543950335,SO-9\n\
         E01,2026-Q4,2026-Q1,revenue_commission,1200000,SO-8\n"
    );
    assert!(ws.load_adjustments(&csv).unwrap().is_empty());
    assert_eq!(total_pay(&ws, "2026-Q4", "E01"), "38000.00");
    let e = ws.evaluate("2026-Q4").unwrap();
    let got: Vec<(&str, &str, Option<&str>)> = e.warnings.iter().map(|w| (w.code, w.path.as_str(), w.value.as_deref())).collect();
    assert_eq!(
        got,
        [("adjustment_not_applied", "reps.E01.adjustments", Some("SO-9")), ("adjustment_not_applied", "reps.E01.adjustments", Some("SO-8"))]
    );
    assert!(e.warnings[1].message.en.contains("1,200,000 returned is more than the 791,000 credited to `revenue_commission` in 2026-Q1"), "{}", e.warnings[1].message.en);
    assert!(e.warnings[1].message.zh.contains("退回金额 1,200,000 超过 2026-Q1 计入 `revenue_commission` 的 791,000"), "{}", e.warnings[1].message.zh);
}
