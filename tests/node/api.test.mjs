// The built wasm package (nodejs target), used from JavaScript as an embedder would.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';

const require = createRequire(import.meta.url);
const { Engine, jsonSyntax } = require('../../pkg-node/incentive_engine.js');
// The presets and the sample data are not in the wasm: scripts/presets.mjs writes them (npm run bundle).
const { presets, samplePlan, sampleCsv, sampleAdjustmentsCsv, sampleEngine } = require('../../www/gen/presets.cjs');

const plan = () => JSON.parse(samplePlan());
const byId = (results, id) => results.reps.find((r) => r.rep_id === id);

test('the handle evaluates the sample reps with the sample plan', () => {
  const engine = sampleEngine(Engine);
  assert.deepEqual(engine.periods(), ['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4']);
  const report = engine.setPlan(samplePlan());
  assert.equal(report.ok, true);
  const results = engine.evaluate('2026-Q4');
  assert.equal(results.reps.length, 32);
  // Money crosses the boundary as exact decimal strings.
  assert.equal(byId(results, 'E01').total_pay, '38000.00');
  assert.equal(byId(results, 'E02').total_pay, '24000.00');
  assert.equal(byId(results, 'E03').total_pay, '53000.00');
  assert.equal(byId(results, 'E01').commission[0].slices.length, 2);
});

test('re-evaluating after a plan edit uses the reps already in wasm memory', () => {
  const engine = sampleEngine(Engine);
  const edited = plan();
  edited.commission[0].tiers[1].rate_pct = '6';
  assert.equal(engine.setPlan(JSON.stringify(edited)).ok, true);
  // 100万 × 3% + 20万 × 6% = 42,000
  assert.equal(byId(engine.evaluate('2026-Q4'), 'E01').total_pay, '42000.00');
});

test('a bad plan returns structured problems and keeps the previous plan', () => {
  const engine = sampleEngine(Engine);
  engine.setPlan(samplePlan());
  const bad = plan();
  bad.scorecards[0].kpis[0].weight = 70;
  const report = engine.setPlan(JSON.stringify(bad));
  assert.equal(report.ok, false);
  assert.deepEqual(
    report.problems.map((p) => [p.code, p.path, p.value]),
    [['weights_sum', 'scorecards[0].kpis', '110']],
  );
  assert.match(report.problems[0].message.en, /add to 110/);
  assert.match(report.problems[0].message.zh, /合计为 110/);
  assert.equal(byId(engine.evaluate('2026-Q4'), 'E01').total_pay, '38000.00');
});

test('errors are thrown as Error objects carrying problems, never as strings', () => {
  const engine = sampleEngine(Engine);
  assert.throws(() => engine.evaluate('2026-Q4'), (e) => e instanceof Error && e.problems[0].code === 'no_plan');
  engine.setPlan(samplePlan());
  assert.throws(() => engine.evaluate('2031-Q9'), (e) => e.problems[0].code === 'unknown_period' && e.problems[0].value === '2031-Q9');
  assert.throws(() => Engine.fromCsv(''), (e) => e.problems[0].code === 'csv_empty');
});

test('reps from CSV: a cell that is not a number is reported and read as blank, its row kept; a plan that reads it leaves the rep out of that period, saying so', () => {
  const [header, ...rows] = sampleCsv().trim().split('\n');
  const broken = rows[1].replace(/,2026-Q2,(\d),\d+,/, ',2026-Q2,$1,lots,');
  const engine = Engine.fromCsv([header, rows[0], broken, rows[2]].join('\n'));
  const problems = engine.loadProblems();
  assert.deepEqual(problems.map((p) => [p.code, p.severity, p.path, p.value]), [['not_a_number', 'warning', 'line 3.revenue_target', 'lots']]);
  assert.deepEqual(engine.periods(), ['2026-Q1', '2026-Q2', '2026-Q3']);
  assert.equal(engine.setPlan(samplePlan()).ok, true);
  const r = engine.evaluate('2026-Q2');
  assert.deepEqual(r.reps.map((x) => x.rep_id), []);
  assert.deepEqual(r.problems.map((p) => [p.code, p.path]), [['missing_value', 'reps.E01.revenue_target']]);
  // In a column the plan does not read (praise), a bad cell costs nothing: the rep is paid.
  const praise = header.split(',').indexOf('praise');
  const cells = rows[1].split(',');
  cells[praise] = 'lots';
  const e2 = Engine.fromCsv([header, cells.join(',')].join('\n'));
  assert.equal(e2.setPlan(samplePlan()).ok, true);
  assert.deepEqual(e2.evaluate('2026-Q2').reps.map((x) => x.rep_id), ['E01']);
});

