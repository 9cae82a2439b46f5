// The page keeps pay data private and safe: no request leaves its own static files, it runs
// under a strict Content-Security-Policy, user text is never turned into HTML, and a share
// link cannot run script.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPlayground, useBrowser } from './browser.mjs';
import { CSP } from '../../scripts/serve.mjs';
// The sample reps the page holds (scripts/presets.mjs writes them, npm run bundle).
import { sampleCsv } from '../../www/gen/presets.js';

const env = useBrowser();

const app = (page, s) => page.locator(`sales-plan-playground ${s}`);
const HOSTILE = '<img src=x onerror="window.__pwned=1">';

/** Collects CSP violations reported inside the page (document and shadow roots). */
async function watchCsp(page) {
  await page.evaluate(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  return () => page.evaluate(() => window.__violations);
}

test('the policy forbids inline script and eval; only wasm compilation is allowed', () => {
  const scriptSrc = CSP.split(';').map((d) => d.trim()).find((d) => d.startsWith('script-src'));
  assert.equal(scriptSrc, "script-src 'self' 'wasm-unsafe-eval'");
  assert.ok(!CSP.includes('unsafe-inline') && !/'unsafe-eval'/.test(CSP), CSP);
});

test('a working session makes no request beyond the page\'s own files, and no CSP violation', async () => {
  const { page, context, errors, requests } = await openPlayground(env);
  const violations = await watchCsp(page);
  await app(page, 'select[data-testid="preset"]').selectOption('target-oriented');
  await app(page, '[data-path="commission[0].tiers[1].rate_pct"]').fill('6');
  await app(page, 'tr[data-rep="E01"]').click();
  await page.keyboard.press('Escape');
  await app(page, '[data-testid="pin-baseline"]').click();
  await app(page, '[data-path="commission[0].tiers[1].rate_pct"]').fill('5');
  const csv = sampleCsv();
  await app(page, 'input[data-file="reps"]').setInputFiles({ name: 'mine.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await app(page, '[data-testid="load-report"]').waitFor();
  const download = page.waitForEvent('download');
  await app(page, '[data-testid="export-xlsx"]').click();
  await download;
  await app(page, '[data-testid="share"]').click();
  await app(page, '[data-testid="share-link"]').waitFor();
  const foreign = requests.filter((url) => !url.startsWith(env.base) && !url.startsWith('blob:') && !url.startsWith('data:'));
  assert.deepEqual(foreign, [], 'every request stays on the page\'s own origin');
  assert.ok(requests.some((u) => u.endsWith('.wasm')), 'the engine was loaded from the page\'s own files');
  assert.deepEqual(await violations(), []);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a rep named like HTML is shown as text, never as markup', async () => {
  const { page, context } = await openPlayground(env);
  let dialogs = 0;
  page.on('dialog', (d) => { dialogs += 1; d.dismiss(); });
  const sample = sampleCsv();
  const [header, ...rows] = sample.trim().split('\n');
  const evil = rows.filter((r) => r.startsWith('E01,')).map((r) => r.replace('Zhang Wei', `"${HOSTILE.replaceAll('"', '""')}"`));
  await app(page, 'input[data-file="reps"]').setInputFiles({ name: 'evil.csv', mimeType: 'text/csv', buffer: Buffer.from([header, ...evil].join('\n')) });
  await app(page, 'tr[data-rep="E01"]').waitFor();
  const shown = await app(page, 'tr[data-rep="E01"] th').first().innerText();
  assert.ok(shown.includes(HOSTILE), shown);
  await app(page, 'tr[data-rep="E01"]').click();
  assert.ok((await app(page, '[data-testid="explanation"] h2').textContent()).includes(HOSTILE));
  const imgs = await page.evaluate(() => document.querySelector('sales-plan-playground').shadowRoot.querySelectorAll('img').length);
  assert.equal(imgs, 0, 'no element was made from the name');
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.equal(dialogs, 0);
  await context.close();
});

test('a share link cannot run script, and a broken link opens the page as usual', async () => {
  const { page, context } = await openPlayground(env);
  // A scenario whose plan carries markup and script in every text it has.
  const hash = await page.evaluate(async (hostile) => {
    const el = document.querySelector('sales-plan-playground');
    const plan = structuredClone(el.plan);
    plan.name = `<script>window.__pwned=1</script>${hostile}`;
    plan.scorecards[0].kpis[0].name = hostile;
    plan.commission[0].name = `javascript:window.__pwned=1`;
    // The fragment as www/src/share.js writes it: deflate-raw, then base64url.
    const json = new TextEncoder().encode(JSON.stringify({ v: 1, plan, period: '2026-Q4', lang: 'en' }));
    const out = new Blob([json]).stream().pipeThrough(new CompressionStream('deflate-raw'));
    const bytes = new Uint8Array(await new Response(out).arrayBuffer());
    let text = '';
    for (const b of bytes) text += String.fromCharCode(b);
    return '#s=' + btoa(text).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
  }, HOSTILE);
  const fresh = await env.browser.newContext();
  const victim = await fresh.newPage();
  let dialogs = 0;
  victim.on('dialog', (d) => { dialogs += 1; d.dismiss(); });
  await victim.goto(env.base + '/' + hash);
  await victim.locator('sales-plan-playground [data-testid="results"]').waitFor();
  const kpiName = await victim.locator('sales-plan-playground tr[data-kpi] button.kpi-toggle').first().textContent();
  assert.ok(kpiName.includes(HOSTILE), kpiName);
  assert.equal(await victim.evaluate(() => window.__pwned), undefined);
  assert.equal(await victim.evaluate(() => document.querySelector('sales-plan-playground').shadowRoot.querySelectorAll('img, script').length), 0);
  assert.equal(dialogs, 0);
  // A fragment that is not a scenario: the page opens normally and says so.
  await victim.goto(env.base + '/#s=not-a-scenario');
  await victim.reload();
  await victim.locator('sales-plan-playground [data-testid="results"]').waitFor();
  assert.match(await victim.locator('sales-plan-playground .notice').textContent(), /does not hold a scenario/);
  await fresh.close();
  await context.close();
});
