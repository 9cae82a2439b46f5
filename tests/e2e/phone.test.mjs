// On a phone (390 × 844, an iPhone 12–15): nothing wider than the screen, nothing drawn over
// anything else, and a table cut by the screen says that it scrolls. Measured from the laid-out
// boxes (Chromium's own geometry), and screenshots saved (test-output/screenshots/) for a
// person to look at.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { openPlayground, useBrowser, app, eventually } from './browser.mjs';

const SHOTS = new URL('../../test-output/screenshots/', import.meta.url);
mkdirSync(SHOTS, { recursive: true });
const PHONE = { width: 390, height: 844 };
const env = useBrowser();

/** The page's own width: wider than the screen means the page scrolls sideways. */
const pageWidth = (page) => page.evaluate(() => document.documentElement.scrollWidth);

/** [left, right] of a locator's box. */
const span = async (locator) => {
  const box = await locator.boundingBox();
  return [box.x, box.x + box.width];
};

for (const lang of ['en', 'zh']) {
  test(`the playground on a phone (${lang}): no sideways page, the editor's names clear of its inputs, the table says it scrolls, the statement fits`, async () => {
    const { page, context, errors } = await openPlayground(env, '/', { locale: lang === 'zh' ? 'zh-CN' : 'en-US', viewport: PHONE });
    assert.equal(await pageWidth(page), PHONE.width);
    // The header's controls, the language switch included, are on the screen.
    for (const l of ['en', 'zh']) {
      const [, right] = await span(app(page, `button[data-lang="${l}"]`));
      assert.ok(right <= PHONE.width, `language button ${l} ends at ${right}`);
    }
    // The plan's cost is shown whole: its card is as wide as its figure.
    const cost = app(page, '[data-testid="total-pay"]');
    assert.ok(await cost.evaluate((e) => e.scrollWidth <= e.clientWidth && e.getBoundingClientRect().right <= e.parentElement.getBoundingClientRect().right));

    // The results table is wider than the screen: a hint says so, the frame scrolls.
    await app(page, '[data-testid="scroll-hint"]').waitFor();
    assert.ok(await app(page, '.table-wrap').evaluate((e) => e.scrollWidth > e.clientWidth));

    // Each KPI's name stays in its own column: left of its target's input, nothing overlapping.
    const rows = app(page, 'table.kpis tr[data-kpi]');
    assert.ok((await rows.count()) >= 3);
    for (let i = 0; i < (await rows.count()); i += 1) {
      const row = rows.nth(i);
      const [, nameRight] = await span(row.locator('th'));
      const [toggleLeft, toggleRight] = await span(row.locator('.kpi-toggle'));
      const [targetLeft, targetRight] = await span(row.locator('td').nth(0).locator('input'));
      const [weightLeft] = await span(row.locator('td').nth(1).locator('input'));
      assert.ok(toggleLeft >= 0 && toggleRight <= nameRight + 0.5, `KPI ${i}'s name within its cell`);
      assert.ok(toggleRight <= targetLeft, `KPI ${i}'s name (to ${toggleRight}) clear of its target (from ${targetLeft})`);
      assert.ok(targetRight <= weightLeft, `KPI ${i}'s target (to ${targetRight}) clear of its weight (from ${weightLeft})`);
    }
    await page.screenshot({ path: new URL(`phone-${lang}.png`, SHOTS).pathname });

    // A rep's statement: every column of its KPI table on the screen, the score's included.
    await app(page, 'tr[data-rep="E01"]').click();
    const statement = app(page, '[data-testid="explanation"]');
    await statement.waitFor();
    assert.ok(await statement.evaluate((e) => e.scrollWidth <= e.clientWidth), 'the statement does not scroll sideways');
    const [, scoreRight] = await span(statement.locator('tr[data-kpi] [data-col="kpi-score"]').first());
    assert.ok(scoreRight <= PHONE.width, `the KPI score ends at ${scoreRight}`);
    // The drawer covers the header's language switch: it has its own, on the screen, which works.
    const other = lang === 'en' ? 'zh' : 'en';
    const [, switchRight] = await span(statement.locator(`button[data-statement-lang="${other}"]`));
    assert.ok(switchRight <= PHONE.width, `the statement's language switch ends at ${switchRight}`);
    await statement.locator(`button[data-statement-lang="${other}"]`).click();
    const title = other === 'zh' ? '薪酬明细单' : 'Pay statement';
    await eventually(async () => (await statement.locator('.statement-title').textContent()).startsWith(title), true, 'the statement in the other language');
    await page.screenshot({ path: new URL(`phone-statement-${lang}.png`, SHOTS).pathname });
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('on a phone every control a finger hits is at least 40 px high and 24 px wide (a slider 32 px high, a checkbox with its label), the statement\'s close button 44 px square', async () => {
  const { page, context } = await openPlayground(env, '/', { viewport: PHONE });
  await app(page, 'select[data-testid="preset"]').selectOption('target-oriented');
  const small = () => page.evaluate(() => {
    const root = document.querySelector('sales-plan-playground').shadowRoot;
    // Out of reach under an open statement (inert): not a target.
    return [...root.querySelectorAll('button, select, summary, input, a[href]')].filter((c) => c.checkVisibility() && !c.closest('[inert]')).map((c) => {
      const box = (c.type === 'checkbox' && c.closest('label')) || c; // a checkbox is hit through its label
      const r = box.getBoundingClientRect();
      const high = c.type === 'range' ? 32 : 40;
      return [r.width, r.height, high, `${c.tagName.toLowerCase()}.${c.className} ${(c.textContent || c.getAttribute('aria-label') || '').trim().slice(0, 20)}`];
    }).filter(([w, h, high]) => w < 24 || h < high).map(([w, h, , what]) => `${what}: ${Math.round(w)}×${Math.round(h)}`);
  });
  assert.deepEqual(await small(), []);
  await app(page, '[data-testid="what-if"] summary').click();
  await app(page, '[data-lever="commission[0].tiers[0].rate_pct"]').fill('3.5');
  await app(page, '[data-testid="undo-levers"]').waitFor();
  assert.deepEqual(await small(), [], 'with the What-if sliders open');
  await app(page, 'tr[data-rep="E01"]').click();
  await app(page, '[data-testid="explanation"]').waitFor();
  assert.deepEqual(await small(), [], 'with a statement open');
  const close = await app(page, '[data-testid="explanation"] .detail-buttons button.icon').boundingBox();
  assert.ok(close.width >= 44 && close.height >= 44, JSON.stringify(close));
  // Scrolled to its end, the statement keeps its close button in view.
  await app(page, '[data-testid="explanation"]').evaluate((d) => { d.scrollTop = d.scrollHeight; });
  const scrolled = await app(page, '[data-testid="explanation"] .detail-buttons button.icon').boundingBox();
  assert.ok(scrolled.y >= 0 && scrolled.y + scrolled.height <= PHONE.height, JSON.stringify(scrolled));
  await page.screenshot({ path: new URL('phone-statement-scrolled.png', SHOTS).pathname });
  await context.close();
});

test('on a wide screen the table fits and says nothing of scrolling', async () => {
  const { page, context } = await openPlayground(env);
  assert.equal(await app(page, '.table-wrap').getAttribute('data-scrolls'), null);
  assert.equal(await app(page, '[data-testid="scroll-hint"]').isVisible(), false);
  // Narrowed to a phone's width (a window resized, a phone turned): the hint comes.
  await page.setViewportSize(PHONE);
  await eventually(() => app(page, '[data-testid="scroll-hint"]').isVisible(), true, 'hint after resizing');
  await context.close();
});

test('on a phone the plan editor, below the results, table and charts, is a tap away, and the results a tap back; on a wide screen neither link shows', async () => {
  const { page, context, errors } = await openPlayground(env, '/', { viewport: PHONE });
  const inView = (selector) => app(page, selector).evaluate((el) => {
    const r = el.getBoundingClientRect();
    return r.top >= 0 && r.bottom <= innerHeight;
  });
  // Far below the first screen (the editor comes after the results in one column).
  assert.ok((await app(page, 'select[data-testid="preset"]').boundingBox()).y > 3 * PHONE.height);
  assert.equal(await inView('[data-testid="jump-plan"]'), true);
  await app(page, '[data-testid="jump-plan"]').click();
  await eventually(() => inView('select[data-testid="preset"]'), true, 'the preset in view');
  assert.equal(await inView('[data-testid="summary"]'), false);
  await app(page, '[data-testid="jump-results"]').click();
  await eventually(() => inView('[data-testid="summary"]'), true, 'the results in view');
  await page.setViewportSize({ width: 1440, height: 900 });
  await eventually(() => app(page, '[data-testid="jump-plan"]').isVisible(), false, 'no link side by side');
  assert.equal(await app(page, '[data-testid="jump-results"]').isVisible(), false);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the example portal on a phone: no sideways page, its language switch and the element\'s on the screen', async () => {
  const context = await env.browser.newContext({ viewport: PHONE });
  const page = await context.newPage();
  await page.goto(`${env.base}/examples/portal.html`);
  await page.locator('sales-plan-playground [data-testid="results"]').waitFor();
  assert.equal(await pageWidth(page), PHONE.width);
  for (const button of ['button[data-portal-lang="zh"]', 'sales-plan-playground button[data-lang="zh"]']) {
    const [left, right] = await span(page.locator(button));
    assert.ok(left >= 0 && right <= PHONE.width, `${button} at ${left}–${right}`);
  }
  const [, slicesRight] = await span(page.locator('[data-testid="my-slices"]'));
  assert.ok(slicesRight <= PHONE.width, `the commission slices end at ${slicesRight}`);
  // The element's charts stay inside their column (a canvas sized before had held each 20 px wider).
  const charts = await page.evaluate(() => {
    const root = document.querySelector('sales-plan-playground').shadowRoot;
    const column = root.querySelector('.charts').getBoundingClientRect().right;
    return [...root.querySelectorAll('.charts figure')].map((f) => Math.round(f.getBoundingClientRect().right - column));
  });
  assert.ok(charts.length >= 3 && charts.every((over) => over <= 0), `each chart's overflow past its column: ${charts}`);
  await page.screenshot({ path: new URL('phone-portal.png', SHOTS).pathname });
  await context.close();
});
