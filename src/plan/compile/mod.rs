//! Compiling a plan against the data it will evaluate: every formula parsed with its names
//! bound to slots, metrics put in dependency order, targets resolved per rep, KPI weights
//! normalised where asked, percentages turned into fractions. Problems that need the data
//! (unknown names, roles, regions, reps, periods) are found here.

mod formulas;
mod pay;
mod signals;
mod targets;

pub use formulas::Slots;

pub use signals::{CompiledImprovement, CompiledSignals, SignalExpr};
pub use targets::CompiledTarget;

use super::validate::period_problem;
use super::{validate, Plan, Scoring, TargetBasis, HIGH_POTENTIAL};
use crate::data::Dataset;
use crate::formula::Expr;
use crate::problem::Problem;
use crate::pay::{CompiledBasePay, CompiledBonus, CompiledLine};
use crate::score::{CompiledKpi, CompiledPointItem, CompiledPoints, KpiScoring, RatioLimits};
use formulas::{order_metrics, Formulas};
use rust_decimal::Decimal;
use std::fmt;

/// A plan ready to evaluate on the data it was compiled against.
#[derive(Debug, Clone)]
pub struct CompiledPlan {
    /// The plan as written.
    pub plan: Plan,
    /// The names formulas can use and their slots in a rep's variables.
    pub slots: Slots,
    /// Derived metrics, each after the metrics it reads.
    pub metrics: Vec<CompiledMetric>,
    /// One per plan target; target `i` lives in slot `slots.columns + i`.
    pub targets: Vec<CompiledTarget>,
    /// The headline attainment's (actual, target) formulas, when the plan has one.
    pub attainment: Option<(Expr, Expr)>,
    /// One per plan scorecard, in plan order.
    pub cards: Vec<CompiledCard>,
    /// The card of each data rep (by rep index), if one covers its role.
    pub card_of_rep: Vec<Option<usize>>,
    /// The point items and the caps on the totals.
    pub points: CompiledPoints,
    /// Each grade band's minimum, best first (the last is `None`).
    pub band_mins: Vec<Option<Decimal>>,
    /// The quotas in percent when the distribution is enforced.
    pub quotas: Option<Vec<Decimal>>,
    /// (year, index in year) of each data period, when its name is of the plan's kind.
    pub period_keys: Vec<Option<(i32, usize)>>,
    /// One per commission line, in plan order.
    pub lines: Vec<CompiledLine>,
    /// The base pay, when the plan has one.
    pub base_pay: Option<CompiledBasePay>,
    /// One per bonus, in plan order.
    pub bonuses: Vec<CompiledBonus>,
    /// Data columns the plan reads; a rep missing one of them cannot be evaluated.
    pub used_columns: Vec<usize>,
    /// Things worth a warning that do not stop the plan.
    pub warnings: Vec<Problem>,
    /// The signals' formulas, reps and periods.
    pub signals: CompiledSignals,
    /// The slot of the high-potential flag, when the plan has a high-potential rule.
    pub high_potential: Option<usize>,
}

impl CompiledPlan {
    /// A data period's place in time (year × periods per year + index), when its name is of
    /// the plan's kind.
    pub fn period_order(&self, period: usize) -> Option<i64> {
        let per_year = self.plan.period.per_year() as i64;
        self.period_keys.get(period).copied().flatten().map(|(year, index)| i64::from(year) * per_year + index as i64)
    }

    /// The data period `back` periods before `period` (1 = the one just before), if the data has it.
    pub fn period_back(&self, period: usize, back: i64) -> Option<usize> {
        let wanted = self.period_order(period)? - back;
        (0..self.period_keys.len()).find(|p| self.period_order(*p) == Some(wanted))
    }

