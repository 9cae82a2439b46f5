// Hints on a plan draft while it is typed, from the plan's JSON Schema (generated from the
// engine's Rust types): each says where the draft strays from the format, in the user's
// language, before the engine is asked. The engine's own check, on Apply, stays the judge.
import { Validator } from '@cfworker/json-schema';
import schema from '../../schema/plan.schema.json' with { type: 'json' };
import { isObject } from './plan-path.js';

let validator;

const KINDS = {
  en: { string: 'text', number: 'a number', integer: 'a whole number', boolean: 'true or false', array: 'a list [ … ]', object: 'an object { … }', null: 'empty (null)' },
  zh: { string: '文本', number: '数字', integer: '整数', boolean: 'true 或 false', array: '列表 [ … ]', object: '对象 { … }', null: '空值（null）' },
};

const TEXT = {
  en: {
    syntax: (line, column, what) => `not valid JSON at line ${line}, column ${column}: ${what}`,
    ended: 'the text ends before the plan does',
    unexpected: (c) => `\`${c}\` is not expected here`,
    type: (kinds) => `should be ${kinds.join(' or ')}`,
    missing: 'is missing',
    unknown: 'is not a field of the plan format',
    oneOf: (values) => `must be one of: ${values.join(', ')}`,
    constant: (value) => `must be ${value}`,
    notNumber: 'is not a number',
    pattern: 'does not have the expected form',
    minimum: (n) => `must be at least ${n}`,
    maximum: (n) => `must be at most ${n}`,
    shape: 'does not match any form this field can take',
  },
  zh: {
    syntax: (line, column, what) => `第 ${line} 行第 ${column} 列不是有效的 JSON：${what}`,
    ended: '文本在方案结束之前就结束了',
    unexpected: (c) => `此处不应出现 \`${c}\``,
    type: (kinds) => `应为${kinds.join('或')}`,
    missing: '缺失',
    unknown: '不是方案格式中的字段',
    oneOf: (values) => `必须是以下之一：${values.join('、')}`,
    constant: (value) => `必须为 ${value}`,
    notNumber: '不是数字',
    pattern: '格式不符合要求',
    minimum: (n) => `不能小于 ${n}`,
    maximum: (n) => `不能大于 ${n}`,
    shape: '不符合该字段允许的任何形式',
  },
};

