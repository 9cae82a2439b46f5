// The WebAssembly benchmarks, run the same way in Node (bench/wasm-node.mjs) and in headless
// Chromium (bench/wasm-browser.mjs): for each dataset, the reps are loaded once into the
// engine (Engine.fromCsv) and into the two JavaScript baselines; then the plan is edited
// (a tier rate of the new-customer line changes) and re-evaluated `runs` times, and the
// medians are reported. Also: the wasm memory used per rep-period, and whether the decimal.js
// baseline agrees with the engine to the cent on every rep.
//
// Everything here runs in one JavaScript realm, side by side, on one thread.
//
// The engine's edits and each baseline's are timed after WARM_UP untimed ones of their own:
// what a slider's moves meet is code already compiled by the optimising tier (wasm starts in
// Chromium's baseline compiler, JavaScript in its interpreter), not the first call's.

import { loadTables } from './baseline-data.mjs';
import { makeDecimalBaseline, PLAN_PARAMS } from './baseline-decimal.mjs';
import { makeFloatBaseline } from './baseline-float.mjs';

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const p95 = (xs) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))];

/** The plan with the new-customer line's tier rates set (in percent). */
function planWith(plan, rates) {
  const p = structuredClone(plan);
  p.commission[0].tiers.forEach((t, i) => (t.rate_pct = rates[i]));
  return JSON.stringify(p);
}
/** Untimed edits before the timed ones, for the engine and for each baseline. */
const WARM_UP = 3;

/** Alternating edits of the second tier, as a user typing rates would make. */
const EDITS = [5, 5.5, 4.5, 6, 5.25].map((r) => [4, r, 6]);

/**
 * @param {object} o
 * @param {object} o.pkg - the wasm-bindgen module (web target), initialised
 * @param {WebAssembly.Memory} o.memory - its memory
 * @param {Function} o.Decimal - decimal.js
 * @param {object} o.plan - bench/full-plan.json, parsed
 * @param {Array<{name: string, reps: number, csv: () => Promise<string>}>} o.datasets - one month each
 * @param {(s: string) => void} o.log
 * @param {() => number} [o.cpuNow] - the process's CPU time in ms (Node): reported next to
 *   wall time, as the machine is shared and wall time includes waiting for a core
 */
