// The reps for the JavaScript baselines, read from the same data file (CSV) the wasm engine
// loads with Engine.fromCsv: one table per period, in file order (the engine's order too),
// each numeric column as an array of the cells' text. Each baseline turns the text into its
// own numbers once (decimal.js values or floats), as an app would when the file is loaded.
// Works in Node and in the browser (no imports).

/** Parses the synthetic data file (no quoted cells). */
export function loadTables(csv) {
  const lines = csv.split('\n');
  const header = lines[0].split(',');
  const at = (name) => header.indexOf(name);
  const [repId, region, role, period] = ['rep_id', 'region', 'role', 'period'].map(at);
  const text = new Set(['rep_id', 'name', 'name_zh', 'region', 'role', 'period']);
  const numeric = header.map((h, i) => [h, i]).filter(([h]) => !text.has(h));
  const tables = new Map();
  for (let l = 1; l < lines.length; l++) {
    if (!lines[l]) continue;
    const f = lines[l].split(',');
    let t = tables.get(f[period]);
    if (!t) {
      t = { period: f[period], ids: [], regions: [], roles: [], cells: Object.fromEntries(numeric.map(([h]) => [h, []])) };
      tables.set(f[period], t);
    }
    t.ids.push(f[repId]);
    t.regions.push(f[region]);
    t.roles.push(f[role]);
    for (const [h, i] of numeric) t.cells[h].push(f[i]);
  }
  return tables;
}
