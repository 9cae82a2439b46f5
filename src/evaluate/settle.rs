//! Settling pay once every rep of a period is graded: commission lines take their grade
//! multiplier and cap; bonuses are allocated over everyone (grade filters, ranks, pools);
//! returned revenue claws back the commission it earned; base pay is added; the variable
//! pay cap and the draw apply; rounding applies to each line or to the total; and the pay
//! warnings (minimum wage, base share) are raised.

use super::rep::{calc_problem, rep_problem, RepWork};
use super::alone::{CrossRep, Standing};
use super::Detail;
use super::results::{AdjustmentResult, LineResult, PayItem, RepResult};
use crate::data::{Adjustment, Dataset};
use crate::label::Label;
use crate::explain::{Explanation, Trace};
use crate::pay::{allocate, draw_step, line_after_grade, line_before_grade, BonusKind, BonusRep};
use crate::plan::{CompiledPlan, RoundingApplies};
use crate::packed::PackedFigures;
use crate::problem::Problem;
use crate::shown::money;
use crate::calc::{sum, Checked};
use rust_decimal::Decimal;
use rustc_hash::FxHashMap;

/// What each rep owes on the draw at the start of the period (by rep id).
pub(super) type Owed = FxHashMap<Label, Decimal>;

/// Why a period could not be settled: the rep whose figures could not be worked out (the
/// period is settled again without it), or none when the plan's own figures overflow.
pub(super) struct Unsettled {
    /// The rep to leave out (its index in the data), if the failure is its figures'.
    pub rep: Option<usize>,
    /// What failed, about the rep or the plan.
    pub problem: Problem,
}

/// Pays every graded rep of `period` (`results`, in place; `works[i]` is the working of
/// `results[i]`'s grade-independent pay). With `owed`, the plan's draw applies; without it the
/// variable pay is what was earned (used to run the draw account over earlier periods).
/// The reps `detail` names are explained.
pub(super) fn settle(plan: &CompiledPlan, data: &Dataset, period: usize, mut results: Vec<RepResult>, mut works: Vec<RepWork>, owed: Option<&Owed>, detail: Detail, problems: &mut Vec<Problem>, keep: Option<&mut CrossRep>) -> Result<Vec<RepResult>, Unsettled> {
    let bands: Vec<usize> = results.iter().map(|r| band_of(plan, &r.grade)).collect();
    let scale = plan.plan.rounding.money_scale;
    if let Some(keep) = keep {
        keep_cross_rep(plan, &results, &works, owed, keep);
    }
    // Each bonus's amount and working, moved out rep by rep in `works` order.
    let mut bonuses: Vec<_> = allocate_bonuses(plan, data, &results, &bands, &mut works, scale)?.into_iter().map(Vec::into_iter).collect();
    let clawbacks = clawbacks(plan, data, period, &results, &works, detail, problems);
    let mut scratch = Vec::new();
    for (i, (r, work)) in results.iter_mut().zip(&mut works).enumerate() {
        let mut own_bonuses = bonuses.iter_mut().map(|b| b.next().unwrap_or_default());
        let owes = owed.map(|o| owed_by(o, r));
        pay_rep(plan, data, r, work, bands[i], &mut own_bonuses, clawbacks.get(&i).cloned().unwrap_or_default(), owes, detail, &mut scratch)?;
    }
    Ok(results)
}

/// What rep `r` owes on the draw at the start of the period (nothing when it owes nothing).
fn owed_by(owed: &Owed, r: &RepResult) -> Decimal {
    owed.get(&r.rep_id).copied().unwrap_or_default()
}

/// Keeps in `keep` what settling one rep alone needs of the others (see [`CrossRep`]), in
/// `results` order: each rep's own figure for each bonus allocated across reps, its attainment
/// when a team pool adds it up, what it owed on the draw.
fn keep_cross_rep(plan: &CompiledPlan, results: &[RepResult], works: &[RepWork], owed: Option<&Owed>, keep: &mut CrossRep) {
    let column = |figure: &dyn Fn(usize) -> Option<Decimal>| {
        let mut packed = PackedFigures::with_capacity(results.len());
        (0..results.len()).for_each(|i| packed.push(figure(i)));
        packed
    };
    keep.bonus_values = (0..plan.bonuses.len())
        .map(|b| plan.bonuses[b].kind.allocated_across_reps().then(|| column(&|i| works[i].bonus_values.get(b).map(|v| v.0))))
        .collect();
    let pooled = plan.bonuses.iter().any(|b| matches!(b.kind, crate::pay::BonusKind::TeamPool { .. }));
    keep.attainment = pooled.then(|| (column(&|i| results[i].attainment_actual), column(&|i| results[i].attainment_target)));
    keep.owed = plan.plan.draw.as_ref().zip(owed).map(|(_, owed)| column(&|i| Some(owed_by(owed, &results[i]))));
}

