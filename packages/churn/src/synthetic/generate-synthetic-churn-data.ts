import { type CustomerSnapshot, instantSchema, parseInput } from '@kizuna/core';
import * as z from 'zod';
import type { ChurnOutcome } from '../features/build-training-set';
import { createSeededRandom } from '../model/seeded-random';

/** Options of {@link generateSyntheticChurnData}. */
export const syntheticChurnDataOptionsSchema = z.object({
  /** Number of B2B customers. @defaultValue 500 */
  customers: z.number().int().min(1).max(1_000_000).default(500),
  /** Seed: the same seed gives the same customers. @defaultValue 1 */
  seed: z.number().int().default(1),
  /** The instant every snapshot describes. @defaultValue '2026-04-01T00:00:00.000Z' */
  asOf: instantSchema.default('2026-04-01T00:00:00.000Z'),
  /**
   * Shift of the churn log-odds: 0 gives about 20 % churners; −3 gives very few (to exercise the
   * rules fallback). @defaultValue 0
   */
  churnShift: z.number().min(-10).max(10).default(0),
});

/** Options as you may write them. */
export type SyntheticChurnDataOptionsInput = z.input<typeof syntheticChurnDataOptionsSchema>;

/** Generated snapshots with their outcomes. */
export interface SyntheticChurnData {
  readonly snapshots: readonly CustomerSnapshot[];
  readonly outcomes: readonly ChurnOutcome[];
  /** The true churn probability of each customer under the generative model. */
  readonly trueProbabilities: readonly number[];
}

const dayMilliseconds = 86_400_000;

/**
 * Generates B2B customer snapshots and churn outcomes for demos and tests. The generative process,
 * per customer (N = standard normal, all draws from one seeded generator):
 *
 * 1. Latent engagement e ~ N and satisfaction s = 0.6 e + 0.8 N; 15 % are late payers.
 * 2. Plan limit L ∈ {10, 20, 50} measurements per month; term ∈ {1, 12, 24} months (30/50/20 %).
 * 3. Usage rate u = 1.4 σ(1.2 e + 0.3); monthly trend τ = 0.12 (e + 0.5 N) of the limit; the six
 *    30-day windows are round(L · max(0, u − τ (5 − k))), k = 0 … 5 (k = 5 is the last 30 days).
 * 4. Logins ≈ 8 + 6 e + 2 N (≥ 0); each measurement delivers a report, viewed with probability
 *    σ(1.5 e + 1); tickets (90 d) ~ Poisson(3 σ(e)) — disengaged customers ask less (seeds/000).
 * 5. NPS (answered 70 %) = clamp(round(7 + 2.2 s + N), 0, 10); CSAT (answered 60 %) = clamp(3.5 +
 *    0.8 s + 0.4 N, 1, 5); negative interactions (30 d) ~ Poisson(max(0.05, 0.6 − 0.7 s)).
 * 6. Late payers have 1 … 40 days overdue; a downgrade in the last 180 days with probability
 *    σ(−2.5 − s), cutting MRR by 30 %.
 * 7. Days until renewal uniform in 1 … 30 × term.
 * 8. Churn log-odds = −1.7 + shift − 1.1 e − 0.8 s + 0.04 · overdue + 1.2 · downgraded − 0.03 · term
 *    + 0.6 · [renewal ≤ 90 days]; churned ~ Bernoulli(σ(log-odds)).
 *
 * @throws KizunaValidationError on bad options
 * @example
 * ```ts
 * const { snapshots, outcomes } = generateSyntheticChurnData({ customers: 1000, seed: 7 });
 * const set = buildTrainingSet(snapshots, outcomes);
 * ```
 */
