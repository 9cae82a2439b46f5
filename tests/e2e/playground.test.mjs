// The playground in headless Chromium: loads the wasm, shows the sample reps, recomputes on
// every edit, shows errors by their field and keeps the last good results.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { deflateRawSync } from 'node:zlib';
import { eventually, openPlayground, useBrowser } from './browser.mjs';
import { getIn } from '../../www/src/plan-path.js';

const engine = createRequire(import.meta.url)('../../pkg-node/incentive_engine.js');
// The presets and the sample data are not in the wasm: scripts/presets.mjs writes them (npm run bundle).
const { presets } = createRequire(import.meta.url)('../../www/gen/presets.cjs');

const SHOTS = new URL('../../test-output/screenshots/', import.meta.url);
mkdirSync(SHOTS, { recursive: true });

const env = useBrowser();

const cell = (page, rep, col) => page.locator(`sales-plan-playground tr[data-rep="${rep}"] [data-col="${col}"]`);
const field = (page, path) => page.locator(`sales-plan-playground [data-path="${path}"]`);

test('the sample reps are shown with the seed figures', async () => {
  const { page, context, errors } = await openPlayground(env);
  assert.equal(await page.locator('sales-plan-playground [data-testid="results"] tbody tr').count(), 32);
  assert.equal(await cell(page, 'E01', 'commission').textContent(), '38,000.00');
  assert.equal(await cell(page, 'E02', 'commission').textContent(), '24,000.00');
  assert.equal(await cell(page, 'E03', 'commission').textContent(), '53,000.00');
  assert.equal(await cell(page, 'E01', 'attainment').textContent(), '120.00%');
  await page.screenshot({ path: new URL('playground-en.png', SHOTS).pathname });
  assert.deepEqual(errors, []);
  await context.close();
});

test('changing a tier rate updates the rep at once to the hand-computed value', async () => {
  const { page, context } = await openPlayground(env);
  const chosen = page.locator('sales-plan-playground select[data-testid="preset"] option:checked');
  const preset = await chosen.textContent();
  await field(page, 'commission[0].tiers[1].rate_pct').fill('6');
  // The preset's name says the plan is no longer the preset as shipped.
  assert.equal(await chosen.textContent(), `${preset} · edited`);
  // Zhang Wei, target 100万, collected 120万: 100万 × 3% + 20万 × 6% = 42,000.00
  assert.equal(await cell(page, 'E01', 'commission').textContent(), '42,000.00');
  // Li Na, 150万: 30,000 + 20万 × 6% + 30万 × 5% = 57,000.00
  assert.equal(await cell(page, 'E03', 'total').textContent(), '57,000.00');
  // Wang Fang, 80万, never reaches tier 2: unchanged.
  assert.equal(await cell(page, 'E02', 'total').textContent(), '24,000.00');
  await page.locator('sales-plan-playground select[data-path="commission[0].method"]').selectOption('retroactive');
  // Retroactive: 120% reaches the 5% tier, so the whole 120万 × 5% = 60,000.00
  assert.equal(await cell(page, 'E01', 'commission').textContent(), '60,000.00');
  await context.close();
});

test('a negative rate shows a readable error by the field and keeps the last good results', async () => {
  const { page, context } = await openPlayground(env);
  await field(page, 'commission[0].tiers[1].rate_pct').fill('6');
  await field(page, 'commission[0].tiers[1].rate_pct').fill('-6');
  const error = page.locator('sales-plan-playground [data-error-for="commission[0].tiers[1].rate_pct"]');
  assert.equal(await error.textContent(), 'A commission rate must be from 0 to 100; it is -6');
  assert.equal(await field(page, 'commission[0].tiers[1].rate_pct').getAttribute('aria-invalid'), 'true');
  assert.match(await page.locator('sales-plan-playground [data-testid="plan-errors"]').textContent(), /last valid plan/);
  assert.equal(await cell(page, 'E01', 'commission').textContent(), '42,000.00');
  // While edited, the preset's description says it is the preset's.
  const edited = page.locator('sales-plan-playground [data-testid="description-edited"]');
  assert.equal(await edited.textContent(), 'Edited since; the preset as it came:');
  // Fixing the field clears the error and recomputes; the plan is the preset again.
  await field(page, 'commission[0].tiers[1].rate_pct').fill('4');
  assert.equal(await error.count(), 0);
  assert.equal(await cell(page, 'E01', 'commission').textContent(), '38,000.00');
  assert.equal(await edited.count(), 0);
  assert.match(await page.locator('sales-plan-playground [data-testid="description"]').textContent(), /^One scorecard of three capped KPIs/);
  await context.close();
});

