//! The kept results (`Workspace::run`, `table::ResultTable`): evaluated without
//! explanations, their rows and columns hold exactly the figures of the full evaluation, and
//! one rep's result worked out again is exactly the full evaluation's, explanations and all:
//! for every rep of every preset and period (and year-to-date), and for synthetic reps under
//! the benchmark plan. Pages, sort orders and errors.

mod common;
use incentive_engine::data::synthetic_monthly;
use incentive_engine::evaluate::RepResult;
use incentive_engine::presets::PRESETS;
use incentive_engine::table::SortKey;
use incentive_engine::Workspace;
use rust_decimal::Decimal;

const BENCH_PLAN: &str = include_str!("../bench/full-plan.json");
const KEYS: [&str; 14] = ["data", "rep_id", "name", "region", "role", "score", "grade", "rank", "attainment_pct", "base_total", "commission", "bonuses", "variable_pay", "total_pay"];

fn workspace(ws: Workspace, json: &str) -> Workspace {
    let mut ws = ws;
    let report = ws.set_plan_json(json);
    assert!(report.ok, "{:#?}", report.problems);
    ws
}

fn sum(values: impl Iterator<Item = Decimal>) -> Decimal {
    values.sum()
}

/// The kept results of `period` hold every figure of the full evaluation, and explain each
/// rep exactly as the full evaluation does (every `explain_every`th rep: each one
/// evaluates the period again).
fn check_same_figures(ws: &Workspace, period: &str, year_to_date: bool, explain_every: usize) {
    // A sum of money is to the cent (every plan here rounds money to 2 places), also a sum of nothing.
    let cents = |mut d: Decimal| {
        if d.scale() < 2 {
            d.rescale(2);
        }
        d.to_string()
    };
    let evaluation = &if year_to_date { ws.evaluate_ytd(period) } else { ws.evaluate(period) }.unwrap();
    let data_ids: Vec<&str> = ws.data().reps.iter().map(|r| r.id.as_str()).collect();
    let mut table = ws.run(period, year_to_date).unwrap();
    assert_eq!(table.len(), evaluation.reps.len());
    let summary = table.summary();
    assert_eq!(summary.totals, &evaluation.totals);
    assert_eq!((summary.period, summary.year_to_date, summary.problems, summary.warnings), (evaluation.period.as_str(), evaluation.year_to_date, &evaluation.problems[..], &evaluation.warnings[..]));
    let n = evaluation.reps.len();
    let page = table.rows(ws.data(), 0, usize::MAX, SortKey::Data, false);
    assert_eq!((page.total, page.start, page.rows.len()), (n, 0, n));
    for (i, (row, r)) in page.rows.iter().zip(&evaluation.reps).enumerate() {
        assert_eq!(row.index, i);
        assert_eq!((row.rep_id, row.name, row.name_zh, row.region, row.role, row.grade), (&*r.rep_id, &*r.name, &*r.name_zh, &*r.region, &*r.role, &*r.grade));
        // As text: the same value at the same scale, as the page shows it.
        let text = |d: Decimal| d.to_string();
        assert_eq!(row.rank, r.rank, "{}", r.rep_id);
        assert_eq!((text(row.score), row.attainment_pct.map(text)), (text(r.score), r.attainment_pct.map(text)), "{}", r.rep_id);
        assert_eq!([row.base_total, row.variable_pay, row.total_pay].map(text), [r.base_total, r.variable_pay, r.total_pay].map(text), "{}", r.rep_id);
        let sums = [sum(r.commission.iter().map(|l| l.pay)), sum(r.bonuses.iter().map(|b| b.amount)), sum(r.adjustments.iter().map(|a| a.amount))];
        assert_eq!([row.commission, row.bonuses, row.adjustments].map(text), sums.map(cents), "{}", r.rep_id);
        assert_eq!(row.warnings, r.warnings.iter().map(|w| w.code).collect::<Vec<_>>());
        assert_eq!(row.flags, r.flags.iter().map(|f| f.code).collect::<Vec<_>>());
    }
    for r in evaluation.reps.iter().step_by(explain_every) {
        let explained = table.rep_result(ws.data(), &r.rep_id).unwrap();
        assert_eq!(&explained, r, "{period}: {} explained again", r.rep_id);
        // Nothing was lost on the way: the explanations are the full evaluation's.
        assert_eq!(explained.kpis.iter().map(|k| &k.explain).collect::<Vec<_>>(), r.kpis.iter().map(|k| &k.explain).collect::<Vec<_>>());
        assert_eq!(explained.bonuses.iter().map(|b| &b.explain).collect::<Vec<_>>(), r.bonuses.iter().map(|b| &b.explain).collect::<Vec<_>>());
    }

    let columns = table.columns();
    assert_eq!(columns.rank, evaluation.reps.iter().map(|r| r.rank as u32).collect::<Vec<_>>());
    let ids: Vec<&str> = columns.rep_index.iter().map(|&i| data_ids[i as usize]).collect();
    assert_eq!(ids, evaluation.reps.iter().map(|r| r.rep_id.as_str()).collect::<Vec<_>>());
    let grades: Vec<&str> = columns.grade.iter().map(|&g| columns.grades[g as usize].as_str()).collect();
    assert_eq!(grades, evaluation.reps.iter().map(|r| r.grade.as_str()).collect::<Vec<_>>());
    let column = |name: &str| -> Vec<String> {
        let (_, text) = columns.figures.iter().find(|(n, _)| n == name).unwrap_or_else(|| panic!("no column {name}"));
        text.split('\n').map(str::to_string).collect()
    };
    let text = |f: &dyn Fn(&RepResult) -> Option<Decimal>| -> Vec<String> { evaluation.reps.iter().map(|r| f(r).map_or(String::new(), |d| d.to_string())).collect() };
    if n > 0 {
        assert_eq!(column("score"), text(&|r| Some(r.score)));
        assert_eq!(column("attainment_pct"), text(&|r| r.attainment_pct));
        assert_eq!(column("base_total"), text(&|r| Some(r.base_total)));
        let sums = |f: &dyn Fn(&RepResult) -> Decimal| -> Vec<String> { evaluation.reps.iter().map(|r| cents(f(r))).collect() };
        assert_eq!(column("commission"), sums(&|r| sum(r.commission.iter().map(|l| l.pay))));
        assert_eq!(column("bonuses"), sums(&|r| sum(r.bonuses.iter().map(|b| b.amount))));
        assert_eq!(column("adjustments"), sums(&|r| sum(r.adjustments.iter().map(|a| a.amount))));
        assert_eq!(column("variable_pay"), text(&|r| Some(r.variable_pay)));
        assert_eq!(column("total_pay"), text(&|r| Some(r.total_pay)));
        for (k, line) in evaluation.reps[0].commission.iter().enumerate() {
            assert_eq!(column(&format!("commission.{}", line.id)), text(&|r| Some(r.commission[k].pay)));
        }
        for (k, bonus) in evaluation.reps[0].bonuses.iter().enumerate() {
            assert_eq!(column(&format!("bonus.{}", bonus.id)), text(&|r| Some(r.bonuses[k].amount)));
        }
    }
}

