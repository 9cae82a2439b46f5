// The engine in Node, as an ES module (module "nodenext"): reps from a CSV file, the sample
// plan, one rep's statement and the cost of raising a tier rate.
import { readFileSync } from 'node:fs';
import { Engine, type Evaluation, type Plan } from 'incentive-engine';
import { presets, sampleCsv, type Preset } from 'incentive-engine/presets';
import { costOfChange, statement, withTierRate } from './pay.js';

const csv: string = process.argv[2] ? readFileSync(process.argv[2], 'utf8') : sampleCsv();
const engine: Engine = Engine.fromCsv(csv);
for (const p of engine.loadProblems()) console.warn(`left out: ${p.path}: ${p.message.en}`);

const quickStart: Preset = presets()[0];
const plan: Plan = JSON.parse(quickStart.json) as Plan;
engine.setPlan(JSON.stringify(plan));
const results: Evaluation = engine.evaluate('2026-Q4');
for (const line of statement(results, 'E01')) console.log(`${line.label.padEnd(40)} ${line.amount}`);

const comparison = costOfChange(engine, plan, withTierRate(plan, 1, '6'), '2026-Q4');
console.log(`raising tier 2 to 6% costs ${comparison.cost_delta} (${comparison.gainers} reps gain)`);
engine.free();
