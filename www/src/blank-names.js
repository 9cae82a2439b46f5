// Plans saved by an earlier version of the page may hold blank names: its form saved `""`
// when a name was emptied, and the engine now refuses a blank name (`blank_name`). A stored
// session, a share link and a pinned baseline are mended as the page restores them
// (playground.js, `restore`), so that they open as they did: a blank label (which is
// optional) is left out, and a blank required name takes the item's id. Where the names are
// is the engine's to say (its problems' paths), and which are required its schema's.
import schema from '../../schema/plan.schema.json' with { type: 'json' };
import { parsePath, setIn } from './plan-path.js';

/** The schema node `node` stands for, its `$ref` followed. */
function resolved(node) {
  return node?.$ref ? resolved(schema.$defs[node.$ref.slice('#/$defs/'.length)]) : node;
}

/** The forms `node` may take (each of an `anyOf` or `oneOf` but null; itself when it has none). */
function forms(node) {
  const at = resolved(node);
  const some = at?.anyOf ?? at?.oneOf;
  return some ? some.map(resolved).filter((form) => form.type !== 'null') : [at];
}

/** Whether the plan format requires the field at `keys` (`parsePath`'s) in every form of the object holding it. */
function required(keys) {
  let nodes = [schema];
  for (const key of keys.slice(0, -1)) {
    nodes = nodes.flatMap(forms).map((form) => (typeof key === 'number' ? form.items : form.properties?.[key])).filter(Boolean);
  }
  const holders = nodes.flatMap(forms);
  return holders.length > 0 && holders.every((form) => form.required?.includes(keys.at(-1)));
}

/**
 * `plan` with the blank names the engine found in it mended (a copy; `plan` itself is left as
 * it is): `problems` is the engine's check of `plan` (`setPlan`'s report), and at each of its
 * `blank_name` problems a label is removed, a required name becomes the item's id, the plan's
 * own `planName` (its preset's name, or "Plan"). `mended` counts the names changed.
 * @param {object} plan
 * @param {Array<import('../pkg/incentive_engine.js').Problem>} problems
 * @returns {{plan: object, mended: number}}
 */
export function withoutBlankNames(plan, problems, planName = 'Plan') {
  const blanks = problems.filter((p) => p.code === 'blank_name');
  const mended = blanks.reduce((copy, { path }) => {
    const keys = parsePath(path);
    if (!required(keys)) return setIn(copy, path, undefined);
    const item = keys.slice(0, -1).reduce((at, key) => at?.[key], copy);
    return setIn(copy, path, keys.length > 1 ? String(item?.id ?? 'Unnamed') : planName);
  }, structuredClone(plan));
  return { plan: mended, mended: blanks.length };
}
