// The engine in Node from CommonJS: `require('incentive-engine')` has the same types.
import engine = require('incentive-engine');

const handle: engine.Engine = engine.Engine.withSampleReps();
const report: engine.PlanReport = handle.setPlan(engine.samplePlan());
const total: string = report.ok ? handle.evaluate('2026-Q4').totals.total_pay : '0';
console.log(total);