test('weights that do not add to 100 are named, in English and in Chinese', async () => {
  const { page, context } = await openPlayground(env);
  await field(page, 'scorecards[0].kpis[0].weight').fill('70');
  assert.equal(await page.locator('sales-plan-playground [data-testid="weight-sum"]').textContent(), '110');
  const error = page.locator('sales-plan-playground [data-error-for="scorecards[0].kpis"]');
  // In the form's words: the KPIs by the names it shows, and the checkbox it has.
  assert.equal(await error.textContent(), 'The weights add to 110 (Collected revenue vs target 70 + New customers 25 + Customer visits 15): change them to add to 100, or tick “Scale the weights to add to 100”.');
  assert.equal(await cell(page, 'E01', 'commission').textContent(), '38,000.00');
  // The banner over the results says the same (not the engine's ids and JSON field), and its
  // path takes the user to the field.
  const banner = page.locator('sales-plan-playground [data-testid="plan-errors"] li[data-problem="scorecards[0].kpis"]');
  assert.equal(await banner.locator('.msg').textContent(), await error.textContent());
  await banner.locator('button').click();
  assert.equal(await page.evaluate(() => document.querySelector('sales-plan-playground').shadowRoot.activeElement?.dataset.path), 'scorecards[0].kpis[0].weight');
  await page.locator('sales-plan-playground button[data-lang="zh"]').click();
  assert.equal(await banner.locator('.msg').textContent(), await error.textContent());
  assert.match(await error.textContent(), /^权重合计为 110（.+ 70 \+ .+ 25 \+ .+ 15）：请调整为合计 100，或勾选“按比例缩放权重，使合计为 100”。$/);
  await page.screenshot({ path: new URL('playground-zh-error.png', SHOTS).pathname });
  await page.locator('sales-plan-playground button[data-lang="en"]').click();
  // Ticking it scales the weights: 70, 25 and 15 of 110 are 63.64, 22.73 and 13.63 (to two
  // places, adding to 100). Zhang Wei: 120% × 63.64 = 76.37, 112.5% × 22.73 = 25.57,
  // 104.44% × 13.63 = 14.24: 116.18 (115.80 with the preset's 60/25/15).
  await page.locator('sales-plan-playground [data-testid="normalize"]').check();
  assert.equal(await error.count(), 0);
  assert.equal(await cell(page, 'E01', 'score').textContent(), '116.18');
  assert.equal(await page.locator('sales-plan-playground [data-testid="weight-sum"]').getAttribute('class'), 'sum ok');
  // Scaled, the sum is fine whatever it is, but not while a weight is empty.
  await field(page, 'scorecards[0].kpis[1].weight').fill('');
  assert.equal(await page.locator('sales-plan-playground [data-testid="weight-sum"]').getAttribute('class'), 'sum bad');
  await field(page, 'scorecards[0].kpis[1].weight').fill('25');
  assert.equal(await page.locator('sales-plan-playground [data-testid="weight-sum"]').getAttribute('class'), 'sum ok');
  await page.locator('sales-plan-playground [data-testid="normalize"]').uncheck();
  assert.equal(await error.count(), 1);
  await context.close();
});

test('a required field left empty says so in the form\'s words, not the JSON reader\'s', async () => {
  const { page, context } = await openPlayground(env);
  await field(page, 'scorecards[0].kpis[1].weight').fill('');
  const error = page.locator('sales-plan-playground [data-error-for="scorecards[0].kpis[1].weight"]');
  // Under the KPI's row, named by its column.
  assert.equal(await error.textContent(), 'Weight: This field is empty: fill it in, or undo (Ctrl+Z).');
  assert.equal(await field(page, 'scorecards[0].kpis[1].weight').getAttribute('aria-invalid'), 'true');
  assert.equal(await page.locator('sales-plan-playground [data-testid="plan-errors"] li[data-problem="scorecards[0].kpis[1].weight"] .msg').textContent(), 'This field is empty: fill it in, or undo (Ctrl+Z).');
  await page.locator('sales-plan-playground button[data-lang="zh"]').click();
  assert.equal(await error.textContent(), '权重：此项为空：请填写，或撤销（Ctrl+Z）。');
  await field(page, 'scorecards[0].kpis[1].weight').fill('25');
  assert.equal(await error.count(), 0);
  assert.equal(await cell(page, 'E01', 'score').textContent(), '115.80');
  await context.close();
});

