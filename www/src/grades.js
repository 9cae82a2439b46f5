// The grade bands a plan is graded by: its own, or the engine's defaults when it sets none.
import planSchema from '../../schema/plan.schema.json' with { type: 'json' };

/** The grade bands the engine uses when a plan sets none (the schema's default, generated from the engine's). */
export const DEFAULT_GRADES = planSchema.properties.grades.default;

/** The bands `plan` is graded by: `grades.bands`, or the default bands. */
export function gradeBands(plan) {
  return plan?.grades?.bands ?? DEFAULT_GRADES.bands;
}
