// Number formatting for display. Amounts arrive from the engine as exact decimal strings
// and are formatted as strings: they never pass through a float on their way to the screen.

/** "1234567.5" → "1,234,567.5" (digits untouched, only grouped). */
export function group(decimal) {
  const text = String(decimal ?? '');
  const negative = text.startsWith('-');
  const [int, frac] = (negative ? text.slice(1) : text).split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return (negative ? '-' : '') + grouped + (frac !== undefined ? '.' + frac : '');
}

/** Money with its exact cents: "38000.00" → "38,000.00". */
export function money(decimal) {
  return decimal == null ? '—' : group(decimal);
}

/** A percentage figure: "120.00" → "120.00%". */
export function percent(decimal) {
  return decimal == null ? '—' : `${group(decimal)}%`;
}

/** A plain decimal figure such as a score or a weight. */
export function number(decimal) {
  return decimal == null ? '—' : group(decimal);
}