/// Pays the rep at position `at` of `everyone` alone (`r`, graded, and `work`, the working of
/// its grade-independent pay), explained: the bonuses allocated across reps read the others'
/// figures from `kept`.
#[allow(clippy::too_many_arguments)]
pub(super) fn settle_alone(plan: &CompiledPlan, data: &Dataset, period: usize, mut r: RepResult, mut work: RepWork, everyone: &[Standing], at: usize, kept: &CrossRep) -> Result<RepResult, Problem> {
    let band = everyone[at].band;
    let bonuses = allocate_alone(plan, data, everyone, at, kept, &mut work)?;
    let detail = Detail::Rep(work.rep);
    // Returns the rep's period did not apply are the run's warnings, not the rep's.
    let clawbacks = clawbacks(plan, data, period, std::slice::from_ref(&r), std::slice::from_ref(&work), detail, &mut Vec::new());
    let owes = kept.owed.as_ref().map(|o| o.get(at).unwrap_or_default());
    pay_rep(plan, data, &mut r, &mut work, band, &mut bonuses.into_iter(), clawbacks.get(&0).cloned().unwrap_or_default(), owes, detail, &mut Vec::new()).map_err(|u| u.problem)?;
    Ok(r)
}

/// Every bonus's amount and working for the rep at position `at` of `everyone`, its own
/// figures moved out of `work`: a bonus allocated across reps is allocated over everyone,
/// their figures read from `kept`; another over the rep alone.
fn allocate_alone(plan: &CompiledPlan, data: &Dataset, everyone: &[Standing], at: usize, kept: &CrossRep, work: &mut RepWork) -> Result<Vec<(Decimal, Explanation)>, Problem> {
    let scale = plan.plan.rounding.money_scale;
    // A rep's grade and groups; its figures are read only for the reps allocated with it.
    let standing = |i: usize| {
        let rep = &data.reps[everyone[i].rep];
        BonusRep { grade: everyone[i].band, region: &rep.region, role: &rep.role, value: Decimal::ZERO, attainment: None }
    };
    let own = std::mem::take(&mut work.bonus_values);
    let mut out = Vec::with_capacity(own.len());
    for (((value, explain), bonus), (values, src)) in own.into_iter().zip(&plan.bonuses).zip(kept.bonus_values.iter().zip(&plan.plan.bonuses)) {
        let (reps, mine): (Vec<BonusRep>, usize) = match values {
            Some(values) => {
                // A rank within a region or a role is that group's alone.
                let group = match bonus.kind {
                    BonusKind::Rank { within, .. } => Some((within, standing(at).group(within))),
                    _ => None,
                };
                // Only a team pool reads attainment.
                let pooled = matches!(bonus.kind, BonusKind::TeamPool { .. }).then_some(kept.attainment.as_ref()).flatten();
                let mut reps = Vec::new();
                let mut mine = 0;
                for i in 0..everyone.len() {
                    let mut rep = standing(i);
                    if group.is_some_and(|(by, name)| rep.group(by) != name) {
                        continue;
                    }
                    if i == at {
                        (rep.value, mine) = (value, reps.len());
                    } else {
                        rep.value = values.get(i).unwrap_or_default();
                    }
                    rep.attainment = pooled.and_then(|(actual, target)| actual.get(i).zip(target.get(i)));
                    reps.push(rep);
                }
                (reps, mine)
            }
            None => (vec![BonusRep { value, ..standing(at) }], 0),
        };
        let mut explains = vec![Explanation::recording(false); reps.len()];
        explains[mine] = explain;
        let amounts = allocate(bonus, &reps, scale, &mut explains).map_err(|e| calc_problem(&data.reps[work.rep], &src.id, e))?;
        out.push((amounts[mine], std::mem::take(&mut explains[mine])));
    }
    Ok(out)
}

