//! Bonuses. Each rep first gets its own figure for a bonus (`bonus_value`): the amount of
//! an over-achievement or threshold bonus, or the measure a rank or pool bonus looks at.
//! Once grades are known, `allocate` turns those figures into amounts for everyone: grade
//! filters and multipliers, ranks with their tie rule, team pools and profit shares split
//! exactly to the cent (see `split_pool`).

use super::split_pool;
use crate::calc::{sum, CalcError, Checked};
use crate::explain::{Explanation, Trace};
use crate::formula::{EvalNotes, Expr};
use crate::plan::{Grouping, RankTies};
use rust_decimal::Decimal;
use std::collections::BTreeMap;

/// A bonus ready to apply; percentages are fractions.
#[derive(Debug, Clone, PartialEq)]
pub struct CompiledBonus {
    /// Whether each grade band may get the bonus.
    pub eligible: Vec<bool>,
    /// The multiplier of each grade band.
    pub grade_multipliers: Vec<Decimal>,
    /// The rule.
    pub kind: BonusKind,
}

/// The compiled bonus rules.
#[derive(Debug, Clone, PartialEq)]
pub enum BonusKind {
    /// `rate` of the excess over `excess_over` × target, when the actual is above `above` × target.
    OverAchievement {
        /// The actual's formula.
        actual: Expr,
        /// The target's formula.
        target: Expr,
        /// The level the actual must be strictly above, as a fraction of the target.
        above: Decimal,
        /// Where the excess is counted from, as a fraction of the target.
        excess_over: Decimal,
        /// The share of the excess paid, as a fraction.
        rate: Decimal,
    },
    /// `amount` when `when` is non-zero.
    Threshold {
        /// The condition's formula.
        when: Expr,
        /// The amount paid when it holds.
        amount: Decimal,
    },
    /// `amount` for each rep ranked within `top` by `measure`.
    Rank {
        /// The formula reps are ranked by.
        measure: Expr,
        /// How many places win.
        top: usize,
        /// The amount per place.
        amount: Decimal,
        /// How ties at the last winning places are paid.
        ties: RankTies,
        /// Whom reps are ranked with.
        within: Grouping,
        /// Reps whose measure is not above it are not ranked (higher-is-better only).
        minimum: Decimal,
        /// The lowest measure ranks first.
        lower_is_better: bool,
    },
    /// `weight` is the contribution measure or the weight formula.
    TeamPool {
        /// The pool each winning group gets.
        pool: Decimal,
        /// The groups compared.
        group_by: Grouping,
        /// How many groups win.
        winners: usize,
        /// Each rep's weight in the split.
        weight: Expr,
    },
    /// A pool split among every eligible rep.
    ProfitShare {
        /// The profit shared, as the plan writes it.
        profit: Decimal,
        /// The share of the profit pooled, in percent.
        pool_pct: Decimal,
        /// The pool: profit × its share, rounded as the plan rounds money.
        pool: Decimal,
        /// Each rep's weight in the split.
        weight: Expr,
    },
}

impl BonusKind {
    /// Whether a rep's amount depends on the other reps' figures (ranks and pools), not only
    /// on its own figure and grade.
    pub fn allocated_across_reps(&self) -> bool {
        matches!(self, BonusKind::Rank { .. } | BonusKind::TeamPool { .. } | BonusKind::ProfitShare { .. })
    }

    /// The bonus rule's name, as written in plan files.
    pub fn name(&self) -> &'static str {
        match self {
            BonusKind::OverAchievement { .. } => "over_achievement",
            BonusKind::Threshold { .. } => "threshold",
            BonusKind::Rank { .. } => "rank",
            BonusKind::TeamPool { .. } => "team_pool",
            BonusKind::ProfitShare { .. } => "profit_share",
        }
    }
}

fn eval(expr: &Expr, vars: &[Decimal], ex: &mut Explanation) -> Result<Decimal, CalcError> {
    let mut notes = EvalNotes::default();
    let v = expr.eval(vars, &mut notes).map_err(|_| CalcError::Overflow)?;
    if notes.div_by_zero {
        ex.note("div_by_zero");
    }
    Ok(v)
}

