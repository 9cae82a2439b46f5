//! What every fuzz target shares: the sample workspace (built once, cloned per input) and
//! `exercise`, which drives a workspace whose plan validated through the whole public
//! `Workspace` API a page uses — a period, year-to-date, the comparison with a baseline, the
//! payout curve, the signals, the evaluation with its signals, the kept table, the results as
//! JSON —, `round_trip`: a plan written back to JSON (or set as a value) evaluates the same,
//! and `mutated_preset`, the plans of the `evaluate` target.

use arbitrary::{Result, Unstructured};
use incentive_engine::presets::PRESETS;
use incentive_engine::{Evaluation, Workspace, SAMPLE_PLAN_JSON};
use rust_decimal::Decimal;
use serde_json::{json, Value};
use std::sync::OnceLock;

/// The sample reps with the sample plan set and pinned as the baseline.
pub fn sample_workspace() -> Workspace {
    static WS: OnceLock<Workspace> = OnceLock::new();
    WS.get_or_init(|| {
        let mut ws = Workspace::with_sample_reps();
        assert!(ws.set_plan_json(SAMPLE_PLAN_JSON).ok);
        assert!(ws.pin_baseline());
        ws
    })
    .clone()
}

/// Fuzzer bytes as text, the way a browser decodes a file it cannot read as UTF-8.
pub fn text(data: &[u8]) -> std::borrow::Cow<'_, str> {
    String::from_utf8_lossy(data)
}

/// Runs the entry points that work on a valid plan: the last period always, then one more
/// chosen by `choice` (the first period; year-to-date, also as a kept table; the comparison
/// with the baseline, by period and year-to-date; the payout curves; the management signals
/// and the kept table with every sort key, the summary, reps explained again and the columns;
/// the evaluation with its signals; the baseline cleared and pinned again), so that one input
/// stays fast and the corpus covers them all. Panics only on a broken invariant.
pub fn exercise(ws: &Workspace, choice: u8) {
    let periods = &ws.data().periods;
    let (Some(first), Some(last)) = (periods.first(), periods.last()) else { return };
    let evaluated = ws.evaluate(last);
    if let Ok(e) = &evaluated {
        check(e);
    }
    match choice % 7 {
        0 => {
            if let Ok(e) = ws.evaluate(first) {
                check(&e);
            }
        }
        1 => {
            let ytd = ws.evaluate_ytd(last);
            if let Ok(e) = &ytd {
                check(e);
            }
            if let Ok(mut table) = ws.run(last, true) {
                table_pieces(ws, &mut table, ytd.as_ref().ok());
            }
        }
        2 => {
            for year_to_date in [false, true] {
                if let Ok(c) = ws.compare(last, year_to_date) {
                    serde_json::to_string(&c).expect("a comparison serialises");
                }
            }
        }
        3 => {
            for line in 0..2 {
                let _ = ws.payout_curve(line, Decimal::from(1_000_000), 300, 10);
            }
        }
        4 => {
            if let Ok(s) = ws.signals(last) {
                serde_json::to_string(&s).expect("signals serialise");
            }
            if let Ok(mut table) = ws.run(last, false) {
                table_pieces(ws, &mut table, evaluated.as_ref().ok());
            }
        }
        5 => {
            // One evaluation for both: the same as `evaluate` and `signals` one after the other.
            let both = ws.evaluate_with_signals(last);
            assert_eq!(both.is_ok(), evaluated.is_ok(), "evaluate_with_signals and evaluate disagree on failing");
            if let (Ok(both), Ok(e)) = (both, &evaluated) {
                serde_json::to_string(&both).expect("an evaluation with signals serialises");
                assert!(both.evaluation == *e, "evaluate_with_signals gives another evaluation than evaluate");
                lean_as_full(ws, last, &both);
            }
        }
        _ => {
            // Without a baseline there is nothing to compare with; the plan pinned against
            // itself changes no rep's pay.
            let mut other = ws.clone();
            other.clear_baseline();
            assert_eq!(other.compare(last, false).map_err(|p| p.code), Err("no_baseline"));
            assert!(other.pin_baseline(), "a valid plan can be pinned");
            if let Ok(c) = other.compare(last, false) {
                assert!(c.reps.iter().all(|r| r.pay_delta.is_zero()), "a plan compared with itself changes pay");
            }
        }
    }
}

