//! The built-in sample reps: 32 reps in 4 regions and 3 roles over the four quarters of
//! 2026 (`data/sample_reps.csv`). Several rows carry the seeds' own figures (E01–E03 in
//! 2026-Q4: target 100万, collected 120万 / 80万 / 150万).

use super::{load_adjustments_csv, load_csv, Dataset};

const SAMPLE_CSV: &str = include_str!("../../data/sample_reps.csv");
const SAMPLE_ADJUSTMENTS_CSV: &str = include_str!("../../data/sample_adjustments.csv");

/// The sample data as CSV text (also the template users can download).
pub fn sample_csv() -> &'static str {
    SAMPLE_CSV
}

/// The sample returns (2 cancelled or returned sales) as CSV text.
pub fn sample_adjustments_csv() -> &'static str {
    SAMPLE_ADJUSTMENTS_CSV
}

/// The sample data with its adjustments, loaded. A test guarantees it loads without a problem.
pub fn sample_dataset() -> Dataset {
    let mut data = load_csv(SAMPLE_CSV).map(|loaded| loaded.dataset).unwrap_or_default();
    if let Ok((adjustments, _)) = load_adjustments_csv(&data, SAMPLE_ADJUSTMENTS_CSV) {
        data.adjustments = adjustments;
    }
    data
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sample_loads_cleanly_with_4_regions_3_roles_4_quarters() {
        let loaded = load_csv(SAMPLE_CSV).unwrap();
        assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
        let data = loaded.dataset;
        assert_eq!(data.reps.len(), 32);
        assert_eq!(data.periods, ["2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"]);
        assert_eq!(data.row_count(), 128);
        let mut regions: Vec<&str> = data.reps.iter().map(|r| r.region.as_str()).collect();
        regions.sort_unstable();
        regions.dedup();
        assert_eq!(regions, ["East", "Northwest", "South", "Southwest"]);
        assert!(data.reps.iter().all(|r| !r.name().is_empty() && !r.name_zh().is_empty()));
        assert!(data.rows().all(|r| r.values().all(|v| v.is_some())), "no blank cell in the sample");
        let (adjustments, problems) = load_adjustments_csv(&data, SAMPLE_ADJUSTMENTS_CSV).unwrap();
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(adjustments.len(), 2);
        assert_eq!(sample_dataset().adjustments, adjustments);
    }
}
