// The wasm module never panics (issue 8), whatever JavaScript hands it: every exported
// method of `Engine` and every exported function is called with values of the wrong type
// (numbers, objects, null, undefined, arrays, huge, negative and fractional numbers, NaN,
// very long strings, lone surrogates…), on an engine without a plan, with a plan, and with
// the results of a `run`. Each call must return a well-formed value or throw a JS `Error`;
// an error the engine produced carries `problems` (code, path, message in both languages),
// and anything else thrown must be the `TypeError` of a JavaScript conversion. A trap (a
// panic aborts the release build) would be a `WebAssembly.RuntimeError`: it fails the
// check at the call that caused it. Afterwards the same engine and a new one still
// evaluate the sample plan to the cent.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const pkg = require(process.env.INCENTIVE_PKG_NODE ?? '../../pkg-node/incentive_engine.js');
// The presets and the sample data are not in the wasm: scripts/presets.mjs writes them (npm run bundle).
const { samplePlan, sampleEngine } = createRequire(import.meta.url)('../../www/gen/presets.cjs');
const { Engine } = pkg;

/** What the garbage object whose `valueOf` throws throws: passed through as it is. */
const OWN = new Error('thrown by the argument itself');

/** Values of every wrong kind; each argument of each call takes each of them in turn. */
const GARBAGE = [
  undefined, null, true, false,
  0, -1, 1.5, -0.5, NaN, Infinity, -Infinity, -0, 2 ** 31, 2 ** 32, 2 ** 32 - 1, 2 ** 53, -(2 ** 53), 1e308, Number.MIN_VALUE,
  10n, Symbol('garbage'),
  '', ' ', '-1', 'NaN', '1e400', '79228162514264337593543950336', '\u0000', '\uD800', 'a\uDC00b', '\uDBFF\uDFFF\uD800',
  '2026-Q4\uD800', '{"version":1,"name":"\uD800","scorecards":[]}', 'rep_id,name\n\uD800,x\n',
  'x'.repeat(2_000_000), '中'.repeat(1_000_000), '\uD800'.repeat(500_000),
  {}, { length: 2 ** 31 }, { length: -1 }, { toString: () => '2026-Q4' }, { valueOf: () => { throw OWN; } },
  [], ['2026-Q4'], [1, 2, 3], new Array(5), new Uint8Array(8), new Date(0), /x/, () => '2026-Q4', new Map(), Object.create(null),
];

/** A good value of each kind of parameter, so that one argument at a time is garbage and the others are right. */
const GOOD = { period: '2026-Q4', bool: false, index: 0, count: 2, number: 100, target: '1000000', sortKey: 'total_pay', rep: 'E01', text: '' };

/**
 * Every exported method of `Engine` and its parameters' kinds (from the generated
 * `incentive_engine.d.ts`); the test checks this list against the class itself, so a method
 * added later without being listed here fails the test.
 */
const METHODS = {
  clearBaseline: [],
  columns: [],
  compare: ['period', 'bool'],
  dataSummary: [],
  evaluate: ['period'],
  evaluateWithSignals: ['period', 'bool', 'rep'],
  evaluateYtd: ['period', 'bool', 'rep'],
  explainBaselineRep: ['period', 'bool', 'rep'],
  explainRep: ['period', 'bool', 'rep'],
  loadAdjustments: ['text'],
  loadProblems: [],
  payoutCurve: ['index', 'target', 'number', 'number'],
  periods: [],
  pinBaseline: [],
  repResult: ['rep'],
  reps: [],
  rows: ['index', 'number', 'sortKey', 'bool'],
  run: ['period', 'bool'],
  setPlan: ['text'],
  signals: ['period'],
};
const STATICS = { fromCsv: ['text'], synthetic: ['count', 'count', 'number'] };
const FUNCTIONS = { jsonSyntax: ['text'] };

/** The argument lists for a call with `kinds`: each argument garbage in turn, the others good; and all garbage at once. */
function argumentLists(kinds) {
  const lists = [];
  if (kinds.length === 0) return GARBAGE.map((g) => [g]); // extra arguments are ignored, whatever they are
  for (let i = 0; i < kinds.length; i++) {
    for (const g of GARBAGE) lists.push(kinds.map((k, j) => (j === i ? g : GOOD[k])));
  }
  for (const g of GARBAGE) lists.push(kinds.map(() => g));
  return lists;
}

