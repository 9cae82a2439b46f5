// A reps file's header written with the columns' names (as the page shows them, in English
// or Chinese) is read as the column ids; the template's header is written in the user's language.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { withColumnIds, withColumnNames } from '../../www/src/headers.js';

const require = createRequire(import.meta.url);
const engine = require('../../pkg-node/incentive_engine.js');
// The presets and the sample data are not in the wasm: scripts/presets.mjs writes them (npm run bundle).
const { samplePlan, sampleCsv } = createRequire(import.meta.url)('../../www/gen/presets.cjs');

test('a Chinese HR export\'s header is read as the column ids, the rows untouched', () => {
  const csv = '工号,姓名,大区,岗位,期间,回款金额,销售目标\nE01,张伟,East,new_business,2026-Q4,1200000,1000000\n';
  const { csv: read, renamed } = withColumnIds(csv);
  assert.equal(read, 'rep_id,name,region,role,period,revenue_collected,revenue_target\nE01,张伟,East,new_business,2026-Q4,1200000,1000000\n');
  assert.deepEqual(renamed, [['工号', 'rep_id'], ['姓名', 'name'], ['大区', 'region'], ['岗位', 'role'], ['期间', 'period'], ['回款金额', 'revenue_collected'], ['销售目标', 'revenue_target']]);
});

test('English names too, in any case, quoted, after a BOM, with CRLF; ids and unknown columns stay', () => {
  const csv = '\ufeff"Rep ID",name,REGION,Role,period,"Collected revenue",my_metric\r\nE01,"Wei, Zhang",East,nb,Q1,5,1\r\n';
  const { csv: read, renamed } = withColumnIds(csv);
  assert.equal(read, '\ufeffrep_id,name,region,role,period,revenue_collected,my_metric\r\nE01,"Wei, Zhang",East,nb,Q1,5,1\r\n');
  assert.deepEqual(renamed, [['Rep ID', 'rep_id'], ['REGION', 'region'], ['Role', 'role'], ['Collected revenue', 'revenue_collected']]);
  // Nothing to read by name: the text itself comes back.
  const ids = 'rep_id,name,region,role,period,visits\nE01,A,East,nb,Q1,3\n';
  assert.equal(withColumnIds(ids).csv, ids);
  assert.deepEqual(withColumnIds(ids).renamed, []);
});

test('a name is not read as a column the file already has, nor two names as one column', () => {
  const csv = '工号,name,region,role,period,visits,客户拜访次数\nE01,A,East,nb,Q1,3,4\n';
  assert.deepEqual(withColumnIds(csv).renamed, [['工号', 'rep_id']]);
  assert.equal(withColumnIds(csv).csv.split('\n')[0], 'rep_id,name,region,role,period,visits,客户拜访次数');
  // 工号 and Rep ID are both rep_id: the first is read as it, the second left for the engine to report.
  assert.equal(withColumnIds('工号,Rep ID,name,region,role,period\n1,2,A,E,r,Q1\n').csv.split('\n')[0], 'rep_id,Rep ID,name,region,role,period');
});

test('a file the engine reads as it is is left as it is: its own Chinese columns stay theirs', () => {
  // A plan's formula may name a column 回款金额 of a file with every required id.
  const csv = 'rep_id,name,region,role,period,回款金额\nE01,A,East,nb,Q1,5\n';
  assert.deepEqual(withColumnIds(csv), { csv, renamed: [] });
});

test('the header is found as the engine finds it: blank records skipped, a quote only at a field\'s start, an unclosed quote left to the engine', () => {
  assert.equal(withColumnIds('\n,,\n工号,姓名,大区,岗位,期间\nE01,A,East,nb,Q1\n').csv, '\n,,\nrep_id,name,region,role,period\nE01,A,East,nb,Q1\n');
  // A quote inside a field does not open a quoted field: the rows are not rewritten.
  const inch = '工号,姓名,大区,岗位,期间,Size 5"\nE01,"B, b",East,nb,Q1,1\n';
  assert.equal(withColumnIds(inch).csv, 'rep_id,name,region,role,period,"Size 5"""\nE01,"B, b",East,nb,Q1,1\n');
  const open = '"工号,姓名\nE01\n';
  assert.deepEqual(withColumnIds(open), { csv: open, renamed: [] });
  // The engine reads the renamed header as the ids (a lone \r stays inside a field, as the engine keeps it).
  const e = engine.Engine.fromCsv(withColumnIds('工号,姓名,大区,岗位,期间,客户拜访次数\r\nE01,A,East,nb,2026-Q1,3\r\n').csv);
  assert.deepEqual(e.dataSummary().columns, ['visits']);
});

test('the template in Chinese reads back as the sample reps, figure for figure', () => {
  const sample = sampleCsv();
  const zh = withColumnNames(sample, 'zh');
  assert.ok(zh.startsWith('工号,姓名,中文姓名,大区,岗位,期间,'), zh.slice(0, 40));
  assert.equal(zh.slice(zh.indexOf('\n')), sample.slice(sample.indexOf('\n')), 'the rows as they were');
  assert.equal(withColumnIds(zh).csv, sample);
  const fromZh = engine.Engine.fromCsv(withColumnIds(zh).csv);
  const fromSample = engine.Engine.fromCsv(sample);
  assert.deepEqual(fromZh.loadProblems(), []);
  assert.equal(fromZh.setPlan(samplePlan()).ok, true);
  assert.equal(fromSample.setPlan(samplePlan()).ok, true);
  assert.equal(fromZh.evaluate('2026-Q4').totals.total_pay, fromSample.evaluate('2026-Q4').totals.total_pay);
  assert.equal(withColumnIds(withColumnNames(sample, 'en')).csv, sample);
});
