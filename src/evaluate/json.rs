//! A rep's result as JSON, written by hand: what crosses into JavaScript for every rep each
//! time a page evaluates. serde_json writes the same text (a test compares them byte for
//! byte over every preset, period and mode), but in five writes of a few bytes for each key
//! where this writes one. The rep's keys, its pay items and its explanations are written
//! here (an explanation not asked for is left out), and its warnings; by serde_json, when
//! they are not empty, the parts a page's evaluation leaves empty (KPIs and points but the
//! open rep's; tier slices when no explanation is asked for) and the rare ones (flags, the
//! draw).

use super::results::{AdjustmentResult, GradedBy, LineResult, PayItem, RepResult};
use crate::ascii_json::{key, push_figure, push_string, push_whole};
use crate::explain::Explanation;
use crate::problem::{Problem, Severity};
use serde::Serialize;

/// Appends `rep` as compact, ASCII-only JSON: the text `ascii_json::to_string(rep)` writes.
pub fn push_rep(out: &mut String, rep: &RepResult) -> serde_json::Result<()> {
    out.push_str("{\"rep_id\":");
    push_string(out, &rep.rep_id);
    for (key, text) in [(key!("name"), &rep.name), (key!("name_zh"), &rep.name_zh), (key!("region"), &rep.region), (key!("role"), &rep.role)] {
        out.push_str(key);
        push_string(out, text);
    }
    for (key, figure) in [(key!("attainment_pct"), rep.attainment_pct), (key!("attainment_actual"), rep.attainment_actual), (key!("attainment_target"), rep.attainment_target)] {
        out.push_str(key);
        push_figure(out, figure);
    }
    out.push_str(key!("scorecard"));
    push_string(out, &rep.scorecard);
    out.push_str(key!("kpis"));
    push_list(out, &rep.kpis)?;
    out.push_str(key!("weighted_score"));
    push_figure(out, Some(rep.weighted_score));
    out.push_str(key!("points"));
    push_list(out, &rep.points)?;
    out.push_str(key!("bonus_points"));
    push_figure(out, Some(rep.bonus_points));
    out.push_str(key!("penalty_points"));
    push_figure(out, Some(rep.penalty_points));
    if !rep.points_explain.is_quiet() {
        out.push_str(key!("points_explain"));
        push_explanation(out, &rep.points_explain);
    }
    out.push_str(key!("score"));
    push_figure(out, Some(rep.score));
    out.push_str(key!("rank"));
    push_whole(out, rep.rank);
    out.push_str(key!("grade"));
    push_string(out, &rep.grade);
    out.push_str(key!("graded_by"));
    out.push_str(match rep.graded_by {
        GradedBy::Band => "\"band\"",
        GradedBy::Rank => "\"rank\"",
    });
    if let Some(places) = &rep.grade_places {
        out.push_str(key!("grade_places"));
        push_serde(out, places)?;
    }
    out.push_str(key!("flags"));
    push_list(out, &rep.flags)?;
    out.push_str(key!("base_pay"));
    push_array(out, &rep.base_pay, push_item)?;
    out.push_str(key!("commission"));
    push_array(out, &rep.commission, push_line)?;
    out.push_str(key!("bonuses"));
    push_array(out, &rep.bonuses, push_item)?;
    out.push_str(key!("adjustments"));
    push_array(out, &rep.adjustments, push_adjustment)?;
    out.push_str(key!("draw"));
    match &rep.draw {
        Some(draw) => push_serde(out, draw)?,
        None => out.push_str("null"),
    }
    for (key, figure) in [(key!("base_total"), rep.base_total), (key!("variable_pay"), rep.variable_pay), (key!("total_pay"), rep.total_pay)] {
        out.push_str(key);
        push_figure(out, Some(figure));
    }
    out.push_str(key!("warnings"));
    push_array(out, &rep.warnings, push_problem)?;
    out.push('}');
    Ok(())
}