const describe = (v) => {
  if (typeof v === 'string') return v.length > 40 ? `string(${v.length})` : JSON.stringify(v);
  if (typeof v === 'symbol' || typeof v === 'bigint') return String(v);
  if (typeof v === 'function') return 'function';
  try {
    return JSON.stringify(v) ?? String(v);
  } catch {
    return Object.prototype.toString.call(v);
  }
};

/** A returned value is plain data the engine serialised (or an Engine, a boolean, nothing). */
function wellFormed(value, where) {
  if (value === undefined || typeof value === 'boolean' || typeof value === 'string' || value instanceof Engine) return;
  assert.ok(value !== null && typeof value === 'object', `${where}: returned ${describe(value)}`);
}

/**
 * A thrown value is an Error: the engine's own with its problems, a conversion's TypeError
 * (a Symbol or a BigInt for a number), or what the argument's own `valueOf` threw.
 */
function wellThrown(e, where) {
  assert.ok(e instanceof Error, `${where}: threw a non-Error ${describe(e)}`);
  assert.ok(!(e instanceof WebAssembly.RuntimeError), `${where}: the module trapped: ${e.message}`);
  assert.ok(e.message.length > 0, `${where}: an Error without a message`);
  if (e === OWN || (e instanceof TypeError && e.problems === undefined)) return;
  assert.ok(Array.isArray(e.problems) && e.problems.length > 0, `${where}: threw ${e.name} "${e.message}" without problems`);
  for (const p of e.problems) {
    assert.equal(typeof p.code, 'string', where);
    assert.equal(typeof p.path, 'string', where);
    assert.ok(p.message.en.length > 0 && p.message.zh.length > 0, `${where}: ${JSON.stringify(p)}`);
  }
}

/** Calls `fn` with every argument list for `kinds`; returns how many calls threw. */
function hammer(name, kinds, fn) {
  let thrown = 0;
  for (const args of argumentLists(kinds)) {
    const where = `${name}(${args.map(describe).join(', ')})`;
    let value;
    try {
      value = fn(...args);
    } catch (e) {
      thrown++;
      wellThrown(e, where);
      continue;
    }
    wellFormed(value, where);
    if (value instanceof Engine) value.free();
  }
  return thrown;
}

/** Every method of `engine` with garbage (none of the garbage is a plan: `setPlan` refuses it all). */
function hammerEngine(engine, phase) {
  for (const [name, kinds] of Object.entries(METHODS)) {
    hammer(`${phase}: engine.${name}`, kinds, (...args) => engine[name](...args));
  }
}

const e01Pay = (engine) => engine.evaluate('2026-Q4').reps.find((r) => r.rep_id === 'E01').total_pay;

test('the list of methods called is every method the package exports', () => {
  const own = (o) => Object.getOwnPropertyNames(o).filter((n) => typeof o[n] === 'function' && !['constructor', 'free', 'length', 'name', 'prototype'].includes(n) && !n.startsWith('__'));
  assert.deepEqual(own(Engine.prototype).sort(), Object.keys(METHODS).sort());
  assert.deepEqual(own(Engine).sort(), Object.keys(STATICS).sort());
  const functions = Object.keys(pkg).filter((n) => typeof pkg[n] === 'function' && n !== 'Engine' && !n.startsWith('__') && n !== 'initSync' && n !== 'default');
  assert.deepEqual(functions.sort(), Object.keys(FUNCTIONS).sort());
});

