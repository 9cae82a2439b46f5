// Management signals in the playground (D6, issue 9): the panel's alerts, high potentials
// and plan health, the marks in the table, and a rep's portrait and improvement plan in the
// statement — against the seed's numbers and the engine's own report (the nodejs build).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { openPlayground, useBrowser, app, eventually } from './browser.mjs';
import { localized } from '../../www/src/i18n.js';

const require = createRequire(import.meta.url);
const engine = require('../../pkg-node/incentive_engine.js');
// The presets and the sample data are not in the wasm: scripts/presets.mjs writes them (npm run bundle).
const { presets, sampleEngine } = createRequire(import.meta.url)('../../www/gen/presets.cjs');

const env = useBrowser();

const targetOriented = () => presets().find((p) => p.id === 'target-oriented').json;

function engineSignalsOf(plan, period) {
  const e = sampleEngine(engine.Engine);
  e.setPlan(plan);
  return e.signals(period);
}
const engineSignals = (period) => engineSignalsOf(targetOriented(), period);

async function openTargetOriented(options) {
  const opened = await openPlayground(env, '/', options);
  await app(opened.page, 'select[data-testid="preset"]').selectOption('target-oriented');
  await app(opened.page, '[data-testid="signals"]').waitFor();
  return opened;
}

test('the alerts list names the rep, the rule, the values and the periods, critical first', async () => {
  const { page, context } = await openTargetOriented();
  const s = engineSignals('2026-Q4');
  assert.equal(await app(page, '[data-signal-tab="alerts"]').textContent(), `⚠ Alerts ${s.alerts.length}`);
  await app(page, '[data-signal-tab="alerts"]').click();
  const items = app(page, '[data-testid="alerts"] li');
  const shown = await items.evaluateAll((lis) => lis.map((li) => [li.dataset.alert, li.dataset.rep, li.className, li.textContent.trim()]));
  assert.deepEqual(shown, s.alerts.map((a) => [a.rule, a.rep_id, a.severity, a.message.en]));
  // Feng Gang, C in Q3 and Q4, is the critical one, listed first.
  assert.deepEqual(shown[0].slice(0, 3), ['c_twice', 'N03', 'critical']);
  // Seed 001: a weekly follow-up rate falling from 80% to 60% raises a warning.
  const s02 = shown.find(([rule, rep]) => rule === 'followup_drop' && rep === 'S02');
  assert.equal(s02[3], 'Follow-up rate dropped sharply — Wu Ting (S02): the weekly follow-up rate (%) fell from 80 in 2026-Q3 to 60 in 2026-Q4 (−20, −25%); the rule fires at a fall of 15');
  // The rep's row carries the mark; clicking the alert opens the rep's statement.
  assert.equal(await app(page, 'tr[data-rep="S02"] [data-mark="alert"]').count(), 1);
  assert.equal(await app(page, 'tr[data-rep="E01"] [data-mark="alert"]').count(), 0);
  await app(page, '[data-testid="alerts"] li[data-rep="S02"] button').click();
  assert.match(await app(page, '[data-testid="explanation"]').textContent(), /Wu Ting/);
  await context.close();
});