    /// Each named target's value for data rep `rep` in data period `period`, in plan order
    /// (target `i` goes in slot `slots.columns + i`).
    pub fn target_values(&self, rep: usize, period: usize) -> impl Iterator<Item = Decimal> + '_ {
        let index = self.period_keys.get(period).copied().flatten().map_or(0, |k| k.1);
        self.targets.iter().map(move |t| t.value(rep, period, index))
    }

    /// Works out the derived metrics into `vars`, whose columns and targets are filled, in
    /// dependency order. `div_by_zero[slot]` is set for each metric whose value involved a
    /// division by zero, its own or a metric's it reads. `Err(slot)`: the metric in that slot
    /// does not fit a Decimal.
    pub fn fill_metrics(&self, vars: &mut [Decimal], div_by_zero: &mut [bool]) -> Result<(), usize> {
        for m in &self.metrics {
            let mut notes = crate::formula::EvalNotes::default();
            vars[m.slot] = m.expr.eval(vars, &mut notes).map_err(|_| m.slot)?;
            div_by_zero[m.slot] = notes.div_by_zero || m.reads.iter().any(|s| div_by_zero[*s]);
        }
        Ok(())
    }

    /// Fills the metrics `needed` says yes to (by index into [`CompiledPlan::metrics`]; it must
    /// say yes to every metric those read, as a [`SignalExpr`]'s `metrics` do) that can be
    /// worked out when the slots marked in `unknown` are blank: a metric that reads one
    /// (directly or through another metric), or that cannot be computed, is marked unknown
    /// itself. What the signals read, which need only their own figures.
    pub(crate) fn fill_known_metrics(&self, needed: impl Fn(usize) -> bool, vars: &mut [Decimal], unknown: &mut [bool]) {
        // In plan order: every metric after those it reads.
        for m in self.metrics.iter().enumerate().filter(|(i, _)| needed(*i)).map(|(_, m)| m) {
            match m.expr.eval_known(vars, unknown) {
                Some(v) => vars[m.slot] = v,
                None => unknown[m.slot] = true,
            }
        }
    }
}

/// A derived metric: its slot, its formula and the metric slots the formula reads.
#[derive(Debug, Clone)]
pub struct CompiledMetric {
    /// The slot the metric's value goes in.
    pub slot: usize,
    /// The formula, names bound to slots.
    pub expr: Expr,
    /// The metric slots the formula reads.
    pub reads: Vec<usize>,
}

/// The derived-metric slots (from `start` on) read by `exprs`, each once.
pub(super) fn metrics_read<'a>(exprs: impl IntoIterator<Item = &'a Expr>, start: usize) -> Vec<usize> {
    let mut slots = Vec::new();
    for e in exprs {
        e.vars(&mut slots);
    }
    slots.retain(|s| *s >= start);
    crate::sorting::sort(&mut slots);
    slots.dedup();
    slots
}

/// A scorecard with its KPIs compiled and weights normalised.
#[derive(Debug, Clone)]
pub struct CompiledCard {
    /// The card's KPIs, in card order.
    pub kpis: Vec<CompiledKpi>,
}

