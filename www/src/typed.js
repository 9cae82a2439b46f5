// What the plan editor's fields save once something is typed in them. A number is kept exact:
// as a JSON number when JavaScript writes it back the same, else as the decimal text the engine
// reads. A consultant types numbers as a spreadsheet shows them, so the usual ways of writing
// one are read as the number they mean: full-width digits (a Chinese input method),
// thousands separators (100,000), 万 and 亿 (10万 = 100000), yuan (¥5,000, 5,000元) and a
// percent sign (see `typedValue`). A formula field takes a number written so as that number
// (`formulaValue`).

/** `-12`, `3.5`, `.5`: a plain decimal, as the shifts below take it. */
const PLAIN = /^([+-]?)(\d*)(?:\.(\d*))?$/;

/** `1,234,567.89`: digit groups of three after the first, as the page shows amounts. */
const GROUPED = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;

/**
 * `text`, a plain decimal, times 10^`places` (negative: divided), written out exactly with no
 * leading zeros beyond one before the point, nor trailing ones once the point has moved (4.50
 * stays 4.50: the places written are kept); null when it is not a plain decimal.
 */
export function shiftPoint(text, places) {
  const m = PLAIN.exec(text);
  if (!m || (!m[2] && !m[3])) return null;
  const [, sign, int, frac = ''] = m;
  // The digits with the point `point` places from the left, moved by `places`.
  let digits = int + frac;
  let point = int.length + places;
  if (point < 0) {
    digits = '0'.repeat(-point) + digits;
    point = 0;
  }
  if (point > digits.length) digits += '0'.repeat(point - digits.length);
  const whole = digits.slice(0, point).replace(/^0+(?=\d)/, '') || '0';
  const fraction = places === 0 ? digits.slice(point) : digits.slice(point).replace(/0+$/, '');
  const written = fraction ? `${whole}.${fraction}` : whole;
  return sign === '-' && /[1-9]/.test(written) ? `-${written}` : written;
}

/**
 * A number typed as people write them, as plain decimal text: thousands separators dropped,
 * `万` times 10,000 and `亿` times 100,000,000, `¥` and `元` around an amount dropped, `。` read
 * as the point, and `%` meaning hundredths of the field's unit: in a field that is itself
 * in percent (`percent`, a weight or a rate in points of 100) `60%` is 60, elsewhere (a target,
 * an amount) `45%` is 0.45, as in a formula. Null when `text` is not such a number.
 */
export function plainNumber(text, percent) {
  // ¥5,000 and 5,000元 are amounts in yuan; 4。5 is a Chinese input method's point.
  let t = text.trim().replace(/^[¥￥]\s*/, '').replace(/\s*元$/, '').replaceAll('。', '.');
  let places = 0;
  if (t.endsWith('亿')) {
    places = 8;
    t = t.slice(0, -1).trim();
  } else if (t.endsWith('万')) {
    places = 4;
    t = t.slice(0, -1).trim();
  } else if (t.endsWith('%')) {
    places = percent ? 0 : -2;
    t = t.slice(0, -1).trim();
  }
  if (GROUPED.test(t)) t = t.replaceAll(',', '');
  return shiftPoint(t, places);
}

/**
 * `text` with a Chinese input method's full-width digits, point, signs, comma and percent
 * (６０．５) as their ASCII twins, an ideographic space as a space and the minus sign a
 * spreadsheet or a word processor writes (U+2212, −1,000) as a hyphen-minus.
 */
export function halfWidth(text) {
  return text.replace(/[\uFF10-\uFF19\uFF0E\uFF0B\uFF0D\uFF0C\uFF05\u3000\u2212]/g, (c) => {
    if (c === '\u3000') return ' ';
    return c === '\u2212' ? '-' : String.fromCharCode(c.charCodeAt(0) - 0xfee0);
  });
}

/**
 * The plain decimal that `text` wholly is, read as a number field reads it (full-width digits,
 * separators, 万, 亿, ¥; `45%` is 0.45): "1,000,000" → "1000000", "4.50" → "4.50"; null when it
 * is no single number (a formula, a name, text).
 */
export function numberIn(text) {
  const t = halfWidth(String(text)).trim();
  return PLAIN.test(t) ? shiftPoint(t, 0) : plainNumber(t, false);
}

/**
 * What a formula field (a KPI's or a line's target, a bonus's measure) saves of `text`: a text
 * that is wholly one number written as a spreadsheet shows it (`1,000`, `¥5,000`, `1.2亿`,
 * `１，０００`, `−1,000` with a minus sign), which the formula language refuses or reads
 * otherwise, as the plain decimal the engine reads (text: a formula is text); anything else
 * as typed: a real formula
 * (`revenue * 1.1`, `1,000 * 2`), a plain decimal (`4.` on the way to `4.5`) and a percentage
 * (`95%`, which the formula reads and which shows the KPI in percent).
 */
export function formulaValue(text) {
  const t = halfWidth(text).trim();
  if (t.endsWith('%')) return text;
  // A plain decimal as typed, but for a minus sign (U+2212), which the formula does not read.
  if (PLAIN.test(t)) return text.includes('\u2212') ? t : text;
  return plainNumber(t, false) ?? text;
}

/**
 * What a field of `type` holds once `text` is typed in it: a decimal (`number`) stays exact
 * (full-width digits become ASCII ones, and `plainNumber` reads separators, 万 and %), saved as
 * a JSON number when JavaScript writes it back the same (6, 4.5; not 4.50) and as text
 * otherwise; a whole number (`integer`: a count such as a bonus's top N, read as `numberIn`
 * reads it) becomes a JSON number as the plan format wants it; a `formula` as `formulaValue`
 * says; an emptied `optional` field is left out (undefined); anything else is kept as typed,
 * for the engine to say what is wrong with it. `percent`: the field is in points of 100.
 */
export function typedValue(text, type, optional, percent = false) {
  if (optional && text.trim() === '') return undefined;
  if (type === 'formula') return formulaValue(text);
  // A Chinese input method in full-width mode types ６０．５: the same number.
  const typed = type === 'text' ? text : halfWidth(text);
  if (type === 'integer') {
    // A count written as a spreadsheet shows it (1,000; 10万) is the same whole number.
    const whole = numberIn(typed);
    return whole != null && /^\d{1,9}$/.test(whole) ? Number(whole) : typed;
  }
  if (type !== 'number') return typed;
  // A plain decimal stays as typed (4.50, or 4. on the way to 4.5): only separators, 万 and %
  // are rewritten.
  const number = PLAIN.test(typed.trim()) ? typed.trim() : (plainNumber(typed, percent) ?? typed);
  return /^-?\d{1,12}(\.\d{1,6})?$/.test(number) && String(Number(number)) === number ? Number(number) : number;
}