/// Every sort key, both ways: the page holds every rep once, in an order consistent with the key.
fn check_sorted(ws: &Workspace, period: &str, year_to_date: bool) {
    let evaluation = &if year_to_date { ws.evaluate_ytd(period) } else { ws.evaluate(period) }.unwrap();
    let mut table = ws.run(period, year_to_date).unwrap();
    for name in KEYS {
        let key = SortKey::parse(name).unwrap();
        for descending in [false, true] {
            let page = table.rows(ws.data(), 0, usize::MAX, key, descending);
            let mut seen: Vec<usize> = page.rows.iter().map(|r| r.index).collect();
            seen.sort_unstable();
            assert_eq!(seen, (0..evaluation.reps.len()).collect::<Vec<_>>(), "{name}");
            let value = |i: usize| -> String {
                let r = &evaluation.reps[i];
                match name {
                    "data" => format!("{i:08}"),
                    "rep_id" => r.rep_id.to_string(),
                    "name" => r.name.to_string(),
                    "region" => r.region.to_string(),
                    "role" => r.role.to_string(),
                    "grade" => format!("{:03}", evaluation.totals.grades.iter().position(|g| g.grade == r.grade).unwrap()),
                    "rank" => format!("{:08}", r.rank),
                    _ => String::new(),
                }
            };
            let number = |i: usize| -> Option<Decimal> {
                let r = &evaluation.reps[i];
                match name {
                    "score" => Some(r.score),
                    "attainment_pct" => r.attainment_pct,
                    "base_total" => Some(r.base_total),
                    "commission" => Some(sum(r.commission.iter().map(|l| l.pay))),
                    "bonuses" => Some(sum(r.bonuses.iter().map(|b| b.amount))),
                    "variable_pay" => Some(r.variable_pay),
                    "total_pay" => Some(r.total_pay),
                    _ => None,
                }
            };
            for pair in page.rows.windows(2) {
                let (a, b) = (pair[0].index, pair[1].index);
                let order = (value(a), number(a)).cmp(&(value(b), number(b)));
                let expected = if descending { std::cmp::Ordering::Greater } else { std::cmp::Ordering::Less };
                // Equal values keep data order.
                assert!(order == expected || (order.is_eq() && a < b), "{name} desc={descending}: rows {a} then {b}");
            }
        }
    }
}