/// Validates `plan` and compiles it against `data`.
pub fn compile(plan: &Plan, data: &Dataset) -> Result<CompiledPlan, Vec<Problem>> {
    let mut problems = validate(plan);
    let period_keys = period_keys(plan, data, &mut problems);

    let target_names: Vec<(String, String)> = plan.targets.iter().enumerate().map(|(i, t)| (t.id.clone(), format!("targets[{i}].id"))).collect();
    let metric_names: Vec<(String, String)> = plan.metrics.iter().enumerate().map(|(i, m)| (m.id.clone(), format!("metrics[{i}].id"))).collect();
    let mut slots = Slots::new(&data.columns, &target_names, &metric_names, &mut problems);
    let high_potential = plan.signals.high_potential.as_ref().and_then(|_| slots.add_builtin(HIGH_POTENTIAL, "signals.high_potential", &mut problems));
    let mut f = Formulas::new(&slots);

    let start = slots.metrics_start();
    let parsed: Vec<(usize, Expr, String)> = plan
        .metrics
        .iter()
        .enumerate()
        .filter_map(|(i, m)| {
            let path = format!("metrics[{i}].formula");
            let expr = f.parse(&m.formula, &path)?;
            flag_not_read(&expr, high_potential, &path, &m.formula, &mut f.problems);
            Some((start + i, expr, path))
        })
        .collect();
    let metrics: Vec<CompiledMetric> = order_metrics(parsed, &slots, &mut f.problems)
        .into_iter()
        .map(|(slot, expr)| CompiledMetric { slot, reads: metrics_read([&expr], start), expr })
        .collect();

    let money = (plan.rounding.money_scale, plan.rounding.mode);
    let targets = plan.targets.iter().enumerate().map(|(i, t)| targets::compile_target(t, &format!("targets[{i}]"), data, plan.period, money, &mut f.problems)).collect();

    let attainment = plan.attainment.as_ref().and_then(|a| {
        let actual = f.parse(&a.actual, &"attainment.actual");
        let target = f.parse(&a.target, &"attainment.target");
        if let Some(t) = &target {
            positive_constant(t, &"attainment.target", &mut f.problems);
        }
        Some((actual?, target?))
    });

    let score_scale = plan.rounding.score_scale.min(super::validate::MAX_SCALE);
    let cards: Vec<CompiledCard> = plan.scorecards.iter().enumerate().map(|(c, card)| compile_card(card, &format!("scorecards[{c}]"), score_scale, &mut f)).collect();
    let role_twice = problems.iter().any(|p| p.code == "role_on_two_cards");
    let card_of_rep = cards_of_reps(plan, data, role_twice, &mut f.problems);
    let points = compile_points(plan, &mut f);
    let lines = pay::compile_lines(plan, &mut f);
    let base_pay = plan.base_pay.as_ref().and_then(|b| pay::compile_base_pay(b, plan, data, &mut f));
    let bonuses = pay::compile_bonuses(plan, &mut f);

    let grades = &plan.grades;
    let band_mins = grades.bands.iter().map(|b| b.min_score).collect();
    let quotas = grades.distribution.as_ref().filter(|d| d.enforce).map(|d| d.guide.iter().map(|g| g.quota_pct.unwrap_or_default()).collect());

    problems.append(&mut f.problems);
    let signals = signals::compile_signals(plan, data, &slots, &metrics, high_potential, &mut problems);
    let mut used = f.used;
    if problems.iter().any(Problem::is_error) {
        return Err(problems);
    }
    crate::sorting::sort(&mut used);
    used.dedup();
    Ok(CompiledPlan {
        plan: plan.clone(),
        slots,
        metrics,
        targets,
        attainment,
        cards,
        card_of_rep,
        points,
        band_mins,
        quotas,
        period_keys,
        lines,
        base_pay,
        bonuses,
        used_columns: used,
        warnings: problems,
        signals,
        high_potential,
    })
}

/// The high-potential flag is worked out from metrics and signal formulas, so none of them
/// may read it: a formula at `path` that does is an error.
fn flag_not_read(expr: &Expr, flag: Option<usize>, path: &str, text: &str, problems: &mut Vec<Problem>) {
    let mut vars = Vec::new();
    expr.vars(&mut vars);
    if flag.is_some_and(|slot| vars.contains(&slot)) {
        problems.push(Problem::error(
            "high_potential_circular",
            path,
            Some(text.to_string()),
            format!("`{HIGH_POTENTIAL}` is worked out from metrics and signal formulas, so they cannot use it; use it in scoring and pay formulas"),
            format!("`{HIGH_POTENTIAL}` 由指标和信号公式计算得出，它们不能引用它；请在评分和薪酬公式中使用"),
        ));
    }
}

/// Each data period's place in its year. Period names must be of the plan's kind (2026-Q1
/// for quarters…) when the plan splits annual targets or looks for grade streaks; other
/// plans work on any period names.
fn period_keys(plan: &Plan, data: &Dataset, problems: &mut Vec<Problem>) -> Vec<Option<(i32, usize)>> {
    let keys: Vec<Option<(i32, usize)>> = data.periods.iter().map(|name| plan.period.parse(name)).collect();
    // Base pay is paid for the months of a period, so the periods must be the plan's kind too.
    let needed = plan.grades.streak.is_some()
        || plan.signals.needs_period_order()
        || plan.base_pay.is_some()
        || plan.targets.iter().any(|t| t.basis == TargetBasis::Annual || t.overrides.iter().any(|o| o.from.is_some()));
    if needed {
        for (name, key) in data.periods.iter().zip(&keys) {
            if key.is_none() {
                problems.push(period_problem("period", name, plan.period.example()));
            }
        }
    }
    keys
}

