//! Properties of the pay model (issue 4): caps are never exceeded, pool shares add up to the
//! pool exactly, and a return followed by a resale nets to the plain sale.

mod common;
use common::dataset;
use incentive_engine::pay::split_pool;
use incentive_engine::Workspace;
use proptest::prelude::*;
use rust_decimal::Decimal;
use serde_json::json;

fn config(cases: u32) -> ProptestConfig {
    ProptestConfig { cases, failure_persistence: None, ..ProptestConfig::default() }
}

/// A decimal from a whole number of hundredths.
fn cents(n: i64) -> Decimal {
    Decimal::new(n, 2)
}

const HEAD: &str = "rep_id,name,region,role,period,target,collected\n";

fn tiers() -> impl Strategy<Value = Vec<(u32, u32)>> {
    // (from % of target, rate in tenths of a percent), from 0 upwards.
    prop::collection::vec((1u32..80, 0u32..200), 0..4).prop_map(|steps| {
        let mut from = 0;
        let mut out = vec![(0, 30)];
        for (step, rate) in steps {
            from += step;
            out.push((from, rate));
        }
        out
    })
}

fn line(tiers: &[(u32, u32)], method: &str, cap: Option<i64>) -> serde_json::Value {
    let mut l = json!({
        "id": "c", "name": "c", "base": "collected", "target": "target", "method": method, "tier_basis": "attainment_pct",
        "tiers": tiers.iter().map(|(f, r)| json!({ "from": f, "rate_pct": Decimal::new(i64::from(*r), 1).to_string() })).collect::<Vec<_>>()
    });
    if let Some(c) = cap {
        l["cap"] = json!(c.to_string());
    }
    l
}

fn plan(lines: Vec<serde_json::Value>, extra: serde_json::Value) -> serde_json::Value {
    let mut p = json!({
        "version": 1, "name": "p",
        "scorecards": [{ "id": "c", "kpis": [{ "id": "k", "name": "k", "actual": "collected", "target": "target", "weight": 100 }] }],
        "commission": lines
    });
    for (k, v) in extra.as_object().unwrap() {
        p[k] = v.clone();
    }
    p
}

proptest! {
    #![proptest_config(config(400))]

    /// Whatever the sales, no line pays above its cap and no rep's variable pay above the plan's cap.
    #[test]
    fn caps_are_never_exceeded(
        t in tiers(),
        retro in any::<bool>(),
        line_cap in 1i64..200_000,
        variable_cap in 1i64..300_000,
        sales in prop::collection::vec(0i64..5_000_000, 1..8),
    ) {
        let rows: Vec<String> = sales.iter().enumerate().map(|(i, s)| format!("r{i},R{i},East,nb,2026-Q1,1000000,{s}")).collect();
        let data = dataset(&format!("{HEAD}{}\n", rows.join("\n")));
        let method = if retro { "retroactive" } else { "marginal" };
        let p = plan(vec![line(&t, method, Some(line_cap))], json!({ "variable_pay_cap": variable_cap.to_string(),
            "bonuses": [{ "id": "b", "name": "b", "rule": { "type": "threshold", "when": "collected > 0", "amount": 5000 } }] }));
        let mut ws = Workspace::new(data);
        let report = ws.set_plan_json(&p.to_string());
        prop_assert!(report.ok, "{:?}", report.problems);
        let e = ws.evaluate("2026-Q1").unwrap();
        for r in &e.reps {
            prop_assert!(r.commission[0].pay <= Decimal::from(line_cap), "{} line {} > cap {}", r.rep_id, r.commission[0].pay, line_cap);
            prop_assert!(r.variable_pay <= Decimal::from(variable_cap), "{} variable {} > cap {}", r.rep_id, r.variable_pay, variable_cap);
        }
    }

    /// A pool split among any weights adds up to the pool exactly, at any scale, and no share
    /// differs from its exact value by a unit of the scale or more.
    #[test]
    fn pool_shares_add_up_to_the_pool_exactly(
        pool in 0i64..10_000_000_000,
        weights in prop::collection::vec(0i64..1_000_000, 1..40),
        scale in 0u32..4,
    ) {
        let pool = cents(pool).round_dp(scale);
        let weights: Vec<Decimal> = weights.into_iter().map(Decimal::from).collect();
        let shares = split_pool(pool, &weights, scale).unwrap();
        prop_assert_eq!(shares.iter().sum::<Decimal>(), pool);
        let total: Decimal = weights.iter().sum();
        let unit = Decimal::new(1, scale);
        for (share, w) in shares.iter().zip(&weights) {
            let exact = if total.is_zero() { pool / Decimal::from(weights.len()) } else { pool * w / total };
            prop_assert!((share - exact).abs() < unit, "share {} vs exact {}", share, exact);
            prop_assert!(share.scale() == scale);
        }
    }

    /// Sell, see part of it returned in a later quarter, sell it again: over the year the rep
    /// is paid exactly what a year without the return and resale pays.
    #[test]
    fn a_return_then_a_resale_nets_to_the_plain_sale(
        t in tiers(),
        retro in any::<bool>(),
        first in 100_000i64..3_000_000,
        returned_share in 1i64..100,
        later in 0i64..2_000_000,
    ) {
        let returned = first * returned_share / 100 / 1000 * 1000 + 1000;
        prop_assume!(returned < first);
        let method = if retro { "retroactive" } else { "marginal" };
        let p = plan(vec![line(&t, method, None)], json!({ "attainment": { "actual": "collected", "target": "target" } })).to_string();
        let year = |q1: i64, q3: i64| {
            let rows = format!("r,R,East,nb,2026-Q1,1000000,{q1}\nr,R,East,nb,2026-Q2,1000000,0\nr,R,East,nb,2026-Q3,1000000,{q3}\n");
            dataset(&format!("{HEAD}{rows}"))
        };
        // With the return: Q1 sells `first`, `returned` comes back in Q2, Q3 sells it again on top of `later`.
        let mut with_return = Workspace::new(year(first, later + returned));
        prop_assert!(with_return.set_plan_json(&p).ok);
        let problems = with_return.load_adjustments(&format!("rep_id,period,original_period,line,amount,reference\nr,2026-Q2,2026-Q1,c,{returned},SO-1\n")).unwrap();
        prop_assert!(problems.is_empty());
        // Without: Q1 is the sale net of the return, Q3 as before.
        let mut plain = Workspace::new(year(first - returned, later + returned));
        prop_assert!(plain.set_plan_json(&p).ok);
        let total = |ws: &Workspace| ws.evaluate_ytd("2026-Q3").unwrap().reps[0].total_pay;
        prop_assert_eq!(total(&with_return), total(&plain));
    }
}
