// The JSON Schema of the plan (generated from the Rust types) agrees with the engine: every
// preset validates, and plans the engine rejects for their shape are rejected by the schema
// at the same path. The TypeScript types generated from the schemas are up to date.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { Validator } from '@cfworker/json-schema';

const require = createRequire(import.meta.url);
const engine = require('../../pkg-node/incentive_engine.js');
// The presets and the sample data are not in the wasm: scripts/presets.mjs writes them (npm run bundle).
const { presets, sampleEngine } = createRequire(import.meta.url)('../../www/gen/presets.cjs');
const schema = JSON.parse(readFileSync(new URL('../../schema/plan.schema.json', import.meta.url), 'utf8'));
const validator = new Validator(schema, '2020-12', false);
const preset = (id) => JSON.parse(presets().find((p) => p.id === id).json);

/** The instance locations the schema complains about ("#/scorecards/0/kpis/0/weight" → "scorecards[0].kpis[0].weight"). */
function schemaPaths(plan) {
  const result = validator.validate(plan);
  return result.valid ? [] : [...new Set(result.errors.map((e) => e.instanceLocation.replace(/^#\/?/, '').replace(/\/(\d+)/g, '[$1]').replaceAll('/', '.')))];
}

test('every preset validates against the plan schema', () => {
  for (const { id } of presets()) assert.deepEqual(schemaPaths(preset(id)), [], id);
});

test('a wrong type, an unknown field or type name and another version are refused by both, at the same path', () => {
  const cases = [
    ['a weight that is not a number', (p) => { p.scorecards[0].kpis[0].weight = 'sixty'; }, 'scorecards[0].kpis[0].weight'],
    ['an unknown field', (p) => { p.scorecards[0].kpis[0].colour = 'red'; }, 'scorecards[0].kpis[0]'],
    ['an unknown scoring type', (p) => { p.scorecards[0].kpis[0].scoring = { type: 'magic' }; }, 'scorecards[0].kpis[0].scoring'],
    ['a tier method that does not exist', (p) => { p.commission[0].method = 'progressive'; }, 'commission[0].method'],
    ['version 2', (p) => { p.version = 2; }, 'version'],
  ];
  for (const [what, change, path] of cases) {
    const plan = preset('saas-target');
    change(plan);
    const e = sampleEngine(engine.Engine);
    const report = e.setPlan(JSON.stringify(plan));
    assert.equal(report.ok, false, what);
    const enginePaths = report.problems.filter((p) => p.severity === 'error').map((p) => p.path);
    assert.ok(enginePaths.some((p) => p === path || p.startsWith(`${path}.`)), `${what}: engine said ${enginePaths}`);
    assert.ok(schemaPaths(plan).some((p) => p === path || p.startsWith(`${path}.`) || path.startsWith(p)), `${what}: schema said ${schemaPaths(plan)}`);
  }
});

test('a plan without a name is refused by both, naming the field', () => {
  const plan = preset('saas-target');
  delete plan.name;
  const report = sampleEngine(engine.Engine).setPlan(JSON.stringify(plan));
  assert.deepEqual(report.problems.map((p) => [p.code, p.path]), [['missing_field', 'name']]);
  const result = validator.validate(plan);
  assert.ok(result.errors.some((e) => e.keyword === 'required' && e.error.includes('"name"')), JSON.stringify(result.errors));
});

test('decimal amounts may be written as numbers or strings, in both', () => {
  const plan = preset('saas-target');
  plan.commission[0].tiers[1].rate_pct = '4';
  assert.deepEqual(schemaPaths(plan), []);
  assert.equal(sampleEngine(engine.Engine).setPlan(JSON.stringify(plan)).ok, true);
});

test('a decimal written as text is read by the engine exactly when the schema pattern accepts it', () => {
  const texts = ['4', ' 4', '4\t', '+4', '-4', '4.', '.5', '4.25', '1e1', '4E+0', '40e-1', '', ' ', 'four', '4_0', '4,5', '4 5', '--4', '.', 'e1', '1e', '0x4', '4.2.1'];
  for (const text of texts) {
    const plan = preset('saas-target');
    plan.commission[0].tiers[1].rate_pct = text;
    const schemaOk = schemaPaths(plan).length === 0;
    const report = sampleEngine(engine.Engine).setPlan(JSON.stringify(plan));
    const engineOk = !report.problems.some((p) => p.path === 'commission[0].tiers[1].rate_pct' && p.code === 'invalid_value');
    assert.equal(engineOk, schemaOk, `${JSON.stringify(text)}: engine ${engineOk}, schema ${schemaOk}`);
  }
});

test('schema/types.d.ts is what scripts/gen-types.mjs makes of the schemas', () => {
  execFileSync(process.execPath, [new URL('../../scripts/gen-types.mjs', import.meta.url).pathname, '--check'], { stdio: 'pipe' });
});