test('the high potential is flagged with the team figures, and paid a rate point more', async () => {
  const { page, context } = await openTargetOriented();
  await app(page, '[data-signal-tab="potential"]').click();
  const item = app(page, '[data-testid="high-potentials"] li');
  assert.equal(await item.count(), 1);
  assert.equal(await item.getAttribute('data-rep'), 'W04');
  // D6: mid-ranked revenue, satisfaction 92 against the team's 84.19 (+ 5), training 100% against 70.91% (+ 20).
  assert.equal(
    (await item.textContent()).replace(/\s+/g, ' ').trim(),
    '★ Luo Jia (W04) Collected revenue 774,000 (percentile rank 32.26 ∈ 25–75) · Customer satisfaction 92 ≥ team average 84.19 + 5 = 89.19 · Training participation 100 ≥ team average 70.91 + 20 = 90.91',
  );
  assert.equal(await app(page, 'tr[data-rep="W04"] [data-mark="potential"]').count(), 1);
  assert.equal(await app(page, '[data-mark="potential"]').count(), 1);
  // Her commission: 774,000 × (3% + 1 point) = 30,960.00; the statement says why.
  assert.equal(await app(page, 'tr[data-rep="W04"] [data-col="commission"]').textContent(), '30,960.00');
  await app(page, 'tr[data-rep="W04"]').click();
  const statement = app(page, '[data-testid="explanation"]');
  assert.equal(await statement.locator('[data-testid="rep-potential"]').count(), 1);
  const line = statement.locator('table[data-line="revenue_commission"]');
  assert.match(await line.textContent(), /rate raised by \+1 pt/);
  assert.equal((await line.locator('[data-testid="rate-raised-when"]').textContent()).replace(/\s+/g, ' ').trim(),
    'Rate raised because this holds: ★ High potential (高潜): meets every condition of the plan’s rule');
  // The rule's words, not its variable: no `high_potential` shown as code.
  assert.equal(await line.locator('[data-testid="rate-raised-when"] code').count(), 0);
  // Li Na, not flagged: her rate stays.
  await app(page, '[data-testid="explanation"] button[aria-label="Close"]').click();
  await app(page, 'tr[data-rep="E03"]').click();
  assert.equal(await app(page, '[data-testid="explanation"] [data-testid="rate-raised-when"]').count(), 0);
  await context.close();
});

test('plan health lists every check of the engine, warnings first, each with its severity', async () => {
  const { page, context } = await openTargetOriented();
  const s = engineSignals('2026-Q4');
  const warnings = s.health.filter((h) => h.severity === 'warning');
  assert.ok(warnings.length > 0);
  assert.equal(await app(page, '[data-signal-tab="health"]').textContent(), `⚠ Plan health ${warnings.length}`);
  assert.equal(await app(page, '[data-signal-tab="health"]').getAttribute('title'), warnings.length === 1 ? '1 warning' : `${warnings.length} warnings`);
  await app(page, '[data-signal-tab="health"]').click();
  const shown = await app(page, '[data-testid="health"] li').evaluateAll((lis) => lis.map((li) => [li.dataset.check, li.className, li.textContent.replace(/^\s*\S+\s*/, '').trim()]));
  assert.equal(shown.length, s.health.length);
  const order = { warning: 0, info: 1, ok: 2 };
  assert.deepEqual(shown.map((x) => x[1]), [...shown.map((x) => x[1])].sort((a, b) => order[a] - order[b]));
  for (const h of s.health) assert.ok(shown.some(([code, severity, text]) => code === h.code && severity === h.severity && text === localized('en', h.message)), h.code);
  // The list takes the focus (so that the keyboard can scroll it) exactly while it scrolls: on
  // a phone's width its checks wrap past its box.
  const wide = await healthScrolling(page);
  assert.equal(wide.tabindex, wide.scrolls ? '0' : null, 'wide');
  await page.setViewportSize({ width: 390, height: 800 });
  await eventually(() => healthScrolling(page), { scrolls: true, tabindex: '0' }, 'a list that scrolls is a stop of the Tab key');
  await page.setViewportSize({ width: 1440, height: 900 });
  await eventually(() => healthScrolling(page), wide, 'wide again: as it was');
  // A web font that loads late changes what wraps, with no render and no resize of the
  // element (a smaller font-size on the list stands for it): once the fonts are loaded, a
  // list that no longer scrolls is no stop of the Tab key, and one that scrolls again is.
  assert.deepEqual(wide, { scrolls: true, tabindex: '0' }, 'the sample reps\' checks scroll at 1440 px');
  await app(page, '[data-testid="health"]').evaluate((ul) => (ul.style.fontSize = '2px'));
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  assert.deepEqual(await healthScrolling(page), { scrolls: false, tabindex: '0' }, 'before the fonts are said to be loaded');
  await page.evaluate(() => document.fonts.dispatchEvent(new Event('loadingdone')));
  assert.deepEqual(await healthScrolling(page), { scrolls: false, tabindex: null }, 'a late font');
  await app(page, '[data-testid="health"]').evaluate((ul) => (ul.style.fontSize = ''));
  await page.evaluate(() => document.fonts.dispatchEvent(new Event('loadingdone')));
  assert.deepEqual(await healthScrolling(page), wide, 'the font as it was');
  // In Chinese, every check in its Chinese words.
  await app(page, 'button[data-lang="zh"]').click();
  assert.equal(await app(page, '[data-signal-tab="health"]').textContent(), `⚠ 方案健康度 ${warnings.length}`);
  const shownZh = await app(page, '[data-testid="health"] li').evaluateAll((lis) => lis.map((li) => [li.dataset.check, li.textContent.replace(/^\s*\S+\s*/, '').trim()]));
  for (const h of s.health) assert.ok(shownZh.some(([code, text]) => code === h.code && text === localized('zh', h.message)), `${h.code} in Chinese`);
  // Regions in Chinese words, not as the data names them.
  assert.ok(shownZh.some(([code, text]) => code === 'same_targets' && /（华南）/.test(text) && !/South/.test(text)), 'regions in Chinese');
  await context.close();
});

