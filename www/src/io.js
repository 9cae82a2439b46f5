// Files in and out, all in the browser: reps from CSV or Excel (decoded as UTF-8, or as
// GB18030 when a Chinese Windows Excel saved it), the template, results to CSV or Excel,
// and plan files. Nothing is uploaded anywhere.
import { readSheet } from 'read-excel-file/browser';
import writeXlsxFile from 'write-excel-file/browser';
import { name, paren } from './i18n.js';
import { message } from './problems.js';
import { moneySum } from './format.js';

/** Saves `content` as a file named `fileName` through the browser's download. */
export function download(fileName, content, type) {
  const blob = content instanceof Blob ? content : new Blob([content], { type });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** The text of a CSV file: UTF-8 (with or without BOM), else GB18030. Returns { text, encoding }. */
export async function readText(file) {
  const bytes = new Uint8Array(await file.arrayBuffer());
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030' };
  }
}

/** One CSV field, quoted when it must be. */
function field(value) {
  const text = value == null ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * A value of an exported file, for a spreadsheet: text it would run as a formula (a rep named
 * "=HYPERLINK(…)") is written after an apostrophe, which shows it as text; a number such as
 * -1500.00 is written as it is.
 */
export function exportField(value) {
  const text = value == null ? '' : String(value);
  return field(/^[=+\-@\t\r]/.test(text) && !/^[+-]?\d+(\.\d+)?$/.test(text) ? `'${text}` : text);
}

/**
 * Rows of values as CSV text (fields quoted when they must be), one line per row.
 * @param {Array<Array<unknown>>} rows
 * @param {(value: unknown) => string} [write] how a value is written ({@link exportField} for an export)
 * @returns {string}
 */
export function toCsv(rows, write = field) {
  return rows.map((row) => row.map(write).join(',')).join('\n') + '\n';
}

/**
 * A CSV or Excel file (reps, returns) as CSV text for the engine, with how it was read:
 * `{ csv, encoding }`. Excel cells keep the digits as typed (no float on the way).
 */
export async function csvFromFile(file) {
  if (/\.xlsx$/i.test(file.name)) {
    const rows = await readSheet(file, { parseNumber: (s) => s, trim: true });
    const cells = rows.map((row) => row.map((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v)));
    return { csv: toCsv(cells), encoding: 'xlsx' };
  }
  const { text, encoding } = await readText(file);
  return { csv: text, encoding };
}

/**
 * The columns of a results export, in the user's language: `[label, value of a rep, kind]`,
 * the kind saying how Excel shows the figure (`text`, `figure` to 2 places, `whole`, or
 * `money`, which the workbook's total row adds up).
 */
function exportColumns(el, results) {
  const zh = el.lang === 'zh';
  const lines = (el.currentPlan.commission ?? []).map((l) => ({ id: l.id, label: el.text(l) }));
  const bonuses = (el.currentPlan.bonuses ?? []).map((b) => ({ id: b.id, label: el.text(b) }));
  const hasBase = results.reps.some((r) => r.base_pay.length);
  return [
    [el.L('rep'), (r) => r.rep_id, 'text'],
    [zh ? '姓名' : 'Name', (r) => (zh ? r.name_zh || r.name : r.name), 'text'],
    [el.L('region'), (r) => name(el.lang, r.region), 'text'],
    [el.L('role'), (r) => name(el.lang, r.role), 'text'],
    [`${el.L('attainment')} %`, (r) => r.attainment_pct, 'figure'],
    [el.L('score'), (r) => r.score, 'figure'],
    [el.L('grade'), (r) => r.grade, 'text'],
    [el.L('rank'), (r) => String(r.rank), 'whole'],
    ...(hasBase ? [[el.L('basePay'), (r) => r.base_total, 'money']] : []),
    ...lines.map((l) => [l.label, (r) => r.commission.find((x) => x.id === l.id)?.pay, 'money']),
    ...bonuses.map((b) => [b.label, (r) => r.bonuses.find((x) => x.id === b.id)?.amount, 'money']),
    [el.L('returns'), (r) => moneySum(r.adjustments.map((a) => a.amount), moneyScale(el)), 'money'],
    [el.L('total'), (r) => r.total_pay, 'money'],
    ...baselineColumns(el),
    [el.L('warnings'), (r) => r.warnings.map((w) => message(el, w.message)).join(zh ? '；' : '; '), 'text'],
  ];
}

/**
 * Against a pinned baseline, as the table shows it: each rep's grade and total pay under the
 * baseline and the change (empty for a rep the baseline left out). None without a baseline.
 */
function baselineColumns(el) {
  const c = el.comparison;
  if (!c) return [];
  const of = new Map(c.reps.map((d) => [d.rep_id, d]));
  return [
    [el.L('baselineGrade'), (r) => of.get(r.rep_id)?.grade_before, 'text'],
    [el.L('baselineTotal'), (r) => of.get(r.rep_id)?.pay_before, 'money'],
    [el.L('vsBaseline'), (r) => of.get(r.rep_id)?.pay_delta, 'money'],
  ];
}

const moneyScale = (el) => el.currentPlan.rounding?.money_scale ?? 2;

/** A file name's part for `name`: its words (letters and digits of any script) in lower case joined by '-' ("SaaS quick start: 3 KPIs" → "saas-quick-start-3-kpis", "方案乙" → "方案乙"), or `fallback`. */
const slug = (name, fallback) => String(name ?? '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '') || fallback;

/** "results-saas-quick-start-2026-Q4.csv": the plan's name and the period (year to date: "-ytd"). */
function exportName(el, results, ext) {
  const period = results.year_to_date ? `${results.period}-ytd` : results.period;
  const plan = slug(el.text(el.currentPlan), '');
  return `results-${plan ? `${plan}-` : ''}${period}.${ext}`;
}

/** Results as CSV (UTF-8 with a BOM, so Excel reads Chinese), figures exact to the digit. */
export function exportCsv(el, results) {
  const cols = exportColumns(el, results);
  const rows = [cols.map((c) => c[0]), ...results.reps.map((r) => cols.map((c) => c[1](r) ?? ''))];
  download(exportName(el, results, 'csv'), '\ufeff' + toCsv(rows, exportField), 'text/csv;charset=utf-8');
}

/** Excel's number format of each kind of figure (money to the plan's cents). */
function excelFormat(kind, scale) {
  if (kind === 'whole') return '0';
  if (kind === 'figure') return '0.00';
  return scale > 0 ? `#,##0.${'0'.repeat(scale)}` : '#,##0';
}

/**
 * Results as an Excel workbook: a sheet named after the period ("Results 2026-Q4"), the
 * header frozen, figures as numbers Excel can add up, formatted by kind, and a last row with
 * the team's total of every money column (the exact sum of the rows, as the page's table has it).
 */
export async function exportXlsx(el, results) {
  const cols = exportColumns(el, results);
  const scale = moneyScale(el);
  const header = cols.map((c) => ({ value: c[0], fontWeight: 'bold' }));
  const cell = (v, kind) => (kind !== 'text' && v != null && v !== '' ? { value: Number(v), type: Number, format: excelFormat(kind, scale) } : { value: v == null ? '' : String(v), type: String });
  const body = results.reps.map((r) => cols.map(([, get, kind]) => cell(get(r), kind)));
  const total = cols.map(([, get, kind], i) => {
    if (i === 0) return { value: `${el.L('teamTotal')}${paren(el.lang, results.reps.length)}`, type: String, fontWeight: 'bold' };
    return kind === 'money' ? { ...cell(moneySum(results.reps.map(get), scale), kind), fontWeight: 'bold' } : null;
  });
  const period = results.year_to_date ? `${results.period} ${el.L('yearToDate')}` : results.period;
  const workbook = writeXlsxFile([header, ...body, total], {
    sheet: `${el.L('resultsSheet')} ${period}`.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31),
    columns: cols.map((_, i) => ({ width: i < 4 ? 16 : 13 })),
    stickyRowsCount: 1,
  });
  download(exportName(el, results, 'xlsx'), await workbook.toBlob());
}

/** The plan as a JSON file named after it (`name`: the name the page shows, in its language). */
export function savePlan(plan, name = plan.name) {
  download(`${slug(name, 'plan')}.json`, JSON.stringify(plan, null, 2) + '\n', 'application/json');
}
