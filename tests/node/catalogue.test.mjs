// The bad-input catalogue (tests/catalogue/bad_inputs.json) through the wasm package from
// Node, as an embedder calls it: every case gives exactly the problems the catalogue states,
// in order — code, field path, value, the English and the Chinese message, each compared
// whole — and no others; nothing traps; and one engine that took every plan, file and
// return of the catalogue still evaluates the sample plan to the cent. The package is
// ../../pkg-node (scripts/lib.sh build_wasm_node); INCENTIVE_PKG_NODE=/path/to/incentive_engine.js
// runs the same against another build.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { cases, inputOf, formulaPlan, describe, catalogued } from '../catalogue/catalogue.mjs';

const require = createRequire(import.meta.url);
const { Engine } = require(process.env.INCENTIVE_PKG_NODE ?? '../../pkg-node/incentive_engine.js');
// The presets and the sample data are not in the wasm: scripts/presets.mjs writes them (npm run bundle).
const { presets, samplePlan, sampleEngine } = createRequire(import.meta.url)('../../www/gen/presets.cjs');

const PRESETS = Object.fromEntries(presets().map((p) => [p.id, p.json]));
const presetJson = (id) => PRESETS[id] ?? assert.fail(`no preset ${id}`);

/** The problems a call threw (a JS Error carrying `problems`), failing if it did not throw. */
function thrown(call) {
  try {
    call();
  } catch (e) {
    assert.ok(e instanceof Error, `not an Error: ${e}`);
    assert.ok(Array.isArray(e.problems), `no problems on ${e}`);
    return e.problems;
  }
  assert.fail('the input was accepted');
}

const errorsOf = (report) => {
  assert.equal(report.ok, false, 'the plan was accepted');
  return report.problems.filter((p) => p.severity === 'error');
};

function evaluationProblems(engine, period) {
  try {
    const e = engine.evaluate(period);
    return [...e.problems, ...e.warnings];
  } catch (e) {
    return e.problems;
  }
}

/** The problems of the stage the case expects, from a fresh engine. */
function run(c) {
  const { text } = inputOf(c, presetJson);
  const period = c.period ?? '2026-Q4';
  const plan = c.plan ? presetJson(c.plan) : samplePlan();
  switch (`${c.kind} ${c.expect.stage}`) {
    case 'plan plan':
      return errorsOf(sampleEngine(Engine).setPlan(text));
    case 'formula plan':
      return errorsOf(sampleEngine(Engine).setPlan(formulaPlan(text, presetJson)));
    case 'reps load':
      return thrown(() => Engine.fromCsv(text));
    case 'reps rows':
      return Engine.fromCsv(text).loadProblems();
    case 'reps evaluate': {
      const engine = Engine.fromCsv(text);
      assert.deepEqual(engine.loadProblems().filter((p) => p.severity === 'error'), []);
      assert.equal(engine.setPlan(plan).ok, true);
      return evaluationProblems(engine, period);
    }
    case 'adjustments load':
      return thrown(() => sampleEngine(Engine).loadAdjustments(text));
    case 'adjustments rows':
      return sampleEngine(Engine).loadAdjustments(text);
    case 'adjustments evaluate': {
      const engine = sampleEngine(Engine);
      assert.deepEqual(engine.loadAdjustments(text), []);
      assert.equal(engine.setPlan(plan).ok, true);
      return evaluationProblems(engine, period);
    }
    default:
      throw new Error(`unknown kind and stage in ${c.id}`);
  }
}

test('the catalogue holds at least 60 cases in at least 10 classes', () => {
  assert.ok(cases.length >= 60, `${cases.length} cases`);
  assert.ok(new Set(cases.map((c) => c.class)).size >= 10);
  assert.equal(new Set(cases.map((c) => c.id)).size, cases.length, 'ids are unique');
});

for (const c of cases) {
  test(`${c.class}: ${describe(c)}`, () => {
    assert.deepEqual(run(c).map(catalogued), c.expect.problems);
  });
}

test('one engine takes every bad plan, formula and adjustments file, then still answers', () => {
  const engine = sampleEngine(Engine);
  assert.equal(engine.setPlan(samplePlan()).ok, true);
  for (const c of cases) {
    const { text } = inputOf(c, presetJson);
    if (c.kind === 'plan') assert.equal(engine.setPlan(text).ok, false, c.id);
    else if (c.kind === 'formula') assert.equal(engine.setPlan(formulaPlan(text, presetJson)).ok, false, c.id);
    else if (c.kind === 'adjustments' && c.expect.stage !== 'evaluate') {
      try {
        engine.loadAdjustments(text);
      } catch (e) {
        assert.ok(e.problems?.length, c.id);
      }
    } else if (c.kind === 'reps') {
      try {
        Engine.fromCsv(text).free();
      } catch (e) {
        assert.ok(e.problems?.length, c.id);
      }
    }
  }
  // The rejected plans left the sample plan in use: evaluate it, then set it again.
  const results = engine.evaluate('2026-Q4');
  assert.equal(results.reps.length, 32);
  assert.equal(results.reps.find((r) => r.rep_id === 'E01').total_pay, '38000.00');
  assert.equal(engine.setPlan(samplePlan()).ok, true);
  assert.equal(engine.evaluate('2026-Q4').reps.find((r) => r.rep_id === 'E03').total_pay, '53000.00');
  assert.equal(sampleEngine(Engine).setPlan(samplePlan()).ok, true);
});
