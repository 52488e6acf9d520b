import {
  type Action,
  type CustomerSnapshot,
  calendarDaysBetween,
  idempotencyKey,
  KizunaValidationError,
  localDate,
  parseInput,
  planJourney,
} from '@kizuna/core';
import * as z from 'zod';
import { dunningJourney, npsDetractorJourney } from '../journeys/playbooks';
import { healthSnapshotSchema } from '../signals/health-signals';
import { type EvaluateAlertsOptions, evaluateAlertsOptionsSchema } from './evaluate-alerts-options';

/** The four proactive triggers of seeds/001 §5.2. */
export type AlertTrigger = 'usage-drop' | 'late-payment' | 'detractor' | 'renewal-risk';

/** What one trigger decided, with its reason. */
export interface TriggerCheck {
  readonly trigger: AlertTrigger;
  readonly fired: boolean;
  readonly reason: string;
}

/** The result of {@link evaluateAlerts}. */
export interface AlertEvaluation {
  /** Actions to enqueue in the outbox; each key is deterministic, so a daily run never re-sends. */
  readonly actions: readonly Action[];
  /** Every trigger with whether it fired and why. */
  readonly checks: readonly TriggerCheck[];
}

const healthStatusSchema = z.object({
  status: z.enum(['red', 'yellow', 'green']),
  band: z.string().optional(),
});

const usageSuggestions = [
  'Measure the properties with the most complaints first',
  'Schedule routine measurements for new tenants',
  'Share past reports with the owners to plan improvements',
];

/**
 * Evaluates the proactive alerts of seeds/001 §5.2 (DOMAIN.md §3) for one customer:
 *
 * 1. **usage-drop**: last-30-day measurements < 50 % of the monthly limit → automated e-mail with the
 *    usage chart (the last six 30-day windows), three suggestions and the consultation link. Key per
 *    customer and local calendar month, so at most one a month.
 * 2. **late-payment**: an invoice unpaid 7 days after issue → the {@link dunningJourney}: day 7
 *    reminder; day 14 second reminder + phone notice; day 21 CSM intervention + instalment proposal.
 *    Keys per invoice and stage; a late run sends only the current stage.
 * 3. **detractor**: the latest NPS ≤ 6 → the {@link npsDetractorJourney}: Slack the CSM at once, phone
 *    within 24 h, improvement proposal + coupon. Keys per NPS answer; answers over 7 days old are stale.
 * 4. **renewal-risk**: ≤ 90 days to the contract end and status yellow or red → retention campaign,
 *    executive meeting, special-discount offer. Keys per contract end date, so once per term.
 *
 * @param snapshot - the customer snapshot
 * @param health - the health result (only its `status` is read)
 * @param options - `asOf` and thresholds, see {@link evaluateAlertsOptionsSchema}
 * @throws KizunaValidationError when an input is invalid or `asOf` is before the snapshot
 * @example
 * ```ts
 * const store = createMemoryStore();
 * await store.putRecords('customer', [{ id: 'acme', name: 'Acme Property', segment: 'b2b', plan: 'pro',
 *   createdAt: '2025-01-01T00:00:00Z',
 *   contract: { startsAt: '2025-04-01T00:00:00Z', monthlyMeasurementLimit: 20, mrr: { amount: 80_000 } } }]);
 * // One measurement in the last 30 days against a limit of 20: under 50 %.
 * await store.putRecords('usageEvent', [
 *   { id: 'm1', customerId: 'acme', kind: 'measurement', hours: 2, occurredAt: '2026-03-20T10:00:00Z' },
 * ]);
 * const asOf = '2026-04-01T00:00:00Z';
 * const snapshot = await buildSnapshot(store, 'acme', { asOf });
 * const { actions } = evaluateAlerts(snapshot, scoreHealth(healthSignals(snapshot, { asOf })), { asOf });
 * console.log(actions.map((action) => action.type)); // ['send_usage_support_email']
 * const { enqueued } = await store.enqueueActions(actions, { now: asOf });
 * console.log(enqueued); // ['health-alert:usage-drop:acme:2026-04'] — once per customer and month
 * ```
 */
