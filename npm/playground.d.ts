// Types of `incentive-engine/playground`: the <sales-plan-playground> custom element,
// defined when the module is imported. The plan and result types are generated from the
// engine's Rust types (see ./incentive_engine.d.ts).
import type { Comparison, Evaluation, Plan, Problem } from './incentive_engine.js';

/** `plan-change` detail: the plan now in the element and whether the engine accepts it. */
export interface PlanChangeDetail {
  /** A copy of the plan being edited (also when it does not validate). */
  plan: Plan;
  /** True when the engine accepts the plan; false while it has errors (the last good results stay). */
  valid: boolean;
  /** The engine's errors and warnings about the plan, each with its field path. */
  problems: Problem[];
}

/** `load-problems` detail: a plan, reps or returns file the element could not (fully) read. */
export interface LoadProblemsDetail {
  /** What was being read. */
  kind: 'plan' | 'reps' | 'returns';
  /** Its file name (`plan`, `reps.csv` for the host's own text). */
  file: string;
  /** Why nothing of it is used (empty when it was read): the plan or data in use stays. */
  fatal: Problem[];
  /** The rows left out of a reps or returns file that was read, each with its path and reason. */
  problems: Problem[];
  /** Figures to check in the rows kept (severity `warning`: `negative_value`, or `not_a_number` read as blank). */
  warnings: Problem[];
}

/** `period-refused` detail: a period the host set that the data does not have. */
export interface PeriodRefusedDetail {
  /** The period the host asked for. */
  period: string;
  /** The period the element kept showing. */
  kept: string;
  /** The periods the data has, sorted. */
  periods: string[];
}

/** `lang-change` detail: the language the user chose with the element's own switch. */
export interface LangChangeDetail {
  /** `"en"` or `"zh"`. */
  lang: 'en' | 'zh';
}

/** `results-change` detail: the figures the element now shows. Treat them as read-only. */
export interface ResultsChangeDetail {
  /**
   * Per-rep results and totals; amounts are exact decimal strings ("38000.00"). Without
   * explanations, KPI and point results (`kpis`, `points` empty) but the open statement's rep's.
   */
  results: Evaluation;
  /** The period evaluated ("2026-Q4"). */
  period: string;
  /** Whether the results are year to date up to `period`. */
  yearToDate: boolean;
  /** The plan against the pinned baseline, or null when no baseline is pinned. */
  comparison: Comparison | null;
}

/** The whole playground (plan editor, results, charts, statements) as one element. */
export declare class SalesPlanPlayground extends HTMLElement {
  /** 'en' or 'zh' (attribute `lang`; "zh-CN" and the like become "zh"). */
  lang: string;
  /** The period shown, one of the reps data's periods (attribute `period`). */
  period: string;
  /** A copy of the plan being edited (changing it changes nothing in the element). Set a plan object or its JSON text (attribute `plan`: JSON text). */
  get plan(): Plan | null;
  set plan(value: Plan | string | null);
  /** URL of a plan JSON file to load (attribute `plan-src`). */
  planSrc: string | undefined;
  /** URL of a reps file, CSV or .xlsx (attribute `reps-src`). */
  repsSrc: string | undefined;
  /** The reps as CSV text (property only), in the format of `sampleCsv()`. */
  get repsCsv(): string | null | undefined;
  /** Setting `null` or `undefined` goes back to the `reps-src` file, or without one to the built-in sample reps. */
  set repsCsv(csv: string | null | undefined);
  /** Present: keep the session in local storage and open share links (attribute `persist`, optionally a name). */
  persist: string | null | undefined;
  /** A copy of the results shown (changing it changes nothing in the element), or null before the first evaluation. */
  readonly results: Evaluation | null;
}

declare global {
  interface HTMLElementTagNameMap {
    'sales-plan-playground': SalesPlanPlayground;
  }
  interface HTMLElementEventMap {
    'plan-change': CustomEvent<PlanChangeDetail>;
    'results-change': CustomEvent<ResultsChangeDetail>;
    'lang-change': CustomEvent<LangChangeDetail>;
    'load-problems': CustomEvent<LoadProblemsDetail>;
    'period-refused': CustomEvent<PeriodRefusedDetail>;
  }
}
