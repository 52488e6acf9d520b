import { nonNegativeMoneySchema } from '@kizuna/core';
import * as z from 'zod';

/** A plan or add-on the bot may recommend. */
export const planSchema = z.object({
  id: z.string().trim().min(1),
  /** Name shown to the customer. */
  name: z.string().trim().min(1),
  /** Price in integer minor units. */
  price: nonNegativeMoneySchema,
  /** Why it helps, one line each, shown as reasons. @defaultValue [] */
  highlights: z.array(z.string().min(1)).default([]),
  /** `plan` (one is recommended) or `add_on` (suggested on top). @defaultValue 'plan' */
  kind: z.enum(['plan', 'add_on']).default('plan'),
});

/** A plan after validation. */
export type Plan = z.output<typeof planSchema>;
/** A plan as you may write it. */
export type PlanInput = z.input<typeof planSchema>;

/**
 * The seed's B2C plans (seeds/001 §1, §6.1; DOMAIN.md §1): standard 12,800 JPY, premium +12,000
 * JPY over standard, and the AI mediation add-on (+8,000 JPY). The light plan is left out because
 * the seed gives it no price. Highlights of the standard plan are the seed's own reasons.
 */
export const defaultPlans: readonly PlanInput[] = [
  {
    id: 'standard',
    name: 'スタンダード',
    price: { amount: 12_800, currency: 'JPY' },
    highlights: ['2時間測定で夜間の実態を把握', '法的根拠となるレポート作成', '解決率75%'],
  },
  {
    id: 'premium',
    name: 'プレミアム',
    price: { amount: 24_800, currency: 'JPY' },
    highlights: ['弁護士監修のレポートで交渉や調停の資料にそのまま使える', '2時間測定で夜間の実態を把握'],
  },
  {
    id: 'ai_mediation',
    name: 'AI調停サービス',
    price: { amount: 8_000, currency: 'JPY' },
    highlights: ['相手方や管理会社へのお手紙の文案と話し合いの進め方をサポート'],
    kind: 'add_on',
  },
];