/// Pays one graded rep (`r`, in its grade band `band`; `work` is the working of its
/// grade-independent pay): its lines after the grade, its bonuses (`bonuses`: each bonus's
/// amount and working, in plan order), its clawbacks, its base pay items, then the totals
/// (`finish`; `owes`: what the rep owes on the draw, when it applies). `scratch` holds the
/// base pay items of a rep whose parts are not kept.
#[allow(clippy::too_many_arguments)]
fn pay_rep(plan: &CompiledPlan, data: &Dataset, r: &mut RepResult, work: &mut RepWork, band: usize, bonuses: &mut dyn Iterator<Item = (Decimal, Explanation)>, adjustments: Vec<AdjustmentResult>, owes: Option<Decimal>, detail: Detail, scratch: &mut Vec<PayItem>) -> Result<(), Unsettled> {
    let rep = &data.reps[work.rep];
    // A table's evaluation keeps the figures and the codes of the warnings, not their words.
    let words = detail.keeps_pay_details(work.rep);
    let round = |v: Decimal| item_rounding(plan, v);
    r.commission.reserve_exact(plan.lines.len());
    r.bonuses.reserve_exact(plan.bonuses.len());
    for ((line, lw), src) in plan.lines.iter().zip(work.lines.iter_mut()).zip(&plan.plan.commission) {
        let pay = line_after_grade(line, lw, band).map_err(|e| Unsettled { rep: Some(work.rep), problem: calc_problem(rep, &src.id, e) })?;
        let pay = round(pay);
        lw.explain.value("pay", pay);
        // The line worked this figure out already (and checked that it fits); a table does
        // not keep it.
        let attainment_pct = lw.attainment.filter(|_| words).and_then(|a| a.times(Decimal::ONE_HUNDRED)).map(|p| crate::plan::RoundingMode::HalfUp.apply(p, 2));
        if lw.base < Decimal::ZERO {
            // Paid as the plan says (a negative commission), and said: it is most often a
            // figure of the data written with the wrong sign.
            r.warnings.push(rep_warning(rep, "negative_base", &src.id, lw.base, words, || {
                let (base, paid) = (money(lw.base), money(pay));
                (
                    format!("has a credited base of {base} for `{}`: a negative base pays a negative commission ({paid}); check the figures", src.id),
                    format!("的 `{}` 计提金额为 {base}：负数计提金额产生负提成（{paid}），请核对数据", src.id),
                )
            }));
        }
        r.commission.push(LineResult {
            id: src.id.clone(),
            base: lw.base,
            target: lw.target,
            attainment_pct,
            pay,
            slices: std::mem::take(&mut lw.slices),
            explain: std::mem::take(&mut lw.explain),
        });
    }
    for (((amount, mut explain), src), compiled) in bonuses.zip(&plan.plan.bonuses).zip(&plan.bonuses) {
        // The figure paid ends the working, as a line's does: after the grade multiplier and the rounding.
        let paid = round(amount);
        explain.value("pay", paid);
        r.bonuses.push(PayItem { id: src.id.clone(), kind: compiled.kind.name(), amount: paid, explain });
    }
    r.adjustments = adjustments;
    // A table keeps the base total, not the items it adds up: they go to a list cleared for
    // each rep instead of a list made and dropped per rep (a rep's are worked out again when
    // it is explained).
    let base_items = if words { &mut r.base_pay } else { scratch };
    base_items.clear();
    if let (Some(base), Some(bp)) = (&mut work.base, &plan.base_pay) {
        base_items.reserve_exact(1 + bp.allowances.len());
        base_items.push(PayItem { id: SALARY, kind: "salary", amount: round(base.salary), explain: std::mem::take(&mut base.explain) });
        for ((amount, src), (roles, _)) in base.allowances.iter().zip(plan.plan.base_pay.iter().flat_map(|b| &b.allowances)).zip(&bp.allowances) {
            if roles.as_ref().is_none_or(|r| r.iter().any(|x| *x == rep.role)) {
                let mut ex = Explanation::recording(detail.records(work.rep));
                ex.value("monthly", src.monthly);
                ex.value("months", bp.months);
                base_items.push(PayItem { id: src.id.clone(), kind: "allowance", amount: round(*amount), explain: ex });
            }
        }
        if let Some(minimum) = base.below_minimum {
            let monthly = base.monthly;
            r.warnings.push(rep_warning(rep, "below_minimum_wage", "base_pay", monthly, words, || {
                let (shown, minimum) = (money(monthly), money(minimum));
                (format!("has a monthly salary of {shown}, below the local minimum of {minimum}"), format!("的月底薪 {shown} 低于当地最低工资 {minimum}"))
            }));
        }
    }
    let base_total = sum(base_items.iter().map(|p| p.amount));
    finish(plan, rep, r, base_total, owes, words).map_err(|rule| Unsettled { rep: Some(work.rep), problem: calc_problem(rep, rule, crate::calc::CalcError::Overflow) })
}

