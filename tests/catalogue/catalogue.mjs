// The bad-input catalogue (bad_inputs.json) for the JavaScript runners: the cases, and each
// case's input built as the catalogue's `format.input` says (the Rust runner,
// tests/catalogue.rs, builds the same text the same way).
import { readFileSync } from 'node:fs';

export const catalogue = JSON.parse(readFileSync(new URL('./bad_inputs.json', import.meta.url), 'utf8'));
export const cases = catalogue.cases;

/** Where a formula case goes: the first KPI's actual of the quick-start plan. */
export const FORMULA_PRESET = 'saas-target';
export const FORMULA_AT = '/scorecards/0/kpis/0/actual';

const unescape = (key) => key.replaceAll('~1', '/').replaceAll('~0', '~');
const split = (pointer) => {
  const at = pointer.lastIndexOf('/');
  return [pointer.slice(0, at), unescape(pointer.slice(at + 1))];
};
const get = (value, pointer) => (pointer === '' ? value : pointer.slice(1).split('/').map(unescape).reduce((v, k) => {
  if (v == null || !(k in Object(v))) throw new Error(`no ${pointer}`);
  return v[k];
}, value));

export function setAt(value, pointer, item) {
  const [parent, key] = split(pointer);
  get(value, parent)[key] = item;
}

/** A preset (JSON text by id, from the engine) with the case's JSON-pointer edits. */
export function editedPreset(input, presetJson) {
  const plan = JSON.parse(presetJson(input.preset));
  for (const edit of input.edits) {
    if ('set' in edit) setAt(plan, edit.set, edit.value);
    else if ('remove' in edit) {
      const [parent, key] = split(edit.remove);
      const list = get(plan, parent);
      if (Array.isArray(list)) list.splice(Number(key), 1);
      else if (key in list) delete list[key];
      else throw new Error(`no field ${key} to remove`);
    } else if ('push' in edit) {
      const list = get(plan, edit.push);
      const [item, times] = 'copy' in edit ? [get(plan, edit.copy), edit.times] : [edit.value, 1];
      for (let i = 0; i < times; i++) list.push(structuredClone(item));
    } else throw new Error(`unknown edit ${JSON.stringify(edit)}`);
  }
  return plan;
}

/**
 * The input of a case as `{ bytes, text }`: `bytes` is what a file holding it contains,
 * `text` what a program gets decoding those bytes as UTF-8 with replacement (TextDecoder).
 */
export function inputOf(c, presetJson) {
  const input = c.input;
  let text;
  if ('bytes_hex' in input) {
    const bytes = Buffer.from(input.bytes_hex, 'hex');
    return { bytes, text: new TextDecoder('utf-8').decode(bytes) };
  }
  if ('text' in input) text = input.text;
  else if ('parts' in input) text = input.parts.map((p) => (typeof p === 'string' ? p : p.repeat.repeat(p.times))).join('');
  else if ('lines' in input) {
    const { header, row, count } = input.lines;
    const rows = [header];
    for (let i = 1; i <= count; i++) rows.push(row.replaceAll('{i}', String(i)));
    text = rows.join('\n') + '\n';
  } else if ('preset' in input) text = JSON.stringify(editedPreset(input, presetJson));
  else throw new Error(`unknown input form in ${c.id}`);
  return { bytes: Buffer.from(text, 'utf8'), text };
}

/** For a formula case: the plan JSON holding the formula. */
export function formulaPlan(formula, presetJson) {
  const plan = JSON.parse(presetJson(FORMULA_PRESET));
  setAt(plan, FORMULA_AT, formula);
  return JSON.stringify(plan);
}

/** A short description of a case for messages: id and the first problem it expects. */
export const describe = (c) => `${c.id} (${c.expect.problems[0].code} at ${c.expect.problems[0].path || '""'})`;

/** A problem as the catalogue writes it: `{ code, path, value, en, zh }` (value null when none). */
export const catalogued = (p) => ({ code: p.code, path: p.path, value: p.value, en: p.message.en, zh: p.message.zh });
