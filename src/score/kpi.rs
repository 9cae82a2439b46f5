//! KPI scoring functions: a KPI's actual (and target) become points out of its weight.
//! Each returns the unrounded score and reports its inputs, intermediate values and the
//! rules that fired to a [`Trace`]. Hand-worked examples are in the tests below.

use crate::calc::{CalcError, Checked};
use crate::explain::Trace;
use crate::formula::{EvalNotes, Expr};
use crate::plan::{BandBasis, Direction};
use rust_decimal::Decimal;

/// Limits of a ratio, as fractions (1.2 for 120%).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RatioLimits {
    /// A ratio above it is cut to it.
    pub cap: Option<Decimal>,
    /// A ratio below it (and not below the threshold) is raised to it.
    pub floor: Option<Decimal>,
    /// A ratio below it scores 0.
    pub threshold: Option<Decimal>,
}

/// A scoring function with its parameters ready to apply (percentages as fractions).
#[derive(Debug, Clone, PartialEq)]
pub enum KpiScoring {
    /// `actual / target`, limited, × weight.
    Ratio(RatioLimits),
    /// Lower is better; `limits.cap` is always set.
    InverseRatio(RatioLimits),
    /// A lookup table; the first step the value reaches gives its share of the weight.
    Bands {
        /// What is looked up: the actual, or `actual / target × 100`.
        basis: BandBasis,
        /// Whether a step is reached at value ≥ `at` or ≤ `at`.
        direction: Direction,
        /// (at, share of the weight as a fraction), best first.
        steps: Vec<(Decimal, Decimal)>,
        /// The share of the weight when no step is reached, as a fraction.
        otherwise: Decimal,
    },
    /// The weighted rating over `scale_max`, × weight.
    Rating360 {
        /// (rating formula, weight as a fraction) of each rater group.
        raters: Vec<(Expr, Decimal)>,
        /// The best possible rating.
        scale_max: Decimal,
    },
    /// The full weight when the actual is non-zero, else 0.
    PassFail,
    /// The weight less `per_event` per event, not below `floor`.
    Deduction {
        /// Points taken off per event.
        per_event: Decimal,
        /// The lowest score, in points.
        floor: Decimal,
    },
}

/// A compiled KPI: formulas bound to variable slots, weight already normalised.
#[derive(Debug, Clone, PartialEq)]
pub struct CompiledKpi {
    /// The actual's formula, when the scoring reads one.
    pub actual: Option<Expr>,
    /// The target's formula, when the scoring reads one.
    pub target: Option<Expr>,
    /// The weight, normalised when the card asks for it.
    pub weight: Decimal,
    /// The scoring function.
    pub scoring: KpiScoring,
    /// The derived-metric slots its formulas read (to explain a division by zero inside one).
    pub metrics_read: Vec<usize>,
}

fn eval(expr: &Expr, vars: &[Decimal], key: &'static str, t: &mut impl Trace) -> Result<Decimal, CalcError> {
    let mut notes = EvalNotes::default();
    let value = expr.eval(vars, &mut notes).map_err(|_| CalcError::Overflow)?;
    if notes.div_by_zero {
        t.note("div_by_zero");
    }
    t.value(key, value);
    Ok(value)
}

/// A fraction as a percentage for the explanation; too large to show is an overflow, not a
/// silently wrong figure.
fn pct(fraction: Decimal) -> Result<Decimal, CalcError> {
    fraction.times(Decimal::ONE_HUNDRED).ok_or(CalcError::Overflow)
}

/// A KPI scored: the unrounded score and the figures a result reports beside it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KpiScore {
    /// The score before rounding, in points.
    pub raw: Decimal,
    /// The actual, when the scoring reads one.
    pub actual: Option<Decimal>,
    /// The target, when the scoring reads one.
    pub target: Option<Decimal>,
    /// The scorer's own ratio (`target / actual` for lower-is-better KPIs), unrounded; none
    /// for scorings without one. See [`KpiScore::attainment_pct`].
    pub attainment: Option<Attainment>,
}