/// A rep's own figure for bonus `b`: its amount for over-achievement and threshold bonuses,
/// the measure it is ranked by, or its weight in a pool.
pub fn bonus_value(b: &CompiledBonus, vars: &[Decimal], ex: &mut Explanation) -> Result<Decimal, CalcError> {
    Ok(match &b.kind {
        BonusKind::OverAchievement { actual, target, above, excess_over, rate } => {
            let a = eval(actual, vars, ex)?;
            let t = eval(target, vars, ex)?;
            if t <= Decimal::ZERO {
                return Err(CalcError::TargetNotPositive(t));
            }
            let hundred = Decimal::ONE_HUNDRED;
            ex.value("actual", a);
            ex.value("target", t);
            ex.value("attainment_pct", a.checked_div(t).and_then(|r| r.times(hundred)).ok_or(CalcError::Overflow)?);
            ex.value("above_pct", *above * hundred); // ok: validated percentages
            ex.value("excess_over_pct", *excess_over * hundred);
            ex.value("rate_pct", *rate * hundred);
            let level = t.times(*above).ok_or(CalcError::Overflow)?;
            if a <= level {
                ex.note("not_above_level");
                Decimal::ZERO
            } else {
                let excess = a.minus(t.times(*excess_over).ok_or(CalcError::Overflow)?).ok_or(CalcError::Overflow)?;
                ex.value("excess", excess);
                let earned = excess.times(*rate).ok_or(CalcError::Overflow)?;
                ex.value("amount", earned);
                earned
            }
        }
        BonusKind::Threshold { when, amount } => {
            // A comparison's two sides, so that its outcome shows how near it was (89 against 90).
            if let Expr::Bin(op, left, right) = when {
                if op.compares() && ex.wants("compared") {
                    let compared = eval(left, vars, ex)?;
                    ex.value("compared", compared);
                    let against = eval(right, vars, ex)?;
                    ex.value("against", against);
                }
            }
            if eval(when, vars, ex)?.is_zero() {
                ex.note("condition_not_met");
                Decimal::ZERO
            } else {
                ex.note("condition_met");
                ex.value("amount", *amount);
                *amount
            }
        }
        BonusKind::Rank { measure, .. } => {
            let m = eval(measure, vars, ex)?;
            ex.value("measure", m);
            m
        }
        BonusKind::TeamPool { weight, .. } | BonusKind::ProfitShare { weight, .. } => {
            let w = eval(weight, vars, ex)?;
            ex.value("weight", w);
            w
        }
    })
}

/// What `allocate` needs to know of each rep.
#[derive(Debug, Clone, PartialEq)]
pub struct BonusRep<'a> {
    /// Grade band index.
    pub grade: usize,
    /// The rep's region.
    pub region: &'a str,
    /// The rep's role.
    pub role: &'a str,
    /// The rep's own figure (from `bonus_value`).
    pub value: Decimal,
    /// Headline attainment (actual, target), for team pools.
    pub attainment: Option<(Decimal, Decimal)>,
}

impl<'a> BonusRep<'a> {
    /// The group the rep is ranked or pooled with: its region, its role, or everyone's ("").
    pub fn group(&self, by: Grouping) -> &'a str {
        match by {
            Grouping::All => "",
            Grouping::Region => self.region,
            Grouping::Role => self.role,
        }
    }
}

/// The sum of the positive weights (what a pool is split by).
fn positive_sum(weights: &[Decimal]) -> Result<Decimal, CalcError> {
    sum(weights.iter().map(|w| (*w).max(Decimal::ZERO))).ok_or(CalcError::Overflow)
}

