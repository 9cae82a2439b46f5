//! The plan presets shipped with the engine (`plans/*.json`): the four model types of D2 —
//! target-oriented, behavior-driven, balanced scorecard, KPI+OKR — the seed's role cards as
//! written, and the quick-start SaaS plan. Each is a valid plan on the sample reps (tested).

use serde::Serialize;

/// A preset plan file and what it is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(schemars::JsonSchema))]
pub struct Preset {
    /// The preset's id, its file name in `plans/` without `.json`, e.g. `saas-target`.
    pub id: &'static str,
    /// The plan file's text (JSON), as `engine.setPlan` takes it.
    pub json: &'static str,
}

/// Every preset, the quick-start plan first.
pub const PRESETS: [Preset; 6] = [
    Preset { id: "saas-target", json: include_str!("../plans/saas-target.json") },
    Preset { id: "target-oriented", json: include_str!("../plans/target-oriented.json") },
    Preset { id: "behavior-driven", json: include_str!("../plans/behavior-driven.json") },
    Preset { id: "balanced-scorecard", json: include_str!("../plans/balanced-scorecard.json") },
    Preset { id: "kpi-okr", json: include_str!("../plans/kpi-okr.json") },
    Preset { id: "seed-003-role-cards", json: include_str!("../plans/seed-003-role-cards.json") },
];

/// The preset with this id.
pub fn preset(id: &str) -> Option<&'static Preset> {
    PRESETS.iter().find(|p| p.id == id)
}
