//! Validation of grade bands, the forced-distribution guide and the streak rule.

use super::{adds_to_100, in_range, not_empty, strictly_monotone, MAX_BANDS};
use crate::plan::Grades;
use crate::problem::Problem;
use rustc_hash::FxHashSet;

pub(super) fn grades(grades: &Grades, out: &mut Vec<Problem>) {
    if !not_empty(&grades.bands, &"grades.bands", ("at least one grade band is needed", "至少需要一个等级"), out) {
        return;
    }
    if grades.bands.len() > MAX_BANDS {
        let n = grades.bands.len();
        out.push(Problem::error(
            "too_many_bands",
            "grades.bands",
            Some(n.to_string()),
            format!("the plan has {n} grade bands; the limit is {MAX_BANDS}"),
            format!("方案有 {n} 个等级，上限为 {MAX_BANDS}"),
        ));
        return;
    }
    let mut names = FxHashSet::default();
    for (i, band) in grades.bands.iter().enumerate() {
        if band.grade.trim().is_empty() || !names.insert(band.grade.as_str()) {
            out.push(Problem::error(
                "grade_name",
                format!("grades.bands[{i}].grade"),
                Some(band.grade.to_string()),
                format!("grade name `{}` is empty or used twice", band.grade),
                format!("等级名称 `{}` 为空或重复", band.grade),
            ));
        }
    }
    let last = grades.bands.len() - 1;
    let mut mins = Vec::new();
    for (i, band) in grades.bands.iter().enumerate() {
        let path = format!("grades.bands[{i}].min_score");
        match (band.min_score, i == last) {
            (Some(min), false) => mins.push(min),
            (None, false) => out.push(Problem::error(
                "grade_min_missing",
                path,
                None,
                format!("grade {} needs a min_score (only the last band has none)", band.grade),
                format!("等级 {} 需要 min_score（只有最后一个等级不设下限）", band.grade),
            )),
            (Some(min), true) => out.push(Problem::error(
                "grade_last_has_min",
                path,
                Some(min.to_string()),
                format!("the last grade ({}) must have no min_score so that every score gets a grade", band.grade),
                format!("最后一个等级（{}）不能设 min_score，以保证每个分数都有等级", band.grade),
            )),
            (None, true) => {}
        }
    }
    let grade = |i: usize| (format!("grade {}", grades.bands[i].grade), format!("等级 {} 的", grades.bands[i].grade));
    strictly_monotone("grade_order", &mins, false, |i| format!("grades.bands[{i}].min_score"), grade, ("minimum score", "最低分"), out);

    let known = |g: &str| names.contains(g);
    let unknown = |path: String, grade: &str| unknown_grade(grades, path, grade);
    if let Some(dist) = &grades.distribution {
        let mut quotas = Vec::new();
        for (i, share) in dist.guide.iter().enumerate() {
            let path = format!("grades.distribution.guide[{i}]");
            if !known(&share.grade) {
                out.push(unknown(format!("{path}.grade"), &share.grade));
            }
            in_range(share.min_pct, &format_args!("{path}.min_pct"), ("a share", "比例"), false, 100, out);
            in_range(share.max_pct, &format_args!("{path}.max_pct"), ("a share", "比例"), false, 100, out);
            if share.min_pct > share.max_pct {
                out.push(Problem::error(
                    "range_reversed",
                    format!("{path}.min_pct"),
                    Some(share.min_pct.to_string()),
                    format!("grade {} has min_pct {} above max_pct {}", share.grade, share.min_pct, share.max_pct),
                    format!("等级 {} 的最小比例 {} 大于最大比例 {}", share.grade, share.min_pct, share.max_pct),
                ));
            }
            match share.quota_pct {
                Some(q) => {
                    in_range(q, &format_args!("{path}.quota_pct"), ("a quota", "配额"), false, 100, out);
                    quotas.push(q);
                }
                None if dist.enforce => out.push(Problem::error(
                    "missing_field",
                    format!("{path}.quota_pct"),
                    None,
                    format!("the distribution is enforced, so grade {} needs a quota: the share of reps it takes, in percent (quota_pct)", share.grade),
                    format!("已启用强制分布，等级 {} 需要配额：该等级所占人数的百分比（quota_pct）", share.grade),
                )),
                None => {}
            }
        }
        if dist.enforce {
            let guided: Vec<&str> = dist.guide.iter().map(|s| s.grade.as_str()).collect();
            let bands: Vec<&str> = grades.bands.iter().map(|b| b.grade.as_str()).collect();
            if guided != bands {
                out.push(Problem::error(
                    "guide_grades",
                    "grades.distribution.guide",
                    Some(guided.join(", ")),
                    format!("to enforce the distribution, the guide lists every grade in band order ({})", bands.join(", ")),
                    format!("启用强制分布时，分布指引须按等级顺序列出全部等级（{}）", bands.join("、")),
                ));
            }
            // Missing quotas are reported above; their sum would only repeat it.
            if quotas.len() == dist.guide.len() {
                adds_to_100(&quotas, "grades.distribution.guide", ("the quotas", "各等级配额"), out);
            }
        }
    }
    if let Some(streak) = &grades.streak {
        streak_rule(grades, &streak.grade, streak.periods, "grades.streak", out);
    }
}

/// A streak rule (at `path`): its grade is one of the bands and it is 2 to 12 periods long.
pub(super) fn streak_rule(grades: &Grades, grade: &str, periods: u32, path: &str, out: &mut Vec<Problem>) {
    if !grades.bands.iter().any(|b| b.grade == grade) {
        out.push(unknown_grade(grades, format!("{path}.grade"), grade));
    }
    if !(2..=12).contains(&periods) {
        out.push(Problem::error(
            "out_of_range",
            format!("{path}.periods"),
            Some(periods.to_string()),
            format!("a streak is 2 to 12 periods long; it is {periods}"),
            format!("连续期数应在 2 到 12 之间；当前为 {periods}"),
        ));
    }
}

/// `grade` at `path` is not one of the bands: the problem lists the bands.
pub(super) fn unknown_grade(grades: &Grades, path: String, grade: &str) -> Problem {
    let all: Vec<&str> = grades.bands.iter().map(|b| b.grade.as_str()).collect();
    Problem::error(
        "unknown_grade",
        path,
        Some(grade.to_string()),
        format!("grade `{grade}` is not one of the bands ({})", all.join(", ")),
        format!("等级 `{grade}` 不在等级区间中（{}）", all.join("、")),
    )
}
