// Accessibility, checked by axe-core (its default rules: the WCAG 2 A and AA rules a machine
// can decide, and its best practices) in
// headless Chromium, inside the element's shadow root: the playground in English and Chinese,
// on a laptop and a phone, in the states a consultant goes through (a statement open, a pinned
// baseline and an edit, the What-if sliders and the JSON editor open, a plan with errors over
// the last good results, each management signal, the Target-oriented preset's statement of a
// flagged rep), and the example portal. Every state must have no violation at all.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { openPlayground, useBrowser, app } from './browser.mjs';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const env = useBrowser();

/** The page opened with axe-core in it (the page's policy allows only its own scripts). */
async function openWithAxe(path, viewport = { width: 1440, height: 900 }) {
  const opened = await openPlayground(env, path, { viewport, bypassCSP: true });
  await opened.page.addScriptTag({ path: AXE });
  return opened;
}

/** axe-core's violations on the whole page, each as "impact rule: the first element (of n)". */
async function violations(page) {
  return page.evaluate(async () => {
    const { violations } = await window.axe.run(document, { resultTypes: ['violations'] });
    return violations.map((v) => `${v.impact} ${v.id}: ${v.nodes[0].target.flat().join(' > ')} (of ${v.nodes.length}) ${v.nodes[0].failureSummary}`);
  });
}

/** Asserts the page as it stands has no violation, naming the state. */
async function clean(page, state) {
  assert.deepEqual(await violations(page), [], state);
}

test('axe-core looks inside the element: an image without a text alternative in its shadow root is a violation', async () => {
  const { page, context } = await openWithAxe('/');
  await page.evaluate(() => document.querySelector('sales-plan-playground').renderRoot.querySelector('.results').append(document.createElement('img')));
  const found = await violations(page);
  assert.equal(found.length, 1, found.join('\n'));
  assert.match(found[0], /^critical image-alt: sales-plan-playground > img/);
  await context.close();
});

for (const lang of ['en', 'zh']) {
  test(`no violation in ${lang}: the results, a statement, a baseline and an edit, the What-if sliders and the JSON editor, a plan with errors`, async () => {
    const { page, context, errors } = await openWithAxe(lang === 'zh' ? '/?lang=zh' : '/');
    await clean(page, 'the results');
    await app(page, 'tr[data-rep="E01"]').click();
    await app(page, '[data-testid="explanation"]').waitFor();
    await clean(page, 'the statement open');
    await page.keyboard.press('Escape');
    await app(page, '[data-testid="explanation"]').waitFor({ state: 'detached' });
    await app(page, '[data-testid="pin-baseline"]').click();
    await app(page, '[data-path="commission[0].tiers[1].rate_pct"]').fill('6');
    await app(page, '[data-testid="cost-delta"]').waitFor();
    await clean(page, 'a baseline pinned and an edit');
    await app(page, '[data-testid="what-if"] summary').click();
    await app(page, 'details[data-section="json"] > summary').click();
    await app(page, '[data-testid="plan-json"]').waitFor();
    await clean(page, 'the What-if sliders and the JSON editor open');
    // Weights that no longer add to 100: the errors' banner over the last good results, greyed.
    await app(page, '[data-path="scorecards[0].kpis[0].weight"]').fill('70');
    await app(page, '[data-testid="plan-errors"]').waitFor();
    await clean(page, 'a plan with errors');
    assert.deepEqual(errors, []);
    await context.close();
  });

  test(`no violation in ${lang}: the Target-oriented preset, each management signal, a flagged rep's statement`, async () => {
    const { page, context, errors } = await openWithAxe(lang === 'zh' ? '/?lang=zh' : '/');
    await app(page, 'select[data-testid="preset"]').selectOption('target-oriented');
    await app(page, 'tr[data-rep="W04"] [data-mark="potential"]').waitFor();
    await clean(page, 'the Target-oriented preset');
    const tabs = await app(page, '[data-signal-tab]:not([disabled])').all();
    assert.ok(tabs.length >= 2, `signals to open: ${tabs.length}`);
    for (const tab of tabs) {
      await tab.click();
      await clean(page, `the signal ${await tab.getAttribute('data-signal-tab')}`);
    }
    await app(page, 'tr[data-rep="W04"]').click();
    await app(page, '[data-testid="explanation"] [data-testid="rate-raised-when"]').waitFor();
    await clean(page, 'the statement of a flagged rep');
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('no violation on a phone (390 px): the results and a statement', async () => {
  const { page, context } = await openWithAxe('/', { width: 390, height: 844 });
  await clean(page, 'the results on a phone');
  await app(page, 'tr[data-rep="E01"]').click();
  await app(page, '[data-testid="explanation"]').waitFor();
  await clean(page, 'a statement on a phone');
  await context.close();
});

test('no violation on the example portal that embeds the engine and the element', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1440, height: 900 }, bypassCSP: true });
  const page = await context.newPage();
  await page.goto(`${env.base}/examples/portal.html`);
  await page.locator('sales-plan-playground [data-testid="results"]').waitFor();
  await page.addScriptTag({ path: AXE });
  await clean(page, 'the example portal');
  await context.close();
});