/// A warning: most reps of some plans have one (a base pay share out of range), and its words
/// in two languages are most of the rep's JSON.
fn push_problem(out: &mut String, problem: &Problem) -> serde_json::Result<()> {
    out.push_str("{\"code\":");
    push_string(out, problem.code);
    out.push_str(key!("severity"));
    out.push_str(match problem.severity {
        Severity::Error => "\"error\"",
        Severity::Warning => "\"warning\"",
    });
    out.push_str(key!("path"));
    push_string(out, &problem.path);
    out.push_str(key!("value"));
    match &problem.value {
        Some(value) => push_string(out, value),
        None => out.push_str("null"),
    }
    out.push_str(",\"message\":{\"en\":");
    push_string(out, &problem.message.en);
    out.push_str(key!("zh"));
    push_string(out, &problem.message.zh);
    out.push_str("}}");
    Ok(())
}

fn push_item(out: &mut String, item: &PayItem) -> serde_json::Result<()> {
    out.push_str("{\"id\":");
    push_string(out, &item.id);
    out.push_str(key!("kind"));
    push_string(out, item.kind);
    out.push_str(key!("amount"));
    push_figure(out, Some(item.amount));
    end_with_explanation(out, &item.explain)
}

fn push_line(out: &mut String, line: &LineResult) -> serde_json::Result<()> {
    out.push_str("{\"id\":");
    push_string(out, &line.id);
    for (key, figure) in [(key!("base"), Some(line.base)), (key!("target"), line.target), (key!("attainment_pct"), line.attainment_pct), (key!("pay"), Some(line.pay))] {
        out.push_str(key);
        push_figure(out, figure);
    }
    out.push_str(key!("slices"));
    push_list(out, &line.slices)?;
    end_with_explanation(out, &line.explain)
}

fn push_adjustment(out: &mut String, adjustment: &AdjustmentResult) -> serde_json::Result<()> {
    out.push_str("{\"line\":");
    push_string(out, &adjustment.line);
    for (key, text) in [(key!("reference"), &adjustment.reference), (key!("original_period"), &adjustment.original_period)] {
        out.push_str(key);
        push_string(out, text);
    }
    out.push_str(key!("returned"));
    push_figure(out, Some(adjustment.returned));
    out.push_str(key!("grade_then"));
    push_string(out, &adjustment.grade_then);
    out.push_str(key!("amount"));
    push_figure(out, Some(adjustment.amount));
    end_with_explanation(out, &adjustment.explain)
}

/// `,"explain":{…}}`: the explanation a pay item, a line and a clawback end with (none when
/// quiet), and the end.
fn end_with_explanation(out: &mut String, explanation: &Explanation) -> serde_json::Result<()> {
    if !explanation.is_quiet() {
        out.push_str(key!("explain"));
        push_explanation(out, explanation);
    }
    out.push('}');
    Ok(())
}

fn push_explanation(out: &mut String, explanation: &Explanation) {
    out.push_str("{\"steps\":[");
    for (i, step) in explanation.steps.iter().enumerate() {
        out.push_str(if i == 0 { "{\"key\":" } else { ",{\"key\":" });
        push_string(out, step.key);
        out.push_str(key!("value"));
        push_figure(out, Some(step.value));
        if let Some(period) = &step.period {
            out.push_str(key!("period"));
            push_string(out, period);
        }
        out.push('}');
    }
    out.push_str("],\"notes\":[");
    for (i, note) in explanation.notes.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        push_string(out, note);
    }
    out.push_str("]}");
}

/// `[item,item,…]`, each written by `push`.
fn push_array<T>(out: &mut String, items: &[T], push: impl Fn(&mut String, &T) -> serde_json::Result<()>) -> serde_json::Result<()> {
    out.push('[');
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        push(out, item)?;
    }
    out.push(']');
    Ok(())
}

/// `[]`, or the list as serde_json writes it.
fn push_list<T: Serialize>(out: &mut String, items: &[T]) -> serde_json::Result<()> {
    if items.is_empty() {
        out.push_str("[]");
        Ok(())
    } else {
        push_serde(out, items)
    }
}