test('Wu Ting\'s statement: her alert, her portrait against the team and her improvement plan', async () => {
  const { page, context } = await openTargetOriented();
  const s = engineSignals('2026-Q4');
  await app(page, 'tr[data-rep="S02"]').click();
  assert.match(await app(page, '[data-testid="explanation"] [data-testid="rep-flags"] [data-alert="followup_drop"]').textContent(), /fell from 80 in 2026-Q3 to 60 in 2026-Q4/);
  const part = app(page, '[data-testid="explanation"] [data-testid="rep-signals"]');
  const portrait = s.portraits.find((p) => p.rep_id === 'S02');
  const rows = part.locator('[data-section="portrait"] tbody tr');
  assert.equal(await rows.count(), portrait.kpis.length);
  for (const k of portrait.kpis) {
    const row = part.locator(`tr[data-portrait-kpi="${k.kpi}"]`);
    assert.equal(Number(await row.locator('[data-col="percentile"]').textContent()), Number(k.percentile), k.kpi);
    // The rep's score as the plan rounded it (as in the KPI table above), the average to 2 places.
    assert.equal(await row.locator('[data-col="score"]').textContent(), k.score, k.kpi);
    assert.match(await row.locator('[data-col="team-average"]').textContent(), /^\d+\.\d\d$/, k.kpi);
    const cls = portrait.strengths.includes(k.kpi) ? 'strength' : portrait.weaknesses.includes(k.kpi) ? 'weakness' : '';
    assert.equal(await row.getAttribute('class'), cls, k.kpi);
  }
  assert.ok(portrait.weaknesses.length > 0);
  // The legend: whom she is ranked among (the 16 new-business reps), and what the marks mean.
  assert.equal(await part.locator('[data-testid="portrait-legend"]').textContent(),
    'Percentile rank among the 16 reps on this scorecard this period (0 the lowest score, 100 the highest); a strength is in the top quarter, a weakness in the bottom quarter.');
  // A regional manager is ranked among 4: said to be coarse.
  await page.evaluate(() => document.querySelector('sales-plan-playground').selectRep('E08'));
  await app(page, '[data-testid="explanation"][data-rep="E08"]').waitFor();
  assert.match(await part.locator('[data-testid="portrait-legend"]').textContent(), /among the 4 reps on this scorecard[\s\S]*Among 4, a rank moves in large steps: read it as a rough order\.$/);
  await page.evaluate(() => document.querySelector('sales-plan-playground').selectRep('S02'));
  await app(page, '[data-testid="explanation"][data-rep="S02"]').waitFor();
  // Planned 85 from 80, reached 60: not met; next target 90.
  const plan = part.locator('[data-section="improvements"] li');
  assert.equal(await plan.textContent(), 'Wu Ting (S02): the weekly follow-up rate (%) 80 (2026-Q3) → 60 (2026-Q4) against a plan of 85: plan not met; next target 90');
  assert.equal(await plan.getAttribute('class'), 'missed');
  await context.close();
});