/// A scorer's ratio as it was worked out: a fraction, or already in percent (bands looked
/// up by attainment). In percent only when asked: a table's evaluation never shows it, and
/// a 28-digit ratio times 100 is one of the dearer multiplications of a rep.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Attainment {
    /// `actual / target` (or its inverse), checked to fit in percent.
    Fraction(Decimal),
    /// In percent.
    Percent(Decimal),
}

impl KpiScore {
    /// The scorer's own ratio in percent, unrounded.
    pub fn attainment_pct(&self) -> Option<Decimal> {
        self.attainment.map(|a| match a {
            // ok: `fits_in_percent` checked it when the KPI was scored.
            Attainment::Fraction(ratio) => ratio * Decimal::ONE_HUNDRED,
            Attainment::Percent(pct) => pct,
        })
    }
}

/// Scores `kpi` for one rep whose variables are `vars`.
pub fn score_kpi(kpi: &CompiledKpi, vars: &[Decimal], t: &mut impl Trace) -> Result<KpiScore, CalcError> {
    let actual = match &kpi.actual {
        Some(e) => Some(eval(e, vars, "actual", t)?),
        None => None,
    };
    let target = match &kpi.target {
        Some(e) => Some(eval(e, vars, "target", t)?),
        None => None,
    };
    let (raw, attainment) = scored(kpi, actual.unwrap_or_default(), target, vars, t)?;
    t.value("raw_score", raw);
    Ok(KpiScore { raw, actual, target, attainment })
}

/// The scoring function applied: the unrounded score and its ratio as worked out, if any.
fn scored(kpi: &CompiledKpi, actual: Decimal, target: Option<Decimal>, vars: &[Decimal], t: &mut impl Trace) -> Result<(Decimal, Option<Attainment>), CalcError> {
    let weight = kpi.weight;
    Ok(match &kpi.scoring {
        KpiScoring::Ratio(limits) => {
            let target = positive(target)?;
            limited(actual, target, *limits, weight, t)?
        }
        KpiScoring::InverseRatio(limits) => {
            let target = positive(target)?;
            if actual <= Decimal::ZERO {
                t.note("actual_not_positive_scores_cap");
                let cap = limits.cap.unwrap_or(Decimal::ONE);
                explain_pct(t, "applied_pct", cap)?;
                t.value("weight", weight);
                (cap.times(weight).ok_or(CalcError::Overflow)?, None)
            } else {
                limited(target, actual, *limits, weight, t)?
            }
        }
        KpiScoring::Bands { basis, direction, steps, otherwise } => {
            let (value, attainment_pct) = match basis {
                BandBasis::Actual => (actual, None),
                BandBasis::AttainmentPct => {
                    let target = positive(target)?;
                    let v = times_ratio(Decimal::ONE_HUNDRED, actual, target)?;
                    t.value("attainment_pct", v);
                    (v, Some(Attainment::Percent(v)))
                }
            };
            let reached = steps.iter().position(|(at, _)| match direction {
                Direction::HigherIsBetter => value >= *at,
                Direction::LowerIsBetter => value <= *at,
            });
            let share = match reached {
                Some(i) => {
                    t.value("band", Decimal::from(i + 1));
                    t.value("band_at", steps[i].0);
                    steps[i].1
                }
                None => {
                    t.note("no_band_reached");
                    *otherwise
                }
            };
            explain_pct(t, "band_score_pct", share)?;
            t.value("weight", weight);
            (share.times(weight).ok_or(CalcError::Overflow)?, attainment_pct)
        }
        KpiScoring::Rating360 { raters, scale_max } => {
            let mut composite = Decimal::ZERO;
            for (rating, share) in raters {
                let r = eval(rating, vars, "rating", t)?;
                explain_pct(t, "rater_weight_pct", *share)?;
                composite = r.times(*share).and_then(|p| composite.plus(p)).ok_or(CalcError::Overflow)?;
            }
            t.value("composite", composite);
            t.value("scale_max", *scale_max);
            t.value("weight", weight);
            (composite.times(weight).ok_or(CalcError::Overflow)?.checked_div(*scale_max).ok_or(CalcError::Overflow)?, None)
        }
        KpiScoring::PassFail => {
            let passed = !actual.is_zero();
            t.note(if passed { "passed" } else { "failed" });
            t.value("weight", weight);
            (if passed { weight } else { Decimal::ZERO }, None)
        }
        KpiScoring::Deduction { per_event, floor } => {
            let events = if actual < Decimal::ZERO {
                t.note("negative_events_taken_as_0");
                Decimal::ZERO
            } else {
                actual
            };
            let deducted = events.times(*per_event).ok_or(CalcError::Overflow)?;
            t.value("points_per_event", *per_event);
            t.value("deducted", deducted);
            t.value("weight", weight);
            let left = weight.minus(deducted).ok_or(CalcError::Overflow)?;
            if left < *floor {
                t.note("floored");
                t.value("floor", *floor);
                (*floor, None)
            } else {
                (left, None)
            }
        }
    })
}

