// The TypeScript example (examples/typescript/) against the packed package's types, in a
// scratch app: `tsc --noEmit --strict` for browser code (module resolution "bundler": the
// web build and the playground element with its typed events) and for Node (ES module and
// CommonJS, resolution "nodenext"). The types are the ones generated from the Rust types:
// a wrong use of a result is an error, not `any`. The Node example then runs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, scratchApp } from './scratch.mjs';

const EXAMPLE = join(ROOT, 'examples/typescript');
const TSC = join(ROOT, 'node_modules/typescript/bin/tsc');

let app;
before(async () => {
  const files = Object.fromEntries(readdirSync(EXAMPLE).filter((f) => /\.(c?ts|json)$/.test(f) && f !== 'package.json').map((f) => [f, readFileSync(join(EXAMPLE, f), 'utf8')]));
  // Node's types come from the repository's node_modules (the scratch app installs only the package).
  files['tsconfig.check.json'] = JSON.stringify({ extends: './tsconfig.node.json', compilerOptions: { typeRoots: [join(ROOT, 'node_modules/@types')] } });
  app = await scratchApp(files);
});
after(() => app?.remove());

/** Runs tsc in the scratch app; returns { ok, output }. */
function tsc(...args) {
  try {
    return { ok: true, output: execFileSync(process.execPath, [TSC, ...args], { cwd: app.dir, encoding: 'utf8' }) };
  } catch (e) {
    return { ok: false, output: `${e.stdout}${e.stderr}` };
  }
}

test('the browser example compiles with tsc --noEmit --strict (bundler resolution, DOM, the element\'s events)', () => {
  const { ok, output } = tsc('--noEmit', '--strict', '-p', 'tsconfig.json');
  assert.ok(ok, output);
});

test('the Node example compiles with tsc --noEmit --strict, as an ES module and from CommonJS', () => {
  const { ok, output } = tsc('--noEmit', '--strict', '-p', 'tsconfig.check.json');
  assert.ok(ok, output);
});

test('the types are the engine\'s, not any: misuses of plans, results, events and presets are compile errors', () => {
  writeFileSync(join(app.dir, 'wrong.ts'), `
import { Engine, type Plan, type EngineError } from 'incentive-engine';
import type { SalesPlanPlayground } from 'incentive-engine/playground';
const engine = Engine.fromCsv('');
const cost: number = engine.evaluate('2026-Q4').totals.total_pay;        // amounts are decimal strings
const plan: Plan = { version: 1, name: 'x', scorecards: [], colour: 'red' }; // no such field
engine.setPlan(plan);                                                        // setPlan takes JSON text
const ok: string = engine.setPlan('{}').ok;                                  // ok is a boolean
declare const el: SalesPlanPlayground;
el.addEventListener('results-change', (e) => e.detail.results.reps[0].no_such_field);
const size: number = (await import('incentive-engine/presets')).presets()[0].json;     // a preset's plan is JSON text
const made = new Engine();                                                   // made by fromCsv or synthetic, not new
try { engine.run('2026-Q4', false); } catch (e) { const code: number = (e as EngineError).problems[0].code; } // a code is text
engine.rows(0, 50, 'pay', true);                                             // not a sort key: total_pay is
`);
  writeFileSync(join(app.dir, 'tsconfig.wrong.json'), JSON.stringify({ extends: './tsconfig.json', files: ['wrong.ts'] }));
  const { ok, output } = tsc('--noEmit', '-p', 'tsconfig.wrong.json');
  assert.equal(ok, false);
  const errors = [...output.matchAll(/wrong\.ts\((\d+),\d+\): error (TS\d+)/g)].map((m) => [Number(m[1]), m[2]]);
  assert.deepEqual(errors, [[5, 'TS2322'], [6, 'TS2353'], [7, 'TS2345'], [8, 'TS2322'], [10, 'TS2339'], [11, 'TS2322'], [12, 'TS2673'], [13, 'TS2322'], [14, 'TS2345']], output);
});

test('the Node example runs: Zhang Wei\'s statement and the cost of a higher tier rate', () => {
  const { ok, output } = tsc('-p', 'tsconfig.check.json', '--noEmit', 'false', '--outDir', 'out');
  assert.ok(ok, output);
  const printed = execFileSync(process.execPath, ['out/node.js'], { cwd: app.dir, encoding: 'utf8' });
  const lines = printed.trim().split('\n').map((l) => l.replace(/\s+/g, ' '));
  assert.deepEqual(lines.slice(0, 3), [
    'revenue_commission: 1000000 × 0.03 30000.00',
    'revenue_commission: 200000 × 0.04 8000.00',
    'total 38000.00',
  ]);
  assert.match(lines.at(-1), /^raising tier 2 to 6% costs \d+\.\d{2} \(\d+ reps gain\)$/);
  assert.equal(execFileSync(process.execPath, ['out/node-require.cjs'], { cwd: app.dir, encoding: 'utf8' }).trim(), '891910.00');
});
