// Screenshots of the main views in English and Chinese, saved for a person to look at
// (test-output/screenshots/). Each view is checked to be the one intended before it is taken.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { openPlayground, useBrowser } from './browser.mjs';

const SHOTS = new URL('../../test-output/screenshots/', import.meta.url);
mkdirSync(SHOTS, { recursive: true });
const shot = (page, name) => page.screenshot({ path: new URL(`${name}.png`, SHOTS).pathname });

const env = useBrowser();

for (const lang of ['en', 'zh']) {
  test(`main views in ${lang}`, async () => {
    const { page, context, errors } = await openPlayground(env, '/', { locale: lang === 'zh' ? 'zh-CN' : 'en-US' });
    const app = (s) => page.locator(`sales-plan-playground ${s}`);
    assert.equal(await page.evaluate(() => document.querySelector('sales-plan-playground').lang), lang);
    await shot(page, `overview-${lang}`);

    await app('select[data-testid="preset"]').selectOption('target-oriented');
    await app('tr[data-rep="E01"]').click();
    await app('[data-testid="explanation"]').waitFor();
    await shot(page, `explanation-${lang}`);
    await app('[data-testid="explanation"] button.icon').click();

    await app('[data-testid="pin-baseline"]').click();
    await app('[data-path="commission[0].tiers[1].rate_pct"]').fill('6');
    await app('[data-testid="comparison"]').waitFor();
    await app('[data-testid="comparison"]').scrollIntoViewIfNeeded();
    await shot(page, `comparison-${lang}`);

    // The What-if sliders, a weight moved against the pinned baseline: the comparison follows.
    await app('[data-testid="what-if"] summary').click();
    await app('[data-lever="scorecards[0].kpis[0].weight"]').fill('40');
    await app('[data-testid="undo-levers"]').waitFor();
    assert.equal(await app('[data-path="scorecards[0].kpis[0].weight"]').inputValue(), '40');
    await app('[data-testid="what-if"]').scrollIntoViewIfNeeded();
    await shot(page, `what-if-${lang}`);
    await app('[data-testid="undo-levers"]').click();

    await app('button[data-testid="kpi-toggle-new_customer_revenue"]').click();
    await app('tr.kpi-details').waitFor();
    await app('tr.kpi-details').scrollIntoViewIfNeeded();
    await shot(page, `kpi-editor-${lang}`);

    const tablet = await context.newPage();
    await tablet.setViewportSize({ width: 768, height: 1024 });
    await tablet.goto(env.base + '/');
    await tablet.locator('sales-plan-playground [data-testid="results"]').waitFor();
    await tablet.screenshot({ path: new URL(`tablet-${lang}.png`, SHOTS).pathname, fullPage: false });
    assert.ok(await tablet.evaluate(() => document.documentElement.scrollWidth <= innerWidth + 1), 'no sideways scrolling on a tablet');
    assert.deepEqual(errors, []);
    await context.close();
  });
}