fn push_serde<T: ?Sized + Serialize>(out: &mut String, value: &T) -> serde_json::Result<()> {
    out.push_str(&crate::ascii_json::to_string(value)?);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::push_rep;
    use crate::evaluate::{RepResult, Shown};

    /// Every rep of every preset, and of every preset with a draw, in every period and year
    /// to date, with and without the explanations and parts, with the sample returns loaded:
    /// the text serde_json writes. Every part a rep can have is among them.
    #[test]
    fn a_rep_written_by_hand_is_the_one_serde_json_writes() {
        let mut seen = [0usize; 10];
        for preset in crate::presets::PRESETS {
            let mut with_draw: serde_json::Value = serde_json::from_str(preset.json).unwrap();
            with_draw["draw"] = serde_json::json!({ "amount": 10000 });
            for plan in [preset.json.to_string(), with_draw.to_string()] {
                let mut ws = crate::Workspace::new(crate::sample_dataset());
                assert!(ws.load_adjustments(crate::data::sample_adjustments_csv()).is_ok());
                assert!(ws.set_plan_json(&plan).ok, "{}", preset.id);
                for period in ws.data().periods.clone() {
                    for shown in [Shown::ALL, Shown { explain: false, parts: false, rep: None }] {
                        let evaluations = [ws.evaluate_with_signals_detail(&period, shown).map(|b| b.evaluation), ws.evaluate_ytd_detail(&period, shown)];
                        for rep in evaluations.iter().flatten().flat_map(|e| &e.reps) {
                            let mut out = String::new();
                            push_rep(&mut out, rep).unwrap();
                            assert_eq!(out, crate::ascii_json::to_string(rep).unwrap(), "{} {period} {}", preset.id, rep.rep_id);
                            // Every figure explained when asked for, none (no key) when not.
                            let explained = shown.explain;
                            assert!(explanations(rep).all(|e| e.is_quiet() != explained), "{} {period} {}", preset.id, rep.rep_id);
                            assert_eq!(out.contains("explain\":"), explained, "{} {period} {}", preset.id, rep.rep_id);
                            for (count, has) in seen.iter_mut().zip(parts(rep)) {
                                *count += usize::from(has);
                            }
                        }
                    }
                }
            }
        }
        assert!(seen.iter().all(|&n| n > 0), "kpis and points, slices, steps of a period, notes, adjustments, draw, flags, grade places, warnings, explanations left out: {seen:?}");
    }

    /// A warning with and without a value, its words with quotes, a backslash, a line break,
    /// Chinese and a character outside the Basic Multilingual Plane: serde_json's text.
    #[test]
    fn a_warning_written_by_hand_is_the_one_serde_json_writes() {
        use crate::problem::{Message, Problem, Severity};
        for (severity, value) in [(Severity::Warning, None), (Severity::Error, Some("\"12\" \\ 万".to_string()))] {
            let problem = Problem {
                code: "base_share_out_of_range",
                severity,
                path: "reps.E01.base_pay".into(),
                value,
                message: Message { en: "Rep \"Zhang\" (E01)\nis 52.75% — 30–40%".into(), zh: "销售人员 张伟（E01）🙂 的基础薪酬".into() },
            };
            let mut out = String::new();
            super::push_problem(&mut out, &problem).unwrap();
            assert_eq!(out, crate::ascii_json::to_string(&problem).unwrap());
        }
    }

    /// Every explanation of `rep`'s figures.
    fn explanations(rep: &RepResult) -> impl Iterator<Item = &crate::explain::Explanation> {
        let items = rep.base_pay.iter().chain(&rep.bonuses).map(|i| &i.explain);
        let lines = rep.commission.iter().map(|l| &l.explain).chain(rep.adjustments.iter().map(|a| &a.explain));
        items.chain(lines).chain(rep.kpis.iter().map(|k| &k.explain)).chain(std::iter::once(&rep.points_explain))
    }

    /// Which of the parts written by serde_json, or in a form of their own, `rep` has.
    fn parts(rep: &RepResult) -> [bool; 10] {
        [
            !rep.kpis.is_empty() && !rep.points.is_empty(),
            rep.commission.iter().any(|l| !l.slices.is_empty()),
            explanations(rep).any(|e| e.steps.iter().any(|s| s.period.is_some())),
            explanations(rep).any(|e| !e.notes.is_empty()),
            !rep.adjustments.is_empty(),
            rep.draw.is_some(),
            !rep.flags.is_empty(),
            rep.grade_places.is_some(),
            !rep.warnings.is_empty(),
            explanations(rep).any(|e| e.is_quiet()),
        ]
    }
}
