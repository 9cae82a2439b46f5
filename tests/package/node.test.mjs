// The packed npm package from Node: installed from its tarball into a scratch app, used
// through `import` and `require` exactly as a portal's backend would (the package's `exports`
// pick the nodejs build). Checks the hand-worked figure (Zhang Wei, 2026-Q4, sample plan:
// 1,000,000 × 3% + 200,000 × 4% = 38,000.00), structured problems for a bad plan and thrown
// errors, the schema export, and what the tarball holds.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { scratchApp, runNode, tarball, version } from './scratch.mjs';

/** The same checks for both module systems; `load` binds `m` to the package's exports. */
const script = (load) => `${load}
const { Engine } = m;
const { samplePlan, sampleCsv, presets, sampleEngine } = samples;
const out = {};
// The presets and the sample data are the package's presets.js, not the engine's.
out.samplesOutside = ['presets', 'samplePlan', 'sampleCsv', 'sampleAdjustmentsCsv'].filter((f) => f in m);
const engine = sampleEngine(Engine);
out.periods = engine.periods();
out.ok = engine.setPlan(samplePlan()).ok;
const results = engine.evaluate('2026-Q4');
const e01 = results.reps.find((r) => r.rep_id === 'E01');
out.reps = results.reps.length;
out.e01 = { total: e01.total_pay, commission: e01.commission[0].pay, slices: e01.commission[0].slices.map((s) => [s.amount, s.rate, s.pay]) };
out.teamTotal = results.totals.total_pay;
const fromCsv = Engine.fromCsv(sampleCsv());
fromCsv.setPlan(samplePlan());
out.fromCsvE01 = fromCsv.evaluate('2026-Q4').reps.find((r) => r.rep_id === 'E01').total_pay;
out.fromCsvProblems = fromCsv.loadProblems();
const bad = JSON.parse(samplePlan());
bad.scorecards[0].kpis[0].weight = 70;
const report = engine.setPlan(JSON.stringify(bad));
out.bad = { ok: report.ok, problems: report.problems.map((p) => [p.code, p.severity, p.path, p.value, /add to 110/.test(p.message.en), /合计为 110/.test(p.message.zh)]) };
out.notJson = engine.setPlan('{').problems.map((p) => p.code);
out.newerVersion = engine.setPlan(JSON.stringify({ ...JSON.parse(samplePlan()), version: 2 })).problems.map((p) => [p.code, p.path]);
out.stillE01 = engine.evaluate('2026-Q4').reps.find((r) => r.rep_id === 'E01').total_pay;
const thrown = (f) => { try { f(); return null; } catch (e) { return { isError: e instanceof Error, code: e.problems[0].code, path: e.problems[0].path, value: e.problems[0].value }; } };
out.unknownPeriod = thrown(() => engine.evaluate('2031-Q9'));
out.noPlan = thrown(() => sampleEngine(Engine).evaluate('2026-Q4'));
out.emptyCsv = thrown(() => Engine.fromCsv(''));
// new Engine() would be a handle over nothing: it throws, naming the ways to make one.
out.newEngine = thrown(() => new Engine());
try { new Engine(); } catch (e) { out.newEngineSays = [e.message.includes('Engine.fromCsv(text)'), e.problems[0].message.zh.includes('Engine.synthetic(')]; }
out.presets = presets().map((p) => p.id);
out.schema = { title: schema.title, version: schema.properties.version.const };
out.resolved = resolved.replace(/^.*node_modules\\/incentive-engine\\//, '');
engine.free();
console.log(JSON.stringify(out));
`;

const ESM = script(`import * as m from 'incentive-engine';
import schema from 'incentive-engine/plan.schema.json' with { type: 'json' };
import * as samples from 'incentive-engine/presets';
await m.default(); // what browser code does; resolves at once in Node
const resolved = import.meta.resolve('incentive-engine');`);

const CJS = script(`const m = require('incentive-engine');
const schema = require('incentive-engine/plan.schema.json');
const samples = require('incentive-engine/presets');
const resolved = require.resolve('incentive-engine');`);

let app;
before(async () => {
  app = await scratchApp({ 'esm.mjs': ESM, 'cjs.cjs': CJS });
});
after(() => app?.remove());

const EXPECTED = {
  samplesOutside: [],
  periods: ['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4'],
  ok: true,
  reps: 32,
  // 1,000,000 × 3% = 30,000.00; 200,000 × 4% = 8,000.00
  e01: { total: '38000.00', commission: '38000.00', slices: [['1000000', '0.03', '30000.00'], ['200000', '0.04', '8000.00']] },
  fromCsvE01: '38000.00',
  fromCsvProblems: [],
  bad: {
    ok: false,
    problems: [['weights_sum', 'error', 'scorecards[0].kpis', '110', true, true]], // messages in English and Chinese
  },
  notJson: ['json_syntax'],
  newerVersion: [['version_unsupported', 'version']],
  stillE01: '38000.00', // a plan that does not validate leaves the previous one in use
  unknownPeriod: { isError: true, code: 'unknown_period', path: 'period', value: '2031-Q9' },
  noPlan: { isError: true, code: 'no_plan', path: 'plan', value: null },
  emptyCsv: { isError: true, code: 'csv_empty', path: '', value: null },
  newEngine: { isError: true, code: 'no_constructor', path: 'Engine', value: null },
  newEngineSays: [true, true],
  presets: ['saas-target', 'target-oriented', 'behavior-driven', 'balanced-scorecard', 'kpi-okr', 'seed-003-role-cards'],
  schema: { title: 'Incentive plan', version: 1 },
};