export function evaluateAlerts(
  snapshot: CustomerSnapshot,
  health: { readonly status: 'red' | 'yellow' | 'green'; readonly band?: string },
  options: EvaluateAlertsOptions,
): AlertEvaluation {
  const parsed = parseInput(healthSnapshotSchema, snapshot, 'customer snapshot');
  const { status } = parseInput(healthStatusSchema, health, 'health');
  const settings = parseInput(evaluateAlertsOptionsSchema, options, 'alert options');
  const { asOf } = settings;
  if (asOf < parsed.asOf) {
    throw KizunaValidationError.forField(
      'alert options',
      'asOf',
      `asOf ${asOf} is before the snapshot's asOf ${parsed.asOf}`,
    );
  }
  const customerId = parsed.customer.id;
  const timeZone = parsed.timeZone;
  const actions: Action[] = [];
  const checks: TriggerCheck[] = [];
  const action = (
    trigger: AlertTrigger,
    keyParts: readonly (string | number)[],
    fields: Omit<Action, 'idempotencyKey' | 'customerId' | 'source' | 'dueAt'> & { dueAt?: string },
  ): Action => ({
    idempotencyKey: idempotencyKey(['health-alert', trigger, customerId, ...keyParts]),
    customerId,
    dueAt: asOf,
    source: { engine: 'health', ruleId: `alert/${trigger}` },
    ...fields,
  });

  // 1. Usage drop.
  const contract = parsed.contract;
  if (contract === null) {
    checks.push({ trigger: 'usage-drop', fired: false, reason: 'no contract: no plan limit' });
  } else {
    const usageRate = parsed.usage.measurementsLast30Days / contract.monthlyMeasurementLimit;
    const fired = usageRate < settings.usageDropBelow;
    const reason = `usage ${parsed.usage.measurementsLast30Days}/${contract.monthlyMeasurementLimit} = ${round(usageRate)} ${fired ? '<' : '≥'} ${settings.usageDropBelow}`;
    checks.push({ trigger: 'usage-drop', fired, reason });
    if (fired) {
      actions.push(
        action('usage-drop', [localDate(asOf, timeZone).slice(0, 7)], {
          type: 'send_usage_support_email',
          channel: 'email',
          owner: 'automation',
          priority: 'high',
          automated: true,
          title: `${parsed.customer.name}: let us help you get more from ZENBU`,
          reasons: [`usage_below_${Math.round(settings.usageDropBelow * 100)}_percent`, reason],
          payload: {
            usageRate: round(usageRate),
            measurementsLast30Days: parsed.usage.measurementsLast30Days,
            monthlyMeasurementLimit: contract.monthlyMeasurementLimit,
            usageChart: [...parsed.usage.measurementsPer30Days],
            suggestions: usageSuggestions,
            ...(settings.consultationUrl === undefined ? {} : { consultationUrl: settings.consultationUrl }),
          },
        }),
      );
    }
  }

  // 2. Late payment: the dunning journey per unpaid invoice.
  const overdue = parsed.financial.unpaidInvoices.filter(
    (invoice) => calendarDaysBetween(invoice.issuedAt, asOf, timeZone) >= 7,
  );
  if (overdue.length === 0) {
    checks.push({ trigger: 'late-payment', fired: false, reason: 'no invoice unpaid 7 days after issue' });
  }
  for (const invoice of overdue) {
    const days = calendarDaysBetween(invoice.issuedAt, asOf, timeZone);
    const plan = planJourney(
      { ...dunningJourney, timeZone },
      { customerId, anchorAt: invoice.issuedAt, facts: { paid: false } },
      asOf,
    );
    checks.push({
      trigger: 'late-payment',
      fired: plan.due.length > 0,
      reason: `invoice ${invoice.id} unpaid ${days} days after issue`,
    });
    for (const due of plan.due) {
      const stepId = due.source.ruleId.split('/')[1]!;
      actions.push({
        ...due,
        idempotencyKey: idempotencyKey(['health-alert', 'late-payment', customerId, invoice.id, stepId]),
        reasons: [`invoice_unpaid_${days}_days`, ...due.reasons],
        source: { engine: 'health', ruleId: `alert/late-payment/${stepId}` },
        payload: {
          ...due.payload,
          invoiceId: invoice.id,
          amount: invoice.amount.amount,
          currency: invoice.amount.currency,
          daysSinceIssued: days,
        },
      });
    }
  }

  // 3. Detractor.
  const nps = parsed.satisfaction.latestNps;
  if (nps === null || nps.score > settings.detractorAtOrBelow) {
    checks.push({
      trigger: 'detractor',
      fired: false,
      reason: nps === null ? 'no NPS answer' : `latest NPS ${nps.score} > ${settings.detractorAtOrBelow}`,
    });
  } else {
    const plan = planJourney(
      { ...npsDetractorJourney, timeZone },
      { customerId, anchorAt: nps.respondedAt },
      asOf,
    );
    checks.push({
      trigger: 'detractor',
      fired: plan.due.length > 0,
      reason: `latest NPS ${nps.score} ≤ ${settings.detractorAtOrBelow} on ${nps.respondedAt}`,
    });
    for (const due of plan.due) {
      const stepId = due.source.ruleId.split('/')[1]!;
      actions.push({
        ...due,
        idempotencyKey: idempotencyKey(['health-alert', 'detractor', customerId, nps.respondedAt, stepId]),
        reasons: [`nps_${nps.score}_detractor`, ...due.reasons],
        source: { engine: 'health', ruleId: `alert/detractor/${stepId}` },
        payload: { ...due.payload, npsScore: nps.score },
      });
    }
  }

  // 4. Renewal risk.
  const endsAt = contract?.endsAt ?? null;
  const daysUntilRenewal = endsAt === null ? null : calendarDaysBetween(asOf, endsAt, timeZone);
  if (endsAt === null || daysUntilRenewal === null) {
    checks.push({ trigger: 'renewal-risk', fired: false, reason: 'no contract end date' });
  } else {
    const inWindow = daysUntilRenewal >= 0 && daysUntilRenewal <= settings.renewalWithinDays;
    const atRisk = settings.renewalStatuses.includes(status);
    const fired = inWindow && atRisk;
    checks.push({
      trigger: 'renewal-risk',
      fired,
      reason: `${daysUntilRenewal} days to renewal (window ${settings.renewalWithinDays}), status ${status}`,
    });
    if (fired) {
      const reasons = [`renewal_in_${daysUntilRenewal}_days`, `status_${status}`];
      const payload = { daysUntilRenewal, contractEndsAt: endsAt, status };
      actions.push(
        action('renewal-risk', [endsAt, 'retention-campaign'], {
          type: 'start_retention_campaign',
          channel: 'email',
          owner: 'marketing',
          priority: 'high',
          automated: true,
          title: `${parsed.customer.name}: retention campaign before renewal`,
          reasons,
          payload,
        }),
        action('renewal-risk', [endsAt, 'executive-meeting'], {
          type: 'schedule_executive_meeting',
          channel: 'meeting',
          owner: 'executive',
          priority: 'high',
          automated: false,
          title: `${parsed.customer.name}: executive meeting before renewal`,
          reasons,
          payload,
        }),
        action('renewal-risk', [endsAt, 'special-discount'], {
          type: 'prepare_special_discount',
          channel: 'task',
          owner: 'sales',
          priority: 'high',
          automated: false,
          title: `${parsed.customer.name}: prepare a special-discount offer`,
          reasons,
          payload,
        }),
      );
    }
  }

  return { actions, checks };
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