test('every method and function, given garbage before and after a plan and a run, returns or throws an Error, and the engine still works', () => {
  const engine = sampleEngine(Engine);
  // No plan yet: everything that needs one says so.
  hammerEngine(engine, 'no plan');
  assert.throws(() => engine.evaluate('2026-Q4'), (e) => e.problems[0].code === 'no_plan');

  // A plan set: garbage plans are refused and leave it in use.
  assert.equal(engine.setPlan(samplePlan()).ok, true);
  hammerEngine(engine, 'plan');
  assert.equal(engine.setPlan(samplePlan()).ok, true); // setPlan's garbage left the plan in place, but be sure
  assert.equal(e01Pay(engine), '38000.00');

  // With the results of a run kept: rows, repResult and columns answer from them.
  engine.run('2026-Q4', false);
  for (const [name, kinds] of Object.entries(METHODS)) {
    // A garbage run drops the kept results: run again before each method.
    engine.run('2026-Q4', false);
    hammer(`run: engine.${name}`, kinds, (...args) => engine[name](...args));
  }

  for (const [name, kinds] of Object.entries(STATICS)) hammer(`Engine.${name}`, kinds, (...args) => Engine[name](...args));
  for (const [name, kinds] of Object.entries(FUNCTIONS)) hammer(name, kinds, (...args) => pkg[name](...args));

  // The same engine, and a new one, still evaluate the sample plan to the cent.
  assert.equal(engine.setPlan(samplePlan()).ok, true);
  engine.loadAdjustments('rep_id,period,original_period,line,amount,reference\n');
  assert.equal(e01Pay(engine), '38000.00');
  const run = engine.run('2026-Q4', false);
  assert.equal(run.totals.reps, 32);
  assert.equal(engine.repResult('E01').total_pay, '38000.00');
  const fresh = sampleEngine(Engine);
  assert.equal(fresh.setPlan(samplePlan()).ok, true);
  assert.equal(e01Pay(fresh), '38000.00');
  assert.equal(fresh.evaluate('2026-Q4').reps.find((r) => r.rep_id === 'E03').total_pay, '53000.00');
  fresh.free();
  engine.free();
});

test('an engine used after free() throws an Error rather than trapping', () => {
  const engine = sampleEngine(Engine);
  engine.free();
  for (const [name, kinds] of Object.entries(METHODS)) {
    const where = `freed engine.${name}`;
    try {
      engine[name](...kinds.map((k) => GOOD[k]));
      assert.fail(`${where} returned`);
    } catch (e) {
      assert.ok(e instanceof Error && !(e instanceof WebAssembly.RuntimeError), `${where}: ${e}`);
    }
  }
  const fresh = sampleEngine(Engine);
  fresh.setPlan(samplePlan());
  assert.equal(e01Pay(fresh), '38000.00');
});

test('an argument of the wrong kind is invalid_argument, naming the parameter and the value it got', () => {
  const engine = sampleEngine(Engine);
  assert.equal(engine.setPlan(samplePlan()).ok, true);
  const problem = (call) => {
    try {
      call();
    } catch (e) {
      assert.ok(e instanceof Error && !(e instanceof TypeError), String(e));
      assert.equal(e.message, `${e.problems[0].path}: ${e.problems[0].message.en} [${e.problems[0].code}]`);
      return e.problems[0];
    }
    assert.fail('did not throw');
  };
  const p = problem(() => engine.evaluate(2026));
  assert.deepEqual([p.code, p.path, p.value], ['invalid_argument', 'period', '2026']);
  assert.equal(p.message.en, '`period` must be text (a string), not a number (2026)');
  assert.equal(p.message.zh, '`period` 必须是文本（字符串），而不是数字（2026）');
  assert.deepEqual([problem(() => Engine.fromCsv(['a'])).path, problem(() => Engine.fromCsv(['a'])).value], ['text', 'an array']);
  assert.equal(problem(() => engine.compare(null, false)).value, 'null');
  // Every kind is named in Chinese too, with a space before a word in Latin letters.
  assert.equal(problem(() => engine.compare(null, false)).message.zh, '`period` 必须是文本（字符串），而不是空值 null');
  assert.equal(problem(() => engine.compare(undefined, false)).message.zh, '`period` 必须是文本（字符串），而不是未定义值 undefined');
  // An object's text could be anything: its kind is named, not its value.
  assert.equal(problem(() => engine.loadAdjustments({ length: 2 ** 31 })).value, 'an object');
  assert.equal(problem(() => engine.payoutCurve(0, 1000000, 200, 5)).path, 'target');

  // A flag is true or false (left out, false): the text 'false' is not taken as true, nor 'true' as false.
  const flagged = problem(() => engine.compare('2026-Q4', 'false'));
  assert.deepEqual([flagged.path, flagged.value, flagged.message.en], ['year_to_date', '"false"', '`year_to_date` must be true or false, not text ("false")']);
  assert.equal(problem(() => engine.run('2026-Q4', 1)).message.zh, '`year_to_date` 必须是 true 或 false，而不是数字（1）');
  assert.equal(problem(() => engine.evaluateWithSignals('2026-Q4', 'no')).path, 'explain');
  assert.equal(problem(() => engine.evaluateYtd('2026-Q4', false, undefined, 0)).path, 'parts');
  assert.equal(engine.run('2026-Q4').totals.reps, 32); // left out: not year to date
  const lowest = engine.rows(0, 1, 'total_pay').rows[0].total_pay; // left out: ascending
  assert.ok(Number(lowest) < Number(engine.rows(0, 1, 'total_pay', true).rows[0].total_pay), lowest);
  // A count or a position is a whole number from 0: not a fraction, not below 0, not text.
  assert.deepEqual(['start', '1.5'], ((x) => [x.path, x.value])(problem(() => engine.rows(1.5, 10, 'total_pay', true))));
  assert.equal(problem(() => engine.rows(0, -1, 'total_pay', true)).value, '-1');
  assert.equal(problem(() => engine.rows('0', 10, 'total_pay', true)).value, '"0"');
  assert.equal(problem(() => engine.payoutCurve(0, '1000000', 200.5, 5)).path, 'max');
  assert.equal(problem(() => Engine.synthetic(10, NaN, 1)).path, 'quarters');
  assert.equal(problem(() => Engine.synthetic(-10, 4, 1)).message.en, '`reps` must be a whole number from 0 to 4294967295, not a number (-10)');
  // In Chinese the range reads as a phrase, the digits set off by spaces.
  assert.match(problem(() => Engine.synthetic(-10, 4, 1)).message.zh, /^`reps` 必须是介于 0 到 4294967295 之间的整数，/);

  // setPlan never throws: the problem comes in its report, and the plan in use stays.
  const report = engine.setPlan(true);
  assert.deepEqual([report.ok, report.problems.map((x) => [x.code, x.path, x.value])], [false, [['invalid_argument', 'json', 'true']]]);
  assert.equal(e01Pay(engine), '38000.00');
  engine.free();
});