/// The id of a rep's salary among its base pay items.
const SALARY: Label = Label::built_in(arcstr::literal!("salary"));

/// A pay item rounded when rounding applies to each line, else kept exact.
fn item_rounding(plan: &CompiledPlan, v: Decimal) -> Decimal {
    let r = &plan.plan.rounding;
    match r.applies_to {
        RoundingApplies::EachLine => r.mode.apply(v, r.money_scale),
        RoundingApplies::Total => v,
    }
}

/// Totals, the variable pay cap, the draw, the final rounding and the base-share warning
/// (in words when `words`); `base_total` is the sum of the rep's base pay items (`None` when
/// it does not fit); `owes`, what the rep owes on the draw when the draw applies.
fn finish(plan: &CompiledPlan, rep: &crate::data::Rep, r: &mut RepResult, base_total: Option<Decimal>, owes: Option<Decimal>, words: bool) -> Result<(), &'static str> {
    r.base_total = base_total.ok_or("total_pay")?;
    let earned = sum(r.commission.iter().map(|l| l.pay).chain(r.bonuses.iter().map(|b| b.amount)).chain(r.adjustments.iter().map(|a| a.amount))).ok_or("total_pay")?;
    let mut variable = earned;
    if let Some(cap) = plan.plan.variable_pay_cap.filter(|c| variable > *c) {
        r.warnings.push(rep_warning(rep, "variable_pay_capped", "variable_pay", variable, words, || {
            let (earned, cap) = (money(variable), money(cap));
            (format!("earned {earned} of variable pay, capped at {cap}"), format!("的浮动薪酬 {earned} 超过上限，按 {cap} 发放"))
        }));
        variable = cap;
    }
    if let (Some(draw), Some(owes)) = (&plan.plan.draw, owes) {
        let step = draw_step(draw.amount, draw.recoverable, variable, owes).ok_or("draw")?;
        variable = step.paid;
        r.draw = Some(step.at_scale(plan.plan.rounding.money_scale));
    }
    let rounding = &plan.plan.rounding;
    if rounding.applies_to == RoundingApplies::EachLine {
        variable = crate::rounding::rescale(variable, rounding.money_scale);
        r.base_total = crate::rounding::rescale(r.base_total, rounding.money_scale);
    }
    r.variable_pay = variable;
    r.total_pay = rounding.mode.apply(r.base_total.plus(variable).ok_or("total_pay")?, rounding.money_scale);
    if let Some(bp) = plan.base_pay.as_ref().filter(|_| r.total_pay > Decimal::ZERO) {
        let share = r.base_total.checked_div(r.total_pay).ok_or("total_pay")?;
        let (low, high) = bp.share_range;
        if share < low || share > high {
            let (l, h) = (low * Decimal::ONE_HUNDRED, high * Decimal::ONE_HUNDRED); // ok: validated percentages
            let pct = shown_outside(share.times(Decimal::ONE_HUNDRED).ok_or("total_pay")?, l, h);
            r.warnings.push(rep_warning(rep, "base_share_out_of_range", "base_pay", pct, words, || {
                (
                    format!("has base pay of {pct}% of total pay, outside the {}–{}% the plan aims for", l.normalize(), h.normalize()),
                    format!("的基础薪酬占总薪酬的 {pct}%，不在方案设定的 {}–{}% 范围内", l.normalize(), h.normalize()),
                )
            }));
        }
    }
    Ok(())
}