/** "#/scorecards/0/kpis/1" → "scorecards[0].kpis[1]", as the engine writes paths. */
export function enginePath(location) {
  return location
    .replace(/^#\/?/, '')
    .split('/')
    .filter((part) => part !== '')
    .map((part) => part.replaceAll('~1', '/').replaceAll('~0', '~'))
    .reduce((path, part) => (/^\d+$/.test(part) ? `${path}[${part}]` : path ? `${path}.${part}` : part), '');
}

/** The schema node at a keyword location ("#/properties/x/$ref/oneOf/0/const"), following no refs (the location already did). */
function nodeAt(location) {
  return location
    .replace(/^#\/?/, '')
    .split('/')
    .filter(Boolean)
    .reduce((node, part) => (node == null ? node : part === '$ref' ? resolve(node.$ref) : node[part.replaceAll('~1', '/').replaceAll('~0', '~')]), schema);
}

function resolve(ref) {
  return ref?.startsWith('#/') ? nodeAt(ref) : undefined;
}

/** The value at an instance location of `value`. */
function valueAt(value, location) {
  return location.replace(/^#\/?/, '').split('/').filter(Boolean).reduce((v, part) => (v == null ? v : v[part]), value);
}

/**
 * Where a plan draft (JSON text) strays from the plan format: `[{ path, message }]` in
 * `lang`, at most `limit` of them; empty when the draft fits the schema.
 * @param {string} text the draft
 * @param {'en'|'zh'} lang the language of the messages
 * @param {number} [limit] the most hints returned
 * @returns {{ path: string, message: string }[]}
 */
export function schemaHints(text, lang, limit = 8) {
  const t = TEXT[lang] ?? TEXT.en;
  let plan;
  try {
    plan = JSON.parse(text);
  } catch (e) {
    const at = /position (\d+)/.exec(e.message);
    const offset = at ? Number(at[1]) : text.length;
    const before = text.slice(0, offset).split('\n');
    // In the page's words, from the character the parser stopped at: the browser's own
    // message is in the browser's language.
    const found = [...text.slice(offset)][0];
    return [{ path: '', message: t.syntax(before.length, before.at(-1).length + 1, found === undefined ? t.ended : t.unexpected(found)) }];
  }
  validator ??= new Validator(schema, '2020-12', false);
  const hints = new Map();
  const add = (location, message) => {
    const path = enginePath(location);
    if (!hints.has(path)) hints.set(path, message);
  };
  describe(validator.validate(plan).errors, '#', plan, t, lang, add);
  return [...hints].slice(0, limit).map(([path, message]) => ({ path, message }));
}

/**
 * Adds a hint for each error under the keyword location `scope`; a failed union (`oneOf`,
 * `anyOf`) is judged as a whole, so its branches' own complaints are left out here.
 */
function describe(errors, scope, plan, t, lang, add) {
  const inScope = errors.filter((e) => e.keywordLocation === scope || e.keywordLocation.startsWith(scope === '#' ? '#' : `${scope}/`));
  const unions = inScope.filter((e) => e.keyword === 'oneOf' || e.keyword === 'anyOf').map((e) => e.keywordLocation);
  for (const e of inScope) {
    if (unions.some((u) => e.keywordLocation.startsWith(`${u}/`))) continue;
    switch (e.keyword) {
      case 'type': {
        let expected = [nodeAt(e.keywordLocation)].flat().filter((k) => k !== 'null');
        // An amount is written as a number or as decimal text: ask for a number.
        if (nodeAt(e.keywordLocation.replace(/\/type$/, ''))?.pattern && expected.includes('number')) expected = ['number'];
        add(e.instanceLocation, t.type(expected.map((k) => KINDS[lang]?.[k] ?? k)));
        break;
      }
      case 'required': {
        const field = /"([^"]+)"/.exec(e.error)?.[1];
        if (field) add(`${e.instanceLocation}/${field}`, t.missing);
        break;
      }
      case 'false':
        add(e.instanceLocation, t.unknown);
        break;
      case 'const':
        add(e.instanceLocation, t.constant(JSON.stringify(nodeAt(e.keywordLocation))));
        break;
      case 'enum':
        add(e.instanceLocation, t.oneOf(nodeAt(e.keywordLocation).map((v) => JSON.stringify(v))));
        break;
      case 'pattern':
        add(e.instanceLocation, /\[0-9\]|\\d/.test(nodeAt(e.keywordLocation)) ? t.notNumber : t.pattern);
        break;
      case 'minimum':
        add(e.instanceLocation, t.minimum(nodeAt(e.keywordLocation)));
        break;
      case 'maximum':
        add(e.instanceLocation, t.maximum(nodeAt(e.keywordLocation)));
        break;
      case 'oneOf':
      case 'anyOf':
        describeUnion(errors, e, plan, t, lang, add);
        break;
      default:
        break;
    }
  }
}

/** A union that failed: the allowed words, the branch its `type` tag picks, or "no form fits". */
function describeUnion(errors, e, plan, t, lang, add) {
  const branches = nodeAt(e.keywordLocation) ?? [];
  const consts = branches.map((b) => b.const ?? (b.enum?.length === 1 ? b.enum[0] : undefined));
  if (consts.length && consts.every((c) => c !== undefined)) {
    add(e.instanceLocation, t.oneOf(consts.map((c) => JSON.stringify(c))));
    return;
  }
  const tags = branches.map((b) => (b.$ref ? resolve(b.$ref) : b)?.properties?.type?.const);
  const value = valueAt(plan, e.instanceLocation);
  if (tags.length && tags.every((tag) => tag !== undefined) && isObject(value)) {
    const picked = tags.indexOf(value.type);
    if (picked < 0) add(`${e.instanceLocation}/type`, t.oneOf(tags.map((tag) => JSON.stringify(tag))));
    else describe(errors, `${e.keywordLocation}/${picked}`, plan, t, lang, add);
    return;
  }
  add(e.instanceLocation, t.shape);
}