export async function runSuite({ pkg, memory, Decimal, plan, datasets, log, runsFor = (n) => (n >= 30000 ? 5 : 15), baselines = true, agree = true, cpuNow = null }) {
  const now = () => performance.now();
  const decimal = makeDecimalBaseline(Decimal);
  const float = makeFloatBaseline();
  const out = [];
  for (const ds of datasets) {
    const runs = runsFor(ds.reps);
    const csv = await ds.csv();
    const row = { name: ds.name, reps: ds.reps, runs };
    // --- load once ---------------------------------------------------------------------
    const mem0 = memory.buffer.byteLength;
    // The live heap, when the package counts it (built with the `heap-stats` feature, as
    // scripts/bench.sh does): what is kept, where the memory's size shows every peak.
    const heap = pkg.heapStats ? () => pkg.heapStats() : () => undefined;
    const heap0 = heap();
    let t = now();
    const engine = pkg.Engine.fromCsv(csv);
    row.load_ms = now() - t;
    const period = engine.periods()[0];
    row.period = period;
    row.mem_after_load = memory.buffer.byteLength;
    row.heap_start = heap0?.live;
    row.heap_after_load = heap();
    let report = engine.setPlan(JSON.stringify(plan));
    if (!report.ok || report.problems.length) throw new Error(`plan not accepted: ${JSON.stringify(report.problems.slice(0, 3))}`);
    row.mem_after_plan = memory.buffer.byteLength;
    row.heap_after_plan = heap();

    // --- the kept results: run + a page of rows, the export, one rep's explanation ---------
    // Timed first, so that the memory they need is measured before evaluate() grows it.
    row.kept = keptResults({ engine, plan, period, runs, now, cpuNow });
    row.mem_after_kept = memory.buffer.byteLength;
    row.heap_after_kept = heap();
    engine.setPlan(JSON.stringify(plan)); // back to the plan as written

    t = now();
    let first = engine.evaluate(period);
    row.first_evaluate_ms = now() - t;
    row.mem_after_evaluate = memory.buffer.byteLength;
    row.mem_start = mem0;
    if (first.reps.length !== ds.reps) throw new Error(`${ds.name}: ${first.reps.length} reps evaluated of ${ds.reps}: ${JSON.stringify(first.problems[0])}`);
    // The kept results hold the same evaluation: the same totals (the plan as written).
    const kept = engine.run(period, false);
    if (JSON.stringify(kept.totals) !== JSON.stringify(first.totals)) throw new Error(`${ds.name}: run() totals differ from evaluate()'s`);
    const top = engine.rows(0, 1, 'total_pay', true).rows[0];
    const best = first.reps.reduce((a, b) => (Number(b.total_pay) > Number(a.total_pay) ? b : a));
    if (top.total_pay !== best.total_pay) throw new Error(`${ds.name}: rows() top pay ${top.total_pay}, evaluate() ${best.total_pay}`);
    row.result_json_bytes_per_rep = Math.round(JSON.stringify(first.reps.slice(0, 200)).length / Math.min(200, ds.reps));

    // --- agreement with the decimal baseline (the plan as written) ----------------------
    const tables = loadTables(csv);
    const table = tables.get(period);
    t = now();
    const dTable = baselines || agree ? decimal.prepare(table) : null;
    row.decimal_prepare_ms = now() - t;
    t = now();
    const fTable = baselines || agree ? float.prepare(table) : null;
    row.float_prepare_ms = now() - t;
    if (agree) {
      const dRes = decimal.evaluate(dTable, PLAN_PARAMS);
      row.decimal_agreement = compare(first, dRes, (x) => new Decimal(x).toFixed(2));
      const fRes = float.evaluate(fTable, PLAN_PARAMS);
      row.float_agreement = compare(first, fRes, (x) => Number(x).toFixed(2));
    }
    // 100,000 reps' full results are about 1.7 GB of JavaScript objects: holding them while
    // the runs below make more would take the page past its heap (Chromium kills it).
    first = null;

    // --- re-evaluation after an edit, in the engine ---------------------------------------
    const setPlan = [];
    const evaluate = [];
    const total = [];
    const visible = [];
    const cpu = [];
    for (let r = 0; r < WARM_UP; r++) {
      engine.setPlan(planWith(plan, EDITS[r % EDITS.length]));
      engine.evaluate(period);
    }
    for (let r = 0; r < runs; r++) {
      const json = planWith(plan, EDITS[r % EDITS.length]);
      const c0 = cpuNow?.();
      const t0 = now();
      report = engine.setPlan(json);
      const t1 = now();
      const res = engine.evaluate(period);
      const t2 = now();
      if (cpuNow) cpu.push(cpuNow() - c0);
      // What the page shows first: 50 rows and the team totals (the API returns everything).
      const rows = res.reps.slice(0, 50);
      const shown = rows.length + res.totals.by_region.length;
      const t3 = now();
      if (!report.ok || !shown) throw new Error('edit not applied');
      setPlan.push(t1 - t0);
      evaluate.push(t2 - t1);
      total.push(t2 - t0);
      visible.push(t3 - t1);
    }
    row.mem_peak = memory.buffer.byteLength;
    row.engine = { set_plan_ms: median(setPlan), evaluate_ms: median(evaluate), total_ms: median(total), total_p95_ms: p95(total), visible_ms: median(visible), cpu_ms: cpu.length ? median(cpu) : undefined };

    // --- the baselines, same edits ----------------------------------------------------------
    if (baselines) {
      for (const [key, b, tab] of [['decimal', decimal, dTable], ['float', float, fTable]]) {
        const times = [];
        const cpuTimes = [];
        const bRuns = key === 'decimal' ? Math.max(3, Math.min(runs, Math.ceil(runs / 3))) : runs;
        for (let r = 0; r < WARM_UP; r++) b.evaluate(tab, { newTierRates: EDITS[r % EDITS.length] });
        for (let r = 0; r < bRuns; r++) {
          const c0 = cpuNow?.();
          const t0 = now();
          const res = b.evaluate(tab, { newTierRates: EDITS[r % EDITS.length] });
          times.push(now() - t0);
          if (cpuNow) cpuTimes.push(cpuNow() - c0);
          if (res.reps.length !== ds.reps) throw new Error('baseline lost reps');
        }
        row[key] = { evaluate_ms: median(times), cpu_ms: cpuTimes.length ? median(cpuTimes) : undefined, runs: bRuns };
      }
      row.ratio_decimal = row.decimal.evaluate_ms / row.engine.total_ms;
      row.ratio_decimal_kept = row.decimal.evaluate_ms / row.kept.total_ms;
      row.ratio_float = row.float.evaluate_ms / row.engine.total_ms;
      // As many rounds as the engine's own runs up to 10,000 reps (decimal.js takes about a
      // second an edit there); beyond, as many as decimal.js's own.
      row.side_by_side = sideBySide({ engine, decimal, dTable, plan, period, rounds: ds.reps <= 10000 ? runs : row.decimal.runs, now });
    }
    engine.free();
    log(summary(row));
    out.push(row);
  }
  return out;
}

