import {
  KizunaValidationError,
  parseInput,
  type SubscriptionEvent,
  subscriptionEventSchema,
  toEpochMilliseconds,
  zonedInstant,
} from '@kizuna/core';
import * as z from 'zod';
import { ratioOrNull } from '../statistics/ratio';
import { createLocalDayIndexer, dayNumberToDate, periodStartDay } from '../time/local-day';
import { convertMinorUnits } from './currency';
import { type RevenueOptions, type RevenueOptionsInput, revenueOptionsSchema } from './revenue-options';

/** The five kinds of MRR movement (ChartMogul's). */
export type MovementType = 'new' | 'expansion' | 'contraction' | 'churn' | 'reactivation';

/**
 * One change of one customer's MRR on one local day: every subscription change of that customer on
 * that day is netted into a single movement (ChartMogul groups simultaneous changes the same way).
 */
export interface RevenueMovement {
  readonly customerId: string;
  /** Local calendar date of the movement, `YYYY-MM-DD`. */
  readonly date: string;
  /** First date of the period it belongs to. */
  readonly periodStart: string;
  /**
   * - `new`: MRR goes from 0 to > 0 for the first time;
   * - `reactivation`: from 0 to > 0 again after a churn;
   * - `expansion` / `contraction`: up / down while staying > 0 (one of several subscriptions ending
   *   is contraction);
   * - `churn`: to 0 — the customer's last paying subscription ended.
   */
  readonly type: MovementType;
  /** mrrAfter − mrrBefore, in minor units of the reporting currency (negative for losses). */
  readonly amount: number;
  readonly mrrBefore: number;
  readonly mrrAfter: number;
  /** Ids of the subscription events behind it (past-due handling adds `past-due:<subscription>`). */
  readonly eventIds: readonly string[];
  /** Whether the customer paid at the start of the period (what ChartMogul's NRR counts). */
  readonly activeAtPeriodStart: boolean;
}

/** Sums of the movements of a period, each as a non-negative magnitude. */
export interface MovementTotals {
  readonly new: number;
  readonly expansion: number;
  readonly contraction: number;
  readonly churn: number;
  readonly reactivation: number;
}

/** Net and gross revenue retention under one definition (fractions: 1 = 100 %). */
export interface RetentionRates {
  readonly net: number | null;
  readonly gross: number | null;
}

/** One period of the revenue report. Money is in minor units of `currency`; rates are fractions. */
export interface RevenuePeriod {
  /** First local date of the period. */
  readonly periodStart: string;
  /** MRR at the start of the period (end of the previous one). */
  readonly startMrr: number;
  /** MRR at the end of the period. */
  readonly endMrr: number;
  /** endMrr × 12. */
  readonly arr: number;
  /** endMrr − startMrr = new + expansion + reactivation − contraction − churn. */
  readonly netNewMrr: number;
  readonly movements: MovementTotals;
  /** Paying customers (MRR > 0) at start and end, and the customers behind each movement type. */
  readonly customers: {
    readonly start: number;
    readonly end: number;
    readonly new: number;
    readonly churned: number;
    readonly reactivated: number;
  };
  /** (churn + contraction) / startMrr. */
  readonly grossMrrChurnRate: number | null;
  /** (churn + contraction − expansion − reactivation) / startMrr. */
  readonly netMrrChurnRate: number | null;
  /** NRR under `retentionDefinition`. */
  readonly netRevenueRetention: number | null;
  /** GRR under `retentionDefinition`. */
  readonly grossRevenueRetention: number | null;
  /** Both definitions side by side. */
  readonly retention: { readonly seed: RetentionRates; readonly chartmogul: RetentionRates };
  /** Customer (logo) churn rate: customers churned / customers at start. */
  readonly logoChurnRate: number | null;
  /** Average revenue per account: endMrr / customers at end (minor units, not rounded). */
  readonly arpa: number | null;
  /** ARPA × gross margin / average logo churn rate of the trailing periods; null when undefined. */
  readonly ltv: number | null;
  /** Why `ltv` is null, when it is. */
  readonly ltvNote?: string;
  /** Acquisition spend in the period. */
  readonly acquisitionCost: number;
  /** Customer acquisition cost: spend / new customers. */
  readonly cac: number | null;
  readonly ltvToCac: number | null;
  /** Months to earn back CAC: CAC / (ARPA × gross margin) (seeds/001 §9.1). */
  readonly paybackMonths: number | null;
  /** (new + expansion + reactivation) / (churn + contraction); null when nothing was lost. */
  readonly quickRatio: number | null;
}

