// The playground's speed from an input event to the updated table and charts, in headless
// Chromium: a tier rate is typed, or a weight's "What if" slider moves (the card's other
// weights rebalanced), and the time is taken (1) until the element has
// re-evaluated and re-rendered (Lit's updateComplete, charts drawn synchronously in
// `updated`) and (2) until the next frame is painted. Medians over repeated edits, with the
// 32 sample reps and with 1,000 and 10,000 synthetic reps (seeded, 4 quarters); the table
// renders its first 200 rows.
// Run: node bench/page-speed.mjs   (after ./scripts/serve.sh or the build in scripts/test.sh);
// PRESET=target-oriented for another preset than the first, RUNS=12 for fewer edits.
import { openBrowser, openPlayground } from '../tests/e2e/browser.mjs';

const RUNS = Number(process.env.RUNS ?? 30);
const PRESET = process.env.PRESET;

/** Edits: a typed tier rate, and a weight slider moved (the other weights rebalanced). */
const EDITS = [
  ['typed rate', '[data-path="commission[0].tiers[1].rate_pct"]', (i) => String(4 + (i % 5) / 2)],
  ['weight slider', '[data-lever="scorecards[0].kpis[1].weight"]', (i) => String(25 + (i % 4) * 5)],
];

async function measure(page, runs, [, selector, value]) {
  return page.evaluate(async ({ runs, selector, value }) => {
    const el = document.querySelector('sales-plan-playground');
    const input = el.renderRoot.querySelector(selector);
    const valueOf = new Function('i', `return (${value})(i)`);
    const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    const updated = [];
    const painted = [];
    for (let i = 0; i < runs; i++) {
      await frame();
      input.value = valueOf(i);
      const t0 = performance.now();
      input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      await el.updateComplete;
      updated.push(performance.now() - t0);
      await frame();
      painted.push(performance.now() - t0);
    }
    const stats = (xs) => {
      const s = [...xs].sort((a, b) => a - b);
      return { median: s[Math.floor(s.length / 2)], p95: s[Math.floor(s.length * 0.95)] };
    };
    return { reps: el.results.reps.length, updated: stats(updated), painted: stats(painted) };
  }, { runs, selector, value: value.toString() });
}

/** Every edit measured on the data in use. */
async function measureAll(page, name, runs) {
  for (const edit of EDITS) rows.push([name, edit[0], await measure(page, runs, edit)]);
}

const env = await openBrowser();
const { page, errors } = await openPlayground(env, '/', { viewport: { width: 1440, height: 900 } });
const rows = [];
if (PRESET) {
  await page.evaluate(async (id) => {
    const el = document.querySelector('sales-plan-playground');
    if (!el.presets.some((p) => p.id === id)) throw new Error(`no preset ${id}: ${el.presets.map((p) => p.id).join(', ')}`);
    el.loadPreset(id);
    await el.updateComplete;
  }, PRESET);
}
await page.locator('sales-plan-playground [data-testid="what-if"] summary').click();
await measureAll(page, 'sample data', RUNS);
for (const reps of [1000, 10000]) {
  await page.evaluate(async (reps) => {
    const el = document.querySelector('sales-plan-playground');
    el.useEngine(el.api.Engine.synthetic(reps, 4, 42), { file: `synthetic-${reps}.csv` });
    el.apply(el.plan);
    await el.updateComplete;
  }, reps);
  // A team of 10,000 takes seconds an edit: fewer edits.
  await measureAll(page, `${reps.toLocaleString('en-US')} synthetic reps`, reps > 1000 ? Math.min(RUNS, 10) : RUNS);
}
await env.close();

const ms = (x) => `${x.toFixed(1)} ms`;
console.log(`Playground speed: input event → updated table and charts (headless Chromium, ${RUNS} edits each${PRESET ? `, preset ${PRESET}` : ''})`);
console.log('| data | edit | reps in period | to updated DOM (median / p95) | to painted frame (median / p95) | target |');
console.log('|---|---|---|---|---|---|');
for (const [name, edit, r] of rows) {
  const target = r.reps > 100 ? '≤ 150 ms' : '≤ 50 ms';
  console.log(`| ${name} | ${edit} | ${r.reps} | ${ms(r.updated.median)} / ${ms(r.updated.p95)} | ${ms(r.painted.median)} / ${ms(r.painted.p95)} | ${target} |`);
}
if (errors.length) console.log('page errors:', errors);
