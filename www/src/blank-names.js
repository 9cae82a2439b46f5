// Plans saved by an earlier version of the page may hold blank names: its form saved `""`
// when a name was emptied, and the engine now refuses a blank name (`blank_name`). A stored
// session, a share link and a pinned baseline are mended as the page restores them
// (playground.js, `restore`), so that they open as they did: a blank label (which is
// optional) is left out, and a blank required name takes the item's id.

/**
 * Where the plan has names: the keys leading to the items (through lists, each of their
 * items), the name fields there, and whether the first is required (else every one is an
 * optional label, shown as the English name, the formula or the id when absent).
 */
const NAMED = [
  { at: [], fields: ['name', 'name_zh'], required: true },
  { at: ['metrics'], fields: ['name', 'name_zh'] },
  { at: ['targets'], fields: ['name', 'name_zh'] },
  { at: ['categories'], fields: ['name', 'name_zh'], required: true },
  { at: ['scorecards'], fields: ['name', 'name_zh'] },
  { at: ['scorecards', 'kpis'], fields: ['name', 'name_zh'], required: true },
  { at: ['points', 'items'], fields: ['name', 'name_zh'], required: true },
  { at: ['commission'], fields: ['name', 'name_zh'], required: true },
  { at: ['base_pay', 'allowances'], fields: ['name', 'name_zh'], required: true },
  { at: ['bonuses'], fields: ['name', 'name_zh'], required: true },
  { at: ['signals', 'alerts'], fields: ['name', 'name_zh'], required: true },
  { at: ['signals', 'alerts', 'rule'], fields: ['metric_name', 'metric_name_zh'] },
  { at: ['signals', 'improvement_plans'], fields: ['metric_name', 'metric_name_zh'] },
];

/** The objects `keys` lead to from `root`, a list's items each on its own. */
function itemsAt(root, keys) {
  let items = [root];
  for (const key of keys) items = items.flatMap((item) => item?.[key] ?? []);
  return items.filter((item) => item !== null && typeof item === 'object' && !Array.isArray(item));
}

/** Whether `value` is a name that is there but blank (`""`, spaces). */
function isBlank(value) {
  return typeof value === 'string' && value.trim() === '';
}

/**
 * `plan` with its blank names mended (a copy; `plan` itself is left as it is): a blank
 * optional label is removed, a blank required name becomes the item's id, the plan's own
 * `planName` (its preset's name, or "Plan"). `mended` counts the names changed.
 * @returns {{plan: object, mended: number}}
 */
export function withoutBlankNames(plan, planName = 'Plan') {
  const copy = structuredClone(plan);
  let mended = 0;
  for (const { at, fields, required = false } of NAMED) {
    for (const item of itemsAt(copy, at)) {
      fields.forEach((field, n) => {
        if (!isBlank(item[field])) return;
        mended += 1;
        if (required && n === 0) item[field] = at.length ? String(item.id ?? 'Unnamed') : planName;
        else delete item[field];
      });
    }
  }
  return { plan: copy, mended };
}