#[test]
fn every_preset_every_period_gives_the_evaluations_figures() {
    for preset in PRESETS {
        let ws = workspace(Workspace::with_sample_reps(), preset.json);
        for period in &ws.data().periods {
            for year_to_date in [false, true] {
                check_same_figures(&ws, period, year_to_date, 1);
                check_sorted(&ws, period, year_to_date);
            }
        }
    }
}

#[test]
fn synthetic_reps_under_the_benchmark_plan_give_the_evaluations_figures() {
    let ws = workspace(Workspace::new(synthetic_monthly(600, 3, 7)), BENCH_PLAN);
    for period in &ws.data().periods {
        assert_eq!(ws.run(period, false).unwrap().len(), 600);
        check_same_figures(&ws, period, false, 37);
        check_sorted(&ws, period, false);
    }
    check_same_figures(&ws, "2026-03", true, 101);
}

/// The benchmark plan with every rule whose figures need the other reps: a recoverable draw,
/// a profit share, rank bonuses lower-is-better and tied across the last place, a
/// high-potential rule that raises a commission rate, a grade streak.
fn plan_reading_every_other_rep() -> String {
    let mut plan: serde_json::Value = serde_json::from_str(BENCH_PLAN).unwrap();
    plan["signals"] = serde_json::json!({ "high_potential": { "conditions": [
        { "type": "percentile", "metric": "revenue_collected", "from": 25, "to": 75 },
        { "type": "above", "metric": "satisfaction", "stat": "average", "by": 5 }
    ] } });
    plan["commission"][0]["rate_override"] = serde_json::json!({ "when": "high_potential", "add_pct": 1 });
    plan["draw"] = serde_json::json!({ "amount": 9000, "recoverable": true });
    plan["grades"]["streak"] = serde_json::json!({ "grade": "C", "periods": 2 });
    let bonuses = plan["bonuses"].as_array_mut().unwrap();
    bonuses.push(serde_json::json!({ "id": "profit", "name": "Profit share", "grades": ["S", "A"], "rule": { "type": "profit_share", "profit": 1234567, "pool_pct": 3, "split": { "contribution": "revenue_collected" } } }));
    bonuses.push(serde_json::json!({ "id": "fewest", "name": "Fewest customers", "rule": { "type": "rank", "measure": "new_customers", "top": 4, "amount": 700, "ties": "include_all", "within": "role", "direction": "lower_is_better" } }));
    bonuses.push(serde_json::json!({ "id": "most", "name": "Most customers", "rule": { "type": "rank", "measure": "new_customers", "top": 5, "amount": 1000, "ties": "share" } }));
    plan.to_string()
}

#[test]
fn one_rep_explained_alone_reads_the_others_figures_from_the_run() {
    let ws = workspace(Workspace::new(synthetic_monthly(240, 4, 11)), &plan_reading_every_other_rep());
    let mut seen = (false, false, false, false);
    for period in &ws.data().periods {
        let evaluation = ws.evaluate(period).unwrap();
        for r in &evaluation.reps {
            let draw = r.draw.unwrap();
            seen.0 |= !draw.owed_before.is_zero() && !draw.recovered.is_zero();
            seen.1 |= r.flags.iter().any(|f| f.code == "grade_streak");
            seen.2 |= r.bonuses.iter().any(|b| b.explain.notes.contains(&"tie_shared"));
            seen.3 |= r.bonuses.iter().any(|b| b.id == "profit" && !b.amount.is_zero());
        }
        check_same_figures(&ws, period, false, 1);
    }
    // Each rule was at work: a draw recovered, a streak, a tie shared, a share of profit.
    assert_eq!(seen, (true, true, true, true));
    let signals = ws.signals("2026-03").unwrap();
    assert!(!signals.high_potentials.is_empty());
}

#[test]
fn a_hundred_grade_bands_reach_the_rows() {
    // The most bands a plan may hold; the sample reps' scores (about 60 to 120) fall in dozens of them.
    let mut plan = common::sample_plan();
    let bands: Vec<serde_json::Value> = (0..100).map(|i| if i < 99 { serde_json::json!({ "grade": format!("G{i}"), "min_score": 150 - i }) } else { serde_json::json!({ "grade": "G99" }) }).collect();
    plan["grades"] = serde_json::json!({ "bands": bands });
    let ws = workspace(Workspace::with_sample_reps(), &plan.to_string());
    let grades: std::collections::HashSet<String> = ws.evaluate("2026-Q4").unwrap().reps.iter().map(|r| r.grade.to_string()).collect();
    assert!(grades.len() > 20, "{grades:?}");
    check_same_figures(&ws, "2026-Q4", false, 1);
    check_sorted(&ws, "2026-Q4", false);
}