/// The card of each rep: the first card in plan order whose `roles` and `regions` filters
/// both match it, else the card without filters. Roles and regions a card names that the
/// data does not have are errors (most often a misspelling), and so is a card that no rep
/// can get because earlier cards take all its reps.
fn cards_of_reps(plan: &Plan, data: &Dataset, role_twice: bool, problems: &mut Vec<Problem>) -> Vec<Option<usize>> {
    for (c, card) in plan.scorecards.iter().enumerate() {
        let known = |field: &str, names: &Option<Vec<String>>, of: &dyn Fn(&crate::data::Rep) -> &str, problems: &mut Vec<Problem>| {
            for (i, name) in names.iter().flatten().enumerate() {
                if !data.reps.iter().any(|rep| of(rep) == name) {
                    let all = crate::grouping::distinct(data.reps.iter().map(of));
                    let (what, what_zh) = if field == "roles" { ("role", "岗位") } else { ("region", "区域") };
                    problems.push(Problem::error(
                        "unknown_id",
                        format!("scorecards[{c}].{field}[{i}]"),
                        Some(name.clone()),
                        format!("there is no {what} `{name}` in the data ({what}s: {})", all.join(", ")),
                        format!("数据中没有{what_zh} `{name}`（现有{what_zh}：{}）", all.join("、")),
                    ));
                }
            }
        };
        known("roles", &card.roles, &|r| &r.role, problems);
        known("regions", &card.regions, &|r| &r.region, problems);
    }
    let matches = |card: &super::Scorecard, rep: &crate::data::Rep| {
        card.roles.as_ref().is_none_or(|r| r.iter().any(|x| *x == rep.role)) && card.regions.as_ref().is_none_or(|r| r.iter().any(|x| *x == rep.region))
    };
    let filtered = |card: &super::Scorecard| card.roles.is_some() || card.regions.is_some();
    let default = plan.scorecards.iter().position(|c| !filtered(c));
    let chosen: Vec<Option<usize>> =
        data.reps.iter().map(|rep| plan.scorecards.iter().position(|c| filtered(c) && matches(c, rep)).or(default)).collect();
    // A role listed on two cards is reported by validation; the shadowed card would only repeat it.
    for (c, card) in plan.scorecards.iter().enumerate().filter(|(_, c)| filtered(c) && !role_twice) {
        let covers = data.reps.iter().any(|rep| matches(card, rep));
        if covers && !chosen.contains(&Some(c)) {
            problems.push(Problem::error(
                "card_never_used",
                format!("scorecards[{c}]"),
                Some(card.id.to_string()),
                format!("scorecard `{}` is never used: every rep it covers gets an earlier card", card.id),
                format!("计分卡 `{}` 不会被使用：它覆盖的销售人员都已匹配到前面的计分卡", card.id),
            ));
        }
    }
    let without: Vec<&str> = data.reps.iter().zip(&chosen).filter(|(_, c)| c.is_none()).map(|(r, _)| r.id.as_str()).collect();
    if !without.is_empty() && !plan.scorecards.is_empty() {
        let (shown, shown_zh) = crate::shown::first_ids(&without);
        problems.push(Problem::warning(
            "reps_without_card",
            "scorecards",
            Some(without.len().to_string()),
            format!("{} reps match no scorecard and will be left out ({shown}); add a card without filters to cover them", without.len()),
            format!("有 {} 位销售人员没有匹配的计分卡，将不计入结果（{shown_zh}）；可添加一张不设筛选条件的计分卡", without.len()),
        ));
    }
    chosen
}

pub(super) fn fraction(pct: Decimal) -> Decimal {
    pct / Decimal::ONE_HUNDRED // ok: dividing by 100 cannot overflow
}

/// A card's weights as used: as written, or normalised to add to exactly 100 at the score's
/// decimal places (largest remainder, like a pool split: 1 : 1 : 1 → 33.34, 33.33, 33.33, so a
/// rep on target everywhere scores 100). `None` for weights validation has rejected.
fn card_weights(card: &super::Scorecard, score_scale: u32) -> Option<Vec<Decimal>> {
    let weights: Vec<Decimal> = card.kpis.iter().map(|k| k.weight).collect();
    if !card.normalize {
        return Some(weights);
    }
    if weights.iter().any(|w| *w < Decimal::ZERO) || weights.iter().all(|w| w.is_zero()) {
        return None;
    }
    crate::pay::split_pool(Decimal::ONE_HUNDRED, &weights, score_scale).ok()
}