test('the signals follow the period and the language, and step aside for year to date', async () => {
  const { page, context } = await openTargetOriented();
  const q3 = engineSignals('2026-Q3');
  await app(page, 'select[data-testid="period"]').selectOption('2026-Q3');
  assert.equal(await app(page, '[data-signal-tab="alerts"]').textContent(), `⚠ Alerts ${q3.alerts.length}`);
  assert.equal(await app(page, '[data-signal-tab="potential"]').textContent(), `★ High potentials ${q3.high_potentials.length}`);
  await app(page, 'select[data-testid="period"]').selectOption('2026-Q4');
  await app(page, 'button[data-lang="zh"]').click();
  const q4 = engineSignals('2026-Q4');
  assert.equal(await app(page, '[data-signal-tab="alerts"]').textContent(), `⚠ 预警 ${q4.alerts.length}`);
  await app(page, '[data-signal-tab="alerts"]').click();
  const first = app(page, '[data-testid="alerts"] li').first();
  assert.equal((await first.textContent()).trim(), q4.alerts[0].message.zh);
  await app(page, '[data-testid="signals"]').screenshot({ path: 'test-output/screenshots/signals-zh.png' });
  await app(page, 'input[data-testid="ytd"]').check();
  await app(page, '[data-testid="signals"]').waitFor({ state: 'detached' });
  await context.close();
});

test('a chip with nothing to report carries no warning sign: ✓ Alerts 0, ✓ Plan health; the SaaS quick start\'s grades off the guide are one warning', async () => {
  const { page, context } = await openPlayground(env);
  // The SaaS quick start has no alert rules; its grades are checked against D4's guide, and
  // 12 S of 32 reps (37.5%) is above its 10–15%: one health warning, naming the shares.
  const saas = JSON.parse(presets()[0].json);
  assert.equal(engineSignalsOf(presets()[0].json, '2026-Q4').alerts.length, 0);
  await app(page, '[data-testid="signals"]').waitFor();
  assert.equal(await app(page, '[data-signal-tab="alerts"]').textContent(), '✓ Alerts 0');
  assert.equal(await app(page, '[data-signal-tab="health"]').textContent(), '⚠ Plan health 1');
  await app(page, '[data-signal-tab="health"]').click();
  assert.match(await app(page, '[data-testid="health"] li[data-check="grade_guide"]').textContent(), /Grades outside the guide: S 37\.5% \(10–15%\), B 15\.63% \(30–40%\), C 12\.5% \(5–10%\)/);
  // One check fits its box: the list is no stop of the Tab key (nothing to scroll, nothing to do).
  assert.deepEqual(await healthScrolling(page), { scrolls: false, tabindex: null });
  // Without the guide, every check passes on the sample reps.
  delete saas.grades.distribution;
  await page.evaluate((p) => (document.querySelector('sales-plan-playground').plan = p), saas);
  await eventually(() => app(page, '[data-signal-tab="health"]').textContent(), '✓ Plan health', 'no guide, no warning');
  await context.close();
});

test('a high-potential condition with a negative by shows its bar as "− 5", not "+ -5"', async () => {
  const { page, context, errors } = await openPlayground(env);
  const plan = JSON.parse(targetOriented());
  plan.signals.high_potential = { conditions: [{ type: 'above', metric: 'satisfaction', stat: 'average', by: -5 }] };
  await page.evaluate((p) => (document.querySelector('sales-plan-playground').plan = p), plan);
  await app(page, '[data-signal-tab="potential"]').click();
  // Satisfaction averages 84.1875 in 2026-Q4 (84.19 as shown); 5 below it, 79.1875 (79.19).
  const first = (await app(page, '[data-testid="high-potentials"] li .hint').first().textContent()).trim();
  assert.match(first, /≥ team average 84\.19 − 5 = 79\.19$/);
  assert.deepEqual(errors, []);
  await context.close();
});

/** Whether the plan health list scrolls, and its tabindex. */
function healthScrolling(page) {
  return app(page, '[data-testid="health"]').evaluate((ul) => ({ scrolls: ul.scrollHeight > ul.clientHeight + 1, tabindex: ul.getAttribute('tabindex') }));
}