/** Net MRR and logo retention of the customers who started in one period. */
export interface RevenueCohort {
  readonly cohortStart: string;
  readonly customers: number;
  /** MRR of their new-business movements (ChartMogul's cohort value). */
  readonly initialMrr: number;
  readonly periods: readonly {
    readonly periodStart: string;
    /** 0 for the cohort's own period. */
    readonly age: number;
    /** Cohort customers' MRR at the end of the period. */
    readonly mrr: number;
    /** mrr / initialMrr. */
    readonly netMrrRetention: number | null;
    /** Cohort customers paying at the end of the period. */
    readonly activeCustomers: number;
    /** activeCustomers / customers. */
    readonly logoRetention: number;
  }[];
}

/** The result of {@link computeRevenueMetrics}. */
export interface RevenueReport {
  /** Reporting currency of every amount. */
  readonly currency: string;
  readonly periods: readonly RevenuePeriod[];
  /** Every movement, oldest first: the reconciliation of each period's change. */
  readonly movements: readonly RevenueMovement[];
  readonly cohorts: readonly RevenueCohort[];
  /** Odd data that was handled, not rejected (a change for an unknown subscription, duplicates, …). */
  readonly warnings: readonly string[];
  readonly options: {
    readonly period: RevenueOptions['period'];
    readonly timeZone: string;
    readonly retentionDefinition: RevenueOptions['retentionDefinition'];
    readonly churnRecognition: RevenueOptions['churnRecognition'];
    readonly pastDueHandling: RevenueOptions['pastDueHandling'];
    readonly grossMargin: number;
  };
}

interface Change {
  readonly time: number;
  readonly customerId: string;
  readonly subscriptionId: string;
  readonly mrr: number;
  readonly eventId: string;
  readonly order: number;
}

const typeOrder = { start: 0, change: 1, cancel: 2 } as const;

function compareText(left: string, right: string): number {
  return left < right ? -1 : left > right ? 1 : 0;
}

function invalid(path: string, message: string): never {
  throw KizunaValidationError.forField('subscription events', path, message);
}

/**
 * SaaS revenue metrics from subscription events, with ChartMogul's definitions: MRR and ARR per
 * period; the movements new / expansion / contraction / churn / reactivation (a customer churns only
 * when their last paying subscription ends; the same customer's changes on one local day are one
 * movement); gross and net MRR churn; NRR and GRR (the seed's and ChartMogul's); logo churn; ARPA;
 * LTV; CAC; LTV/CAC; payback; quick ratio; cohorts; and every movement for reconciliation.
 *
 * Data handling: events are sorted by time (input order does not matter); an event repeated with
 * the same id and content is counted once; a `change` for a subscription that is not active starts
 * it, a `cancel` for one that is not active is ignored, a `start` for an active one changes it —
 * each with a warning. Events at or after `asOf` are ignored.
 *
 * @throws KizunaValidationError for invalid events (negative MRR, bad instants, a cancel with
 *   MRR ≠ 0), two different events under one id, or a currency without an exchange rate
 * @example
 * ```ts
 * const mrr = (amount: number) => ({ amount });
 * const events = [
 *   { id: 'e1', customerId: 'acme', subscriptionId: 's1', type: 'start' as const, occurredAt: '2026-05-01T00:00:00Z', mrr: mrr(80_000) },
 *   { id: 'e2', customerId: 'sakura', subscriptionId: 's2', type: 'start' as const, occurredAt: '2026-05-10T00:00:00Z', mrr: mrr(30_000) },
 *   { id: 'e3', customerId: 'acme', subscriptionId: 's1', type: 'change' as const, occurredAt: '2026-06-05T00:00:00Z', mrr: mrr(100_000) },
 *   { id: 'e4', customerId: 'sakura', subscriptionId: 's2', type: 'cancel' as const, occurredAt: '2026-06-20T00:00:00Z', mrr: mrr(0) },
 * ];
 * const report = computeRevenueMetrics(events, { asOf: '2026-07-01T00:00:00Z' });
 * const june = report.periods.find((period) => period.periodStart === '2026-06-01')!;
 * console.log(june.startMrr, june.endMrr, june.netRevenueRetention);
 * // 110000 100000 0.909… = (110,000 + 20,000 expansion − 30,000 churn) ÷ 110,000
 * ```
 */
