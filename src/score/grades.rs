//! Grades: by band (the first band whose minimum the score reaches), or by rank when the
//! plan enforces a forced distribution; and the report of each grade's share against the
//! distribution guide.

use rust_decimal::Decimal;
use serde::Serialize;

/// The index of the band a score falls in. `mins` holds each band's minimum, best first;
/// the last band (no minimum) takes every other score.
pub fn grade_for(score: Decimal, mins: &[Option<Decimal>]) -> usize {
    mins.iter().position(|m| m.is_none_or(|min| score >= min)).unwrap_or(mins.len().saturating_sub(1))
}

/// Grades by rank. `quotas` holds each grade's share in percent (adding to 100), best first.
/// The best `round(n × cumulative quota / 100)` reps (half up) get a grade at least that
/// good. Ties: a rep with the same score as the rep ranked just above gets the same grade,
/// so a tie at a boundary goes to the better grade and that grade may exceed its quota.
/// Returns the grade index of each score, in the order of `scores`.
pub fn enforce_distribution(scores: &[Decimal], quotas: &[Decimal]) -> Vec<usize> {
    let n = scores.len();
    let order = crate::order::largest_first(scores);
    let bounds = quota_bounds(n, quotas);
    let mut grades = vec![0; n];
    let last = quotas.len().saturating_sub(1);
    for (rank, &i) in order.iter().enumerate() {
        let by_quota = bounds.iter().position(|b| rank < *b).unwrap_or(last);
        grades[i] = match rank.checked_sub(1).map(|r| order[r]) {
            Some(above) if scores[above] == scores[i] => grades[above],
            _ => by_quota,
        };
    }
    grades
}

/// For each grade of `quotas` (percent, best first), how many of `n` reps ranked best get a
/// grade at least that good: `round(n × cumulative quota / 100)`, half up.
pub fn quota_bounds(n: usize, quotas: &[Decimal]) -> Vec<usize> {
    let n_dec = Decimal::from(n);
    let mut cumulative = Decimal::ZERO;
    quotas
        .iter()
        .map(|q| {
            cumulative += *q;
            let count = (n_dec * cumulative / Decimal::ONE_HUNDRED).round_dp_with_strategy(0, rust_decimal::RoundingStrategy::MidpointAwayFromZero);
            usize::try_from(count.mantissa()).unwrap_or(n).min(n)
        })
        .collect()
}

/// Whether a grade's share lies within its guide range.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ShareStatus {
    /// Below the guide's `min_pct`.
    Below,
    /// From `min_pct` to `max_pct`, both inclusive.
    Within,
    /// Above the guide's `max_pct`.
    Above,
}

/// One grade's actual share against the guide.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct GradeShareResult {
    /// The grade, as in the guide.
    pub grade: String,
    /// Number of evaluated reps with that grade.
    pub reps: usize,
    /// Share of all graded reps, percent, 2 places.
    pub share_pct: Decimal,
    /// The guide's least share, in percent.
    pub min_pct: Decimal,
    /// The guide's greatest share, in percent.
    pub max_pct: Decimal,
    /// `below`, `within` or `above` the guide's range.
    pub status: ShareStatus,
}

/// Each guided grade's share of the `total` reps against its range.
pub fn distribution_report(guide: &[(String, Decimal, Decimal)], count: impl Fn(&str) -> usize, total: usize) -> Vec<GradeShareResult> {
    guide
        .iter()
        .map(|(grade, min_pct, max_pct)| {
            let reps = count(grade);
            let share_pct = if total == 0 {
                Decimal::ZERO
            } else {
                let mut pct = (Decimal::from(reps) * Decimal::ONE_HUNDRED / Decimal::from(total)).round_dp_with_strategy(2, rust_decimal::RoundingStrategy::MidpointAwayFromZero);
                pct.rescale(2);
                pct
            };
            let status = if share_pct < *min_pct {
                ShareStatus::Below
            } else if share_pct > *max_pct {
                ShareStatus::Above
            } else {
                ShareStatus::Within
            };
            GradeShareResult { grade: grade.clone(), reps, share_pct, min_pct: *min_pct, max_pct: *max_pct, status }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    fn mins() -> Vec<Option<Decimal>> {
        vec![Some(d("90")), Some(d("80")), Some(d("70")), None]
    }

    #[test]
    fn grade_boundaries_are_inclusive_at_90_80_70() {
        let cases = [("90", 0), ("89.99", 1), ("80", 1), ("79.99", 2), ("70", 2), ("69.99", 3), ("-5", 3), ("120", 0)];
        for (s, g) in cases {
            assert_eq!(grade_for(d(s), &mins()), g, "score {s}");
        }
    }

    #[test]
    fn enforced_distribution_by_rank_with_ties_to_the_better_grade() {
        // 10 reps, quotas S 10 / A 30 / B 40 / C 20 → cumulative counts 1, 4, 8, 10.
        let quotas = [d("10"), d("30"), d("40"), d("20")];
        let scores: Vec<Decimal> = ["95", "91", "88", "85", "80", "78", "75", "72", "60", "50"].iter().map(|s| d(s)).collect();
        assert_eq!(enforce_distribution(&scores, &quotas), [0, 1, 1, 1, 2, 2, 2, 2, 3, 3]);
        // Reps 4 and 5 tie at the A/B boundary (ranks 4 and 5): both get A.
        let tied: Vec<Decimal> = ["95", "91", "88", "85", "85", "78", "75", "72", "60", "50"].iter().map(|s| d(s)).collect();
        assert_eq!(enforce_distribution(&tied, &quotas), [0, 1, 1, 1, 1, 2, 2, 2, 3, 3]);
        // Input order does not matter.
        let shuffled: Vec<Decimal> = ["50", "95", "60", "91"].iter().map(|s| d(s)).collect();
        assert_eq!(enforce_distribution(&shuffled, &[d("25"), d("25"), d("25"), d("25")]), [3, 0, 2, 1]);
    }

    #[test]
    fn report_against_the_seed_guide() {
        let guide = vec![
            ("S".to_string(), d("10"), d("15")),
            ("A".to_string(), d("30"), d("40")),
            ("B".to_string(), d("30"), d("40")),
            ("C".to_string(), d("5"), d("10")),
        ];
        let counts = |g: &str| match g {
            "S" => 5,
            "A" => 12,
            "B" => 12,
            _ => 3,
        };
        let report = distribution_report(&guide, counts, 32);
        let got: Vec<(String, Decimal, ShareStatus)> = report.into_iter().map(|r| (r.grade, r.share_pct, r.status)).collect();
        assert_eq!(
            got,
            [
                ("S".into(), d("15.63"), ShareStatus::Above),
                ("A".into(), d("37.5"), ShareStatus::Within),
                ("B".into(), d("37.5"), ShareStatus::Within),
                ("C".into(), d("9.38"), ShareStatus::Within),
            ]
        );
    }
}
