import * as z from 'zod';

/** Churn risk levels of seeds/001 §5.3. */
export const riskLevelSchema = z.enum(['critical', 'high', 'medium', 'low']);

/** `'critical' | 'high' | 'medium' | 'low'`. */
export type RiskLevel = z.infer<typeof riskLevelSchema>;

/** Probability thresholds of the risk levels (seeds/001 §5.3). */
export const riskThresholdsSchema = z
  .object({
    /** p ≥ this is critical. @defaultValue 0.7 */
    critical: z.number().min(0).max(1).default(0.7),
    /** p ≥ this is high. @defaultValue 0.5 */
    high: z.number().min(0).max(1).default(0.5),
    /** p ≥ this is medium; below is low. @defaultValue 0.3 */
    medium: z.number().min(0).max(1).default(0.3),
  })
  .refine((thresholds) => thresholds.critical >= thresholds.high && thresholds.high >= thresholds.medium, {
    error: 'thresholds must satisfy critical ≥ high ≥ medium',
  });

/** Risk thresholds after validation. */
export type RiskThresholds = z.output<typeof riskThresholdsSchema>;

/**
 * The risk level of a churn probability: critical ≥ 0.7, high ≥ 0.5, medium ≥ 0.3, else low (by
 * default; thresholds are inclusive).
 *
 * @example
 * ```ts
 * riskLevelOf(0.7, { critical: 0.7, high: 0.5, medium: 0.3 }); // 'critical'
 * ```
 */
export function riskLevelOf(probability: number, thresholds: RiskThresholds): RiskLevel {
  if (probability >= thresholds.critical) return 'critical';
  if (probability >= thresholds.high) return 'high';
  if (probability >= thresholds.medium) return 'medium';
  return 'low';
}