test('import (ES module) from the installed package: the nodejs build, the hand-worked figure, problems and errors', () => {
  const out = runNode(app.dir, 'esm.mjs');
  assert.equal(out.resolved, 'node.mjs');
  delete out.resolved;
  assert.equal(out.teamTotal, '891910.00');
  delete out.teamTotal;
  assert.deepEqual(out, EXPECTED);
});

test('require (CommonJS) from the installed package gives the same answers', () => {
  const out = runNode(app.dir, 'cjs.cjs');
  assert.equal(out.resolved, 'node.cjs');
  delete out.resolved;
  delete out.teamTotal;
  assert.deepEqual(out, EXPECTED);
});

test('the package.json: name, version from Cargo.toml, exports for Node, browsers, the playground and the schema', () => {
  const pkg = JSON.parse(readFileSync(join(app.dir, 'node_modules/incentive-engine/package.json'), 'utf8'));
  assert.equal(pkg.name, 'incentive-engine');
  assert.equal(pkg.version, version());
  assert.equal(pkg.license, 'MIT');
  assert.equal(pkg.type, 'module');
  assert.ok(pkg.description.length > 20);
  assert.deepEqual(pkg.exports['.'], {
    node: { import: { types: './node.d.mts', default: './node.mjs' }, require: { types: './node.d.cts', default: './node.cjs' } },
    types: './incentive_engine.d.ts',
    default: './incentive_engine.js',
  });
  assert.deepEqual(pkg.exports['./playground'], { types: './playground.d.ts', default: './playground.js' });
  assert.deepEqual(pkg.exports['./presets'], {
    import: { types: './presets.d.ts', default: './presets.js' },
    require: { types: './presets.d.cts', default: './presets.cjs' },
  });
  assert.equal(pkg.exports['./plan.schema.json'], './schema/plan.schema.json');
  assert.equal(pkg.types, './incentive_engine.d.ts');
  assert.deepEqual(pkg.sideEffects, ['./playground.js', './node.cjs', './node.mjs']);
  assert.deepEqual(Object.keys(pkg.dependencies ?? {}), []);
});

test('the tarball holds the two builds over one .wasm, the element, the schemas, types, README and LICENSE, and nothing else', async () => {
  const files = execFileSync('tar', ['-tzf', await tarball()], { encoding: 'utf8' }).trim().split('\n').map((f) => f.replace(/^package\//, '')).sort();
  assert.deepEqual(files, [
    'LICENSE', 'README.md', 'docs/plan-format.md',
    'incentive_engine.d.ts', 'incentive_engine.js', 'incentive_engine_bg.wasm',
    'node.cjs', 'node.d.cts', 'node.d.mts', 'node.mjs',
    'package.json', 'playground.d.ts', 'playground.js',
    'presets.cjs', 'presets.d.cts', 'presets.d.ts', 'presets.js',
    'schema/plan.schema.json', 'schema/results.schema.json', 'schema/types.d.ts',
  ]);
  const dir = join(app.dir, 'node_modules/incentive-engine/');
  const readme = readFileSync(`${dir}README.md`, 'utf8');
  for (const heading of ['## Install', '## Use it', '### In Node', '### With Vite', '### In a plain `<script type="module">`', '## The playground as one element', '### Theming', '## The plan and its schema', '## Errors']) {
    assert.ok(readme.includes(heading), heading);
  }
  assert.match(readFileSync(`${dir}LICENSE`, 'utf8'), /^MIT License/);
  // The web build's types carry the engine's generated types, not `any`.
  const dts = readFileSync(`${dir}incentive_engine.d.ts`, 'utf8');
  assert.match(dts, /evaluate\(period: string\): Evaluation;/);
  assert.match(dts, /setPlan\(json: string\): PlanReport;/);
  // The element's bundle imports the engine beside it, not the repository's www/pkg.
  const bundle = readFileSync(`${dir}playground.js`, 'utf8');
  assert.match(bundle, /from\s*"\.\/incentive_engine\.js"/);
  assert.doesNotMatch(bundle, /\.\.\/pkg\//);
  // …and the presets beside it, held once in the package.
  assert.match(bundle, /from\s*"\.\/presets\.js"/);
  assert.doesNotMatch(bundle, /seed-003-role-cards/);
  // The plan's JSON Schema (78 KB, for the form's hints) is bundled once, however many modules import it.
  assert.equal(bundle.split('incentive-engine.local/schema/plan.schema.json').length - 1, 1);
});
