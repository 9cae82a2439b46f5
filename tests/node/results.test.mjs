// The kept results of the built wasm package (nodejs target): run, rows, repResult and
// columns answer with the figures evaluate() returns, a piece at a time.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { Engine } = require(process.env.INCENTIVE_PKG_NODE ?? '../../pkg-node/incentive_engine.js');
// The presets and the sample data are not in the wasm: scripts/presets.mjs writes them (npm run bundle).
const { presets, samplePlan, sampleEngine } = createRequire(import.meta.url)('../../www/gen/presets.cjs');

const sum = (xs) => xs.reduce((a, b) => a + Math.round(Number(b) * 100), 0);
const cents = (s) => Math.round(Number(s) * 100);

function engineWith(json) {
  const engine = sampleEngine(Engine);
  assert.equal(engine.setPlan(json).ok, true);
  return engine;
}

test('run returns the totals of evaluate, and rows hold each rep\'s headline figures', () => {
  for (const { id, json } of presets()) {
    const engine = engineWith(json);
    for (const period of engine.periods()) {
      for (const ytd of [false, true]) {
        const full = ytd ? engine.evaluateYtd(period) : engine.evaluate(period);
        const summary = engine.run(period, ytd);
        assert.deepEqual(summary.totals, full.totals, `${id} ${period}`);
        assert.deepEqual([summary.period, summary.periods, summary.year_to_date], [full.period, full.periods, full.year_to_date]);
        assert.deepEqual(summary.problems, full.problems);
        const page = engine.rows(0, 1000, 'data', false);
        assert.equal(page.total, full.reps.length);
        page.rows.forEach((row, i) => {
          const r = full.reps[i];
          assert.equal(row.index, i);
          assert.deepEqual(
            [row.rep_id, row.name, row.region, row.role, row.score, row.grade, row.rank, row.attainment_pct, row.base_total, row.variable_pay, row.total_pay],
            [r.rep_id, r.name, r.region, r.role, r.score, r.grade, r.rank, r.attainment_pct, r.base_total, r.variable_pay, r.total_pay],
            `${id} ${period} ${r.rep_id}`,
          );
          assert.equal(cents(row.commission), sum(r.commission.map((l) => l.pay)));
          assert.equal(cents(row.bonuses), sum(r.bonuses.map((b) => b.amount)));
          assert.deepEqual(row.warnings, r.warnings.map((w) => w.code));
        });
      }
    }
  }
});

test('repResult is the full result of evaluate, explanations and all', () => {
  const engine = engineWith(samplePlan());
  const full = engine.evaluate('2026-Q4');
  engine.run('2026-Q4', false);
  for (const r of full.reps) assert.deepEqual(engine.repResult(r.rep_id), r);
  const e01 = engine.repResult('E01');
  assert.equal(e01.total_pay, '38000.00');
  assert.ok(e01.kpis[0].explain.steps.length > 0, 'the KPI is explained');
  assert.ok(e01.commission[0].explain.steps.some((s) => s.key === 'tier_pay'));
});

test('rows come sorted and paged; equal values keep data order', () => {
  const engine = engineWith(samplePlan());
  engine.run('2026-Q4', false);
  const all = engine.rows(0, 100, 'total_pay', true).rows;
  assert.equal(all.length, 32);
  assert.equal(all[0].rep_id, 'E03');
  for (let i = 1; i < all.length; i++) {
    const [a, b] = [cents(all[i - 1].total_pay), cents(all[i].total_pay)];
    assert.ok(a > b || (a === b && all[i - 1].index < all[i].index), `${all[i - 1].rep_id} before ${all[i].rep_id}`);
  }
  const page = engine.rows(10, 5, 'total_pay', true);
  assert.deepEqual([page.total, page.start], [32, 10]);
  assert.deepEqual(page.rows.map((r) => r.rep_id), all.slice(10, 15).map((r) => r.rep_id));
  const byRank = engine.rows(0, 3, 'rank', false).rows;
  assert.deepEqual(byRank.map((r) => r.rank), [1, 2, 3]);
});