/// `pct`, which is outside `low`–`high`, rounded (half up) to 2 places, or to as many more as
/// it takes to show it outside: 29.9996% is "29.9996%", not "30.00%" outside 30–40%.
fn shown_outside(pct: Decimal, low: Decimal, high: Decimal) -> Decimal {
    (2..=12).map(|dp| crate::plan::RoundingMode::HalfUp.apply(pct, dp)).find(|p| *p < low || *p > high).unwrap_or(pct)
}

/// A pay warning about `rep` at its `field` (`reps.E01.base_pay`), in `words` (its path, value and
/// message) or as its code alone.
fn rep_warning(rep: &crate::data::Rep, code: &'static str, field: &str, value: Decimal, words: bool, message: impl FnOnce() -> (String, String)) -> Problem {
    if !words {
        return Problem::warning(code, String::new(), None, String::new(), String::new());
    }
    let (en, zh) = message();
    let p = rep_problem(rep, code, field, Some(value.to_string()), en, zh);
    Problem { severity: crate::problem::Severity::Warning, ..p }
}

/// The index of `grade` among the plan's bands (a rep's grade is a copy of one of them, found
/// by pointer before any text is read), once per rep for its lines and every bonus.
fn band_of(plan: &CompiledPlan, grade: &Label) -> usize {
    let bands = &plan.plan.grades.bands;
    bands.iter().position(|b| b.grade.is_copy_of(grade)).or_else(|| bands.iter().position(|b| b.grade == *grade)).unwrap_or(0)
}

/// Every bonus's amount and working for every rep, in `results` order; each rep's working of
/// its own figure for the bonus is moved out of `works` into it.
fn allocate_bonuses(plan: &CompiledPlan, data: &Dataset, results: &[RepResult], bands: &[usize], works: &mut [RepWork], scale: u32) -> Result<Vec<Vec<(Decimal, Explanation)>>, Unsettled> {
    let mut out = Vec::with_capacity(plan.bonuses.len());
    // Each rep's figures and workings, bonus by bonus: moved, not taken one at a time (which
    // left an empty explanation to drop in their place).
    let mut own: Vec<_> = works.iter_mut().map(|w| std::mem::take(&mut w.bonus_values).into_iter()).collect();
    for (bonus, src) in plan.bonuses.iter().zip(&plan.plan.bonuses) {
        let (values, mut explains): (Vec<Decimal>, Vec<Explanation>) = own.iter_mut().map(|o| o.next().unwrap_or_default()).unzip();
        let reps: Vec<BonusRep> = results
            .iter()
            .zip(bands)
            .zip(values)
            .map(|((r, &grade), value)| BonusRep {
                grade,
                region: &r.region,
                role: &r.role,
                value,
                attainment: r.attainment_actual.zip(r.attainment_target),
            })
            .collect();
        let amounts = allocate(bonus, &reps, scale, &mut explains).map_err(|_| match culprit(bonus, &reps) {
            Some((k, figure)) => {
                let rep = &data.reps[works[k].rep];
                let id = &src.id;
                Unsettled {
                    rep: Some(works[k].rep),
                    problem: rep_problem(
                        rep,
                        "overflow",
                        &format!("bonuses.{id}"),
                        Some(figure.to_string()),
                        format!("has a figure too large to work out bonus `{id}` exactly ({figure}); left out, and the bonus worked out without this rep"),
                        format!("的数值过大（{figure}），无法精确计算奖金 `{id}`；已排除该销售人员，奖金按其余人员计算"),
                    ),
                }
            }
            None => Unsettled {
                rep: None,
                problem: Problem::error(
                    "overflow",
                    format!("bonuses.{}", src.id),
                    None,
                    format!("bonus `{}` involves figures too large to compute exactly", src.id),
                    format!("奖金 `{}` 涉及的数值过大，无法精确计算", src.id),
                ),
            },
        })?;
        out.push(amounts.into_iter().zip(explains).collect());
    }
    Ok(out)
}

/// The rep (its position in `reps`) and figure that made allocating `bonus` overflow: the
/// largest figure the allocation multiplies (the measure a bonus is worked out from, a pool's
/// split weight, or the revenue a team's attainment adds up). `None` for a rank bonus, whose
/// amounts are the plan's own.
fn culprit(bonus: &crate::pay::CompiledBonus, reps: &[BonusRep]) -> Option<(usize, Decimal)> {
    if matches!(bonus.kind, crate::pay::BonusKind::Rank { .. }) {
        return None;
    }
    let pooled = matches!(bonus.kind, crate::pay::BonusKind::TeamPool { .. });
    let figures = reps.iter().enumerate().flat_map(|(k, r)| {
        let attainment = r.attainment.filter(|_| pooled).map(|(actual, _)| actual);
        std::iter::once((k, r.value)).chain(attainment.map(|a| (k, a)))
    });
    figures.max_by(|a, b| a.1.abs().cmp(&b.1.abs()))
}

