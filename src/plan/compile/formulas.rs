//! Names usable in formulas and their slots in a rep's variable vector (data columns, then
//! targets, then metrics); parsing formulas against them; ordering metrics by dependency.

use crate::formula::{self, Expr};
use crate::problem::Problem;
use rustc_hash::FxHashMap;
use std::fmt;

/// Where each formula name lives in the vector of a rep's values.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Slots {
    /// Data columns, then target ids, then metric ids.
    pub names: Vec<String>,
    /// How many data columns (slots `0..columns`).
    pub columns: usize,
    /// How many named targets (the slots after the columns).
    pub targets: usize,
    index: FxHashMap<String, usize>,
}

impl Slots {
    /// Slots for the data's columns and the plan's target and metric ids; a name used twice
    /// is reported at `paths` (one path per target, then per metric).
    pub fn new(columns: &[String], targets: &[(String, String)], metrics: &[(String, String)], problems: &mut Vec<Problem>) -> Slots {
        let mut slots = Slots { columns: columns.len(), targets: targets.len(), ..Slots::default() };
        for name in columns {
            slots.push(name.clone());
        }
        // Ids repeated among targets and metrics are reported by validation; here only a
        // clash with a data column, which validation cannot see.
        for (name, path) in targets.iter().chain(metrics) {
            if slots.index.get(name).is_some_and(|slot| *slot < columns.len()) {
                problems.push(Problem::error(
                    "name_clash",
                    path.clone(),
                    Some(name.clone()),
                    format!("`{name}` is already a column of the data; formulas could not tell them apart"),
                    format!("`{name}` 已是数据中的一列，公式中无法区分"),
                ));
            }
            slots.push(name.clone());
        }
        slots
    }

    /// Adds the built-in variable `name` (defined by the plan section at `path`) after the
    /// metrics, unless a column, target or metric already has that name (reported).
    pub fn add_builtin(&mut self, name: &str, path: &str, problems: &mut Vec<Problem>) -> Option<usize> {
        if self.index.contains_key(name) {
            problems.push(Problem::error(
                "name_clash",
                path,
                Some(name.to_string()),
                format!("`{name}` is already a column, target or metric; the plan's `{name}` flag could not be told apart from it"),
                format!("`{name}` 已是数据列、目标或指标的名称，与方案的 `{name}` 标记无法区分"),
            ));
            return None;
        }
        self.push(name.to_string());
        Some(self.names.len() - 1)
    }

    fn push(&mut self, name: String) {
        self.index.entry(name.clone()).or_insert(self.names.len());
        self.names.push(name);
    }

    /// The slot of a name.
    pub fn get(&self, name: &str) -> Option<usize> {
        self.index.get(name).copied()
    }

    /// The first metric slot.
    pub fn metrics_start(&self) -> usize {
        self.columns + self.targets
    }
}

/// Parses formulas against the slots, collecting problems and the data columns read.
pub struct Formulas<'a> {
    pub slots: &'a Slots,
    pub problems: Vec<Problem>,
    pub used: Vec<usize>,
}

impl<'a> Formulas<'a> {
    pub fn new(slots: &'a Slots) -> Self {
        Formulas { slots, problems: Vec::new(), used: Vec::new() }
    }

    /// Parses `text`; on failure records a `formula` problem at `path` and returns `None`.
    pub fn parse(&mut self, text: &str, path: &dyn fmt::Display) -> Option<Expr> {
        match formula::parse(text, &|name| self.slots.get(name)) {
            Ok(expr) => {
                let mut vars = Vec::new();
                expr.vars(&mut vars);
                self.used.extend(vars.into_iter().filter(|v| *v < self.slots.columns));
                Some(expr)
            }
            Err(e) => {
                let (en, zh) = e.messages(text);
                self.problems.push(Problem::error("formula", path.to_string(), Some(text.to_string()), en, zh));
                None
            }
        }
    }

    /// Parses an optional formula.
    pub fn parse_opt(&mut self, text: Option<&String>, path: &dyn fmt::Display) -> Option<Option<Expr>> {
        match text {
            None => Some(None),
            Some(t) => self.parse(t, path).map(Some),
        }
    }
}

/// Orders metrics so each comes after those it reads. `metrics` holds (slot, formula, path);
/// a cycle is reported once, naming its members in order.
pub fn order_metrics(metrics: Vec<(usize, Expr, String)>, slots: &Slots, problems: &mut Vec<Problem>) -> Vec<(usize, Expr)> {
    let start = slots.metrics_start();
    let n = metrics.len();
    let at: FxHashMap<usize, usize> = metrics.iter().enumerate().map(|(i, (slot, _, _))| (*slot, i)).collect();
    let deps: Vec<Vec<usize>> = metrics
        .iter()
        .map(|(_, expr, _)| {
            let mut vars = Vec::new();
            expr.vars(&mut vars);
            vars.into_iter().filter(|v| *v >= start).filter_map(|v| at.get(&v).copied()).collect()
        })
        .collect();
    // 0 = not visited, 1 = on the current path, 2 = done.
    let mut state = vec![0u8; n];
    let mut order = Vec::with_capacity(n);
    let mut reported = false;
    for root in 0..n {
        let mut stack: Vec<(usize, usize)> = vec![(root, 0)];
        while let Some((node, next)) = stack.pop() {
            if next == 0 {
                if state[node] == 2 {
                    continue;
                }
                state[node] = 1;
            }
            if let Some(&dep) = deps[node].get(next) {
                stack.push((node, next + 1));
                match state[dep] {
                    0 => stack.push((dep, 0)),
                    1 if !reported => {
                        reported = true;
                        let from = stack.iter().position(|(m, _)| *m == dep).unwrap_or(0);
                        let mut cycle: Vec<&str> = stack[from..].iter().map(|(m, _)| slots.names[metrics[*m].0].as_str()).collect();
                        cycle.push(&slots.names[metrics[dep].0]);
                        let chain = cycle.join(" → ");
                        problems.push(Problem::error(
                            "circular_metric",
                            metrics[dep].2.clone(),
                            Some(chain.clone()),
                            format!("metrics depend on each other in a circle: {chain}"),
                            format!("指标之间循环依赖：{chain}"),
                        ));
                    }
                    _ => {}
                }
            } else {
                state[node] = 2;
                order.push(node);
            }
        }
    }
    let mut metrics: Vec<Option<(usize, Expr, String)>> = metrics.into_iter().map(Some).collect();
    order.into_iter().filter_map(|i| metrics[i].take().map(|(slot, expr, _)| (slot, expr))).collect()
}