test("payoutCurve takes a commission line by its id or by its position, and names the plan's lines for an id it does not have", () => {
  const engine = sampleEngine(Engine);
  assert.equal(engine.setPlan(samplePlan()).ok, true);
  const id = JSON.parse(samplePlan()).commission[0].id;
  assert.deepEqual(engine.payoutCurve(id, '1000000', 200, 10), engine.payoutCurve(0, '1000000', 200, 10));
  try {
    engine.payoutCurve('no_such_line', '1000000', 200, 10);
    assert.fail('did not throw');
  } catch (e) {
    const [p] = e.problems;
    assert.deepEqual([p.code, p.path, p.value], ['unknown_line', 'line', 'no_such_line']);
    assert.equal(p.message.en, `the plan has no commission line "no_such_line" (its lines: ${id})`);
    assert.equal(p.message.zh, `方案没有提成项“no_such_line”（现有提成项：${id}）`);
  }
  assert.equal(((e) => e.problems[0].code)((() => { try { engine.payoutCurve(5, '1000000', 200, 10); } catch (e) { return e; } })()), 'unknown_line');
  assert.equal(((e) => e.problems[0].path)((() => { try { engine.payoutCurve({}, '1000000', 200, 10); } catch (e) { return e; } })()), 'line');
  engine.free();
});

test("payoutCurve reads its target as a reps file's cell is read, and tells a number too large from text that is not one", () => {
  const engine = sampleEngine(Engine);
  assert.equal(engine.setPlan(samplePlan()).ok, true);
  const curve = engine.payoutCurve(0, '1000000', 200, 50);
  // 1,000,000 written with separators, in scientific notation, in 万 and with spaces: the same curve.
  for (const target of ['1,000,000', '1e6', '100万', ' 1000000 ']) assert.deepEqual(engine.payoutCurve(0, target, 200, 50), curve, target);
  const thrown = (target) => { try { engine.payoutCurve(0, target, 200, 50); } catch (e) { return e.problems[0]; } assert.fail(`${target} did not throw`); };
  const huge = thrown(' 1e29 ');
  assert.deepEqual([huge.code, huge.path, huge.value], ['overflow', 'target', '1e29']);
  assert.equal(huge.message.en, 'the target `1e29` is too large for an exact decimal (at most 79228162514264337593543950335)');
  assert.equal(huge.message.zh, '目标 `1e29` 超出精确小数的范围（最大为 79228162514264337593543950335）');
  assert.deepEqual(((p) => [p.code, p.value, p.message.zh])(thrown('a lot')), ['invalid_value', 'a lot', '目标不是数字']);
  assert.deepEqual(((p) => [p.code, p.value])(thrown('-5')), ['target_not_positive', '-5']);
  engine.free();
});
