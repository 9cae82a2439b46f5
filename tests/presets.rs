//! The presets: each is valid on the sample reps, evaluates every period, and its 2026-Q4
//! results are pinned in a snapshot a reviewer can read (`tests/snapshots/`).

mod common;
use incentive_engine::presets::PRESETS;
use incentive_engine::{Evaluation, Workspace};
use std::fmt::Write;

fn workspace(json: &str) -> Workspace {
    let mut ws = Workspace::with_sample_reps();
    let report = ws.set_plan_json(json);
    assert!(report.ok, "{:#?}", report.problems);
    assert!(report.problems.is_empty(), "warnings: {:#?}", report.problems);
    // The returns in the sample data name the presets' commission line.
    ws
}

/// A plain-text table of one evaluation: what a reviewer checks against the plan.
fn table(e: &Evaluation) -> String {
    let mut out = String::new();
    let periods = e.periods.join(", ");
    writeln!(out, "period {} (covers {periods}) — {} reps, {} left out", e.period, e.totals.reps, e.totals.excluded).unwrap();
    writeln!(
        out,
        "{:<4} {:<12} {:<17} {:>8} {:>7} {:>7} {:>8} {:>4} {:>5} {:>10} {:>10} {:>9} {:>9} {:>10}  flags / warnings",
        "id", "name", "role", "attain%", "kpis", "points", "score", "rank", "grade", "base", "commission", "bonuses", "returns", "total pay"
    )
    .unwrap();
    for r in &e.reps {
        let points = r.bonus_points - r.penalty_points;
        let mut notes: Vec<String> = r.flags.iter().map(|f| format!("{} {} ({})", f.code, f.grade, f.periods.join("→"))).collect();
        notes.extend(r.warnings.iter().map(|w| w.code.to_string()));
        let commission: rust_decimal::Decimal = r.commission.iter().map(|l| l.pay).sum();
        let bonuses: rust_decimal::Decimal = r.bonuses.iter().map(|b| b.amount).sum();
        let returns: rust_decimal::Decimal = r.adjustments.iter().map(|a| a.amount).sum();
        writeln!(
            out,
            "{:<4} {:<12} {:<17} {:>8} {:>7} {:>7} {:>8} {:>4} {:>5} {:>10} {:>10} {:>9} {:>9} {:>10}  {}",
            r.rep_id,
            r.name,
            r.role,
            r.attainment_pct.map(|a| a.to_string()).unwrap_or_default(),
            r.weighted_score,
            points,
            r.score,
            r.rank,
            r.grade,
            r.base_total,
            commission,
            bonuses,
            returns,
            r.total_pay,
            notes.join("; ")
        )
        .unwrap();
    }
    let t = &e.totals;
    writeln!(
        out,
        "cost {} = base {} + commission {} + bonuses {} + returns {} · average pay {} · average score {} · revenue {} · pay/revenue {}%",
        t.total_pay,
        t.base_pay,
        t.commission,
        t.bonuses,
        t.adjustments,
        t.average_pay,
        t.average_score,
        t.revenue.map(|r| r.to_string()).unwrap_or_default(),
        t.pay_pct_of_revenue.map(|r| r.to_string()).unwrap_or_default()
    )
    .unwrap();
    for g in &t.by_region {
        writeln!(out, "  {:<10} {:>2} reps  pay {:>12}  avg score {:>7}", g.group, g.reps, g.total_pay, g.average_score).unwrap();
    }
    let grades: Vec<String> = t.grades.iter().map(|g| format!("{} {}", g.grade, g.reps)).collect();
    writeln!(out, "grades: {}", grades.join(", ")).unwrap();
    for d in &t.distribution {
        writeln!(out, "  guide {}: {}% of reps, range {}–{}% → {:?}", d.grade, d.share_pct, d.min_pct, d.max_pct, d.status).unwrap();
    }
    out
}

#[test]
fn every_preset_is_valid_and_evaluates_every_period_without_leaving_anyone_out() {
    for preset in PRESETS {
        let ws = workspace(preset.json);
        for period in &ws.data().periods {
            let e = ws.evaluate(period).unwrap_or_else(|p| panic!("{}: {p}", preset.id));
            assert!(e.problems.is_empty(), "{} {period}: {:#?}", preset.id, e.problems);
            assert_eq!(e.reps.len(), 32);
            for r in &e.reps {
                // The score is exactly the sum of its parts.
                let parts: rust_decimal::Decimal = r.kpis.iter().map(|k| k.score).sum();
                assert_eq!(r.weighted_score, parts, "{} {}", preset.id, r.rep_id);
                assert_eq!(r.score, r.weighted_score + r.bonus_points - r.penalty_points);
            }
        }
        let ytd = ws.evaluate_ytd("2026-Q4").unwrap();
        assert_eq!(ytd.periods.len(), 4, "{}", preset.id);
    }
}

#[test]
fn snapshots_of_the_presets_in_2026_q4() {
    for preset in PRESETS {
        let ws = workspace(preset.json);
        insta::assert_snapshot!(preset.id, table(&ws.evaluate("2026-Q4").unwrap()));
    }
}

#[test]
fn snapshot_of_the_target_oriented_preset_year_to_date() {
    let ws = workspace(incentive_engine::presets::preset("target-oriented").unwrap().json);
    insta::assert_snapshot!(table(&ws.evaluate_ytd("2026-Q4").unwrap()));
}

#[test]
fn each_region_and_role_total_adds_up_its_reps_pay_and_the_groups_add_up_to_the_team() {
    use rust_decimal::Decimal;
    for preset in PRESETS {
        let ws = workspace(preset.json);
        let mut evaluations: Vec<Evaluation> = ws.data().periods.iter().map(|p| ws.evaluate(p).unwrap()).collect();
        evaluations.push(ws.evaluate_ytd("2026-Q4").unwrap());
        for e in &evaluations {
            let t = &e.totals;
            for (groups, key) in [(&t.by_region, "region"), (&t.by_role, "role")] {
                let mut added = [Decimal::ZERO; 6];
                for g in groups.iter() {
                    let members: Vec<_> = e.reps.iter().filter(|r| (if key == "region" { r.region.as_str() } else { r.role.as_str() }) == g.group).collect();
                    let sum = |f: &dyn Fn(&incentive_engine::evaluate::RepResult) -> Decimal| members.iter().map(|r| f(r)).sum::<Decimal>();
                    let own = [
                        sum(&|r| r.base_total),
                        sum(&|r| r.commission.iter().map(|l| l.pay).sum()),
                        sum(&|r| r.bonuses.iter().map(|b| b.amount).sum()),
                        sum(&|r| r.adjustments.iter().map(|a| a.amount).sum()),
                        sum(&|r| r.variable_pay),
                        sum(&|r| r.total_pay),
                    ];
                    let group = [g.base_pay, g.commission, g.bonuses, g.adjustments, g.variable_pay, g.total_pay];
                    assert_eq!(group, own, "{} {} {key} {}", preset.id, e.period, g.group);
                    // Money to the cent, a sum of nothing too: "0.00".
                    assert!(group.iter().all(|x| x.scale() == 2), "{} {} {:?}", preset.id, g.group, group);
                    added.iter_mut().zip(group).for_each(|(a, x)| *a += x);
                }
                assert_eq!(added, [t.base_pay, t.commission, t.bonuses, t.adjustments, t.variable_pay, t.total_pay], "{} {} by {key}", preset.id, e.period);
            }
        }
    }
}