/// The clawbacks charged in `period`, by index into `results` (and `works`, beside it).
fn clawbacks(plan: &CompiledPlan, data: &Dataset, period: usize, results: &[RepResult], works: &[RepWork], detail: Detail, problems: &mut Vec<Problem>) -> FxHashMap<usize, Vec<AdjustmentResult>> {
    let mut out: FxHashMap<usize, Vec<AdjustmentResult>> = FxHashMap::default();
    let mut grades_in: GradesIn = FxHashMap::default();
    let mut flags_in: FlagsIn = FxHashMap::default();
    // A plan without commission lines pays nothing a return could take back.
    if plan.lines.is_empty() || !data.adjustments.iter().any(|a| a.period == period) {
        return out;
    }
    // A return in the period of its sale takes this period's grades, already given: evaluating
    // the period again for them would settle it again, and so on without end.
    grades_in.insert(period, results.iter().map(|r| (r.rep_id.clone(), r.grade.clone())).collect());
    let position: FxHashMap<usize, usize> = works.iter().enumerate().map(|(i, w)| (w.rep, i)).collect();
    let sales = returns_by_sale(data, period);
    for (at, adj) in data.adjustments.iter().enumerate().filter(|(_, a)| a.period == period) {
        let Some(&w) = position.get(&adj.rep) else { continue };
        // The same sale's returns charged before this one, in order.
        let before: Vec<Decimal> = sales.get(&(adj.rep, adj.original_period, adj.line.as_str())).map_or_else(Vec::new, |list| {
            list.iter().take_while(|&&j| j != at).map(|&j| data.adjustments[j].amount).collect()
        });
        match clawback(plan, data, adj, &before, (&mut grades_in, &mut flags_in), detail.records(adj.rep)) {
            Ok(result) => out.entry(w).or_default().push(result),
            Err(problem) => problems.push(problem),
        }
    }
    out
}

/// The returns charged up to `period`, by sale (rep, original period, line), each sale's in
/// the order they were charged (by period, then as listed).
fn returns_by_sale(data: &Dataset, period: usize) -> FxHashMap<(usize, usize, &str), Vec<usize>> {
    let mut sales: FxHashMap<(usize, usize, &str), Vec<usize>> = FxHashMap::default();
    for (at, a) in data.adjustments.iter().enumerate().filter(|(_, a)| a.period <= period) {
        sales.entry((a.rep, a.original_period, a.line.as_str())).or_default().push(at);
    }
    for list in sales.values_mut() {
        crate::sorting::sort_by_key(list, |&at| (data.adjustments[at].period, at));
    }
    sales
}

/// What the earlier returns of a sale took off its credited base: each in turn, as far as
/// what was credited still covers it (one that did not fit was not applied, and takes nothing).
fn returned_before(earlier: &[Decimal], credited: Decimal) -> Decimal {
    earlier.iter().fold(Decimal::ZERO, |taken, amount| taken.plus(*amount).filter(|t| *t <= credited).unwrap_or(taken))
}

/// Each original period's grades by rep id, worked out once.
type GradesIn = FxHashMap<usize, FxHashMap<Label, Label>>;
/// Each original period's high-potential flags by data rep, worked out once.
type FlagsIn = FxHashMap<usize, Option<Vec<bool>>>;