fn positive(target: Option<Decimal>) -> Result<Decimal, CalcError> {
    match target {
        Some(t) if t > Decimal::ZERO => Ok(t),
        Some(t) => Err(CalcError::TargetNotPositive(t)),
        None => Err(CalcError::TargetNotPositive(Decimal::ZERO)), // ok: compile requires a target for these scorings
    }
}

/// Records `fraction` in percent under `key` when the trace keeps it. For a percentage that
/// cannot overflow where the ratio's did not (a validated limit, or the ratio as limited):
/// a table's evaluation does not work it out at all.
fn explain_pct(t: &mut impl Trace, key: &'static str, fraction: Decimal) -> Result<(), CalcError> {
    if t.wants(key) {
        t.value(key, pct(fraction)?);
    }
    Ok(())
}

/// Whether `ratio` × 100 fits a `Decimal` (else an overflow): always, for a ratio with two
/// places or more (its mantissa, at two places less, is the product), which a division that
/// does not come out even always has; otherwise by multiplying.
fn fits_in_percent(ratio: Decimal) -> Result<(), CalcError> {
    if ratio.scale() >= 2 {
        return Ok(());
    }
    pct(ratio).map(|_| ())
}

/// The ratio `num / den` (a KPI's attainment, or its inverse) with threshold, floor and cap
/// applied, then × weight; with the ratio. A ratio within its limits scores
/// `weight × num / den`, multiplied before it is divided, so that a score that comes out
/// even is exact: 1,000,000 / 3,000,000 × 30 is 10, where the ratio cut to 28 digits
/// (0.333…3) would make it 9.999…9 and round it a cent short.
fn limited(num: Decimal, den: Decimal, limits: RatioLimits, weight: Decimal, t: &mut impl Trace) -> Result<(Decimal, Option<Attainment>), CalcError> {
    let ratio = num.checked_div(den).ok_or(CalcError::Overflow)?;
    // Always checked: a ratio too large for a percentage is an overflow whatever is explained.
    fits_in_percent(ratio)?;
    explain_pct(t, "attainment_pct", ratio)?;
    let limit = match limits {
        RatioLimits { threshold: Some(th), .. } if ratio < th => {
            t.note("below_threshold");
            explain_pct(t, "threshold_pct", th)?;
            Some(Decimal::ZERO)
        }
        RatioLimits { cap: Some(cap), .. } if ratio > cap => {
            t.note("capped");
            explain_pct(t, "cap_pct", cap)?;
            Some(cap)
        }
        RatioLimits { floor: Some(floor), .. } if ratio < floor => {
            t.note("floored");
            explain_pct(t, "floor_pct", floor)?;
            Some(floor)
        }
        _ => None,
    };
    explain_pct(t, "applied_pct", limit.unwrap_or(ratio))?;
    t.value("weight", weight);
    let score = match limit {
        Some(applied) => applied.times(weight).ok_or(CalcError::Overflow)?,
        None => times_ratio(weight, num, den)?,
    };
    Ok((score, Some(Attainment::Fraction(ratio))))
}

