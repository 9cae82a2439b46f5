// The charts, drawn with Chart.js: the payout curve of the current tier table, the grade
// distribution against the forced-distribution guide, pay per rep and cost by region, and
// each rep's change against the baseline. Figures arrive as exact decimal strings; they are
// turned into numbers here only to be drawn (every figure shown as text stays exact).
import {
  Chart, BarController, BarElement, LineController, LineElement, PointElement,
  LinearScale, CategoryScale, Tooltip, Legend, Filler,
} from 'chart.js';

Chart.register(BarController, BarElement, LineController, LineElement, PointElement, LinearScale, CategoryScale, Tooltip, Legend, Filler);

const COLORS = { base: '#9aa4b2', bonuses: '#17a673', up: '#17803d', down: '#c0262d' };
const GRADE_COLORS = { S: '#17803d', B: '#d08a00', C: '#c0262d' };

/** A 1×1 canvas the theme's colours are painted on and read back (kept: the theme is read on every draw). */
let paint;

/** `color` (any CSS colour the browser resolved) as [r, g, b, alpha 0–1], painted and read back; `fallback` when it cannot be painted. */
function rgba(color, fallback) {
  paint ??= Object.assign(document.createElement('canvas'), { width: 1, height: 1 }).getContext('2d', { willReadFrequently: true });
  paint.clearRect(0, 0, 1, 1);
  paint.fillStyle = fallback;
  paint.fillStyle = color;
  paint.fillRect(0, 0, 1, 1);
  const [r, g, b, a] = paint.getImageData(0, 0, 1, 1).data;
  return [r, g, b, Math.round((a / 255) * 1000) / 1000];
}

/** [r, g, b, a] as CSS, at opacity `alpha` when given. */
const css = ([r, g, b, a], alpha = a) => (alpha === 1 ? `rgb(${r}, ${g}, ${b})` : `rgba(${r}, ${g}, ${b}, ${alpha})`);

/**
 * The element's theme as the charts draw it: its accent (commission, grade A, the curve, and
 * faded for fills), the muted text of ticks and legends, and the grid's lines, each as the host
 * set them through `--ip-*` (any colour: a name, `oklch()`, `color-mix()`, `light-dark()`),
 * read from `box`, whose styles carry them as resolved colours (`.charts`).
 * @param {Element} box an element styled with the chart colours
 * @returns {{ accent: string, accentAt: (alpha: number) => string, text: string, grid: string }}
 */
export function chartTheme(box) {
  const style = getComputedStyle(box);
  const accent = rgba(style.color, '#1f5eff');
  return {
    accent: css(accent),
    accentAt: (alpha) => css(accent, alpha),
    text: css(rgba(style.textDecorationColor, '#5d687c')),
    grid: css(rgba(style.borderTopColor, '#e3e8ef')),
  };
}

/** `options` with the theme's colours for text, legends, ticks, grid lines and axis titles. */
function themed(options, t) {
  const scales = Object.fromEntries(Object.entries(options.scales ?? {}).map(([id, scale]) => [id, {
    ...scale,
    ticks: { color: t.text, ...scale.ticks },
    grid: { color: t.grid, ...scale.grid },
    border: { color: t.grid, ...scale.border },
    ...(scale.title ? { title: { color: t.text, ...scale.title } } : {}),
  }]));
  return { color: t.text, borderColor: t.grid, ...options, scales };
}

const num = (decimal) => Number(decimal ?? 0); // drawing only

/** An axis tick (a float Chart.js chose, 0.30000000000000004 as like as not): grouped, at most 2 places. */
export const tick = (v) => Number(v).toLocaleString('en-US', { maximumFractionDigits: 2 });

/** Keeps one Chart per canvas, updated in place (no animation) when the data changes. */
export class Charts {
  constructor() {
    this.charts = new Map();
  }

  /** Draws (or updates) the chart `name` on `canvas` with `config`, in theme `t` ({@link chartTheme}). */
  draw(name, canvas, config, t) {
    if (!canvas) return;
    const options = themed({ animation: false, responsive: true, maintainAspectRatio: false, ...config.options }, t);
    // The page may hand this canvas to another chart (cost by region gives way to the change
    // against a baseline): the chart that held it goes first.
    for (const [other, held] of this.charts) {
      if (other !== name && held.canvas === canvas) {
        held.destroy();
        this.charts.delete(other);
      }
    }
    let chart = this.charts.get(name);
    if (chart && chart.canvas !== canvas) {
      chart.destroy();
      chart = null;
    }
    if (!chart) {
      chart = new Chart(canvas, { ...config, options });
      this.charts.set(name, chart);
      return;
    }
    chart.data = config.data;
    chart.options = options;
    chart.update('none');
  }

  /** The data a chart currently shows (for tests and the accessible tables). */
  data(name) {
    return this.charts.get(name)?.data;
  }

