// In a web page built with a bundler (module resolution "bundler"): the engine API for a
// "my pay" widget, and the <sales-plan-playground> element with its typed events.
import init, { Engine, type Evaluation, type Problem } from 'incentive-engine';
// The presets and the sample data are a module of their own, outside the wasm.
import { samplePlan, sampleEngine } from 'incentive-engine/presets';
import 'incentive-engine/playground';
import type { PlanChangeDetail, ResultsChangeDetail, SalesPlanPlayground } from 'incentive-engine/playground';
import { describe, statement } from './pay.js';

await init();
const engine = sampleEngine(Engine);
engine.setPlan(samplePlan());
const results: Evaluation = engine.evaluate('2026-Q4');
const list = document.querySelector<HTMLUListElement>('#my-pay');
for (const line of statement(results, 'E01')) {
  const li = document.createElement('li');
  li.textContent = `${line.label}: ${line.amount}`;
  list?.append(li);
}

// The element: attributes and properties in, events out.
const playground: SalesPlanPlayground = document.createElement('sales-plan-playground');
playground.lang = 'zh';
playground.period = '2026-Q4';
playground.plan = samplePlan(); // JSON text or a Plan object
playground.addEventListener('plan-change', (e: CustomEvent<PlanChangeDetail>) => {
  const problems: Problem[] = e.detail.problems;
  if (!e.detail.valid) console.warn(describe(problems, 'zh').join('\n'));
});
playground.addEventListener('results-change', (e) => {
  const detail: ResultsChangeDetail = e.detail;
  const cost: string = detail.results.totals.total_pay;
  document.title = `${detail.period}: ${cost}`;
});
// The user's switch inside the element: the host page follows it.
playground.addEventListener('lang-change', (e) => {
  const lang: 'en' | 'zh' = e.detail.lang;
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
});
document.body.append(playground);
