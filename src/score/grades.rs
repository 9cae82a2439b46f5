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
/// Returns the grade index of each score and where it stands, in the order of `scores`.
pub fn enforce_distribution(scores: &[Decimal], quotas: &[Decimal]) -> Vec<(usize, GradePlaces)> {
    let n = scores.len();
    let order = crate::order::largest_first(scores);
    let bounds = quota_bounds(n, quotas);
    let mut graded = vec![(0, GradePlaces::default()); n];
    let last = quotas.len().saturating_sub(1);
    for (rank, &i) in order.iter().enumerate() {
        let by_quota = bounds.iter().position(|b| rank < *b).unwrap_or(last);
        let tied_above = rank.checked_sub(1).map(|r| order[r]).filter(|above| scores[*above] == scores[i]);
        let grade = tied_above.map_or(by_quota, |above| graded[above].0);
        graded[i] = (grade, places(&bounds, grade, rank + 1, n, tied_above.is_some()));
    }
    graded
}

/// Where the score at `at` of `scores`, graded `grade` by [`enforce_distribution`], stands:
/// the same places, found by counting the scores above it (and the equal ones before it)
/// rather than by sorting them all.
pub fn places_of(scores: &[Decimal], at: usize, grade: usize, quotas: &[Decimal]) -> GradePlaces {
    let n = scores.len();
    let score = scores.get(at).copied().unwrap_or_default();
    let (mut above, mut tied_before) = (0, 0);
    for (j, s) in scores.iter().enumerate() {
        if *s > score {
            above += 1;
        } else if j < at && *s == score {
            tied_before += 1;
        }
    }
    places(&quota_bounds(n, quotas), grade, above + tied_before + 1, n, tied_before > 0)
}

/// A grade's places: after the better grades' quotas (`bounds`, from [`quota_bounds`]), up to
/// its own (1-based), for the rep at `place` of `n`.
fn places(bounds: &[usize], grade: usize, place: usize, n: usize, tied_above: bool) -> GradePlaces {
    let first = grade.checked_sub(1).map_or(0, |g| bounds.get(g).copied().unwrap_or(n)) + 1;
    let last = bounds.get(grade).copied().unwrap_or(n);
    GradePlaces { place, first, last, of: n, tied_above }
}

/// Where a rep graded by rank stands: its place and the places its grade's quota covers.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct GradePlaces {
    /// The rep's place in score order, from 1 (equal scores in data order).
    pub place: usize,
    /// The first place the grade covers: after the better grades' quotas, from 1.
    pub first: usize,
    /// The last place the grade covers: its quota and the better grades', added up, × the reps,
    /// rounded half up (below `first` when the quota covers no place).
    pub last: usize,
    /// How many reps were graded.
    pub of: usize,
    /// Whether the rep took the grade of the rep just above it, with the same score, instead
    /// of the grade of its place (a tie at a boundary goes to the better grade).
    pub tied_above: bool,
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

    proptest::proptest! {
        #[test]
        fn places_counted_are_the_places_sorted(scores in proptest::collection::vec(0i64..12, 1..60), scale in 0u32..3, quotas in proptest::sample::select(vec![vec![10, 20, 40, 30], vec![15, 35, 40, 10], vec![50, 50], vec![100]])) {
            // Few distinct scores, so that most are tied, some at a grade's boundary.
            let scores: Vec<Decimal> = scores.iter().map(|s| Decimal::new(*s, scale)).collect();
            let quotas: Vec<Decimal> = quotas.into_iter().map(Decimal::from).collect();
            for (at, (grade, places)) in enforce_distribution(&scores, &quotas).into_iter().enumerate() {
                proptest::prop_assert_eq!(places_of(&scores, at, grade, &quotas), places);
            }
        }
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
        let grades = |graded: Vec<(usize, GradePlaces)>| graded.into_iter().map(|(g, _)| g).collect::<Vec<_>>();
        assert_eq!(grades(enforce_distribution(&scores, &quotas)), [0, 1, 1, 1, 2, 2, 2, 2, 3, 3]);
        // Reps 4 and 5 tie at the A/B boundary (ranks 4 and 5): both get A.
        let tied: Vec<Decimal> = ["95", "91", "88", "85", "85", "78", "75", "72", "60", "50"].iter().map(|s| d(s)).collect();
        let graded = enforce_distribution(&tied, &quotas);
        // The second 85, at place 5 (past A's places 2–4), takes the A of the 85 above it.
        assert_eq!(graded[4].1, GradePlaces { place: 5, first: 2, last: 4, of: 10, tied_above: true });
        assert_eq!(graded[5].1, GradePlaces { place: 6, first: 5, last: 8, of: 10, tied_above: false });
        assert_eq!(grades(graded), [0, 1, 1, 1, 1, 2, 2, 2, 3, 3]);
        // Input order does not matter.
        let shuffled: Vec<Decimal> = ["50", "95", "60", "91"].iter().map(|s| d(s)).collect();
        assert_eq!(grades(enforce_distribution(&shuffled, &[d("25"), d("25"), d("25"), d("25")])), [3, 0, 2, 1]);
        // Two reps, quotas 10/30/40/20: S covers no place (0.2 → 0), A the first (0.8 → 1), B the second (1.6 → 2).
        let two = enforce_distribution(&[d("91"), d("95")], &quotas);
        assert_eq!(two, [(2, GradePlaces { place: 2, first: 2, last: 2, of: 2, tied_above: false }), (1, GradePlaces { place: 1, first: 1, last: 1, of: 2, tied_above: false })]);
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
