// Reading and writing a plan object by the same paths the engine's errors use
// ("scorecards[0].kpis[1].weight"), so an error can be shown next to its field; and a plan's
// canonical text, to tell an edited plan from a preset.

/** Whether `value` is a JSON object (not null, not a list). */
export const isObject = (value) => value != null && typeof value === 'object' && !Array.isArray(value);

/** "a.b[2].c" → ["a", "b", 2, "c"] */
export function parsePath(path) {
  const keys = [];
  for (const part of path.split('.')) {
    const m = part.match(/^([^[\]]*)((?:\[\d+\])*)$/);
    if (!m) throw new Error(`bad path ${path}`);
    if (m[1]) keys.push(m[1]);
    for (const idx of m[2].matchAll(/\[(\d+)\]/g)) keys.push(Number(idx[1]));
  }
  return keys;
}

/** The value at `path` in `obj`, or undefined. */
export function getIn(obj, path) {
  return parsePath(path).reduce((at, key) => (at == null ? undefined : at[key]), obj);
}

/** A copy of `obj` with `value` at `path` (the original is not touched); `undefined` removes the field. */
export function setIn(obj, path, value) {
  const keys = parsePath(path);
  const copy = structuredClone(obj);
  let at = copy;
  for (const [i, key] of keys.slice(0, -1).entries()) {
    // A part the plan does not have yet (a line's first grade multiplier) is created on the way.
    if (at[key] == null) {
      if (value === undefined) return copy;
      at[key] = typeof keys[i + 1] === 'number' ? [] : {};
    }
    at = at[key];
  }
  if (value === undefined) delete at[keys.at(-1)];
  else at[keys.at(-1)] = value;
  return copy;
}

/**
 * A plan as text to tell an edited plan from a preset: numbers written as text, as the form
 * writes them ("4" typed back over 4 is the preset again).
 */
export function canonical(plan) {
  return JSON.stringify(plan, (_, v) => (typeof v === 'number' ? String(v) : v));
}

/** `prefix_N` for the first N from `start` that `taken` (a Set of ids) does not hold. */
export function freeId(taken, prefix, start = 1) {
  let n = start;
  while (taken.has(`${prefix}_${n}`)) n += 1;
  return `${prefix}_${n}`;
}

/** `list` without its item `i`; undefined once nothing is left, so that an emptied list is no field. */
export function withoutItem(list, i) {
  const rest = list.filter((_, j) => j !== i);
  return rest.length ? rest : undefined;
}