/// What the playground asks for (no explanation; nobody's parts and portrait, or only those
/// of the rep whose statement is open, the first or the last) is the full evaluation with
/// signals less the other reps' KPI and point results, every explanation and tier slice, and
/// the other reps' portraits; each rep written by hand as serde does.
fn lean_as_full(ws: &Workspace, period: &str, full: &incentive_engine::signals::EvaluationWithSignals) {
    let ids = [full.evaluation.reps.first(), full.evaluation.reps.last()].map(|r| r.map(|r| r.rep_id.to_string()));
    for open in std::iter::once(None).chain(ids.iter().flatten().map(|id| Some(id.as_str()))) {
        let shown = incentive_engine::Shown { explain: false, parts: false, rep: open };
        let lean = ws.evaluate_with_signals_detail(period, shown).expect("the lean evaluation succeeds where the full one did");
        check(&lean.evaluation);
        let portraits = full.signals.portraits.iter().filter(|p| Some(p.rep_id.as_str()) == open).cloned().collect();
        assert_eq!(lean.signals, incentive_engine::signals::SignalsReport { portraits, ..full.signals.clone() }, "lean signals, {open:?} open");
        let quiet = ws.evaluate_with_signals_detail(period, incentive_engine::Shown { parts: true, ..shown }).expect("the quiet evaluation succeeds");
        assert_eq!((&lean.evaluation.totals, lean.evaluation.reps.len()), (&quiet.evaluation.totals, quiet.evaluation.reps.len()), "lean totals");
        for (l, q) in lean.evaluation.reps.iter().zip(&quiet.evaluation.reps) {
            let mut without = q.clone();
            if Some(l.rep_id.as_str()) != open {
                (without.kpis, without.points) = (Vec::new(), Vec::new());
            }
            assert!(*l == without, "lean rep {} differs, {open:?} open", l.rep_id);
        }
    }
}

/// The kept table answered piece by piece, as the page asks for it: the summary, a page of
/// rows by every sort key, two reps explained again (with the figures they had in the
/// table, and as `full`, the same evaluation with every rep explained, explains them), and
/// the columns of an export.
fn table_pieces(ws: &Workspace, table: &mut incentive_engine::table::ResultTable, full: Option<&Evaluation>) {
    serde_json::to_string(&table.summary()).expect("a run summary serialises");
    for key in ["data", "rep_id", "name", "region", "role", "score", "grade", "rank", "attainment_pct", "base_total", "commission", "bonuses", "variable_pay", "total_pay"] {
        let key = incentive_engine::table::SortKey::parse(key).expect("a documented sort key");
        let page = table.rows(ws.data(), 0, 50, key, true);
        serde_json::from_str::<serde_json::Value>(&page.to_json()).expect("a page of rows is JSON");
    }
    let kept: Vec<(String, Decimal)> = table.rows(ws.data(), 0, 2, incentive_engine::table::SortKey::Data, false).rows.iter().map(|r| (r.rep_id.to_string(), r.total_pay)).collect();
    for (id, total_pay) in kept {
        let again = table.rep_result(ws.data(), &id).expect("a rep of the table can be explained again");
        assert_eq!(again.total_pay, total_pay, "{id} explained again is paid differently");
        // Alone, the rep is explained as the full evaluation explains it.
        if let Some(r) = full.and_then(|e| e.reps.iter().find(|r| *r.rep_id == *id)) {
            assert_eq!(&again, r, "{id} explained again differs from the full evaluation");
        }
    }
    assert!(table.rep_result(ws.data(), "no such rep").is_err());
    let columns = table.columns();
    assert_eq!(columns.rank.len(), table.len());
}

/// An evaluation serialises and names each of its reps; each rep's JSON as the wasm binding
/// writes it (by hand, `push_rep`) is `ascii_json::to_string`'s (serde's) text byte for byte.
fn check(e: &Evaluation) {
    let json = serde_json::to_string(e).expect("an evaluation serialises");
    assert!(!json.is_empty());
    let mut by_hand = String::new();
    for rep in &e.reps {
        assert!(!rep.rep_id.is_empty());
        by_hand.clear();
        incentive_engine::evaluate::push_rep(&mut by_hand, rep).expect("a rep's result is written");
        assert_eq!(by_hand, incentive_engine::ascii_json::to_string(rep).expect("a rep's result serialises"), "hand-written JSON of {}", rep.rep_id);
    }
}

/// The plan in use, written back to JSON and set again, evaluates to identical results.
pub fn round_trip(ws: &Workspace, plan_json: &str) {
    let Ok(plan) = incentive_engine::parse_plan(plan_json) else { return };
    let again = serde_json::to_string(&plan).expect("a plan serialises");
    let mut other = ws.clone();
    let report = other.set_plan_json(&again);
    assert!(report.ok, "a valid plan written back to JSON is rejected: {:?}\n{again}", report.problems);
    // The plan set as a value (`Workspace::set_plan`) rather than as text.
    let mut typed = ws.clone();
    assert!(typed.set_plan(&plan).ok, "a valid plan set as a value is rejected\n{again}");
    if let Some(period) = ws.data().periods.last() {
        assert_eq!(ws.evaluate(period), other.evaluate(period), "round trip changed the results\n{again}");
        assert_eq!(ws.evaluate(period), typed.evaluate(period), "set_plan and set_plan_json give other results\n{again}");
    }
}

