// The element's theming properties: every --ip-* custom property the styles read is documented
// in the package README's table, and the table names no property the styles do not read.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

const read = (path) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');

test('the --ip-* properties the styles read are exactly those the package README documents', () => {
  const used = new Set(read('www/src/styles.js').match(/--ip-[a-z-]+/g));
  const theming = read('npm/README.md').split('### Theming')[1].split('\n## ')[0];
  const table = theming.split('\n').filter((line) => line.startsWith('| `--ip-'));
  const documented = new Set(table.flatMap((line) => line.split('|')[1].match(/--ip-[a-z-]+/g)));
  assert.ok(used.size >= 19, `${used.size} properties`);
  assert.deepEqual([...used].sort(), [...documented].sort());
  // The dark theme given there sets every colour the element has.
  const dark = new Set(theming.split('a dark theme is')[1].split('```')[1].match(/--ip-[a-z-]+/g));
  const colours = [...used].filter((p) => !['--ip-radius', '--ip-font', '--ip-font-size'].includes(p));
  assert.deepEqual(colours.filter((p) => !dark.has(p)), []);
});