#[test]
fn rows_asked_with_other_data_do_not_panic() {
    // A Rust caller's mistake (the wasm engine keeps its data): names from the other data, empty past its end.
    let ws = workspace(Workspace::with_sample_reps(), common::sample_plan().to_string().as_str());
    let other = synthetic_monthly(3, 1, 1);
    let mut table = ws.run("2026-Q4", false).unwrap();
    for name in KEYS {
        let page = table.rows(&other, 0, 50, SortKey::parse(name).unwrap(), true);
        assert_eq!((page.total, page.rows.len()), (32, 32), "{name}");
        assert_eq!(page.rows.iter().filter(|r| r.rep_id.is_empty()).count(), 29, "{name}");
    }
    // One rep of the other data, at a position the run has: it is not in this run.
    let e = table.rep_result(&other, &other.reps[0].id).unwrap_err();
    assert_eq!((e.code, e.value.as_deref()), ("unknown_rep", Some(other.reps[0].id.as_str())));
}

#[test]
fn pages_are_cut_from_the_sorted_table() {
    let ws = workspace(Workspace::with_sample_reps(), common::sample_plan().to_string().as_str());
    let mut table = ws.run("2026-Q4", false).unwrap();
    let all: Vec<usize> = table.rows(ws.data(), 0, usize::MAX, SortKey::TotalPay, true).rows.iter().map(|r| r.index).collect();
    let page = table.rows(ws.data(), 10, 5, SortKey::TotalPay, true);
    assert_eq!((page.total, page.start), (32, 10));
    assert_eq!(page.rows.iter().map(|r| r.index).collect::<Vec<_>>(), all[10..15]);
    // The best paid first: E03 is paid 53,000.00 in 2026-Q4.
    let first = &table.rows(ws.data(), 0, 1, SortKey::TotalPay, true).rows[0];
    assert_eq!((first.rep_id, first.total_pay.to_string().as_str()), ("E03", "53000.00"));
    // Past the end: an empty page, not an error.
    let past = table.rows(ws.data(), 40, 10, SortKey::Data, false);
    assert_eq!((past.total, past.start, past.rows.len()), (32, 32, 0));
    let last = table.rows(ws.data(), 30, 10, SortKey::Data, false);
    assert_eq!(last.rows.iter().map(|r| r.index).collect::<Vec<_>>(), [30, 31]);
}

#[test]
fn pages_asked_for_in_any_order_are_cut_from_the_same_order() {
    let ws = workspace(Workspace::new(synthetic_monthly(300, 1, 3)), BENCH_PLAN);
    for name in KEYS {
        let key = SortKey::parse(name).unwrap();
        for descending in [false, true] {
            let full: Vec<usize> = ws.run("2026-01", false).unwrap().rows(ws.data(), 0, usize::MAX, key, descending).rows.iter().map(|r| r.index).collect();
            let mut table = ws.run("2026-01", false).unwrap();
            // A page further down first, then from the top, another key in between.
            let mut got = vec![usize::MAX; full.len()];
            for start in [140, 0, 7, 280, 14, 21, 35, 28, 42, 49, 56] {
                for (k, row) in table.rows(ws.data(), start, 7, key, descending).rows.iter().enumerate() {
                    got[start + k] = row.index;
                }
                table.rows(ws.data(), 3, 5, SortKey::Name, !descending);
            }
            for start in (0..full.len()).step_by(9) {
                for (k, row) in table.rows(ws.data(), start, 9, key, descending).rows.iter().enumerate() {
                    got[start + k] = row.index;
                }
            }
            assert_eq!(got, full, "{name} desc={descending}");
            // The first page (found by its keys, the other rows not listed), then every row.
            let mut table = ws.run("2026-01", false).unwrap();
            table.rows(ws.data(), 0, 50, key, descending);
            let all: Vec<usize> = table.rows(ws.data(), 0, usize::MAX, key, descending).rows.iter().map(|r| r.index).collect();
            assert_eq!(all, full, "{name} desc={descending}, a page then all");
        }
    }
}

#[test]
fn unknown_sort_keys_and_reps_are_clear_errors() {
    let p = SortKey::parse("pay").unwrap_err();
    assert_eq!((p.code, p.path.as_str(), p.value.as_deref()), ("unknown_sort_key", "sort_key", Some("pay")));
    assert!(p.message.en.contains("total_pay") && p.message.zh.contains("排序"), "{p:?}");
    let ws = workspace(Workspace::with_sample_reps(), common::sample_plan().to_string().as_str());
    let table = ws.run("2026-Q4", false).unwrap();
    let p = table.rep_result(ws.data(), "NOPE").unwrap_err();
    assert_eq!((p.code, p.path.as_str(), p.value.as_deref()), ("unknown_rep", "rep_id", Some("NOPE")));
    assert!(!p.message.zh.is_empty());
}
