//! Scoring: a KPI's actual against its target becomes points on the scorecard, and the
//! total score becomes a grade. Every function returns the values it used, for explanations.

use crate::plan::{GradeBand, RoundingMode};
use rust_decimal::Decimal;
use serde::Serialize;

/// Which rule decided a ratio KPI's score.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RatioRule {
    /// `actual / target × weight` as it is.
    Proportional,
    /// The ratio was above the cap and was cut to it.
    Capped,
    /// The ratio was under the floor and was raised to it.
    Floored,
    /// The ratio was under the threshold: the KPI scores 0.
    BelowThreshold,
}

/// A ratio KPI's score and how it was reached.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RatioScore {
    /// `actual / target`, unrounded.
    pub ratio: Decimal,
    /// The ratio after threshold, floor and cap.
    pub applied: Decimal,
    /// `applied × weight`, rounded to the plan's score scale.
    pub score: Decimal,
    pub rule: RatioRule,
}

/// Why a score could not be computed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScoreError {
    /// The target was zero or negative.
    TargetNotPositive(Decimal),
    /// A figure too large for Decimal arose.
    Overflow,
}

/// Limits of a ratio KPI in percent of target.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RatioLimits {
    pub cap_pct: Option<Decimal>,
    pub floor_pct: Option<Decimal>,
    pub threshold_pct: Option<Decimal>,
}

/// `min(actual / target, cap) × weight`, with a threshold below which the score is 0 and a
/// floor the ratio is raised to (seed 003: target 100万, actual 120万, weight 30 → 36).
pub fn ratio_score(
    actual: Decimal,
    target: Decimal,
    weight: Decimal,
    limits: RatioLimits,
    scale: u32,
    mode: RoundingMode,
) -> Result<RatioScore, ScoreError> {
    if target <= Decimal::ZERO {
        return Err(ScoreError::TargetNotPositive(target));
    }
    let ratio = actual.checked_div(target).ok_or(ScoreError::Overflow)?;
    let pct = |p: Decimal| p / Decimal::ONE_HUNDRED; // ok: dividing by 100 cannot overflow
    let (applied, rule) = match limits {
        RatioLimits { threshold_pct: Some(t), .. } if ratio < pct(t) => (Decimal::ZERO, RatioRule::BelowThreshold),
        RatioLimits { cap_pct: Some(c), .. } if ratio > pct(c) => (pct(c), RatioRule::Capped),
        RatioLimits { floor_pct: Some(f), .. } if ratio < pct(f) => (pct(f), RatioRule::Floored),
        _ => (ratio, RatioRule::Proportional),
    };
    let raw = applied.checked_mul(weight).ok_or(ScoreError::Overflow)?;
    Ok(RatioScore { ratio, applied, score: mode.apply(raw, scale), rule })
}

/// The grade of a total score: the first band (best first) whose minimum it reaches; the
/// last band, which has no minimum, takes every other score.
pub fn grade_for(score: Decimal, bands: &[GradeBand]) -> &str {
    bands
        .iter()
        .find(|b| b.min_score.is_none_or(|min| score >= min))
        .or(bands.last())
        .map_or("", |b| b.grade.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::Grades;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    fn score(actual: &str, target: &str, weight: &str, limits: RatioLimits) -> RatioScore {
        ratio_score(d(actual), d(target), d(weight), limits, 2, RoundingMode::HalfUp).unwrap()
    }

    #[test]
    fn seed_003_quantitative_kpi_120_of_100_weight_30_is_36() {
        let s = score("1200000", "1000000", "30", RatioLimits::default());
        assert_eq!((s.score, s.rule), (d("36.00"), RatioRule::Proportional));
        assert_eq!(s.score.to_string(), "36.00");
    }

    #[test]
    fn cap_cuts_the_ratio() {
        let capped = RatioLimits { cap_pct: Some(d("110")), ..Default::default() };
        let s = score("1200000", "1000000", "30", capped);
        assert_eq!((s.score, s.applied, s.rule), (d("33"), d("1.1"), RatioRule::Capped));
        // At exactly the cap nothing is cut.
        let at_cap = RatioLimits { cap_pct: Some(d("120")), ..Default::default() };
        assert_eq!(score("1200000", "1000000", "30", at_cap).rule, RatioRule::Proportional);
    }

    #[test]
    fn threshold_and_floor() {
        let limits = RatioLimits { threshold_pct: Some(d("60")), floor_pct: Some(d("80")), ..Default::default() };
        let below = score("59", "100", "20", limits);
        assert_eq!((below.score, below.rule), (d("0"), RatioRule::BelowThreshold));
        let floored = score("70", "100", "20", limits);
        assert_eq!((floored.score, floored.rule), (d("16"), RatioRule::Floored));
        let at_threshold = score("60", "100", "20", RatioLimits { threshold_pct: Some(d("60")), ..Default::default() });
        assert_eq!((at_threshold.score, at_threshold.rule), (d("12"), RatioRule::Proportional));
    }

    #[test]
    fn score_is_rounded_half_up_to_the_scale() {
        // 1/3 × 10 = 3.333… → 3.33; 2/3 × 10 = 6.666… → 6.67
        assert_eq!(score("1", "3", "10", RatioLimits::default()).score.to_string(), "3.33");
        assert_eq!(score("2", "3", "10", RatioLimits::default()).score.to_string(), "6.67");
    }

    #[test]
    fn zero_or_negative_target_is_an_error() {
        let e = ratio_score(d("5"), d("0"), d("10"), RatioLimits::default(), 2, RoundingMode::HalfUp);
        assert_eq!(e, Err(ScoreError::TargetNotPositive(d("0"))));
        let e = ratio_score(d("5"), d("-1"), d("10"), RatioLimits::default(), 2, RoundingMode::HalfUp);
        assert_eq!(e, Err(ScoreError::TargetNotPositive(d("-1"))));
    }

    #[test]
    fn grade_boundaries_are_inclusive_at_90_80_70() {
        let bands = Grades::default().bands;
        let cases = [("90", "S"), ("89.99", "A"), ("80", "A"), ("79.99", "B"), ("70", "B"), ("69.99", "C"), ("-5", "C"), ("120", "S")];
        for (s, g) in cases {
            assert_eq!(grade_for(d(s), &bands), g, "score {s}");
        }
    }
}