/// `x × num / den`, multiplied first so that a quotient that comes out even is exact; when
/// the product does not fit a `Decimal`, `x × (num / den)`.
fn times_ratio(x: Decimal, num: Decimal, den: Decimal) -> Result<Decimal, CalcError> {
    match x.times(num) {
        Some(product) => product.checked_div(den),
        None => num.checked_div(den).and_then(|ratio| ratio.times(x)),
    }
    .ok_or(CalcError::Overflow)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::explain::{Explanation, NoTrace};

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    /// A KPI reading `actual` from slot 0 and `target` from slot 1.
    fn kpi(weight: &str, scoring: KpiScoring, with_target: bool) -> CompiledKpi {
        CompiledKpi {
            actual: Some(Expr::Var(0)),
            target: with_target.then_some(Expr::Var(1)),
            weight: d(weight),
            scoring,
            metrics_read: Vec::new(),
        }
    }

    fn run(k: &CompiledKpi, actual: &str, target: &str) -> (Decimal, Explanation) {
        let mut ex = Explanation::default();
        let scored = score_kpi(k, &[d(actual), d(target)], &mut ex).unwrap();
        // Explained or not, the same figures; those reported beside the score are the ones explained.
        assert_eq!(scored, score_kpi(k, &[d(actual), d(target)], &mut NoTrace).unwrap());
        assert_eq!((scored.actual, scored.target, scored.attainment_pct()), (ex.get("actual"), ex.get("target"), ex.get("attainment_pct")));
        (scored.raw, ex)
    }

    fn limits(cap: Option<&str>, floor: Option<&str>, threshold: Option<&str>) -> RatioLimits {
        RatioLimits { cap: cap.map(d), floor: floor.map(d), threshold: threshold.map(d) }
    }

    #[test]
    fn ratio_seed_003_120_of_100_weight_30_is_36() {
        let (s, ex) = run(&kpi("30", KpiScoring::Ratio(RatioLimits::default()), true), "1200000", "1000000");
        assert_eq!(s, d("36"));
        assert_eq!(ex.get("attainment_pct"), Some(d("120")));
        assert!(ex.notes.is_empty());
    }

    #[test]
    fn a_ratio_that_comes_out_even_after_the_weight_scores_exactly() {
        // 1/3 × 30: the ratio alone has no exact decimal, the score has (audit: 9.99 in mode down).
        let k = kpi("30", KpiScoring::Ratio(RatioLimits::default()), true);
        assert_eq!(run(&k, "1000000", "3000000").0, d("10"));
        // 10.015 exactly, so half-up rounds it to 10.02 (10.01 when the ratio was cut first).
        assert_eq!(run(&k, "1001500", "3000000").0, d("10.015"));
        assert_eq!(run(&kpi("15", KpiScoring::Ratio(RatioLimits::default()), true), "1001000", "3000000").0, d("5.005"));
        // Lower is better: a target of 1 hour against 3 hours at weight 30 is 10.
        assert_eq!(run(&kpi("30", KpiScoring::InverseRatio(RatioLimits::default()), true), "3", "1").0, d("10"));
        // A product beyond a decimal's range is worked out the other way round, not an overflow.
        let (s, _) = run(&k, "70000000000000000000000000000", "70000000000000000000000000000");
        assert_eq!(s, d("30"));
    }

    #[test]
    fn ratio_cap_hit_threshold_miss_and_floor() {
        let k = kpi("30", KpiScoring::Ratio(limits(Some("1.1"), Some("0.8"), Some("0.6"))), true);
        let (s, ex) = run(&k, "150", "100");
        assert_eq!((s, ex.notes.as_slice()), (d("33"), &["capped"][..]));
        let (s, ex) = run(&k, "59", "100");
        assert_eq!((s, ex.notes.as_slice()), (d("0"), &["below_threshold"][..]));
        let (s, ex) = run(&k, "70", "100");
        assert_eq!((s, ex.notes.as_slice()), (d("24"), &["floored"][..]));
        let (s, _) = run(&k, "60", "100"); // exactly at the threshold: scored, then floored
        assert_eq!(s, d("24"));
    }

    #[test]
    fn inverse_ratio_for_response_time() {
        // Target 2 h, weight 8, cap 120%: 1.6 h → 2/1.6 = 125% → capped at 120% → 9.6;
        // 2.5 h → 80% → 6.4; 0 h scores the cap.
        let k = kpi("8", KpiScoring::InverseRatio(limits(Some("1.2"), None, None)), true);
        let (s, ex) = run(&k, "1.6", "2");
        assert_eq!((s, ex.notes.as_slice()), (d("9.6"), &["capped"][..]));
        assert_eq!(run(&k, "2.5", "2").0, d("6.4"));
        let (s, ex) = run(&k, "0", "2");
        assert_eq!((s, ex.notes.as_slice()), (d("9.6"), &["actual_not_positive_scores_cap"][..]));
    }

    #[test]
    fn bands_lower_is_better_and_on_attainment() {
        // Response time: ≤ 2 h full marks, ≤ 4 h 60%, else 0; weight 8.
        let steps = vec![(d("2"), d("1")), (d("4"), d("0.6"))];
        let k = kpi("8", KpiScoring::Bands { basis: BandBasis::Actual, direction: Direction::LowerIsBetter, steps, otherwise: d("0") }, false);
        assert_eq!(run(&k, "2", "0").0, d("8"));
        assert_eq!(run(&k, "3.5", "0").0, d("4.8"));
        let (s, ex) = run(&k, "4.1", "0");
        assert_eq!((s, ex.notes.as_slice()), (d("0"), &["no_band_reached"][..]));
        // On attainment: ≥ 100% → 100%, ≥ 80% → 50%, else 0; weight 20.
        let steps = vec![(d("100"), d("1")), (d("80"), d("0.5"))];
        let k = kpi("20", KpiScoring::Bands { basis: BandBasis::AttainmentPct, direction: Direction::HigherIsBetter, steps, otherwise: d("0") }, true);
        assert_eq!(run(&k, "85", "100").0, d("10"));
        assert_eq!(run(&k, "100", "100").0, d("20"));
    }

    #[test]
    fn rating_360_seed_003_90_80_70_is_84() {
        let raters = vec![(Expr::Var(0), d("0.6")), (Expr::Var(1), d("0.2")), (Expr::Var(2), d("0.2"))];
        let k = CompiledKpi { actual: None, target: None, weight: d("10"), scoring: KpiScoring::Rating360 { raters, scale_max: d("100") }, metrics_read: Vec::new() };
        let mut ex = Explanation::default();
        let s = score_kpi(&k, &[d("90"), d("80"), d("70")], &mut ex).unwrap().raw;
        assert_eq!(ex.get("composite"), Some(d("84")));
        assert_eq!(s, d("8.4"));
    }

    #[test]
    fn pass_fail_and_deduction() {
        let k = kpi("5", KpiScoring::PassFail, false);
        assert_eq!(run(&k, "1", "0").0, d("5"));
        assert_eq!(run(&k, "0", "0").0, d("0"));
        // Compliance weight 5, 2 points per violation, not below 0.
        let k = kpi("5", KpiScoring::Deduction { per_event: d("2"), floor: d("0") }, false);
        assert_eq!(run(&k, "0", "0").0, d("5"));
        assert_eq!(run(&k, "1", "0").0, d("3"));
        let (s, ex) = run(&k, "3", "0");
        assert_eq!((s, ex.notes.as_slice()), (d("0"), &["floored"][..]));
    }

    #[test]
    fn zero_target_is_an_error() {
        let k = kpi("30", KpiScoring::Ratio(RatioLimits::default()), true);
        assert_eq!(score_kpi(&k, &[d("5"), d("0")], &mut NoTrace), Err(CalcError::TargetNotPositive(d("0"))));
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(20_000))]
        /// `fits_in_percent` says what multiplying says, for every mantissa and scale.
        #[test]
        fn fits_in_percent_as_multiplying_does(lo: u32, mid: u32, hi: u32, negative: bool, scale in 0u32..=28) {
            let ratio = Decimal::from_parts(lo, mid, hi, negative, scale);
            proptest::prop_assert_eq!(fits_in_percent(ratio).is_ok(), ratio.checked_mul(Decimal::ONE_HUNDRED).is_some(), "{}", ratio);
        }
    }

    #[test]
    fn a_ratio_too_large_for_a_percentage_is_an_overflow() {
        let k = kpi("30", KpiScoring::Ratio(RatioLimits::default()), true);
        let huge = Decimal::MAX / d("10");
        assert_eq!(score_kpi(&k, &[huge, d("1")], &mut NoTrace), Err(CalcError::Overflow));
        let fits = score_kpi(&k, &[d("1"), d("3")], &mut NoTrace).unwrap();
        assert_eq!(fits.attainment_pct(), Some(d("33.333333333333333333333333330")));
    }
}
