//! Bonus and penalty points (加分/扣分, seed 002): items counted per event, each with an
//! optional cap, and optional caps on the total bonus and the total penalty.

use rust_decimal::Decimal;
#[cfg(test)]
use serde::Deserialize;
use serde::Serialize;

/// Points added to or taken from the weighted score.
#[derive(Debug, Clone, PartialEq, Serialize, Default)]
#[cfg_attr(test, derive(Deserialize, schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Points {
    /// The items, each counting events worth points.
    pub items: Vec<PointItem>,
    /// Most bonus points one rep can get in a period, over all items (0–100; no limit when absent).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_bonus: Option<Decimal>,
    /// Most penalty points one rep can lose in a period, over all items (0–100; no limit when absent).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_penalty: Option<Decimal>,
}

impl Points {
    /// Whether there are no items.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }
}

/// One kind of event worth points.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(Deserialize, schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct PointItem {
    /// Unique id of the item, e.g. `big_contract`.
    pub id: crate::label::Label,
    /// The item's label, e.g. `Large contract`.
    pub name: String,
    /// The label in Chinese, e.g. `签约大单` (optional).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name_zh: Option<String>,
    /// `bonus` (加分, added to the score) or `penalty` (扣分, taken from it).
    pub kind: PointKind,
    /// Formula counting the events (`big_contracts`, `complaints`, `if(nps >= 90, 1, 0)`).
    pub events: String,
    /// Points per event (above 0, at most 100); a negative count of events is taken as 0.
    pub points_per_event: Decimal,
    /// Most points this item can give (or take) in a period (above 0, at most 100; no limit when absent).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cap: Option<Decimal>,
}

/// Whether an item adds or takes points.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(Deserialize, schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum PointKind {
    /// Bonus points (加分), added to the weighted score.
    Bonus,
    /// Penalty points (扣分), taken from the weighted score.
    Penalty,
}

use super::read::{read_struct, unit_enums};

read_struct!(Points, "struct Points", ["items", "max_bonus", "max_penalty"], |f| Points {
    items: f.required("items")?,
    max_bonus: f.or_default("max_bonus")?,
    max_penalty: f.or_default("max_penalty")?,
});

read_struct!(PointItem, "struct PointItem", ["id", "name", "name_zh", "kind", "events", "points_per_event", "cap"], |f| PointItem {
    id: f.required("id")?,
    name: f.required("name")?,
    name_zh: f.or_default("name_zh")?,
    kind: f.required("kind")?,
    events: f.required("events")?,
    points_per_event: f.required("points_per_event")?,
    cap: f.or_default("cap")?,
});

unit_enums! {
    PointKind { "bonus" => Bonus, "penalty" => Penalty }
}
