// Shared pay logic written against the package's types, which are generated from the
// engine's Rust types (schema/types.d.ts, also exported from 'incentive-engine'). Used by
// node.ts and browser.ts; compiled with `tsc --noEmit --strict` by tests/package/.
import type { Comparison, Engine, Evaluation, Plan, PlanReport, Problem, RepResult } from 'incentive-engine';

/** One line of a pay statement: what, how much (an exact decimal string). */
export interface StatementLine {
  label: string;
  amount: string;
}

/** A rep's pay statement for a period: commission lines with their slices, bonuses, total. */
export function statement(results: Evaluation, repId: string): StatementLine[] {
  const rep: RepResult | undefined = results.reps.find((r) => r.rep_id === repId);
  if (!rep) throw new Error(`no rep ${repId} in ${results.period}`);
  const lines: StatementLine[] = [];
  for (const line of rep.commission) {
    for (const s of line.slices) lines.push({ label: `${line.id}: ${s.amount} × ${s.rate}`, amount: s.pay });
  }
  for (const b of rep.bonuses) lines.push({ label: b.id, amount: b.amount });
  lines.push({ label: 'total', amount: rep.total_pay });
  return lines;
}

/** The engine's problems as text, in English or Chinese: "path: message". */
export function describe(problems: Problem[], lang: 'en' | 'zh' = 'en'): string[] {
  return problems.filter((p) => p.severity === 'error').map((p) => `${p.path || '(plan)'}: ${p.message[lang]}`);
}

/** Sets `plan` on `engine`; throws with the engine's messages when it does not validate. */
export function usePlan(engine: Engine, plan: Plan): PlanReport {
  const report: PlanReport = engine.setPlan(JSON.stringify(plan));
  if (!report.ok) throw new Error(describe(report.problems).join('\n'));
  return report;
}

/** A copy of `plan` whose first commission line pays `ratePct` in tier `tier`. */
export function withTierRate(plan: Plan, tier: number, ratePct: string): Plan {
  const copy: Plan = structuredClone(plan);
  const line = copy.commission?.[0];
  if (!line?.tiers?.[tier]) throw new Error(`the plan has no tier ${tier}`);
  line.tiers[tier].rate_pct = ratePct;
  return copy;
}

/** What a plan change costs: the baseline plan against `variant` for `period`. */
export function costOfChange(engine: Engine, baseline: Plan, variant: Plan, period: string): Comparison {
  usePlan(engine, baseline);
  engine.pinBaseline();
  usePlan(engine, variant);
  return engine.compare(period, false);
}