export function generateSyntheticChurnData(options: SyntheticChurnDataOptionsInput = {}): SyntheticChurnData {
  const { customers, seed, asOf, churnShift } = parseInput(
    syntheticChurnDataOptionsSchema,
    options,
    'synthetic churn data options',
  );
  const random = createSeededRandom(seed);
  const normal = () => {
    const u = 1 - random();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
  };
  const poisson = (mean: number) => {
    const limit = Math.exp(-mean);
    let count = 0;
    let product = random();
    while (product > limit) {
      count += 1;
      product *= random();
    }
    return count;
  };
  const sigmoid = (value: number) => 1 / (1 + Math.exp(-value));
  const clamp = (value: number, low: number, high: number) => Math.min(high, Math.max(low, value));
  const asOfTime = Date.parse(asOf);
  const instant = (daysFromAsOf: number) => new Date(asOfTime + daysFromAsOf * dayMilliseconds).toISOString();

  const snapshots: CustomerSnapshot[] = [];
  const outcomes: ChurnOutcome[] = [];
  const trueProbabilities: number[] = [];
  for (let index = 0; index < customers; index += 1) {
    const id = `synthetic-${String(index + 1).padStart(6, '0')}`;
    const engagement = normal();
    const satisfaction = 0.6 * engagement + 0.8 * normal();
    const latePayer = random() < 0.15;
    const limit = [10, 20, 50][Math.floor(random() * 3)]!;
    const termDraw = random();
    const termMonths = termDraw < 0.3 ? 1 : termDraw < 0.8 ? 12 : 24;
    const usageRate = 1.4 * sigmoid(1.2 * engagement + 0.3);
    const trend = 0.12 * (engagement + 0.5 * normal());
    const windows = Array.from({ length: 6 }, (_, k) =>
      Math.round(limit * Math.max(0, usageRate - trend * (5 - k))),
    );
    const last30 = windows[5]!;
    const last90 = windows[3]! + windows[4]! + windows[5]!;
    const daysSinceLastMeasurement =
      last30 > 0
        ? Math.floor(random() * Math.min(30, Math.ceil(30 / last30)))
        : windows.some((w) => w > 0)
          ? 30 *
              (5 -
                Math.max(
                  0,
                  windows.findLastIndex((w) => w > 0),
                )) +
            Math.floor(random() * 30)
          : null;
    const tenureMonths = termMonths + Math.floor(random() * 24);
    const startsAt = instant(-tenureMonths * 30);
    const daysUntilRenewal = 1 + Math.floor(random() * 30 * termMonths);
    const logins = Math.max(0, Math.round(8 + 6 * engagement + 2 * normal()));
    const viewed = Array.from({ length: last90 }).filter(
      () => random() < sigmoid(1.5 * engagement + 1),
    ).length;
    const tickets90 = poisson(3 * sigmoid(engagement));
    const tickets30 = Math.min(tickets90, poisson(sigmoid(engagement)));
    const npsAnswered = random() < 0.7;
    const nps = clamp(Math.round(7 + 2.2 * satisfaction + normal()), 0, 10);
    const csatAnswered = random() < 0.6;
    const csat = clamp(3.5 + 0.8 * satisfaction + 0.4 * normal(), 1, 5);
    const negative = poisson(Math.max(0.05, 0.6 - 0.7 * satisfaction));
    const overdue = latePayer ? 1 + Math.floor(random() * 40) : 0;
    const downgraded = random() < sigmoid(-2.5 - satisfaction);
    const mrrAmount = limit * 4_000;
    const currentMrr = downgraded ? Math.round(mrrAmount * 0.7) : mrrAmount;
    const logOdds =
      -1.7 +
      churnShift -
      1.1 * engagement -
      0.8 * satisfaction +
      0.04 * overdue +
      (downgraded ? 1.2 : 0) -
      0.03 * termMonths +
      (daysUntilRenewal <= 90 ? 0.6 : 0);
    const probability = sigmoid(logOdds);
    const churned = random() < probability;

    const snapshot: CustomerSnapshot = {
      schemaVersion: 1,
      asOf,
      timeZone: 'Asia/Tokyo',
      customer: {
        id,
        name: `Synthetic Property Management ${index + 1}`,
        segment: 'b2b',
        plan: limit === 10 ? 'basic' : limit === 20 ? 'pro' : 'enterprise',
        addOns: [],
        createdAt: startsAt,
        contract: {
          startsAt,
          endsAt: instant(daysUntilRenewal),
          termMonths,
          monthlyMeasurementLimit: limit,
          mrr: { amount: currentMrr, currency: 'JPY' },
          managedProperties: limit * 3,
          apiEnabled: limit === 50,
          autoRenew: termMonths === 1,
        },
        tags: [],
      },
      contract: {
        plan: limit === 10 ? 'basic' : limit === 20 ? 'pro' : 'enterprise',
        monthlyMeasurementLimit: limit,
        mrr: { amount: currentMrr, currency: 'JPY' },
        startsAt,
        endsAt: instant(daysUntilRenewal),
        termMonths,
        daysUntilRenewal,
        tenureMonths,
        managedProperties: limit * 3,
        propertiesMeasuredLast90Days: Math.min(limit * 3, last90),
        apiEnabled: limit === 50,
        autoRenew: termMonths === 1,
      },
      usage: {
        measurementsLast30Days: last30,
        measurementsLast90Days: last90,
        measurementHoursLast90Days: last90 * 2,
        measurementsPer30Days: windows,
        measurementsTotal:
          windows.reduce((sum, w) => sum + w, 0) + tenureMonths * Math.round(limit * usageRate * 0.5),
        lastMeasurementAt:
          daysSinceLastMeasurement === null ? null : instant(-daysSinceLastMeasurement - 0.5),
        daysSinceLastMeasurement,
        negotiationsTotal: 0,
        mediationUsed: false,
      },
      engagement: {
        lastLoginAt: logins > 0 ? instant(-1.5) : null,
        daysSinceLastLogin: logins > 0 ? 1 : null,
        loginsLast30Days: logins,
        reportsDeliveredLast90Days: last90,
        reportsViewedLast90Days: viewed,
        reportsDeliveredTotal: last90 + tenureMonths * limit,
        featuresUsedLast30Days: logins > 0 ? ['dashboard', 'reports'] : [],
        lastActivityAt: logins > 0 ? instant(-1.5) : null,
      },
      support: {
        ticketsLast30Days: tickets30,
        ticketsLast90Days: tickets90,
        ticketsTotal: tickets90 + tenureMonths,
        openTickets: 0,
        escalatedLast90Days: 0,
        averageResolutionHours: tickets90 > 0 ? 12 : null,
        averageFirstResponseHours: tickets90 > 0 ? 2 : null,
      },
      satisfaction: {
        latestNps: npsAnswered ? { score: nps, respondedAt: instant(-20) } : null,
        averageCsatLast90Days: csatAnswered ? Math.round(csat * 100) / 100 : null,
        latestCes: null,
        lastSurveyAt: npsAnswered ? instant(-20) : null,
      },
      interactions: {
        last30Days: negative + 2,
        inboundLast30Days: negative + 1,
        labelledLast30Days: negative + 2,
        negativeLast30Days: negative,
        positiveLast30Days: 2,
        negativeRatioLast30Days: negative / (negative + 2),
        recent: [],
      },
      financial: {
        unpaidInvoices:
          overdue > 0
            ? [
                {
                  id: `${id}-invoice`,
                  issuedAt: instant(-overdue - 30),
                  dueAt: instant(-overdue),
                  amount: { amount: currentMrr, currency: 'JPY' },
                  daysSinceIssued: overdue + 30,
                  daysOverdue: overdue,
                },
              ]
            : [],
        maxDaysOverdue: overdue,
        averagePaymentDelayDays: latePayer ? 5 : 0,
        totalPaid: { amount: currentMrr * tenureMonths, currency: 'JPY' },
      },
      subscription: {
        currentMrr: { amount: currentMrr, currency: 'JPY' },
        mrr90DaysAgo: { amount: mrrAmount, currency: 'JPY' },
        downgradesLast180Days: downgraded ? 1 : 0,
      },
    };
    snapshots.push(snapshot);
    outcomes.push({ customerId: id, churned });
    trueProbabilities.push(probability);
  }
  return { snapshots, outcomes, trueProbabilities };
}