/**
 * The engine's edit (setPlan + run + the first 50 rows, as in `keptResults`) and decimal.js's
 * on the same edits, one right after the other in each round (who goes first alternates):
 * both meet the same machine. On a shared machine the times of one build move by half
 * between minutes, so two medians taken a minute apart can be off by that much; the ratio
 * of each round is not. Both sides are warm (their own loops ran before). Returns the
 * median of the rounds' ratios (decimal.js ÷ engine) and the rounds' medians.
 */
function sideBySide({ engine, decimal, dTable, plan, period, rounds, now }) {
  const [ratios, engineMs, decimalMs] = [[], [], []];
  for (let r = 0; r < rounds; r++) {
    const edit = EDITS[r % EDITS.length];
    const json = planWith(plan, edit);
    const runEngine = () => {
      const t = now();
      const ok = engine.setPlan(json).ok;
      engine.run(period, false);
      const page = engine.rows(0, 50, 'total_pay', true);
      const ms = now() - t;
      if (!ok || !page.rows.length) throw new Error('edit not applied');
      return ms;
    };
    const runDecimal = () => {
      const t = now();
      decimal.evaluate(dTable, { newTierRates: edit });
      return now() - t;
    };
    let e;
    let d;
    if (r % 2) {
      e = runEngine();
      d = runDecimal();
    } else {
      d = runDecimal();
      e = runEngine();
    }
    engineMs.push(e);
    decimalMs.push(d);
    ratios.push(d / e);
  }
  return { ratio: median(ratios), engine_ms: median(engineMs), decimal_ms: median(decimalMs), rounds };
}

/**
 * The new calls, after the same edits as the old loop: `setPlan` + `run` (totals) + the first
 * 50 rows by total pay (what a page shows first); the columnar export of every rep (and
 * splitting its figure columns into strings, as an export would); one rep's full result.
 */
function keptResults({ engine, plan, period, runs, now, cpuNow }) {
  const [setPlan, run, rows, visible, cpu, columns, columnsSplit, rep] = [[], [], [], [], [], [], [], []];
  for (let r = 0; r < WARM_UP; r++) {
    engine.setPlan(planWith(plan, EDITS[r % EDITS.length]));
    engine.run(period, false);
    engine.rows(0, 50, 'total_pay', true);
  }
  for (let r = 0; r < runs; r++) {
    const json = planWith(plan, EDITS[r % EDITS.length]);
    const c0 = cpuNow?.();
    const t0 = now();
    const report = engine.setPlan(json);
    const t1 = now();
    const summary = engine.run(period, false);
    const t2 = now();
    const page = engine.rows(0, 50, 'total_pay', true);
    const t3 = now();
    if (cpuNow) cpu.push(cpuNow() - c0);
    if (!report.ok || !page.rows.length || !summary.totals.by_region.length) throw new Error('edit not applied');
    setPlan.push(t1 - t0);
    run.push(t2 - t1);
    rows.push(t3 - t2);
    visible.push(t3 - t0);
    const t4 = now();
    const cols = engine.columns();
    const t5 = now();
    const split = Object.values(cols.figures).map((c) => c.split('\n'));
    const t6 = now();
    if (cols.rank.length !== summary.totals.reps || split[0].length !== summary.totals.reps) throw new Error('columns incomplete');
    columns.push(t5 - t4);
    columnsSplit.push(t6 - t4);
    const t7 = now();
    const one = engine.repResult(page.rows[r % page.rows.length].rep_id);
    rep.push(now() - t7);
    if (!one.kpis.length) throw new Error('repResult without KPIs');
  }
  return {
    set_plan_ms: median(setPlan), run_ms: median(run), rows_ms: median(rows), total_ms: median(visible), total_p95_ms: p95(visible),
    cpu_ms: cpu.length ? median(cpu) : undefined, columns_ms: median(columns), columns_split_ms: median(columnsSplit), rep_result_ms: median(rep),
  };
}