test('a field inside a closed KPI\'s details is reached from the errors banner: the details open and the field has the focus', async () => {
  const { page, context } = await openPlayground(env);
  await page.locator('sales-plan-playground [data-testid="kpi-toggle-revenue"]').click();
  await field(page, 'scorecards[0].kpis[0].actual').fill('revenue_colected');
  await page.locator('sales-plan-playground [data-testid="kpi-toggle-revenue"]').click();
  assert.equal(await field(page, 'scorecards[0].kpis[0].actual').count(), 0);
  await page.locator('sales-plan-playground [data-testid="plan-errors"] li[data-problem="scorecards[0].kpis[0].actual"] button').click();
  await field(page, 'scorecards[0].kpis[0].actual').waitFor();
  assert.equal(await page.evaluate(() => document.querySelector('sales-plan-playground').shadowRoot.activeElement?.dataset.path), 'scorecards[0].kpis[0].actual');
  await context.close();
});

test('two values out of order: the message stands under the one edited, and both are marked', async () => {
  const { page, context } = await openPlayground(env);
  // S lowered to 75, below A's 80: the engine reports it at A (the later band), naming both.
  await field(page, 'grades.bands[0].min_score').fill('75');
  const errors = () => page.locator('sales-plan-playground [data-error-for]').evaluateAll((es) => es.map((e) => [e.dataset.errorFor, e.textContent]));
  assert.deepEqual(await errors(), [['grades.bands[0].min_score', 'The minimum score of grade A is 80: it must be below that of grade S (75)']]);
  assert.equal(await field(page, 'grades.bands[0].min_score').getAttribute('aria-invalid'), 'true');
  assert.equal(await field(page, 'grades.bands[1].min_score').getAttribute('aria-invalid'), 'true');
  // Edited at A instead, the same message stands under A.
  await field(page, 'grades.bands[0].min_score').fill('90');
  await field(page, 'grades.bands[1].min_score').fill('95');
  assert.deepEqual(await errors(), [['grades.bands[1].min_score', 'The minimum score of grade A is 95: it must be below that of grade S (90)']]);
  // The banner names the field it goes to: the one the message stands under.
  assert.equal(await page.locator('sales-plan-playground [data-testid="plan-errors"] li button code').textContent(), 'grades.bands[1].min_score');
  await field(page, 'grades.bands[1].min_score').fill('80');
  assert.deepEqual(await errors(), []);
  // A band table's steps (behavior-driven's response time, lower is better: 2 / 3 / 4 hours):
  // step 2 moved to 5 says so under step 2, in the form's words.
  await page.locator('sales-plan-playground select[data-testid="preset"]').selectOption('behavior-driven');
  await page.locator('sales-plan-playground [data-testid="kpi-toggle-response_time"]').click();
  await field(page, 'scorecards[0].kpis[2].scoring.steps[1].at').fill('5');
  assert.deepEqual(await errors(), [['scorecards[0].kpis[2].scoring.steps[1].at', 'The start of step 3 is 4: it must be above that of step 2 (5)']]);
  assert.equal(await page.locator('sales-plan-playground [data-testid="plan-errors"] li button code').textContent(), 'scorecards[0].kpis[2].scoring.steps[1].at');
  assert.equal(await field(page, 'grades.bands[0].min_score').getAttribute('aria-invalid'), 'false');
  await context.close();
});

test('the language choice is shown in Chinese and remembered', async () => {
  const { page, context } = await openPlayground(env);
  // The page's footer, outside the element, is in the page's language only.
  assert.equal((await page.locator('footer.page-foot').innerText()).trim(), 'Embedding the engine or this playground in your own portal: example HR portal');
  await page.locator('sales-plan-playground button[data-lang="zh"]').click();
  assert.match(await page.locator('sales-plan-playground h1').textContent(), /激励方案沙盘/);
  assert.equal((await page.locator('footer.page-foot').innerText()).trim(), '把引擎或沙盘嵌入自己的系统：示例门户');
  await page.reload();
  await page.locator('sales-plan-playground [data-testid="results"]').waitFor();
  assert.match(await page.locator('sales-plan-playground h1').textContent(), /激励方案沙盘/);
  assert.equal(await page.locator('sales-plan-playground tr[data-rep="E01"] th').first().innerText(), '张伟 E01');
  await page.screenshot({ path: new URL('playground-zh.png', SHOTS).pathname });
  await context.close();
});

