// The engine in Node from CommonJS: `require('incentive-engine')` has the same types.
import engine = require('incentive-engine');
import samples = require('incentive-engine/presets');

const quickStart: samples.Preset = samples.presets()[0];
const handle: engine.Engine = samples.sampleEngine(engine.Engine);
const report: engine.PlanReport = handle.setPlan(quickStart.json);
const total: string = report.ok ? handle.evaluate('2026-Q4').totals.total_pay : '0';
console.log(total);
