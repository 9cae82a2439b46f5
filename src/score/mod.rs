//! Scoring: KPIs become points (`kpi`), bonus and penalty points adjust them (`points`),
//! and total scores become grades by band or by forced distribution (`grades`).

mod grades;
mod kpi;
mod points;

pub use grades::{distribution_report, enforce_distribution, grade_for, places_of, quota_bounds, GradePlaces, GradeShareResult, ShareStatus};
pub use kpi::{score_kpi, CompiledKpi, KpiScoring, RatioLimits};
pub use points::{apply_points, CompiledPointItem, CompiledPoints, PointResult};