/// Commission on the original sale recomputed without the returned revenue, less what it
/// paid, at the grade the rep had then; explained when `record`. `earlier` are the amounts of
/// the same sale's returns charged before this one: the commission is recomputed without
/// them and without this one, less what was due without them, so that a sale's clawbacks add
/// up exactly to what all its returns together take back.
fn clawback(plan: &CompiledPlan, data: &Dataset, adj: &Adjustment, earlier: &[Decimal], (grades_in, flags_in): (&mut GradesIn, &mut FlagsIn), record: bool) -> Result<AdjustmentResult, Problem> {
    let rep = &data.reps[adj.rep];
    let original = &data.periods[adj.original_period];
    let not_applied = |en: String, zh: String| {
        Problem::warning("adjustment_not_applied", format!("reps.{}.adjustments", rep.id), Some(adj.reference.clone()), format!("Return `{}` of rep {} ({}): {en}", adj.reference, rep.name(), rep.id), format!("销售人员 {}（{}）的退回 `{}`：{zh}", rep.display_name_zh(), rep.id, adj.reference))
    };
    let Some(index) = plan.plan.commission.iter().position(|l| l.id == adj.line) else {
        return Err(not_applied(format!("this plan has no commission line `{}`", adj.line), format!("本方案没有提成项 `{}`", adj.line)));
    };
    let Some(row) = data.row_of(adj.rep, adj.original_period) else {
        return Err(not_applied(format!("the rep has no figures for {original}"), format!("该销售人员在 {original} 没有数据")));
    };
    let grades = grades_in.entry(adj.original_period).or_insert_with(|| super::period_grades(plan, data, adj.original_period));
    let Some((grade, grade_then)) = grades.get(&rep.id).and_then(|g| Some((plan.plan.grades.bands.iter().position(|b| &b.grade == g)?, g.clone()))) else {
        return Err(not_applied(format!("the rep could not be evaluated in {original}"), format!("该销售人员在 {original} 无法计算")));
    };
    let mut vars = vec![Decimal::ZERO; plan.slots.names.len()];
    let mut div_by_zero = vec![false; plan.slots.names.len()];
    super::rep::fill_vars(plan, data, &row, &mut vars, &mut div_by_zero)?;
    // The line as it was paid then: with the rep's high-potential flag of that period.
    let flagged = flags_in.entry(adj.original_period).or_insert_with(|| super::high_potential_flags(plan, data, adj.original_period));
    super::set_high_potential(plan, flagged.as_deref(), adj.rep, &mut vars);
    let line = &plan.lines[index];
    let calc = |e| calc_problem(rep, &adj.line, e);
    let credited = line_before_grade(line, &vars, Decimal::ZERO, false).map_err(calc)?.base;
    let before = returned_before(earlier, credited);
    let mut full = line_before_grade(line, &vars, before, false).map_err(calc)?;
    // More returned than the line credited then would take back more than it paid.
    if adj.amount > full.base {
        let first = before.is_zero();
        let (amount, left, credited, before) = (money(adj.amount), money(full.base), money(credited), money(before));
        return Err(if first {
            not_applied(
                format!("{amount} returned is more than the {left} credited to `{}` in {original}", adj.line),
                format!("退回金额 {amount} 超过 {original} 计入 `{}` 的 {left}", adj.line),
            )
        } else {
            not_applied(
                format!("{amount} returned is more than the {left} left of the {credited} credited to `{}` in {original}, after {before} returned before", adj.line),
                format!("退回金额 {amount} 超过剩余可退金额 {left}（{original} 计入 `{}` 的 {credited}，此前已退回 {before}）", adj.line),
            )
        });
    }
    let total_returned = before.plus(adj.amount).ok_or_else(|| calc(crate::calc::CalcError::Overflow))?;
    let mut reduced = line_before_grade(line, &vars, total_returned, record).map_err(calc)?;
    // What was paid then and what is due now, each as the plan rounds a line: the clawback
    // takes back exactly the difference, to the cent.
    let paid = item_rounding(plan, line_after_grade(line, &mut full, grade).map_err(calc)?);
    let due = item_rounding(plan, line_after_grade(line, &mut reduced, grade).map_err(calc)?);
    let amount = due.minus(paid).ok_or_else(|| calc(crate::calc::CalcError::Overflow))?;
    let mut explain = reduced.explain;
    if !before.is_zero() {
        explain.value("returned_before", before);
    }
    // The first return of a sale is taken from what was paid; a later one from what was due
    // after the returns before it.
    explain.value(if before.is_zero() { "paid_then" } else { "due_before_this_return" }, paid);
    explain.value("due_without_return", due);
    explain.value("clawback", amount);
    Ok(AdjustmentResult { line: adj.line.clone(), reference: adj.reference.clone(), original_period: original.clone(), returned: adj.amount, grade_then, amount, explain })
}