test('columns hold every rep\'s figures: typed arrays and exact decimal strings', () => {
  const engine = engineWith(samplePlan());
  const full = engine.evaluate('2026-Q4');
  engine.run('2026-Q4', false);
  const c = engine.columns();
  const reps = engine.reps();
  assert.equal(c.reps, full.reps.length);
  assert.ok(c.rep_index instanceof Uint32Array && c.rank instanceof Uint32Array && c.grade instanceof Uint8Array);
  assert.deepEqual([...c.rep_index].map((i) => reps[i].id), full.reps.map((r) => r.rep_id));
  assert.deepEqual([...c.rank], full.reps.map((r) => r.rank));
  assert.deepEqual([...c.grade].map((g) => c.grades[g]), full.reps.map((r) => r.grade));
  assert.deepEqual(c.figures.total_pay.split('\n'), full.reps.map((r) => r.total_pay));
  assert.deepEqual(c.figures.score.split('\n'), full.reps.map((r) => r.score));
  const line = full.reps[0].commission[0].id;
  assert.deepEqual(c.figures[`commission.${line}`].split('\n'), full.reps.map((r) => r.commission[0].pay));
});

test('the kept results stay until the next run; errors carry problems', () => {
  const engine = sampleEngine(Engine);
  assert.throws(() => engine.rows(0, 10, 'data', false), (e) => e instanceof Error && e.problems[0].code === 'no_results');
  assert.throws(() => engine.run('2026-Q4', false), (e) => e.problems[0].code === 'no_plan');
  engine.setPlan(samplePlan());
  engine.run('2026-Q4', false);
  assert.throws(() => engine.rows(0, 10, 'pay', false), (e) => e.problems[0].code === 'unknown_sort_key' && e.problems[0].value === 'pay' && e.problems[0].message.zh.length > 0);
  assert.throws(() => engine.repResult('NOPE'), (e) => e.problems[0].code === 'unknown_rep');
  // A plan edit keeps the last results until the next run.
  const edited = JSON.parse(samplePlan());
  edited.commission[0].tiers[1].rate_pct = '6';
  assert.equal(engine.setPlan(JSON.stringify(edited)).ok, true);
  const e01 = () => engine.rows(0, 32, 'data', false).rows.find((r) => r.rep_id === 'E01').total_pay;
  assert.equal(e01(), '38000.00');
  engine.run('2026-Q4', false);
  assert.equal(e01(), '42000.00'); // 100万 × 3% + 20万 × 6%
  assert.equal(engine.repResult('E01').total_pay, '42000.00');
  // A failed run leaves no results (the previous ones are dropped first, to save memory).
  assert.throws(() => engine.run('2031-Q9', false), (e) => e.problems[0].code === 'unknown_period');
  assert.throws(() => engine.rows(0, 10, 'data', false), (e) => e.problems[0].code === 'no_results');
});

test('evaluate() on more reps than cross in one JSON text (8 MB: 8,000 reps are about 19 MB) returns every rep, in order, keys in place', () => {
  const engine = Engine.synthetic(8000, 1, 11);
  assert.equal(engine.setPlan(samplePlan()).ok, true);
  const [period] = engine.periods();
  const all = [[engine.evaluate(period), false], [engine.evaluateWithSignals(period).evaluation, false], [engine.evaluateYtd(period), true]];
  for (const [full, ytd] of all) {
    engine.run(period, ytd);
    const ids = engine.rows(0, 10000, 'data', false).rows.map((r) => r.rep_id);
    assert.equal(ids.length, 8000);
    assert.deepEqual(Object.keys(full), ['period', 'periods', 'year_to_date', 'reps', 'totals', 'problems', 'warnings']);
    assert.deepEqual(full.reps.map((r) => r.rep_id), ids);
    assert.equal(full.totals.reps, 8000);
    assert.ok(JSON.stringify(full.reps).length > 8 * 1048576, 'the reps cross in more than one JSON text');
    // Reps spread over the texts, whole (each repResult evaluates the period again: a sample).
    for (let at = 0; at < 8000; at += 331) assert.deepEqual(full.reps[at], engine.repResult(ids[at]), `rep ${at}`);
    assert.deepEqual(full.reps[7999], engine.repResult(ids[7999]));
  }
});