// --- the `evaluate` target's plans: presets changed by a few edits -------------------------

const NUMBERS: [&str; 16] = [
    "0", "-1", "1", "0.5", "2", "10", "99.99", "100", "101", "120", "1000", "1000000",
    "1000000000000", "79228162514264337593543950335", "0.0000000000000000000000000001", "-79228162514264337593543950335",
];

const TEXTS: [&str; 20] = [
    "revenue_collected", "revenue_target", "visits", "new_customers", "nps", "city_tier",
    "revenue_collected / 0", "revenue_collected * 79228162514264337593543950335", "0.0000000000000000000000000001",
    "if(visits > 0, new_customers / visits, 0)", "-revenue_collected", "revenue_target * 10000万", "1",
    "S", "A", "C", "East", "new_business", "2026-Q4", "min(revenue_collected, receivable) / max(receivable, 1)",
];

/// Every node of the tree, as a JSON pointer.
fn pointers(v: &Value, at: String, out: &mut Vec<String>) {
    match v {
        Value::Object(m) => {
            for (k, child) in m {
                pointers(child, format!("{at}/{}", k.replace('~', "~0").replace('/', "~1")), out);
            }
        }
        Value::Array(a) => {
            for (i, child) in a.iter().enumerate() {
                pointers(child, format!("{at}/{i}"), out);
            }
        }
        _ => {}
    }
    out.push(at);
}

fn parent_and_key(pointer: &str) -> Option<(&str, String)> {
    let (parent, key) = pointer.rsplit_once('/')?;
    Some((parent, key.replace("~1", "/").replace("~0", "~")))
}

fn edit(plan: &mut Value, u: &mut Unstructured) -> Result<()> {
    let mut all = Vec::new();
    pointers(plan, String::new(), &mut all);
    let at = u.choose(&all)?.clone();
    match u.int_in_range(0..=7)? {
        // A boundary number, as a JSON number or as text (both are accepted for decimals).
        0 | 1 => {
            let n = *u.choose(&NUMBERS)?;
            let value = if u.arbitrary()? { Value::String(n.into()) } else { serde_json::from_str(n).unwrap_or(Value::String(n.into())) };
            set(plan, &at, value);
        }
        // A name, a formula or a grade from the palette.
        2 => set(plan, &at, Value::String((*u.choose(&TEXTS)?).into())),
        // A number scaled: ×10, ÷10, negated, +1.
        3 => {
            if let Some(n) = plan.pointer(&at).and_then(Value::as_f64) {
                let v = match u.int_in_range(0..=3)? {
                    0 => n * 10.0,
                    1 => n / 10.0,
                    2 => -n,
                    _ => n + 1.0,
                };
                set(plan, &at, json!(v));
            }
        }
        // A field removed, or a list item dropped.
        4 => {
            if let Some((parent, key)) = parent_and_key(&at) {
                match plan.pointer_mut(parent) {
                    Some(Value::Object(m)) => {
                        m.remove(&key);
                    }
                    Some(Value::Array(a)) => {
                        if let Ok(i) = key.parse::<usize>() {
                            if i < a.len() {
                                a.remove(i);
                            }
                        }
                    }
                    _ => {}
                }
            }
        }
        // A list item repeated (duplicate ids, extra tiers, extra cards).
        5 => {
            if let Some((parent, key)) = parent_and_key(&at) {
                if let Some(Value::Array(a)) = plan.pointer_mut(parent) {
                    if let Some(item) = key.parse::<usize>().ok().and_then(|i| a.get(i)).cloned() {
                        a.push(item);
                    }
                }
            }
        }
        // A formula combined with another: `a op b`.
        6 => {
            if let Some(Value::String(s)) = plan.pointer(&at) {
                let op = *u.choose(&[" + ", " - ", " * ", " / ", " >= ", " = "])?;
                let other = *u.choose(&TEXTS)?;
                let combined = format!("({s}){op}{other}");
                set(plan, &at, Value::String(combined));
            }
        }
        // A boolean flipped, or true/false where something else was.
        _ => {
            let b = plan.pointer(&at).and_then(Value::as_bool) != Some(true);
            set(plan, &at, Value::Bool(b));
        }
    }
    Ok(())
}

fn set(plan: &mut Value, at: &str, value: Value) {
    if let Some(slot) = plan.pointer_mut(at) {
        *slot = value;
    }
}

/// A preset changed by up to 6 edits drawn from `u` (see the `evaluate` target).
pub fn mutated_preset(u: &mut Unstructured) -> Result<Value> {
    let preset = u.choose(&PRESETS)?;
    let mut plan: Value = serde_json::from_str(preset.json).unwrap();
    let edits = u.int_in_range(0..=6)?;
    for _ in 0..edits {
        edit(&mut plan, u)?;
    }
    Ok(plan)
}