export function computeRevenueMetrics(
  eventsInput: readonly z.input<typeof subscriptionEventSchema>[],
  optionsInput: RevenueOptionsInput,
): RevenueReport {
  const options = parseInput(revenueOptionsSchema, optionsInput, 'revenue options');
  const parsed = parseInput(z.array(subscriptionEventSchema), eventsInput, 'subscription events');
  const asOf = toEpochMilliseconds(options.asOf);
  const days = createLocalDayIndexer(options.timeZone);
  const warnings: string[] = [];

  // Deduplicate by id, then order by (time, start < change < cancel, id).
  const byId = new Map<string, { event: SubscriptionEvent; index: number }>();
  parsed.forEach((event, index) => {
    const seen = byId.get(event.id);
    if (seen === undefined) byId.set(event.id, { event, index });
    else if (JSON.stringify(seen.event) === JSON.stringify(event))
      warnings.push(`event ${event.id} appears more than once; counted once`);
    else
      invalid(`[${index}].id`, `id ${event.id} is used by two different events (first at [${seen.index}])`);
  });
  const ordered = [...byId.values()].sort(
    (left, right) =>
      compareText(left.event.occurredAt, right.event.occurredAt) ||
      typeOrder[left.event.type] - typeOrder[right.event.type] ||
      compareText(left.event.id, right.event.id),
  );
  const currency = options.currency ?? ordered[0]?.event.mrr.currency ?? 'JPY';

  const periodOf = (time: number) => periodStartDay(days.dayOf(time), options.period);
  const nextPeriodStart = (time: number): number => {
    const start = periodOf(time);
    let day = start + 1;
    while (periodStartDay(day, options.period) === start) day += options.period === 'month' ? 27 : 1;
    const next = periodStartDay(day, options.period);
    return zonedInstant(dayNumberToDate(next), '00:00', options.timeZone);
  };

  // Raw subscription timelines: (time, mrr) per subscription, with sequence warnings.
  const timelines = new Map<
    string,
    { customerId: string; points: { time: number; mrr: number; eventId: string }[] }
  >();
  const active = new Map<string, number>();
  for (const { event, index } of ordered) {
    const time = toEpochMilliseconds(event.occurredAt);
    if (time >= asOf) continue;
    const mrr = convertMinorUnits(
      event.mrr.amount,
      event.mrr.currency,
      currency,
      options.exchangeRates,
      `[${index}].mrr.currency`,
    );
    let timeline = timelines.get(event.subscriptionId);
    if (timeline === undefined) {
      timeline = { customerId: event.customerId, points: [] };
      timelines.set(event.subscriptionId, timeline);
    } else if (timeline.customerId !== event.customerId) {
      invalid(
        `[${index}].customerId`,
        `subscription ${event.subscriptionId} belongs to customer ${timeline.customerId}`,
      );
    }
    const isActive = active.has(event.subscriptionId);
    if (event.type === 'cancel') {
      if (!isActive) {
        warnings.push(
          `event ${event.id}: cancel of subscription ${event.subscriptionId}, which is not active; ignored`,
        );
        continue;
      }
      active.delete(event.subscriptionId);
    } else {
      if (event.type === 'change' && !isActive)
        warnings.push(
          `event ${event.id}: change of subscription ${event.subscriptionId}, which is not active; treated as a start`,
        );
      if (event.type === 'start' && isActive)
        warnings.push(
          `event ${event.id}: start of subscription ${event.subscriptionId}, which is already active; treated as a change`,
        );
      active.set(event.subscriptionId, mrr);
    }
    timeline.points.push({ time, mrr: event.type === 'cancel' ? 0 : mrr, eventId: event.id });
  }

  // Effective changes: churn recognition timing and past-due handling applied.
  const suspensions = new Map<string, { since: number; until: number }[]>();
  if (options.pastDueHandling === 'churn') {
    const threshold = options.pastDueChurnAfterDays * 86_400_000;
    for (const span of options.pastDue) {
      const since = toEpochMilliseconds(span.since);
      const resolved =
        span.resolvedAt === undefined ? Number.POSITIVE_INFINITY : toEpochMilliseconds(span.resolvedAt);
      if (Math.min(resolved, asOf) - since < threshold) continue;
      const list = suspensions.get(span.subscriptionId) ?? [];
      list.push({ since, until: resolved });
      suspensions.set(span.subscriptionId, list);
    }
  }
  const changes: Change[] = [];
  let sequence = 0;
  for (const [subscriptionId, timeline] of timelines) {
    const points = timeline.points
      .map((point, index) => {
        if (point.mrr !== 0 || options.churnRecognition === 'immediate') return point;
        const next = timeline.points[index + 1]?.time ?? Number.POSITIVE_INFINITY;
        // Recognised when the period ends, unless the subscription changes again first; not yet
        // recognised when the period is still running at asOf.
        return { ...point, time: Math.min(nextPeriodStart(point.time), next) };
      })
      .filter((point) => point.time < asOf);
    const spans = suspensions.get(subscriptionId) ?? [];
    const marks: { time: number; kind: 'raw' | 'suspend' | 'resume'; mrr: number; eventId: string }[] =
      points.map((point) => ({ time: point.time, kind: 'raw', mrr: point.mrr, eventId: point.eventId }));
    for (const span of spans) {
      marks.push({ time: span.since, kind: 'suspend', mrr: 0, eventId: `past-due:${subscriptionId}` });
      if (span.until < asOf)
        marks.push({ time: span.until, kind: 'resume', mrr: 0, eventId: `past-due:${subscriptionId}` });
    }
    marks.sort((left, right) => left.time - right.time);
    let raw = 0;
    let suspended = false;
    let effective = 0;
    for (const mark of marks) {
      if (mark.kind === 'raw') raw = mark.mrr;
      else suspended = mark.kind === 'suspend';
      const next = suspended ? 0 : raw;
      if (next === effective && mark.kind !== 'raw') continue;
      effective = next;
      changes.push({
        time: mark.time,
        customerId: timeline.customerId,
        subscriptionId,
        mrr: next,
        eventId: mark.eventId,
        order: sequence++,
      });
    }
  }
  const dayOfChange = new Map<Change, number>(changes.map((change) => [change, days.dayOf(change.time)]));
  changes.sort(
    (left, right) =>
      dayOfChange.get(left)! - dayOfChange.get(right)! ||
      compareText(left.customerId, right.customerId) ||
      left.time - right.time ||
      left.order - right.order,
  );

  // Movements: per customer per local day, net of every change that day.
  const subscriptionMrr = new Map<string, number>();
  const customerMrr = new Map<string, number>();
  const everPaid = new Set<string>();
  const movements: RevenueMovement[] = [];
  const customerPeriodStart = new Map<string, { period: number; mrr: number }>();
  const movementPeriods: number[] = [];
  let position = 0;
  while (position < changes.length) {
    const first = changes[position]!;
    const day = dayOfChange.get(first)!;
    const customerId = first.customerId;
    const before = customerMrr.get(customerId) ?? 0;
    let after = before;
    const eventIds: string[] = [];
    while (
      position < changes.length &&
      changes[position]!.customerId === customerId &&
      dayOfChange.get(changes[position]!) === day
    ) {
      const change = changes[position]!;
      after += change.mrr - (subscriptionMrr.get(change.subscriptionId) ?? 0);
      subscriptionMrr.set(change.subscriptionId, change.mrr);
      if (!eventIds.includes(change.eventId)) eventIds.push(change.eventId);
      position += 1;
    }
    if (after === before) continue;
    const period = periodStartDay(day, options.period);
    const start = customerPeriodStart.get(customerId);
    const mrrAtPeriodStart = start !== undefined && start.period === period ? start.mrr : before;
    customerPeriodStart.set(customerId, { period, mrr: mrrAtPeriodStart });
    let type: MovementType;
    if (before === 0) type = everPaid.has(customerId) ? 'reactivation' : 'new';
    else if (after === 0) type = 'churn';
    else type = after > before ? 'expansion' : 'contraction';
    if (after > 0) everPaid.add(customerId);
    customerMrr.set(customerId, after);
    movements.push({
      customerId,
      date: dayNumberToDate(day),
      periodStart: dayNumberToDate(period),
      type,
      amount: after - before,
      mrrBefore: before,
      mrrAfter: after,
      eventIds,
      activeAtPeriodStart: mrrAtPeriodStart > 0,
    });
    movementPeriods.push(period);
  }

  // Period grid from the first movement (or asOf) to asOf.
  const lastPeriod = periodOf(asOf - 1);
  const firstPeriod = movementPeriods.length > 0 ? Math.min(movementPeriods[0]!, lastPeriod) : lastPeriod;
  const periodStarts: number[] = [];
  for (let period = firstPeriod; period <= lastPeriod; ) {
    periodStarts.push(period);
    let day = period + 1;
    while (periodStartDay(day, options.period) === period) day += 1;
    period = day;
  }
  const periodIndex = new Map(periodStarts.map((period, index) => [period, index]));

  const costs = new Float64Array(periodStarts.length);
  options.acquisitionCosts.forEach((cost, index) => {
    const time = toEpochMilliseconds(cost.at);
    if (time >= asOf) return;
    const slot = periodIndex.get(periodOf(time));
    if (slot === undefined) return;
    costs[slot]! += convertMinorUnits(
      cost.amount.amount,
      cost.amount.currency,
      currency,
      options.exchangeRates,
      `acquisitionCosts[${index}].amount.currency`,
    );
  });

  // Cohorts: each customer's first period (filled as the periods are walked).
  const cohortOf = new Map<string, number>();
  const cohortInitial = new Map<number, number>();

  const periods: RevenuePeriod[] = [];
  const running = new Map<string, number>();
  let mrr = 0;
  let activeCustomers = 0;
  let cursor = 0;
  const churnHistory: (number | null)[] = [];
  const cohortRows = new Map<number, RevenueCohort['periods'][number][]>();
  for (let index = 0; index < periodStarts.length; index += 1) {
    const period = periodStarts[index]!;
    const startMrr = mrr;
    const startCustomers = activeCustomers;
    const totals = { new: 0, expansion: 0, contraction: 0, churn: 0, reactivation: 0 };
    const existing = { expansion: 0, contraction: 0, churn: 0 };
    const counted = { new: 0, churned: 0, reactivated: 0 };
    while (cursor < movements.length && movementPeriods[cursor]! === period) {
      const movement = movements[cursor]!;
      const magnitude = Math.abs(movement.amount);
      totals[movement.type] += magnitude;
      if (movement.activeAtPeriodStart && movement.type !== 'reactivation' && movement.type !== 'new')
        existing[movement.type] += magnitude;
      if (movement.type === 'new') {
        counted.new += 1;
        cohortOf.set(movement.customerId, period);
        cohortInitial.set(period, (cohortInitial.get(period) ?? 0) + movement.amount);
      }
      if (movement.type === 'churn') counted.churned += 1;
      if (movement.type === 'reactivation') counted.reactivated += 1;
      activeCustomers += (movement.mrrAfter > 0 ? 1 : 0) - (movement.mrrBefore > 0 ? 1 : 0);
      mrr += movement.amount;
      running.set(movement.customerId, movement.mrrAfter);
      cursor += 1;
    }
    const logoChurnRate = ratioOrNull(counted.churned, startCustomers);
    churnHistory.push(logoChurnRate);
    const trailing = churnHistory
      .slice(-options.ltvChurnPeriods)
      .filter((rate): rate is number => rate !== null);
    const averageChurn =
      trailing.length === 0 ? null : trailing.reduce((sum, rate) => sum + rate, 0) / trailing.length;
    const arpa = ratioOrNull(mrr, activeCustomers);
    let ltv: number | null = null;
    let ltvNote: string | undefined;
    if (arpa === null) ltvNote = 'no paying customers: ARPA and LTV are undefined';
    else if (averageChurn === null)
      ltvNote = 'no customers at the start of the trailing periods: churn rate unknown';
    else if (averageChurn === 0)
      ltvNote = `no customer churn in the last ${trailing.length} period(s): LTV is undefined (not infinite)`;
    else ltv = (arpa * options.grossMargin) / averageChurn;
    const cac = ratioOrNull(costs[index]!, counted.new);
    const lost = totals.churn + totals.contraction;
    const seed: RetentionRates = {
      net: ratioOrNull(startMrr + totals.expansion - totals.churn - totals.contraction, startMrr),
      gross: ratioOrNull(startMrr - totals.churn - totals.contraction, startMrr),
    };
    const chartmogul: RetentionRates = {
      net: ratioOrNull(startMrr + existing.expansion - existing.churn - existing.contraction, startMrr),
      gross: ratioOrNull(startMrr - existing.churn - existing.contraction, startMrr),
    };
    const chosen = options.retentionDefinition === 'seed' ? seed : chartmogul;
    const margin = arpa === null ? null : arpa * options.grossMargin;
    periods.push({
      periodStart: dayNumberToDate(period),
      startMrr,
      endMrr: mrr,
      arr: mrr * 12,
      netNewMrr: mrr - startMrr,
      movements: totals,
      customers: { start: startCustomers, end: activeCustomers, ...counted },
      grossMrrChurnRate: ratioOrNull(lost, startMrr),
      netMrrChurnRate: ratioOrNull(lost - totals.expansion - totals.reactivation, startMrr),
      netRevenueRetention: chosen.net,
      grossRevenueRetention: chosen.gross,
      retention: { seed, chartmogul },
      logoChurnRate,
      arpa,
      ltv,
      ...(ltvNote === undefined ? {} : { ltvNote }),
      acquisitionCost: costs[index]!,
      cac,
      ltvToCac: ltv === null || cac === null || cac === 0 ? null : ltv / cac,
      paybackMonths: cac === null || margin === null || margin === 0 ? null : cac / margin,
      quickRatio: ratioOrNull(totals.new + totals.expansion + totals.reactivation, lost),
    });
    // Cohort rows at the end of this period.
    const cohortMrr = new Map<number, number>();
    const cohortActive = new Map<number, number>();
    const cohortSize = new Map<number, number>();
    for (const [customerId, cohort] of cohortOf) {
      const value = running.get(customerId) ?? 0;
      cohortMrr.set(cohort, (cohortMrr.get(cohort) ?? 0) + value);
      cohortActive.set(cohort, (cohortActive.get(cohort) ?? 0) + (value > 0 ? 1 : 0));
      cohortSize.set(cohort, (cohortSize.get(cohort) ?? 0) + 1);
    }
    for (const [cohort, value] of cohortMrr) {
      const rows = cohortRows.get(cohort) ?? [];
      const size = cohortSize.get(cohort)!;
      rows.push({
        periodStart: dayNumberToDate(period),
        age: index - periodIndex.get(cohort)!,
        mrr: value,
        netMrrRetention: ratioOrNull(value, cohortInitial.get(cohort) ?? 0),
        activeCustomers: cohortActive.get(cohort)!,
        logoRetention: cohortActive.get(cohort)! / size,
      });
      cohortRows.set(cohort, rows);
    }
  }

  const cohorts: RevenueCohort[] = [...cohortRows.entries()]
    .sort((left, right) => left[0] - right[0])
    .map(([cohort, rows]) => ({
      cohortStart: dayNumberToDate(cohort),
      customers: [...cohortOf.values()].filter((value) => value === cohort).length,
      initialMrr: cohortInitial.get(cohort) ?? 0,
      periods: rows,
    }));

  return {
    currency,
    periods,
    movements,
    cohorts,
    warnings,
    options: {
      period: options.period,
      timeZone: options.timeZone,
      retentionDefinition: options.retentionDefinition,
      churnRecognition: options.churnRecognition,
      pastDueHandling: options.pastDueHandling,
      grossMargin: options.grossMargin,
    },
  };
}