/// The amounts of bonus `b` for every rep, at the money `scale` for pool shares (other
/// amounts are unrounded). Each rep's explanation gets the allocation's working.
pub fn allocate(b: &CompiledBonus, reps: &[BonusRep], scale: u32, explains: &mut [Explanation]) -> Result<Vec<Decimal>, CalcError> {
    let n = reps.len();
    let mut amounts = vec![Decimal::ZERO; n];
    let eligible: Vec<bool> = reps.iter().map(|r| b.eligible.get(r.grade).copied().unwrap_or(false)).collect();
    for (i, ok) in eligible.iter().enumerate() {
        if !ok {
            explains[i].note("grade_not_eligible");
        }
    }
    let multiplier = |i: usize| b.grade_multipliers.get(reps[i].grade).copied().unwrap_or(Decimal::ONE);
    match &b.kind {
        BonusKind::OverAchievement { .. } | BonusKind::Threshold { .. } => {
            for i in (0..n).filter(|i| eligible[*i]) {
                amounts[i] = times_grade(&mut explains[i], reps[i].value, multiplier(i))?;
            }
        }
        BonusKind::Rank { top, amount, ties, within, minimum, lower_is_better, .. } => {
            let above_minimum = |i: usize| *lower_is_better || reps[i].value > *minimum;
            for i in (0..n).filter(|i| eligible[*i] && !above_minimum(*i)) {
                explains[i].value("minimum", *minimum);
                explains[i].note("not_above_minimum");
            }
            let ranked = (0..n).filter(|i| eligible[*i] && above_minimum(*i));
            for (_, members) in crate::grouping::by_name(ranked.map(|i| (reps[i].group(*within), i))) {
                // Lower is better: rank the negated measure (negation cannot overflow a Decimal).
                let values: Vec<Decimal> = members.iter().map(|i| if *lower_is_better { -reps[*i].value } else { reps[*i].value }).collect();
                let rank = crate::order::ranks(&values);
                // How many members share each rank; and, for a tie that shares the places
                // left, its split (worked out once) and how many of its shares are handed out.
                let mut tied_at: BTreeMap<usize, usize> = BTreeMap::new();
                for r in &rank {
                    *tied_at.entry(*r).or_insert(0) += 1;
                }
                let mut shares_at: BTreeMap<usize, (Vec<Decimal>, usize)> = BTreeMap::new();
                for (m, &i) in members.iter().enumerate() {
                    explains[i].value("rank", Decimal::from(rank[m]));
                    explains[i].value("top", Decimal::from(*top));
                    if rank[m] > *top {
                        continue;
                    }
                    let tied = tied_at[&rank[m]];
                    let last_place = rank[m] + tied - 1;
                    amounts[i] = if last_place <= *top || *ties == RankTies::IncludeAll {
                        // A tie inside the top takes its places; one across the last place is paid beyond it.
                        if tied > 1 {
                            explains[i].note(if last_place <= *top { "tied" } else { "tie_included" });
                        }
                        explains[i].value("amount", *amount);
                        *amount
                    } else {
                        explains[i].note("tie_shared");
                        // The places left from this rank to `top`, shared by the tied reps.
                        let places = Decimal::from(top + 1 - rank[m]);
                        let pooled = amount.times(places).ok_or(CalcError::Overflow)?;
                        // The tied reps in member order take the shares in order.
                        let (shares, given) = match shares_at.entry(rank[m]) {
                            std::collections::btree_map::Entry::Occupied(e) => e.into_mut(),
                            std::collections::btree_map::Entry::Vacant(e) => {
                                e.insert((split_pool(pooled, &vec![Decimal::ONE; tied], scale).map_err(|_| CalcError::Overflow)?, 0))
                            }
                        };
                        *given += 1;
                        explains[i].value("places_pooled", pooled);
                        explains[i].value("tied_reps", Decimal::from(tied));
                        explains[i].value("amount", shares[*given - 1]);
                        // 5,000 in three: 1,666.67, 1,666.67 and 1,666.66 (the cent to the earlier reps).
                        if pooled.checked_div(Decimal::from(tied)).map(|even| crate::rounding::round_dp(even, scale, rust_decimal::RoundingStrategy::MidpointAwayFromZero)) != Some(shares[*given - 1]) {
                            explains[i].note("largest_remainder");
                        }
                        shares[*given - 1]
                    };
                    amounts[i] = times_grade(&mut explains[i], amounts[i], multiplier(i))?;
                }
            }
        }
        BonusKind::TeamPool { pool, group_by, winners, .. } => {
            let groups = crate::grouping::by_name(reps.iter().enumerate().map(|(i, rep)| (rep.group(*group_by), i)));
            let attainment: Vec<Decimal> = groups
                .iter()
                .map(|(_, members)| {
                    let (a, t) = members.iter().filter_map(|i| reps[*i].attainment).fold((Decimal::ZERO, Decimal::ZERO), |(a, t), (x, y)| (a.saturating_add(x), t.saturating_add(y)));
                    // Sums that saturate cannot rank a group honestly: such a group ranks last (0).
                    if t > Decimal::ZERO && a.abs() < Decimal::MAX && t < Decimal::MAX { a.checked_div(t).unwrap_or_default() } else { Decimal::ZERO }
                })
                .collect();
            let rank = crate::order::ranks(&attainment);
            for (g, (_, members)) in groups.iter().enumerate() {
                let group_pct = attainment[g].times(Decimal::ONE_HUNDRED).ok_or(CalcError::Overflow)?;
                for &i in members {
                    explains[i].value("group_attainment_pct", group_pct);
                    explains[i].value("group_rank", Decimal::from(rank[g]));
                }
                if rank[g] > *winners {
                    continue;
                }
                let tied = rank.iter().filter(|r| **r == rank[g]).count();
                let places = (*winners).min(rank[g] + tied - 1) + 1 - rank[g];
                let group_pool = if tied == 1 {
                    *pool
                } else {
                    // The pools of the places the tied groups take, shared equally (to the cent).
                    let pooled = pool.times(Decimal::from(places)).ok_or(CalcError::Overflow)?;
                    let position = rank.iter().enumerate().filter(|(_, r)| **r == rank[g]).position(|(k, _)| k == g).unwrap_or(0);
                    split_pool(pooled, &vec![Decimal::ONE; tied], scale).map_err(|_| CalcError::Overflow)?[position]
                };
                let takers: Vec<usize> = members.iter().copied().filter(|i| eligible[*i]).collect();
                let weights: Vec<Decimal> = takers.iter().map(|i| reps[*i].value).collect();
                let shares = split_pool(group_pool, &weights, scale).map_err(|_| CalcError::Overflow)?;
                let total = positive_sum(&weights)?;
                for (k, &i) in takers.iter().enumerate() {
                    if tied > 1 {
                        // The group shares its place: its pool is a part of the places' pools.
                        explains[i].note("place_shared");
                        explains[i].value("tied_groups", Decimal::from(tied));
                    }
                    explains[i].value("group_pool", group_pool);
                    explains[i].value("weights_total", total);
                    explain_share(&mut explains[i], group_pool, weights[k], total, takers.len(), shares[k], scale);
                    amounts[i] = shares[k];
                }
            }
        }
        BonusKind::ProfitShare { profit, pool_pct, pool, .. } => {
            let takers: Vec<usize> = (0..n).filter(|i| eligible[*i]).collect();
            let weights: Vec<Decimal> = takers.iter().map(|i| reps[*i].value).collect();
            let shares = split_pool(*pool, &weights, scale).map_err(|_| CalcError::Overflow)?;
            let total = positive_sum(&weights)?;
            for (k, &i) in takers.iter().enumerate() {
                explains[i].value("profit", *profit);
                explains[i].value("pool_pct", *pool_pct);
                explains[i].value("pool", *pool);
                explains[i].value("weights_total", total);
                explain_share(&mut explains[i], *pool, weights[k], total, takers.len(), shares[k], scale);
                amounts[i] = shares[k];
            }
        }
    }
    Ok(amounts)
}