test('sampleAdjustmentsCsv() is the sample returns, the template of a returns file: the sample reps hold them already', () => {
  const csv = sampleAdjustmentsCsv();
  assert.deepEqual(csv.trim().split('\n'), [
    'rep_id,period,original_period,line,amount,reference',
    'E04,2026-Q3,2026-Q2,revenue_commission,100000,SO-2026-0417 contract cancelled',
    'S03,2026-Q4,2026-Q3,revenue_commission,50000,SO-2026-0562 goods returned',
  ]);
  const engine = sampleEngine(Engine);
  assert.equal(engine.dataSummary().adjustments, 2);
  engine.setPlan(samplePlan());
  const before = engine.evaluate('2026-Q4').totals.total_pay;
  assert.deepEqual(engine.loadAdjustments(csv), []);
  assert.equal(engine.dataSummary().adjustments, 2);
  assert.equal(engine.evaluate('2026-Q4').totals.total_pay, before);
});

test('garbage through every entry point never kills the module', () => {
  const engine = sampleEngine(Engine);
  for (const junk of ['', 'null', '{', '[]', '{"version":1}', '\u0000', 'x'.repeat(100000), '{"version":1e999}']) {
    const report = engine.setPlan(junk);
    assert.equal(report.ok, false, junk.slice(0, 20));
    assert.ok(report.problems[0].message.en.length > 0);
  }
  engine.setPlan(samplePlan());
  assert.equal(byId(engine.evaluate('2026-Q4'), 'E01').total_pay, '38000.00');
});

test('without every rep\'s parts only the explained rep lists its KPI and point results and has a portrait', () => {
  const engine = sampleEngine(Engine);
  engine.setPlan(samplePlan());
  const full = engine.evaluateWithSignals('2026-Q4');
  const lean = engine.evaluateWithSignals('2026-Q4', false, 'E01', false);
  assert.deepEqual(byId(lean.evaluation, 'E01'), byId(full.evaluation, 'E01'));
  assert.deepEqual(lean.evaluation.reps.filter((r) => r.kpis.length || r.points.length).map((r) => r.rep_id), ['E01']);
  assert.ok(full.evaluation.reps.every((r) => r.kpis.length));
  // The same figures: E02 is still paid 800,000 × 3% = 24,000.00, the totals the same.
  assert.equal(byId(lean.evaluation, 'E02').total_pay, '24000.00');
  assert.deepEqual(lean.evaluation.reps.map((r) => r.total_pay), full.evaluation.reps.map((r) => r.total_pay));
  assert.deepEqual(lean.evaluation.totals, full.evaluation.totals);
  // The signals: E01's portrait alone, everything else as with every rep's.
  assert.deepEqual(lean.signals.portraits, full.signals.portraits.filter((p) => p.rep_id === 'E01'));
  assert.deepEqual({ ...lean.signals, portraits: [] }, { ...full.signals, portraits: [] });
  // Nobody's without a rep; year to date the same way.
  assert.deepEqual(engine.evaluateWithSignals('2026-Q4', false, undefined, false).signals.portraits, []);
  const ytd = engine.evaluateYtd('2026-Q4', false, undefined, false);
  assert.ok(ytd.reps.every((r) => !r.kpis.length && !r.points.length));
  assert.deepEqual(ytd.totals, engine.evaluateYtd('2026-Q4').totals);
});

test('signals, and the evaluation with its signals in one call, cross the boundary', () => {
  const engine = sampleEngine(Engine);
  engine.setPlan(presets().find((p) => p.id === 'target-oriented').json);
  const signals = engine.signals('2026-Q4');
  assert.deepEqual(signals.high_potentials.map((f) => f.rep_id), ['W04']);
  assert.equal(signals.alerts[0].rule, 'c_twice');
  assert.equal(signals.alerts[0].message.zh, '连续两期 C 级——冯刚（N03）：连续 2 个期间为 C 级（2026-Q3、2026-Q4）');
  const both = engine.evaluateWithSignals('2026-Q4');
  assert.deepEqual(both.evaluation, engine.evaluate('2026-Q4'));
  assert.deepEqual(both.signals, signals);
  // Luo Jia, the high potential, is paid 774,000 × 4%.
  assert.equal(byId(both.evaluation, 'W04').commission[0].pay, '30960.00');
  assert.throws(() => engine.evaluateWithSignals('2027-Q1'), (e) => e.problems?.[0]?.code === 'unknown_period');
});