/** The movements behind one period's change, and the check start + Σ movements = end. */
export interface PeriodReconciliation {
  readonly periodStart: string;
  readonly startMrr: number;
  readonly movements: readonly RevenueMovement[];
  readonly endMrr: number;
  /** True when startMrr + Σ amount = endMrr (always, unless the report was edited). */
  readonly balanced: boolean;
}

/**
 * The reconciliation view of one period: its starting MRR, each movement that changed it, and its
 * ending MRR, so a reader can see why the number is what it is.
 *
 * @throws KizunaValidationError when the report has no period starting at `periodStart`
 * @example
 * ```ts
 * const mrr = (amount: number) => ({ amount });
 * const report = computeRevenueMetrics([
 *   { id: 'e1', customerId: 'acme', subscriptionId: 's1', type: 'start', occurredAt: '2026-05-01T00:00:00Z', mrr: mrr(80_000) },
 *   { id: 'e2', customerId: 'acme', subscriptionId: 's1', type: 'change', occurredAt: '2026-06-05T00:00:00Z', mrr: mrr(100_000) },
 * ], { asOf: '2026-07-01T00:00:00Z' });
 * console.log(reconcilePeriod(report, '2026-06-01').movements.map((m) => `${m.customerId} ${m.type} ${m.amount}`));
 * // ['acme expansion 20000']
 * ```
 */
export function reconcilePeriod(report: RevenueReport, periodStart: string): PeriodReconciliation {
  const period = report.periods.find((row) => row.periodStart === periodStart);
  if (period === undefined)
    throw KizunaValidationError.forField('period', 'periodStart', `no period starts on ${periodStart}`);
  const movements = report.movements.filter((movement) => movement.periodStart === periodStart);
  const sum = movements.reduce((total, movement) => total + movement.amount, 0);
  return {
    periodStart,
    startMrr: period.startMrr,
    movements,
    endMrr: period.endMrr,
    balanced: period.startMrr + sum === period.endMrr,
  };
}