function summary(r) {
  const f = (x) => (x === undefined ? '–' : `${x.toFixed(1)} ms`);
  const a = r.decimal_agreement;
  const k = r.kept;
  return `${r.name}: kept results: setPlan + run + 50 rows ${f(k.total_ms)} (run ${f(k.run_ms)}, rows ${f(k.rows_ms)}), columns ${f(k.columns_ms)}, repResult ${f(k.rep_result_ms)}; ` +
    `load ${f(r.load_ms)}, setPlan ${f(r.engine.set_plan_ms)}, evaluate ${f(r.engine.evaluate_ms)}, total ${f(r.engine.total_ms)}; decimal.js ${f(r.decimal?.evaluate_ms)}, floats ${f(r.float?.evaluate_ms)}` +
    (r.side_by_side ? `; side by side decimal.js ÷ engine ${r.side_by_side.ratio.toFixed(2)}×` : '') +
    (a ? `; decimal agreement ${a.reps_compared - a.reps_differing}/${a.reps_compared} reps` : '');
}

/**
 * Compares the engine's evaluation with a baseline's, figure by figure, to the cent (money)
 * or to the hundredth (scores); `fix` renders a figure at 2 places.
 */
export function compare(engine, base, fix) {
  const byId = new Map(base.reps.map((r) => [r.rep_id, r]));
  const diffs = [];
  let differing = 0;
  const fields = (e, b) => [
    ['score', e.score, b.score],
    ['grade', e.grade, b.grade],
    ['rank', e.rank, b.rank],
    ['attainment_pct', e.attainment_pct, b.attainment_pct],
    ...e.commission.map((l, k) => [`commission.${l.id}`, l.pay, b.commission[k]]),
    ...e.bonuses.map((x, k) => [`bonuses.${x.id}`, x.amount, b.bonuses[k]]),
    ['base_total', e.base_total, b.base_total],
    ['total_pay', e.total_pay, b.total_pay],
    ['base_share_warning', e.warnings.some((w) => w.code === 'base_share_out_of_range'), b.warning],
  ];
  for (const e of engine.reps) {
    const b = byId.get(e.rep_id);
    if (!b) {
      differing++;
      diffs.push({ rep: e.rep_id, field: 'missing in baseline' });
      continue;
    }
    let any = false;
    for (const [field, ev, bv] of fields(e, b)) {
      const same = typeof ev === 'string' && /^-?\d/.test(ev) ? fix(ev) === fix(bv) : ev === bv;
      if (!same) {
        any = true;
        if (diffs.length < 20) diffs.push({ rep: e.rep_id, role: e.role, grade: e.grade, field, engine: String(ev), baseline: String(bv) });
      }
    }
    if (any) differing++;
  }
  const et = engine.totals;
  const bt = base.totals;
  const totals = [
    ['total_pay', et.total_pay, bt.total_pay],
    ['commission', et.commission, bt.commission],
    ['bonuses', et.bonuses, bt.bonuses],
    ['base_pay', et.base_pay, bt.base_pay],
    ['average_pay', et.average_pay, bt.average_pay],
    ['average_score', et.average_score, bt.average_score],
    ['pay_pct_of_revenue', et.pay_pct_of_revenue, bt.pay_pct_of_revenue],
    ['reps_with_warnings', et.reps_with_warnings, bt.reps_with_warnings],
    ...et.by_region.flatMap((g, k) => [
      [`by_region.${g.group}.total_pay`, g.total_pay, bt.by_region[k]?.total_pay],
      [`by_region.${g.group}.average_pay`, g.average_pay, bt.by_region[k]?.average_pay],
    ]),
    ...et.grades.map((g, k) => [`grades.${g.grade}`, g.reps, bt.grades[k]?.reps]),
  ]
    .filter(([, ev, bv]) => (typeof ev === 'string' ? fix(ev) !== fix(bv) : ev !== bv))
    .map(([field, ev, bv]) => ({ field, engine: String(ev), baseline: String(bv) }));
  return { reps_compared: engine.reps.length, reps_differing: differing, first_differences: diffs, totals_differing: totals };
}
