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

/** The decimal string of integer `n` with its point `places` from the right: (-1250n, 2) → "-12.50" (`scaled`'s inverse). */
function unscaled(n, places) {
  const negative = n < 0n;
  const digits = (negative ? -n : n).toString().padStart(places + 1, '0');
  const text = places ? `${digits.slice(0, -places)}.${digits.slice(-places)}` : digits;
  return negative ? `-${text}` : text;
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
  return unscaled(total, scale);
}

/** The product of decimal strings `a` and `b`, exactly, to the places of both: ("1.5", "2.25") → "3.375". */
export function product(a, b) {
  const [[na, pa], [nb, pb]] = [a, b].map(scaled);
  return unscaled(na * nb, pa + pb);
}

/** `a` and `b`, decimal strings, as integers `[num, den]` with num / den = a / b and den above zero. */
function ratio(a, b) {
  const [[na, pa], [nb, pb]] = [a, b].map(scaled);
  // a / b = (na × 10^pb) / (nb × 10^pa), the denominator made positive.
  const sign = nb < 0n ? -1n : 1n;
  return [sign * na * 10n ** BigInt(pb), sign * nb * 10n ** BigInt(pa)];
}

/**
 * Decimal string `a` divided by `b` (not zero) when the quotient has at most `places` decimals,
 * written with no more than it needs ("1200000" / "1000000" → "1.2"); null when it has more
 * ("1" / "3", however many places).
 */
export function exactQuotient(a, b, places) {
  const [num, den] = ratio(a, b);
  for (let k = 0; k <= places; k += 1) {
    const n = num * 10n ** BigInt(k);
    if (n % den === 0n) return unscaled(n / den, k);
  }
  return null;
}

/**
 * Decimal string `a` divided by `b` (not zero): exactly when the quotient has at most `places`
 * decimals (`exactQuotient`), else rounded half away from zero to `places`, its trailing zeros
 * dropped ("1" / "3", 4 → "0.3333"; "999999.6" / "10000", 4 → "100", not "100.0000").
 */
export function quotient(a, b, places) {
  const exact = exactQuotient(a, b, places);
  if (exact != null) return exact;
  const [num, den] = ratio(a, b);
  const n = num * 10n ** BigInt(places);
  const [q, r] = [n / den, n % den];
  const away = 2n * (r < 0n ? -r : r) >= den ? (n < 0n ? -1n : 1n) : 0n;
  const rounded = unscaled(q + away, places);
  return places ? rounded.replace(/\.?0+$/, '') : rounded;
}

/**
 * A value of the plan as a number field shows it once left: a plain decimal grouped as the
 * page shows amounts, its places kept ("1000000.50" → "1,000,000.50", 4.5 → "4.5"); anything
 * else (a formula, a text the engine refused) as it is.
 */
export function groupedNumber(value) {
  const text = String(value);
  return /^-?\d+(\.\d+)?$/.test(text) ? group(text) : text;
}

/** A sum of money amounts to at least `scale` places: nothing to add is "0.00", not "0". */
export function moneySum(values, scale = 2) {
  const total = sum(values);
  const [int, frac = ''] = total.split('.');
  return frac.length >= scale ? total : `${int}.${frac.padEnd(scale, '0')}`;
}
