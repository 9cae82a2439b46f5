// The header row of a reps file written with the columns' friendly names, as the page shows
// them and a Chinese HR export writes them ("工号,姓名,大区,岗位,期间,回款金额"), read as the
// column ids the engine and the plans use ("rep_id,name,region,role,period,revenue_collected");
// and the other way, the template's header in the user's language. The header is found as the
// engine's CSV reader (src/data/csv.rs) finds it: after a byte-order mark and blank records,
// a quote opening only at a field's start, a record ending at a line feed outside quotes.
import { columnByName, columnName } from './columns.js';

/** The columns every reps file must have (the engine's `REQUIRED_COLUMNS`). */
const REQUIRED = ['rep_id', 'name', 'region', 'role', 'period'];

/**
 * The first record of `text` that is not blank: its fields and where it starts and ends
 * (the end before its line break, a "\r\n"'s "\r" included in the break), or null when an
 * unclosed quote leaves the header unread (the engine reports that).
 */
function firstRecord(text) {
  let fields = [];
  let field = '';
  let quoted = false;
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === undefined) return null;
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else field += c;
      continue;
    }
    if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      fields.push(field);
      field = '';
    } else if (c === '\n' || c === undefined) {
      fields.push(field);
      if (fields.some((f) => f.trim() !== '')) {
        const end = c === '\n' && text[i - 1] === '\r' ? i - 1 : i;
        return { fields, start, end };
      }
      if (c === undefined) return null;
      fields = [];
      field = '';
      start = i + 1;
    } else if (!(c === '\r' && text[i + 1] === '\n')) field += c;
  }
  return null;
}

/** A header field written back: quoted when it holds a comma, a quote or a line break. */
const written = (field) => (/[",\r\n]/.test(field) ? `"${field.replaceAll('"', '""')}"` : field);

/**
 * `csv` with each header field that is a known column's friendly name (in either language,
 * English in any case) replaced by the column's id, when the header lacks one of the columns
 * every reps file must have (so that a file the engine would refuse is read, and a file it
 * reads, whatever its other columns are named, is left as it is); a name is not read as an id
 * the header already has. The rows are untouched. Returns the text and the names read as ids,
 * `[name, id]` in header order.
 * @param {string} csv
 * @returns {{ csv: string, renamed: Array<[string, string]> }}
 */
export function withColumnIds(csv) {
  const bom = csv.startsWith('\ufeff') ? '\ufeff' : '';
  const text = csv.slice(bom.length);
  const header = firstRecord(text);
  const present = new Set(header?.fields.map((f) => f.trim()) ?? []);
  if (!header || REQUIRED.every((id) => present.has(id))) return { csv, renamed: [] };
  const renamed = [];
  const ids = header.fields.map((f) => {
    const id = columnName('en', f.trim()) ? null : columnByName(f); // an id already is kept
    if (!id || present.has(id)) return f;
    present.add(id);
    renamed.push([f.trim(), id]);
    return id;
  });
  if (!renamed.length) return { csv, renamed };
  return { csv: bom + text.slice(0, header.start) + ids.map(written).join(',') + text.slice(header.end), renamed };
}

/** `csv` with its header's known column ids written as their friendly names in `lang` (a template to fill in). */
export function withColumnNames(csv, lang) {
  const header = firstRecord(csv);
  if (!header) return csv;
  return csv.slice(0, header.start) + header.fields.map((f) => written(columnName(lang, f) ?? f)).join(',') + csv.slice(header.end);
}
