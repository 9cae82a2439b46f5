// The header row of a reps file written with the columns' friendly names, as the page shows
// them and a Chinese HR export writes them ("工号,姓名,大区,岗位,期间,回款金额"), read as the
// column ids the engine and the plans use ("rep_id,name,region,role,period,revenue_collected");
// and the other way, the template's header in the user's language.
import { columnByName, columnName } from './columns.js';

/** Where the header row ends: the first line break outside quotes (a quoted name may hold one). */
function headerEnd(csv) {
  let quoted = false;
  for (let i = 0; i < csv.length; i++) {
    const c = csv[i];
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) return i;
  }
  return csv.length;
}

/** The header's fields, unquoted, and the separator: a comma, or a tab (a sheet pasted as text). */
function splitHeader(line) {
  const sep = !line.includes(',') && line.includes('\t') ? '\t' : ',';
  const fields = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted && c === '"' && line[i + 1] === '"') {
      field += '"';
      i += 1;
    } else if (c === '"') quoted = !quoted;
    else if (!quoted && c === sep) {
      fields.push(field);
      field = '';
    } else field += c;
  }
  fields.push(field);
  return { fields, sep };
}

/** A header field written back: quoted when it holds the separator, a quote or a line break. */
const written = (field, sep) => (field.includes(sep) || /["\r\n]/.test(field) ? `"${field.replaceAll('"', '""')}"` : field);

/**
 * `csv` with each header field that is a known column's friendly name (in either language)
 * replaced by the column's id, unless the file also has that id as a column; the rows are
 * untouched. Returns the text and the names read as ids, `[name, id]` in header order.
 * @param {string} csv
 * @returns {{ csv: string, renamed: Array<[string, string]> }}
 */
export function withColumnIds(csv) {
  const bom = csv.startsWith('\ufeff') ? '\ufeff' : '';
  const text = csv.slice(bom.length);
  const end = headerEnd(text);
  const { fields, sep } = splitHeader(text.slice(0, end));
  const present = new Set(fields.map((f) => f.trim()));
  const renamed = [];
  const ids = fields.map((f) => {
    const id = columnName('en', f.trim()) ? null : columnByName(f); // an id already is kept
    if (!id || present.has(id)) return f;
    renamed.push([f.trim(), id]);
    return id;
  });
  if (!renamed.length) return { csv, renamed };
  return { csv: bom + ids.map((f) => written(f, sep)).join(sep) + text.slice(end), renamed };
}

/** `csv` with its header's known column ids written as their friendly names in `lang` (a template to fill in). */
export function withColumnNames(csv, lang) {
  const end = headerEnd(csv);
  const { fields, sep } = splitHeader(csv.slice(0, end));
  return fields.map((f) => written(columnName(lang, f) ?? f, sep)).join(sep) + csv.slice(end);
}
