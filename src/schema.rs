//! The plan's JSON Schema and the schema of everything the engine returns, generated from the
//! Rust types (`schemars`, compiled for tests only) into `schema/`. The TypeScript types in
//! `schema/types.d.ts` are generated from these files (`scripts/gen-types.mjs`), so the Rust
//! types are the one source of all three.
//!
//! `cargo test schema` fails when a file is stale; `UPDATE_SCHEMA=1 cargo test schema`
//! rewrites them.

use crate::compare::Comparison;
use crate::data::{DataSummary, Rep};
use crate::evaluate::Evaluation;
use crate::pay::CurvePoint;
use crate::plan::{Plan, CURRENT_VERSION};
use crate::presets::Preset;
use crate::problem::Problem;
use crate::signals::{EvaluationWithSignals, SignalsReport};
use crate::table::{RowPage, RunSummary, SortKey};
use crate::PlanReport;
use schemars::generate::SchemaSettings;
use serde_json::{json, Map, Value};

/// The plan format as a plan file is read (amounts may be written as numbers or strings).
fn plan_schema() -> Value {
    let generator = SchemaSettings::draft2020_12().for_deserialize().into_generator();
    let mut schema = generator.into_root_schema_for::<Plan>().to_value();
    if let Some(root) = schema.as_object_mut() {
        // This engine reads one version: say so, so an editor flags any other at once.
        root["properties"]["version"] = json!({
            "const": CURRENT_VERSION,
            "description": format!("The plan format version: {CURRENT_VERSION}. A plan in any other version is rejected with `version_unsupported` or `version_missing`."),
        });
        root.insert("$id".into(), json!("https://incentive-engine.local/schema/plan.schema.json"));
        root.insert("title".into(), json!("Incentive plan"));
        root.insert(
            "description".into(),
            json!(format!("An incentive plan for the incentive-engine, format version {CURRENT_VERSION}. See docs/plan-format.md.")),
        );
    }
    decimal_pattern(&mut schema);
    schema
}

/// Every decimal written as text, with the pattern the engine reads it by (`schemars` gives
/// a narrower one: no sign but minus, no spaces, no `.5`).
fn decimal_pattern(value: &mut Value) {
    match value {
        Value::Object(map) => {
            if map.get("pattern").and_then(Value::as_str) == Some(r"^-?\d+(\.\d+)?([eE]\d+)?$") {
                map.insert("pattern".into(), json!(crate::plan::DECIMAL_PATTERN));
            }
            map.values_mut().for_each(decimal_pattern);
        }
        Value::Array(items) => items.iter_mut().for_each(decimal_pattern),
        _ => {}
    }
}

/// Everything the engine returns, as definitions: amounts are exact decimal strings.
fn results_schema() -> Value {
    let mut generator = SchemaSettings::draft2020_12().for_serialize().into_generator();
    generator.subschema_for::<Evaluation>();
    generator.subschema_for::<Comparison>();
    generator.subschema_for::<PlanReport>();
    generator.subschema_for::<Problem>();
    generator.subschema_for::<CurvePoint>();
    generator.subschema_for::<DataSummary>();
    generator.subschema_for::<Rep>();
    generator.subschema_for::<Preset>();
    generator.subschema_for::<SignalsReport>();
    generator.subschema_for::<EvaluationWithSignals>();
    generator.subschema_for::<RunSummary>();
    generator.subschema_for::<RowPage>();
    let mut defs: Map<String, Value> = generator.definitions().clone();
    defs.insert(
        "SortKey".into(),
        json!({
            "description": "What `rows` sorts by: the data's order, a rep's id, name, region or role, or one of its figures.",
            "type": "string",
            "enum": SortKey::names().collect::<Vec<_>>(),
        }),
    );
    json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://incentive-engine.local/schema/results.schema.json",
        "title": "Incentive engine results",
        "description": "What the engine returns: evaluations, comparisons, plan reports and problems. Amounts are exact decimal strings such as \"38000.00\".",
        "$defs": defs,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    /// Compares `schema/<name>` with `value`, or writes it when `UPDATE_SCHEMA` is set.
    fn check(name: &str, value: &Value) {
        let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("schema").join(name);
        let text = serde_json::to_string_pretty(value).expect("a schema serialises") + "\n";
        if std::env::var_os("UPDATE_SCHEMA").is_some() {
            std::fs::write(&path, &text).expect("schema/ is writable");
            return;
        }
        let on_disk = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(on_disk == text, "{} is stale: run `UPDATE_SCHEMA=1 cargo test --lib schema` then `node scripts/gen-types.mjs`", path.display());
    }

    #[test]
    fn schema_files_match_the_rust_types() {
        check("plan.schema.json", &plan_schema());
        check("results.schema.json", &results_schema());
    }

    #[test]
    fn plan_amounts_may_be_numbers_or_strings_and_results_are_strings() {
        let plan = plan_schema();
        let monthly = &plan["$defs"]["Allowance"]["properties"]["monthly"];
        assert_eq!(monthly["type"], json!(["string", "number"]), "{monthly}");
        let results = results_schema();
        let total = &results["$defs"]["Totals"]["properties"]["total_pay"];
        assert_eq!(total["type"], json!("string"), "{total}");
        assert_eq!(plan["properties"]["version"]["const"], json!(CURRENT_VERSION));
    }
}