test('changing the period re-evaluates on that period', async () => {
  const { page, context } = await openPlayground(env);
  await page.locator('sales-plan-playground select[data-testid="period"]').selectOption('2026-Q1');
  // Zhang Wei in Q1: target 120万, collected 79.1万 → 3% of 791,000 = 23,730.00
  assert.equal(await cell(page, 'E01', 'commission').textContent(), '23,730.00');
  await context.close();
});

/** WCAG's contrast ratio of two computed colours (`rgb(…)`, or `color(srgb …)` from color-mix). */
function contrast(a, b) {
  const lum = (c) => {
    const scale = c.startsWith('color(srgb') ? 1 : 255;
    const [r, g, bl] = c.match(/[\d.]+/g).slice(0, 3).map((v) => {
      const s = Number(v) / scale;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

test('the baseline comparison\'s small text keeps 4.5:1 on its tint, and the page follows the system\'s dark mode with the element\'s theme properties', async () => {
  const { page, context, errors } = await openPlayground(env);
  await page.locator('sales-plan-playground [data-testid="pin-baseline"]').click();
  const colours = () => page.locator('sales-plan-playground .compare span').first().evaluate((span) => {
    const box = span.closest('.compare');
    return [getComputedStyle(span).color, getComputedStyle(box).backgroundColor];
  });
  const [text, tint] = await colours();
  assert.ok(contrast(text, tint) >= 4.5, `${text} on ${tint}: ${contrast(text, tint).toFixed(2)}`);
  await page.emulateMedia({ colorScheme: 'dark' });
  const panel = await page.locator('sales-plan-playground .panel.results').evaluate((p) => getComputedStyle(p).backgroundColor);
  assert.equal(panel, 'rgb(22, 28, 37)'); // --ip-panel #161c25 from page.css
  const [darkText, darkTint] = await colours();
  assert.ok(contrast(darkText, darkTint) >= 4.5, `dark: ${darkText} on ${darkTint}: ${contrast(darkText, darkTint).toFixed(2)}`);
  await page.screenshot({ path: new URL('playground-dark.png', SHOTS).pathname });
  assert.deepEqual(errors, []);
  await context.close();
});

test('a name emptied in the form is not saved: the plan, a commission line, a bonus and a KPI keep their name, say so in the page\'s language, and show it again once left', async () => {
  const { page, context, errors } = await openPlayground(env);
  const plan = () => page.evaluate(() => document.querySelector('sales-plan-playground').plan);
  const kept = (path) => page.locator(`sales-plan-playground [data-kept-for="${path}"]`);
  await page.locator('sales-plan-playground select[data-testid="add-bonus"]').selectOption('threshold');
  const before = await plan();
  await page.locator(`sales-plan-playground [data-testid="kpi-toggle-${before.scorecards[0].kpis[0].id}"]`).click();
  const names = [
    ['name', 'SaaS quick start: 3 KPIs + tiers'],
    ['commission[0].name', 'Commission on collected revenue'],
    ['bonuses[0].name', 'On-target bonus'],
    ['scorecards[0].kpis[0].name', before.scorecards[0].kpis[0].name],
  ];
  for (const [path, name] of names) {
    await field(page, path).fill('');
    // Nothing saved: the plan keeps the name, the field stays empty while it has the focus and says why, politely, as its description.
    assert.equal(getIn(await plan(), path), name, `${path} kept in the plan`);
    assert.equal(await kept(path).textContent(), `A name cannot be empty: “${name}” is kept until another name is typed.`, path);
    assert.equal(await kept(path).getAttribute('role'), 'status', path);
    assert.equal(await field(page, path).getAttribute('aria-describedby'), await kept(path).getAttribute('id'), `${path}: the message describes the field`);
    assert.equal(await field(page, path).inputValue(), '', path);
    await field(page, path).blur();
    assert.equal(await field(page, path).inputValue(), name, `${path} shown again once left`);
    assert.equal(await kept(path).count(), 0, `${path}: the message goes with the focus`);
    assert.equal(await field(page, path).getAttribute('aria-describedby'), null, `${path}: nothing to describe once left`);
  }
  assert.deepEqual(await plan(), before, 'no name emptied in the plan');
  assert.equal(await page.locator('sales-plan-playground select[data-testid="preset"] option:checked').textContent(), 'SaaS quick start: 3 KPIs + tiers · edited');
  assert.equal(await page.locator('sales-plan-playground fieldset[data-line="revenue_commission"] legend').textContent(), 'Commission on collected revenue');
  // A name typed after the field was emptied is saved as usual.
  await field(page, 'bonuses[0].name').fill('');
  await field(page, 'bonuses[0].name').pressSequentially('Target met');
  assert.equal((await plan()).bonuses[0].name, 'Target met');
  assert.equal(await kept('bonuses[0].name').count(), 0);
  // Whitespace is no name either.
  await field(page, 'commission[0].name').fill('  ');
  assert.equal(await kept('commission[0].name').count(), 1);
  assert.equal((await plan()).commission[0].name, 'Commission on collected revenue');
  await field(page, 'commission[0].name').blur();
  // In Chinese, the message is in Chinese (the KPI's English name, in its details).
  await page.locator('sales-plan-playground button[data-lang="zh"]').click();
  await field(page, 'scorecards[0].kpis[0].name').fill('');
  assert.equal(await kept('scorecards[0].kpis[0].name').textContent(), `名称不能为空：输入新名称前，仍保留“${before.scorecards[0].kpis[0].name}”。`);
  await page.screenshot({ path: new URL('name-kept-zh.png', SHOTS).pathname });
  await field(page, 'scorecards[0].kpis[0].name').blur();
  // A plan given with a blank name: the engine refuses it at `name`, and emptying the field
  // has no name to keep: one message says so, not the engine's as well.
  await page.locator('sales-plan-playground button[data-lang="en"]').click();
  const after = await plan();
  await page.evaluate((p) => { document.querySelector('sales-plan-playground').plan = p; }, { ...after, name: ' ' });
  await eventually(() => page.locator('sales-plan-playground [data-error-for="name"]').textContent(), 'This field is empty: fill it in, or undo (Ctrl+Z).');
  await field(page, 'name').fill('');
  assert.equal(await kept('name').textContent(), 'A name cannot be empty: type one.');
  assert.equal(await page.locator('sales-plan-playground [data-error-for="name"]').count(), 0, 'one message, not two');
  await field(page, 'name').pressSequentially('Q4 plan');
  await eventually(() => page.locator('sales-plan-playground [data-error-for="name"]').count(), 0, 'named again');
  assert.equal((await plan()).name, 'Q4 plan');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a name erased key by key is not left at its first letter: emptied, the plan keeps the whole name it had before the typing, and says it', async () => {
  const { page, context, errors } = await openPlayground(env);
  const plan = () => page.evaluate(() => document.querySelector('sales-plan-playground').plan);
  const before = await plan();
  for (const [path, name] of [['commission[0].name', 'Commission on collected revenue'], ['name', before.name]]) {
    const input = field(page, path);
    await input.click();
    await input.press('End');
    for (let n = 0; n < name.length; n += 1) await input.press('Backspace');
    assert.equal(await input.inputValue(), '', path);
    assert.equal(getIn(await plan(), path), name, `${path}: the whole name, not its first letter`);
    assert.equal(await page.locator(`sales-plan-playground [data-kept-for="${path}"]`).textContent(), `A name cannot be empty: “${name}” is kept until another name is typed.`);
    await input.blur();
    assert.equal(await input.inputValue(), name, path);
  }
  // The plan is as it was before the typing began (the Chinese names too, which the plan's English name carried).
  assert.deepEqual(await plan(), before);
  assert.deepEqual(errors, []);
  await context.close();
});

test('optional labels emptied are removed: a named target\'s name, and the Chinese names of the plan, a KPI, a line and a bonus (the English name shows, and stays)', async () => {
  const { page, context, errors } = await openPlayground(env);
  const plan = () => page.evaluate(() => document.querySelector('sales-plan-playground').plan);
  await page.locator('sales-plan-playground select[data-testid="add-bonus"]').selectOption('threshold');
  await page.locator('sales-plan-playground [data-testid="add-target"]').click();
  await field(page, 'targets[0].name').waitFor();
  const before = await plan();
  await field(page, 'targets[0].name').fill('');
  await eventually(async () => 'name' in (await plan()).targets[0], false, 'the target\'s name removed');
  assert.equal(await page.locator('sales-plan-playground [data-kept-for="targets[0].name"]').count(), 0);
  await page.locator('sales-plan-playground button[data-lang="zh"]').click();
  await page.locator(`sales-plan-playground [data-testid="kpi-toggle-${before.scorecards[0].kpis[0].id}"]`).click();
  for (const path of ['commission[0].name_zh', 'bonuses[0].name_zh', 'scorecards[0].kpis[0].name_zh']) {
    const english = getIn(before, path.replace(/_zh$/, ''));
    await field(page, path).fill('  ');
    await eventually(async () => getIn(await plan(), path), undefined, `${path} removed`);
    assert.equal(getIn(await plan(), path.replace(/_zh$/, '')), english, `${path}: the English name stays`);
    await field(page, path).blur();
    assert.equal(await field(page, path).getAttribute('placeholder'), english, `${path}: the English name shows in its place`);
  }
  // The plan's Chinese name erased key by key: removed, and the English name is the one it had
  // before the typing (which it followed while the Chinese one was typed) as an emptied English one would be.
  const name = field(page, 'name_zh');
  await name.click();
  await name.press('End');
  for (let n = 0; n < before.name_zh.length; n += 1) await name.press('Backspace');
  await eventually(async () => { const p = await plan(); return [p.name, 'name_zh' in p]; }, [before.name, false], 'name_zh removed, name left');
  assert.equal(await page.locator('sales-plan-playground [data-error-for="name"]').count(), 0);
  // Typed anew, the English name follows as before (it is still the preset's).
  await name.pressSequentially('客户方案');
  await eventually(async () => { const p = await plan(); return [p.name, p.name_zh]; }, ['客户方案', '客户方案'], 'both names');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a session, a share link and a baseline saved with blank names by an earlier page are mended as they open (the baseline stays pinned) and the page says so, in both languages', async () => {
  const preset = presets()[0];
  const blank = { ...JSON.parse(preset.json), name: '' };
  blank.commission[0].name_zh = ' ';
  blank.scorecards[0].kpis[0].name = '';
  const baseline = { ...blank, name: ' ' };
  const expected = (p) => [p.name, 'name_zh' in p.commission[0], p.scorecards[0].kpis[0].name];
  const scenario = { plan: blank, presetId: preset.id, period: '2026-Q4', ytd: false, baseline, baselineAt: '2026-01-01T00:00:00.000Z' };
  const opened = [
    // A stored session, in English; a share link, in Chinese.
    ['session', 'en', 'Your last session is restored. Blank names left by an earlier version of the page were mended: optional ones removed, required ones filled in.'],
    ['link', 'zh', '已打开链接中的场景。已修补旧版页面留下的空白名称：选填的已删去，必填的已补上。'],
  ];
  for (const [from, lang, notice] of opened) {
    const context = await env.browser.newContext({ locale: lang === 'zh' ? 'zh-CN' : 'en-US', viewport: { width: 1440, height: 900 } });
    if (from === 'session') await context.addInitScript((s) => localStorage.setItem('incentive-playground.session', JSON.stringify(s)), { ...scenario, lang });
    const hash = from === 'link' ? '#s=' + deflateRawSync(Buffer.from(JSON.stringify({ v: 1, ...scenario, lang }))).toString('base64url') : '';
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(env.base + '/' + hash);
    await page.locator('sales-plan-playground [data-testid="results"]').waitFor();
    const shown = page.locator('sales-plan-playground [data-testid="notice"]');
    assert.equal(await shown.textContent(), notice, from);
    await page.screenshot({ path: new URL(`blank-names-mended-${lang}.png`, SHOTS).pathname });
    // Two sentences stay long enough to be read (a short notice goes after 3 s).
    await page.waitForTimeout(3500);
    assert.deepEqual(await shown.allTextContents(), [notice], `${from}: still shown after 3.5 s`);
    const state = await page.evaluate(() => { const el = document.querySelector('sales-plan-playground'); return { plan: el.plan, baseline: el.baselinePlan, pinned: el.baselinePinned, valid: el.valid }; });
    assert.deepEqual(expected(state.plan), [JSON.parse(preset.json).name, false, blank.scorecards[0].kpis[0].id], `${from}: the plan mended`);
    assert.deepEqual([state.pinned, state.valid, ...expected(state.baseline)], [true, true, JSON.parse(preset.json).name, false, blank.scorecards[0].kpis[0].id], `${from}: the baseline mended and pinned`);
    assert.deepEqual(errors, []);
    await context.close();
  }
});