  destroyAll() {
    for (const chart of this.charts.values()) chart.destroy();
    this.charts.clear();
  }
}

const money = (v) => Math.round(v).toLocaleString('en-US');

/** The payout curve: pay at each attainment of target, for one representative target. */
export function payoutConfig(curve, L, t) {
  return {
    type: 'line',
    data: {
      labels: curve.map((p) => `${p.attainment_pct}%`),
      datasets: [{ label: L('pay'), data: curve.map((p) => num(p.pay)), borderColor: t.accent, backgroundColor: t.accentAt(0.08), fill: true, pointRadius: 0, tension: 0 }],
    },
    options: {
      plugins: { legend: { display: false }, tooltip: { callbacks: { label: (c) => money(c.parsed.y) } } },
      scales: { x: { ticks: { maxTicksLimit: 9 }, title: { display: true, text: L('attainment') } }, y: { beginAtZero: true, ticks: { callback: tick } } },
    },
  };
}

/** Each grade's share of reps against the guide's range (a floating bar behind). */
export function gradesConfig(totals, L, t) {
  const grades = totals.grades.map((g) => g.grade);
  const total = Math.max(1, totals.reps);
  const guide = totals.distribution;
  const datasets = [{ label: L('shareOfReps'), data: totals.grades.map((g) => (100 * g.reps) / total), backgroundColor: grades.map((g) => GRADE_COLORS[g] ?? t.accent), barPercentage: 0.5, order: 1 }];
  if (guide.length) {
    datasets.push({ label: L('guide'), data: grades.map((g) => { const d = guide.find((x) => x.grade === g); return d ? [num(d.min_pct), num(d.max_pct)] : null; }), backgroundColor: t.accentAt(0.14), barPercentage: 0.9, grouped: false, order: 2 });
  }
  return {
    type: 'bar',
    data: { labels: grades, datasets },
    options: { plugins: { legend: { display: guide.length > 0, position: 'bottom', labels: { boxWidth: 10 } } }, scales: { x: {}, y: { beginAtZero: true, ticks: { callback: (v) => `${v}%` } } } },
  };
}

/** A rep's pay in three parts; returns booked this period are netted into commission. */
const parts = (r) => ({
  base: num(r.base_total),
  commission: r.commission.reduce((s, l) => s + num(l.pay), 0) + r.adjustments.reduce((s, a) => s + num(a.amount), 0),
  bonuses: r.bonuses.reduce((s, b) => s + num(b.amount), 0),
});

function stacked(labels, rows, L, t, horizontal = false) {
  const colors = { ...COLORS, commission: t.accent };
  const sets = [
    ['base', L('basePay')],
    ['commission', L('commission')],
    ['bonuses', L('bonusesShort')],
  ].filter(([key]) => rows.some((r) => r[key] !== 0));
  return {
    type: 'bar',
    data: { labels, datasets: sets.map(([key, label]) => ({ label, data: rows.map((r) => r[key]), backgroundColor: colors[key], stack: 'pay' })) },
    options: {
      indexAxis: horizontal ? 'y' : 'x',
      plugins: { legend: { position: 'bottom', labels: { boxWidth: 10 } }, tooltip: { callbacks: { label: (c) => `${c.dataset.label}: ${money(c.parsed[horizontal ? 'x' : 'y'])}` } } },
      scales: { x: { stacked: true, ticks: horizontal ? { callback: tick } : { autoSkip: true, maxRotation: 60 } }, y: { stacked: true, ticks: horizontal ? {} : { callback: tick } } },
    },
  };
}

/** Pay per rep, broken into base, net commission and bonuses, in table order. */
export function payPerRepConfig(reps, nameOf, L, t) {
  return stacked(reps.map(nameOf), reps.map(parts), L, t);
}

/** The plan's cost by region (the engine's region totals), broken down the same way. */
export function costByRegionConfig(byRegion, regionName, L, t) {
  const rows = byRegion.map((g) => ({ base: num(g.base_pay), commission: num(g.commission) + num(g.adjustments), bonuses: num(g.bonuses) }));
  return stacked(byRegion.map((g) => regionName(g.group)), rows, L, t, true);
}

/** Each rep's pay change against the baseline, biggest gain first. */
export function deltaConfig(comparison, nameOf, L) {
  const reps = comparison.reps;
  return {
    type: 'bar',
    data: { labels: reps.map(nameOf), datasets: [{ label: L('vsBaseline'), data: reps.map((d) => num(d.pay_delta)), backgroundColor: reps.map((d) => (num(d.pay_delta) < 0 ? COLORS.down : COLORS.up)) }] },
    options: { plugins: { legend: { display: false }, tooltip: { callbacks: { label: (c) => money(c.parsed.y) } } }, scales: { x: { ticks: { autoSkip: true, maxRotation: 60 } }, y: { ticks: { callback: tick } } } },
  };
}
