// The page's words: every label and term in both languages, with the same placeholders.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { STRINGS, TERMS, fill, listed, localized, paren, readingTime } from '../../www/src/i18n.js';

const placeholders = (text) => [...String(text).matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

for (const [table, words] of [['STRINGS', STRINGS], ['TERMS', TERMS]]) {
  test(`${table}: every key in English and in Chinese, each with the same placeholders, none empty`, () => {
    // English alone has singular forms (`repsOne`: "1 rep"), which `counted` picks for a count of 1.
    const singular = (k) => k.endsWith('One') && k.slice(0, -3) in words.en;
    const en = Object.keys(words.en).filter((k) => !singular(k)).sort();
    const zh = Object.keys(words.zh).sort();
    assert.deepEqual(en.filter((k) => !zh.includes(k)), [], 'missing in Chinese');
    assert.deepEqual(zh.filter((k) => !en.includes(k)), [], 'missing in English');
    // A singular form may write its "1" out ("1 rep left out"), so it has at most the plural's placeholders.
    for (const key of Object.keys(words.en).filter(singular)) {
      const plural = placeholders(words.en[key.slice(0, -3)]);
      assert.deepEqual(placeholders(words.en[key]).filter((p) => !plural.includes(p)), [], `${key}: placeholders`);
    }
    for (const key of en) {
      assert.ok(String(words.en[key]).trim() && String(words.zh[key]).trim(), `${key} is empty`);
      assert.deepEqual(placeholders(words.zh[key]), placeholders(words.en[key]), `${key}: placeholders`);
    }
  });
}

test('an engine message shown on its own starts with a capital in English, and is left as written in Chinese', () => {
  const message = { en: 'the weights add to 110', zh: '权重合计为 110' };
  assert.equal(localized('en', message), 'The weights add to 110');
  assert.equal(localized('zh', message), '权重合计为 110');
  // An id or a quoted field at the start stays as written; a message without Chinese falls back.
  assert.equal(localized('en', { en: '`all_reps` has no KPI' }), '`all_reps` has no KPI');
  assert.equal(localized('zh', { en: 'only English' }), 'Only English');
  assert.equal(localized('en', undefined), '');
  // A region the page knows, named by the engine as the data names it, in Chinese words.
  assert.equal(localized('zh', { en: 'from 1% (South) to 2% (East)', zh: '从 1%（South）到 2%（East）；（Mars）' }), '从 1%（华南）到 2%（华东）；（Mars）');
  assert.equal(localized('en', { en: 'from 1% (South) to 2% (East)' }), 'From 1% (South) to 2% (East)');
});

test('brackets after a word are full-width in Chinese, after a space in English', () => {
  assert.equal(`Huang Yong${paren('en', 'S01')}`, 'Huang Yong (S01)');
  assert.equal(`黄勇${paren('zh', 'S01')}`, '黄勇（S01）');
});

test('a list in a sentence: "a, b and c" in English, "a、b 和 c" in Chinese; one item alone, none empty', () => {
  assert.equal(listed('en', ['the reps file a.csv', 'the returns file r.csv', 'the pinned baseline']), 'the reps file a.csv, the returns file r.csv and the pinned baseline');
  assert.equal(listed('zh', ['销售数据文件 a.csv', '退回文件 r.csv', '已设的基准方案']), '销售数据文件 a.csv、退回文件 r.csv 和已设的基准方案');
  assert.equal(listed('zh', ['已设的基准方案', '退回文件']), '已设的基准方案和退回文件');
  assert.equal(listed('en', ['a', 'b']), 'a and b');
  assert.equal(listed('zh', ['a']), 'a');
  assert.equal(listed('en', []), '');
});

test('fill puts values in a template as written: a name holding $& or {time} is not read as a pattern', () => {
  assert.equal(fill('Baseline: {name}, pinned at {time}', { name: 'Q3 $$ plan {time} $&', time: '04:17' }), 'Baseline: Q3 $$ plan {time} $&, pinned at 04:17');
  assert.equal(fill('{a} and {b}', { a: 1 }), '1 and {b}');
});

test('a passing notice stays long enough to read: 3 s when short, longer by its length, Chinese read fewer characters a second', () => {
  assert.equal(readingTime('en', 'Link copied.'), 3000);
  const en = `${STRINGS.en.sessionRestored} ${STRINGS.en.blankNamesMended}`;
  const zh = `${STRINGS.zh.sessionRestored}${STRINGS.zh.blankNamesMended}`;
  assert.equal(readingTime('en', en), 1000 + (en.length * 1000) / 15);
  assert.equal(readingTime('zh', zh), 1000 + (zh.length * 1000) / 6);
  assert.ok(readingTime('en', en) > 9000 && readingTime('zh', zh) > 7000, 'two sentences: 9 s and more');
});