fn compile_card(card: &super::Scorecard, path: &str, score_scale: u32, f: &mut Formulas) -> CompiledCard {
    let weights = card_weights(card, score_scale);
    let kpis = card
        .kpis
        .iter()
        .enumerate()
        .filter_map(|(k, kpi)| {
            let kpath = format!("{path}.kpis[{k}]");
            let actual = f.parse_opt(kpi.actual.as_ref(), &format_args!("{kpath}.actual"));
            let target = f.parse_opt(kpi.target.as_ref(), &format_args!("{kpath}.target"));
            if let Some(Some(t)) = &target {
                positive_constant(t, &format_args!("{kpath}.target"), &mut f.problems);
            }
            let scoring = compile_scoring(&kpi.scoring, &format_args!("{kpath}.scoring"), f)?;
            // Compiling goes on after validation errors (to report them all): rejected weights are skipped.
            let weight = *weights.as_ref()?.get(k)?;
            let (actual, target) = (actual?, target?);
            let raters: Vec<&Expr> = match &scoring {
                KpiScoring::Rating360 { raters, .. } => raters.iter().map(|(e, _)| e).collect(),
                _ => Vec::new(),
            };
            let metrics_read = metrics_read(actual.iter().chain(target.iter()).chain(raters), f.slots.metrics_start());
            Some(CompiledKpi { actual, target, weight, scoring, metrics_read })
        })
        .collect();
    CompiledCard { kpis }
}

fn compile_scoring(scoring: &Scoring, path: &dyn fmt::Display, f: &mut Formulas) -> Option<KpiScoring> {
    let limits = |cap: Option<Decimal>, floor: Option<Decimal>, threshold: Option<Decimal>| RatioLimits {
        cap: cap.map(fraction),
        floor: floor.map(fraction),
        threshold: threshold.map(fraction),
    };
    Some(match scoring {
        Scoring::Ratio { cap_pct, floor_pct, threshold_pct } => KpiScoring::Ratio(limits(*cap_pct, *floor_pct, *threshold_pct)),
        Scoring::InverseRatio { cap_pct, floor_pct, threshold_pct } => KpiScoring::InverseRatio(limits(Some(*cap_pct), *floor_pct, *threshold_pct)),
        Scoring::Bands { basis, direction, steps, otherwise_pct } => KpiScoring::Bands {
            basis: *basis,
            direction: *direction,
            steps: steps.iter().map(|s| (s.at, fraction(s.score_pct))).collect(),
            otherwise: fraction(*otherwise_pct),
        },
        Scoring::Rating360 { raters, scale_max } => {
            let parsed: Vec<Option<(Expr, Decimal)>> =
                raters.iter().enumerate().map(|(i, r)| f.parse(&r.rating, &format_args!("{path}.raters[{i}].rating")).map(|e| (e, fraction(r.weight)))).collect();
            KpiScoring::Rating360 { raters: parsed.into_iter().collect::<Option<_>>()?, scale_max: *scale_max }
        }
        Scoring::PassFail {} => KpiScoring::PassFail,
        Scoring::Deduction { points_per_event, floor } => KpiScoring::Deduction { per_event: *points_per_event, floor: floor.unwrap_or_default() },
    })
}

fn compile_points(plan: &Plan, f: &mut Formulas) -> CompiledPoints {
    let items = plan
        .points
        .items
        .iter()
        .enumerate()
        .filter_map(|(i, item)| {
            let events = f.parse(&item.events, &format_args!("points.items[{i}].events"))?;
            let metrics_read = metrics_read([&events], f.slots.metrics_start());
            Some(CompiledPointItem { kind: item.kind, events, per_event: item.points_per_event, cap: item.cap, metrics_read })
        })
        .collect();
    CompiledPoints { items, max_bonus: plan.points.max_bonus, max_penalty: plan.points.max_penalty }
}

/// A target written as a plain number must be above zero.
pub(super) fn positive_constant(target: &Expr, path: &dyn fmt::Display, problems: &mut Vec<Problem>) {
    if let Some(value) = target.as_constant().filter(|v| *v <= Decimal::ZERO) {
        problems.push(Problem::error(
            "target_not_positive",
            path.to_string(),
            Some(value.to_string()),
            format!("a target must be above 0; it is {value}"),
            format!("目标值必须大于 0；当前为 {value}"),
        ));
    }
}