test('without explanations the figures and signals are the same; explainRep gives one rep as evaluate does', () => {
  const engine = sampleEngine(Engine);
  engine.setPlan(samplePlan());
  const full = engine.evaluateWithSignals('2026-Q4');
  const quiet = engine.evaluateWithSignals('2026-Q4', false);
  assert.deepEqual(quiet.signals, full.signals);
  const e01 = byId(quiet.evaluation, 'E01');
  // E01's figures, to the cent, with no trace (left out, not empty) and no tier slices.
  assert.equal(e01.total_pay, '38000.00');
  assert.equal(e01.commission[0].pay, byId(full.evaluation, 'E01').commission[0].pay);
  assert.deepEqual(e01.commission[0].slices, []);
  const traced = (rep) => [rep.kpis[0], rep.commission[0]].map((x) => 'explain' in x).concat('points_explain' in rep);
  assert.deepEqual(traced(e01), [false, false, false]);
  assert.deepEqual(traced(byId(full.evaluation, 'E01')), [true, true, true]);
  assert.deepEqual(quiet.evaluation.totals, full.evaluation.totals);
  // The rep explained on demand is evaluate's, trace and slices included; year to date too.
  assert.deepEqual(engine.explainRep('2026-Q4', false, 'E01'), byId(full.evaluation, 'E01'));
  assert.equal(engine.explainRep('2026-Q4', false, 'E01').commission[0].slices.length, 2);
  assert.deepEqual(engine.explainRep('2026-Q4', true, 'E03'), byId(engine.evaluateYtd('2026-Q4'), 'E03'));
  assert.deepEqual(engine.evaluateYtd('2026-Q4', false).totals, engine.evaluateYtd('2026-Q4').totals);
  // Or explained in the same evaluation: E01's entry as evaluate's, the others without.
  const one = engine.evaluateWithSignals('2026-Q4', false, 'E01').evaluation;
  assert.deepEqual(byId(one, 'E01'), byId(full.evaluation, 'E01'));
  assert.deepEqual(byId(one, 'E02').commission[0].slices, []);
  assert.ok(!('explain' in byId(one, 'E02').commission[0]));
  assert.deepEqual(byId(engine.evaluateYtd('2026-Q4', false, 'E03'), 'E03'), byId(engine.evaluateYtd('2026-Q4'), 'E03'));
  assert.throws(() => engine.explainRep('2026-Q4', false, 'nobody'), (e) => e.problems?.[0]?.code === 'unknown_rep' && e.problems[0].value === 'nobody');
});

test('jsonSyntax(text) words a syntax error as setPlan does, and says nothing of JSON that is no plan', () => {
  const broken = '{ "version": 1,, }';
  const hint = jsonSyntax(broken);
  const set = sampleEngine(Engine).setPlan(broken).problems[0];
  assert.deepEqual([hint.code, hint.path, hint.message], [set.code, set.path, set.message]);
  assert.equal(hint.code, 'json_syntax');
  assert.equal(jsonSyntax('[1]'), undefined);
  assert.equal(jsonSyntax(samplePlan()), undefined);
});

test('a freed engine throws wasm-bindgen\'s error on every call, and the module goes on working', () => {
  const engine = sampleEngine(Engine);
  assert.equal(engine.setPlan(samplePlan()).ok, true);
  engine.free();
  assert.throws(() => engine.run('2026-Q4', false), /null pointer passed to rust/);
  assert.throws(() => engine.setPlan(samplePlan()), /null pointer passed to rust/);
  // Not a panic: the module is alive, and a new engine evaluates as before.
  const again = sampleEngine(Engine);
  again.setPlan(samplePlan());
  assert.equal(byId(again.evaluate('2026-Q4'), 'E01').total_pay, '38000.00');
  again.free();
});

test('the presets and the sample data are presets.js (generated from plans/ and data/), not the wasm\'s', () => {
  const engine = require('../../pkg-node/incentive_engine.js');
  for (const name of ['presets', 'samplePlan', 'sampleCsv', 'sampleAdjustmentsCsv']) assert.equal(name in engine, false, name);
  assert.equal('withSampleReps' in Engine, false);
  const read = (file) => readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8');
  const ids = presets().map((p) => p.id);
  assert.deepEqual(ids, ['saas-target', 'target-oriented', 'behavior-driven', 'balanced-scorecard', 'kpi-okr', 'seed-003-role-cards']);
  for (const p of presets()) assert.equal(p.json, read(`plans/${p.id}.json`), p.id);
  assert.equal(samplePlan(), read('plans/saas-target.json'));
  assert.equal(sampleCsv(), read('data/sample_reps.csv'));
  assert.equal(sampleAdjustmentsCsv(), read('data/sample_adjustments.csv'));
  // The ES module holds the same, for the page and the package's `import`.
  const esm = read('www/gen/presets.js');
  assert.ok(esm.includes(JSON.stringify(sampleCsv())) && esm.includes(JSON.stringify(presets()[5].json)));
});
