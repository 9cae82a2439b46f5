// The engine in Node from CommonJS: `require('incentive-engine')` has the same types.
import engine = require('incentive-engine');
import samples = require('incentive-engine/presets');

const handle: engine.Engine = samples.sampleEngine(engine.Engine);
const report: engine.PlanReport = handle.setPlan(samples.samplePlan());
const total: string = report.ok ? handle.evaluate('2026-Q4').totals.total_pay : '0';
console.log(total);
