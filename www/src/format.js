// Number formatting for display. Figures arrive from the engine as exact decimal strings
// and are rounded and grouped as strings (BigInt arithmetic): they never pass through a
// float on their way to the screen.

/** "1234567.5" → "1,234,567.5" (digits untouched, only grouped). */
export function group(decimal) {
  const text = String(decimal ?? '');
  const negative = text.startsWith('-');
  const [int, frac] = (negative ? text.slice(1) : text).split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return (negative ? '-' : '') + grouped + (frac !== undefined ? '.' + frac : '');
}

/** A decimal string rounded half away from zero to `places` decimals: ("2.345", 2) → "2.35". */
export function fixed(decimal, places) {
  const text = String(decimal).trim();
  // Not a plain decimal (a live sum of absurd inputs as a float: "1e+30"): shown as it is.
  if (!/^-?\d*\.?\d*$/.test(text) || !/\d/.test(text)) return text;
  const negative = text.startsWith('-');
  const [int = '0', frac = ''] = (negative ? text.slice(1) : text).split('.');
  const digits = BigInt(int + frac.padEnd(places + 1, '0').slice(0, places + 1));
  let scaled = digits / 10n + (digits % 10n >= 5n ? 1n : 0n);
  const s = scaled.toString().padStart(places + 1, '0');
  const out = places > 0 ? `${s.slice(0, -places)}.${s.slice(-places)}` : s;
  return negative && scaled !== 0n ? `-${out}` : out;
}

/** Money with its exact cents: "38000.00" → "38,000.00". */
export function money(decimal) {
  return decimal == null ? '—' : group(decimal);
}

/**
 * The symbol of ISO currency `code` as written in `lang`, in its narrow form ("CNY" → "¥" in
 * both languages, as the example portal writes it; a plan has one currency, so "CN¥" would
 * only tell it apart from a yen it cannot hold).
 */
export function currencySymbol(lang, code = 'CNY') {
  try {
    const parts = new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en-US', { style: 'currency', currency: code, currencyDisplay: 'narrowSymbol' }).formatToParts(0);
    return parts.find((p) => p.type === 'currency')?.value ?? code;
  } catch {
    return code;
  }
}

/** Money in 万 (10,000) for Chinese summaries: "893410.00" → "89.34万". */
export function wan(decimal) {
  if (decimal == null) return '—';
  return `${group(fixed(shift(String(decimal), -4), 2))}万`;
}

/** Moves the decimal point of a decimal string by `by` places (negative: left). */
function shift(text, by) {
  const negative = text.startsWith('-');
  let [int, frac = ''] = (negative ? text.slice(1) : text).split('.');
  if (by < 0) {
    int = int.padStart(-by + 1, '0');
    frac = int.slice(by) + frac;
    int = int.slice(0, by);
  } else if (by > 0) {
    frac = frac.padEnd(by, '0');
    int = (int + frac.slice(0, by)).replace(/^0+(?=\d)/, '');
    frac = frac.slice(by);
  }
  return `${negative ? '-' : ''}${int}.${frac || '0'}`;
}

/** Money to the cent, with more places only where the exact figure has them: "1234.5600" → "1,234.56", "0.125" → "0.125". */
export function exactMoney(decimal) {
  if (decimal == null) return '—';
  const [int, frac = ''] = String(decimal).split('.');
  const trimmed = frac.replace(/0+$/, '').padEnd(2, '0');
  return group(`${int}.${trimmed}`);
}

/** A fraction as a percentage, exactly: "0.035" → "3.5%". */
export function rate(fraction) {
  return fraction == null ? '—' : `${short(shift(String(fraction), 2), 4)}%`;
}

/** A percentage figure: "120.00" → "120.00%"; unrounded inputs are shown to 2 places. */
export function percent(decimal) {
  return decimal == null ? '—' : `${group(fixed(decimal, 2))}%`;
}

/** A plain decimal figure such as a score or a weight, as given. */
export function number(decimal) {
  return decimal == null ? '—' : group(decimal);
}

/** A figure shown to at most `places` decimals, trailing zeros dropped: "8.400" → "8.4". */
export function short(decimal, places = 2) {
  if (decimal == null) return '—';
  const f = fixed(decimal, places);
  return group(f.includes('.') ? f.replace(/\.?0+$/, '') : f);
}

/** Whether a decimal string is zero ("0", "-0.00"; a missing figure counts as zero). */
export function isZero(decimal) {
  return /^-?0(\.0*)?$/.test(String(decimal ?? '0'));
}

/** A decimal string as an integer and its decimal places: "-12.50" → [-1250n, 2]. */
function scaled(decimal) {
  const v = String(decimal);
  const negative = v.startsWith('-');
  const [int, frac = ''] = (negative ? v.slice(1) : v).split('.');
  const n = BigInt(int + frac);
  return [negative ? -n : n, frac.length];
}

/** Whether a × b equals c × d exactly, for decimal strings (is 120.00% of 1,000,000.01 exactly 1,200,000?). */
export function sameProduct(a, b, c, d) {
  const [[na, pa], [nb, pb], [nc, pc], [nd, pd]] = [a, b, c, d].map(scaled);
  const [left, right] = [na * nb, nc * nd];
  const [leftPlaces, rightPlaces] = [pa + pb, pc + pd];
  return leftPlaces >= rightPlaces ? left === right * 10n ** BigInt(leftPlaces - rightPlaces) : left * 10n ** BigInt(rightPlaces - leftPlaces) === right;
}

/** A KPI whose target is a percentage literal ("95%", "20 %"). */
export function percentTarget(kpi) {
  return /^\s*\d+(\.\d+)?\s*[%％]\s*$/.test(String(kpi?.target ?? ''));
}

/**
 * Whether a KPI's actual and target are shown in percent: as its `display` says (a market
 * share), else when its target is a percentage literal.
 */
export function shownAsPercent(kpi) {
  return kpi?.display != null ? kpi.display === 'percent' : percentTarget(kpi);
}

/** Sum of decimal strings, exactly (BigInt at the largest scale among them). */
export function sum(values) {
  const list = values.filter((v) => v != null).map(String);
  // A loop, not Math.max(...list): a spread of 100,000 reps' figures overflows the call stack.
  const scale = list.reduce((most, v) => Math.max(most, (v.split('.')[1] ?? '').length), 0);
  const total = list.reduce((acc, v) => {
    const [n, places] = scaled(v);
    return acc + n * 10n ** BigInt(scale - places);
  }, 0n);
  const negative = total < 0n;
  const digits = (negative ? -total : total).toString().padStart(scale + 1, '0');
  const text = scale ? `${digits.slice(0, -scale)}.${digits.slice(-scale)}` : digits;
  return negative ? `-${text}` : text;
}

/** A sum of money amounts to at least `scale` places: nothing to add is "0.00", not "0". */
export function moneySum(values, scale = 2) {
  const total = sum(values);
  const [int, frac = ''] = total.split('.');
  return frac.length >= scale ? total : `${int}.${frac.padEnd(scale, '0')}`;
}