/// `amount` × the rep's grade `multiplier`, which the explanation gives when it is not 1.
fn times_grade(ex: &mut Explanation, amount: Decimal, multiplier: Decimal) -> Result<Decimal, CalcError> {
    if multiplier != Decimal::ONE {
        ex.value("grade_multiplier", multiplier);
    }
    amount.times(multiplier).ok_or(CalcError::Overflow)
}

/// A pool share's working, when explained: the exact share (`pool × weight / total`, or an
/// equal part when every weight is 0, noted `split_equally`; a negative weight counts as 0,
/// noted `negative_weight_as_zero`), and the note `largest_remainder` when the share paid is
/// not that share rounded half up: each share is cut to the cent and the cents left over go to
/// the largest remainders, so that the shares add up to the pool.
fn explain_share(ex: &mut Explanation, pool: Decimal, weight: Decimal, total: Decimal, takers: usize, share: Decimal, scale: u32) {
    if !ex.wants("exact_share") {
        return;
    }
    let exact = if total.is_zero() { pool.checked_div(Decimal::from(takers)) } else { pool.times(weight.max(Decimal::ZERO)).and_then(|p| p.checked_div(total)) };
    if total.is_zero() {
        ex.note("split_equally");
    } else if weight < Decimal::ZERO {
        ex.note("negative_weight_as_zero");
    }
    if let Some(exact) = exact {
        ex.value("exact_share", exact);
        if crate::rounding::round_dp(exact, scale, rust_decimal::RoundingStrategy::MidpointAwayFromZero) != share {
            ex.note("largest_remainder");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::formula::BinOp;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    fn bonus(kind: BonusKind) -> CompiledBonus {
        CompiledBonus { eligible: vec![true; 4], grade_multipliers: vec![Decimal::ONE; 4], kind }
    }

    fn rep(region: &'static str, value: &str) -> BonusRep<'static> {
        BonusRep { grade: 1, region, role: "nb", value: d(value), attainment: None }
    }

    fn value(b: &CompiledBonus, vars: &[&str]) -> Decimal {
        let vars: Vec<Decimal> = vars.iter().map(|v| d(v)).collect();
        bonus_value(b, &vars, &mut Explanation::default()).unwrap()
    }

    fn run(b: &CompiledBonus, reps: &[BonusRep]) -> Vec<Decimal> {
        let mut ex = vec![Explanation::default(); reps.len()];
        allocate(b, reps, 2, &mut ex).unwrap()
    }

    #[test]
    fn over_achievement_1_percent_of_the_excess_over_120_or_over_100() {
        // Target 100万, actual 150万, above 120%: 1% × (150万 − 120万) = 3,000; over 100%: 5,000.
        let over = |excess_over: &str| {
            bonus(BonusKind::OverAchievement { actual: Expr::Var(0), target: Expr::Var(1), above: d("1.2"), excess_over: d(excess_over), rate: d("0.01") })
        };
        assert_eq!(value(&over("1.2"), &["1500000", "1000000"]), d("3000"));
        assert_eq!(value(&over("1"), &["1500000", "1000000"]), d("5000"));
        // At exactly 120% nothing is above the level.
        assert_eq!(value(&over("1"), &["1200000", "1000000"]), d("0"));
    }

    #[test]
    fn threshold_nps_90_pays_3000() {
        let b = bonus(BonusKind::Threshold { when: Expr::Var(0), amount: d("3000") });
        assert_eq!(value(&b, &["1"]), d("3000"));
        assert_eq!(value(&b, &["0"]), d("0"));
        // A comparison is explained by its two sides: NPS 89 against 90, not met.
        let b = bonus(BonusKind::Threshold { when: Expr::Bin(BinOp::Ge, Box::new(Expr::Var(0)), Box::new(Expr::Num(d("90")))), amount: d("3000") });
        let mut ex = Explanation::recording(true);
        assert_eq!(bonus_value(&b, &[d("89")], &mut ex).unwrap(), d("0"));
        assert_eq!((ex.get("compared"), ex.get("against"), ex.notes.as_slice()), (Some(d("89")), Some(d("90")), ["condition_not_met"].as_slice()));
    }

    #[test]
    fn a_grade_multiplier_is_explained_with_the_amount_it_multiplies() {
        // Top 1 pays 5,000; grade A (index 1) × 1.2 = 6,000; the explanation says both.
        let mut b = bonus(BonusKind::Rank { measure: Expr::Var(0), top: 1, amount: d("5000"), ties: RankTies::IncludeAll, within: Grouping::All, minimum: d("0"), lower_is_better: false });
        b.grade_multipliers[1] = d("1.2");
        let reps = [rep("E", "9"), rep("E", "7")];
        let mut ex = vec![Explanation::recording(true); reps.len()];
        assert_eq!(allocate(&b, &reps, 2, &mut ex).unwrap(), [d("6000.0"), d("0")]);
        assert_eq!((ex[0].get("amount"), ex[0].get("grade_multiplier")), (Some(d("5000")), Some(d("1.2"))));
        // Second place wins nothing: nothing to multiply.
        assert_eq!((ex[1].get("amount"), ex[1].get("grade_multiplier")), (None, None));
    }

    #[test]
    fn top_3_in_new_customers_with_a_tie_at_third_place() {
        // New customers 12, 10, 9, 9, 7: ranks 1, 2, 3, 3, 5.
        let reps = [rep("E", "12"), rep("E", "10"), rep("E", "9"), rep("E", "9"), rep("E", "7")];
        let rank = |ties| bonus(BonusKind::Rank { measure: Expr::Var(0), top: 3, amount: d("5000"), ties, within: Grouping::All, minimum: d("0"), lower_is_better: false });
        // Everyone tied at the last place gets the full 5,000 (four bonuses paid).
        assert_eq!(run(&rank(RankTies::IncludeAll), &reps), [d("5000"), d("5000"), d("5000"), d("5000"), d("0")]);
        // Or the third place's 5,000 is shared: 2,500 each.
        assert_eq!(run(&rank(RankTies::Share), &reps), [d("5000"), d("5000"), d("2500.00"), d("2500.00"), d("0")]);
    }

    #[test]
    fn rank_within_regions_and_only_above_the_minimum() {
        let reps = [rep("E", "3"), rep("E", "5"), rep("W", "0"), rep("W", "1")];
        let b = bonus(BonusKind::Rank { measure: Expr::Var(0), top: 1, amount: d("100"), ties: RankTies::IncludeAll, within: Grouping::Region, minimum: d("0"), lower_is_better: false });
        let mut ex = vec![Explanation::recording(true); reps.len()];
        assert_eq!(allocate(&b, &reps, 2, &mut ex).unwrap(), [d("0"), d("100"), d("0"), d("100")]);
        // West's 0 is not above the minimum: not ranked, and its explanation says why.
        assert_eq!((ex[2].get("minimum"), ex[2].get("rank"), ex[2].notes.as_slice()), (Some(d("0")), None, ["not_above_minimum"].as_slice()));
        assert_eq!((ex[3].get("rank"), ex[3].notes.as_slice()), (Some(d("1")), [].as_slice()));
        // Lower is better (the fastest response): the lowest in each region wins.
        let b = bonus(BonusKind::Rank { measure: Expr::Var(0), top: 1, amount: d("100"), ties: RankTies::IncludeAll, within: Grouping::Region, minimum: d("0"), lower_is_better: true });
        assert_eq!(run(&b, &reps), [d("100"), d("0"), d("100"), d("0")]);
    }

    #[test]
    fn team_pool_to_the_first_region_split_by_contribution_to_the_cent() {
        // East: 300 / 200 = 150%; West: 250 / 200 = 125%. East wins 100,000, split 1:1:1.
        let mut reps = vec![rep("E", "100"), rep("E", "100"), rep("E", "100"), rep("W", "250")];
        for (r, a) in reps.iter_mut().zip([("100", "100"), ("100", "50"), ("100", "50"), ("250", "200")]) {
            r.attainment = Some((d(a.0), d(a.1)));
        }
        let b = bonus(BonusKind::TeamPool { pool: d("100000"), group_by: Grouping::Region, winners: 1, weight: Expr::Var(0) });
        let mut ex = vec![Explanation::recording(true); reps.len()];
        let got = allocate(&b, &reps, 2, &mut ex).unwrap();
        assert_eq!(got, [d("33333.34"), d("33333.33"), d("33333.33"), d("0")]);
        // 33,333.333… each: the first gets the cent left over, which rounding would not give it.
        let exact = d("100000") / d("3");
        assert_eq!((ex[0].get("exact_share"), ex[0].notes.as_slice()), (Some(exact), ["largest_remainder"].as_slice()));
        assert_eq!((ex[1].get("exact_share"), ex[1].notes.as_slice()), (Some(exact), [].as_slice()));
        // A negative weight counts as 0; weights all 0 split the pool equally: both said.
        for (weights, note) in [(["-5", "5"], "negative_weight_as_zero"), (["0", "0"], "split_equally")] {
            let reps: Vec<BonusRep> = weights.iter().map(|w| {
                let mut r = rep("E", w);
                r.attainment = Some((d("1"), d("1")));
                r
            }).collect();
            let mut ex = vec![Explanation::recording(true); 2];
            allocate(&b, &reps, 2, &mut ex).unwrap();
            assert_eq!(ex[0].notes.first(), Some(&note), "{weights:?}");
        }
        assert_eq!(got.iter().sum::<Decimal>(), d("100000"));
    }

    #[test]
    fn team_pool_shared_by_tied_regions() {
        let mut reps = vec![rep("E", "1"), rep("W", "1"), rep("N", "1")];
        for (r, a) in reps.iter_mut().zip([("100", "100"), ("100", "100"), ("50", "100")]) {
            r.attainment = Some((d(a.0), d(a.1)));
        }
        let b = bonus(BonusKind::TeamPool { pool: d("100000"), group_by: Grouping::Region, winners: 1, weight: Expr::Var(0) });
        assert_eq!(run(&b, &reps), [d("50000.00"), d("50000.00"), d("0")]);
    }

    #[test]
    fn profit_share_of_eligible_grades_by_contribution() {
        // 5% of 2,000,000 = 100,000 for grades S and A (indexes 0, 1), by revenue 1:3.
        let mut b = bonus(BonusKind::ProfitShare { profit: d("2000000"), pool_pct: d("5"), pool: d("100000"), weight: Expr::Var(0) });
        b.eligible = vec![true, true, false, false];
        let mut reps = vec![rep("E", "100"), rep("E", "300"), rep("E", "900")];
        reps[2].grade = 2;
        assert_eq!(run(&b, &reps), [d("25000.00"), d("75000.00"), d("0")]);
    }
}
