import { calendarDaysBetween, defaultTimeZone, millisecondsPerDay } from '../calendar/calendar';
import { toInstant } from '../calendar/clock';
import type { Customer } from '../schemas/customer';
import type { Interaction } from '../schemas/interaction';
import type { Invoice, Payment } from '../schemas/invoice';
import type { SubscriptionEvent } from '../schemas/subscription-event';
import type { SupportTicket } from '../schemas/support-ticket';
import type { SurveyResponse } from '../schemas/survey-response';
import type { UsageEvent } from '../schemas/usage-event';
import type { CustomerSnapshot } from './customer-snapshot';

/** Everything known about one customer: the input of {@link snapshotFromRecords}. */
export interface CustomerRecords {
  readonly customer: Customer;
  readonly usageEvents: readonly UsageEvent[];
  readonly supportTickets: readonly SupportTicket[];
  readonly surveyResponses: readonly SurveyResponse[];
  readonly invoices: readonly Invoice[];
  readonly payments: readonly Payment[];
  readonly interactions: readonly Interaction[];
  readonly subscriptionEvents: readonly SubscriptionEvent[];
}

const hours = 3_600_000;
const recentInteractionCount = 20;

function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  let sum = 0;
  for (const value of values) sum += value;
  return sum / values.length;
}

function wholeMonthsBetween(from: string, to: string): number {
  const start = new Date(from);
  const end = new Date(to);
  let months =
    (end.getUTCFullYear() - start.getUTCFullYear()) * 12 + (end.getUTCMonth() - start.getUTCMonth());
  if (end.getUTCDate() < start.getUTCDate()) months -= 1;
  return Math.max(0, months);
}

function mrrAt(
  events: readonly SubscriptionEvent[],
  instant: string,
): { amount: number; currency: string } | null {
  const live = new Map<string, { amount: number; currency: string }>();
  let seen = false;
  for (const event of events) {
    if (event.occurredAt >= instant) continue;
    seen = true;
    if (event.type === 'cancel') live.delete(event.subscriptionId);
    else live.set(event.subscriptionId, event.mrr);
  }
  if (!seen) return null;
  let amount = 0;
  let currency = 'JPY';
  for (const value of live.values()) {
    amount += value.amount;
    currency = value.currency;
  }
  return { amount, currency };
}

/**
 * Builds a customer snapshot from the customer's records, purely: the same records and `asOf`
 * always give the same snapshot. Records at or after `asOf` are ignored, so a snapshot of the past
 * can be rebuilt from today's data (what backtests and training sets need).
 *
 * @param records - the customer and their records, in any order
 * @param options.asOf - the instant described (ISO)
 * @param options.timeZone - for calendar-day counts @defaultValue 'Asia/Tokyo'
 */
export function snapshotFromRecords(
  records: CustomerRecords,
  options: { readonly asOf: string; readonly timeZone?: string },
): CustomerSnapshot {
  const asOf = options.asOf;
  const timeZone = options.timeZone ?? defaultTimeZone;
  const asOfMs = Date.parse(asOf);
  const since = (daysBack: number) => toInstant(asOfMs - daysBack * millisecondsPerDay);
  const since30 = since(30);
  const since90 = since(90);
  const since180 = since(180);
  const since365 = since(365);
  const daysSince = (instant: string | null) =>
    instant === null ? null : calendarDaysBetween(instant, asOf, timeZone);
  const { customer } = records;

  // Usage and engagement: one pass over the events.
  const perWindow = [0, 0, 0, 0, 0, 0];
  let measurementsTotal = 0;
  let measurementHours90 = 0;
  let lastMeasurementAt: string | null = null;
  let lastLoginAt: string | null = null;
  let lastActivityAt: string | null = null;
  let logins30 = 0;
  let negotiations = 0;
  let mediationUsed = false;
  const reportsDelivered90 = new Set<string>();
  let reportsDeliveredTotal = 0;
  const reportsViewed = new Set<string>();
  const features30 = new Set<string>();
  const properties90 = new Set<string>();
  for (const event of records.usageEvents) {
    if (event.occurredAt >= asOf) continue;
    if (lastActivityAt === null || event.occurredAt > lastActivityAt) lastActivityAt = event.occurredAt;
    switch (event.kind) {
      case 'measurement': {
        measurementsTotal += 1;
        if (lastMeasurementAt === null || event.occurredAt > lastMeasurementAt)
          lastMeasurementAt = event.occurredAt;
        const window = Math.floor((asOfMs - Date.parse(event.occurredAt)) / (30 * millisecondsPerDay));
        if (window < 6) perWindow[5 - window]! += 1;
        if (event.occurredAt >= since90) {
          measurementHours90 += event.hours;
          if (event.propertyId !== undefined) properties90.add(event.propertyId);
        }
        break;
      }
      case 'login':
        if (lastLoginAt === null || event.occurredAt > lastLoginAt) lastLoginAt = event.occurredAt;
        if (event.occurredAt >= since30) logins30 += 1;
        break;
      case 'report_delivered':
        reportsDeliveredTotal += 1;
        if (event.occurredAt >= since90) reportsDelivered90.add(event.reportId);
        break;
      case 'report_view':
        reportsViewed.add(event.reportId);
        break;
      case 'feature_use':
        if (event.occurredAt >= since30) features30.add(event.feature);
        break;
      case 'negotiation':
        negotiations += 1;
        break;
      case 'mediation':
        mediationUsed = true;
        break;
    }
  }
  let reportsViewed90 = 0;
  for (const reportId of reportsDelivered90) if (reportsViewed.has(reportId)) reportsViewed90 += 1;
  const measurements90 = perWindow[3]! + perWindow[4]! + perWindow[5]!;

  // Support.
  let tickets30 = 0;
  let tickets90 = 0;
  let ticketsTotal = 0;
  let openTickets = 0;
  let escalated90 = 0;
  const resolutionHours: number[] = [];
  const firstResponseHours: number[] = [];
  for (const ticket of records.supportTickets) {
    if (ticket.openedAt >= asOf) continue;
    ticketsTotal += 1;
    if (ticket.openedAt >= since30) tickets30 += 1;
    if (ticket.openedAt >= since90) tickets90 += 1;
    if (ticket.resolvedAt === undefined || ticket.resolvedAt >= asOf) openTickets += 1;
    if (ticket.escalatedAt !== undefined && ticket.escalatedAt < asOf && ticket.escalatedAt >= since90)
      escalated90 += 1;
    if (ticket.resolvedAt !== undefined && ticket.resolvedAt < asOf && ticket.resolvedAt >= since90) {
      resolutionHours.push((Date.parse(ticket.resolvedAt) - Date.parse(ticket.openedAt)) / hours);
    }
    if (ticket.firstResponseAt !== undefined && ticket.firstResponseAt < asOf && ticket.openedAt >= since90) {
      firstResponseHours.push((Date.parse(ticket.firstResponseAt) - Date.parse(ticket.openedAt)) / hours);
    }
  }

  // Satisfaction.
  let latestNps: { score: number; respondedAt: string } | null = null;
  let latestCes: { score: number; respondedAt: string } | null = null;
  let lastSurveyAt: string | null = null;
  const csat90: number[] = [];
  for (const response of records.surveyResponses) {
    if (response.respondedAt >= asOf) continue;
    if (lastSurveyAt === null || response.respondedAt > lastSurveyAt) lastSurveyAt = response.respondedAt;
    if (response.type === 'nps' && (latestNps === null || response.respondedAt > latestNps.respondedAt)) {
      latestNps = { score: response.score, respondedAt: response.respondedAt };
    } else if (
      response.type === 'ces' &&
      (latestCes === null || response.respondedAt > latestCes.respondedAt)
    ) {
      latestCes = { score: response.score, respondedAt: response.respondedAt };
    } else if (response.type === 'csat' && response.respondedAt >= since90) {
      csat90.push(response.score);
    }
  }

  // Interactions.
  const past = records.interactions
    .filter((interaction) => interaction.occurredAt < asOf)
    .sort((left, right) =>
      left.occurredAt === right.occurredAt
        ? left.id < right.id
          ? -1
          : 1
        : left.occurredAt < right.occurredAt
          ? -1
          : 1,
    );
  let interactions30 = 0;
  let inbound30 = 0;
  let labelled30 = 0;
  let negative30 = 0;
  let positive30 = 0;
  for (const interaction of past) {
    if (interaction.occurredAt < since30) continue;
    interactions30 += 1;
    if (interaction.direction === 'inbound') inbound30 += 1;
    if (interaction.sentiment !== undefined) labelled30 += 1;
    if (interaction.sentiment === 'NEGATIVE') negative30 += 1;
    if (interaction.sentiment === 'POSITIVE') positive30 += 1;
  }

  // Financial.
  const paidByInvoice = new Map<string, number>();
  let totalPaid = 0;
  let paidCurrency = customer.contract?.mrr.currency;
  for (const payment of records.payments) {
    if (payment.paidAt >= asOf) continue;
    totalPaid += payment.amount.amount;
    paidCurrency ??= payment.amount.currency;
    if (payment.invoiceId !== undefined) {
      paidByInvoice.set(
        payment.invoiceId,
        (paidByInvoice.get(payment.invoiceId) ?? 0) + payment.amount.amount,
      );
    }
  }
  const unpaidInvoices: CustomerSnapshot['financial']['unpaidInvoices'] = [];
  const delays: number[] = [];
  for (const invoice of records.invoices) {
    if (invoice.issuedAt >= asOf) continue;
    const paidInFull =
      (invoice.paidAt !== undefined && invoice.paidAt < asOf) ||
      (paidByInvoice.get(invoice.id) ?? 0) >= invoice.amount.amount;
    if (paidInFull) {
      if (invoice.paidAt !== undefined && invoice.paidAt >= since365) {
        delays.push(Math.max(0, calendarDaysBetween(invoice.dueAt, invoice.paidAt, timeZone)));
      }
      continue;
    }
    unpaidInvoices.push({
      id: invoice.id,
      issuedAt: invoice.issuedAt,
      dueAt: invoice.dueAt,
      amount: invoice.amount,
      daysSinceIssued: Math.max(0, calendarDaysBetween(invoice.issuedAt, asOf, timeZone)),
      daysOverdue: Math.max(0, calendarDaysBetween(invoice.dueAt, asOf, timeZone)),
    });
  }
  unpaidInvoices.sort((left, right) =>
    left.issuedAt === right.issuedAt
      ? left.id < right.id
        ? -1
        : 1
      : left.issuedAt < right.issuedAt
        ? -1
        : 1,
  );
  let maxDaysOverdue = 0;
  for (const invoice of unpaidInvoices) maxDaysOverdue = Math.max(maxDaysOverdue, invoice.daysOverdue);

  // Subscription.
  const subscriptionEvents = [...records.subscriptionEvents].sort((left, right) =>
    left.occurredAt === right.occurredAt
      ? left.id < right.id
        ? -1
        : 1
      : left.occurredAt < right.occurredAt
        ? -1
        : 1,
  );
  const previousMrr = new Map<string, number>();
  let downgrades180 = 0;
  for (const event of subscriptionEvents) {
    if (event.occurredAt >= asOf) break;
    const before = previousMrr.get(event.subscriptionId);
    if (
      event.type === 'change' &&
      before !== undefined &&
      event.mrr.amount < before &&
      event.occurredAt >= since180
    ) {
      downgrades180 += 1;
    }
    previousMrr.set(event.subscriptionId, event.mrr.amount);
  }

  const contract = customer.contract;
  return {
    schemaVersion: 1,
    asOf,
    timeZone,
    customer,
    contract:
      contract === undefined
        ? null
        : {
            plan: customer.plan,
            monthlyMeasurementLimit: contract.monthlyMeasurementLimit,
            mrr: contract.mrr,
            startsAt: contract.startsAt,
            endsAt: contract.endsAt ?? null,
            termMonths: contract.termMonths,
            daysUntilRenewal:
              contract.endsAt === undefined ? null : calendarDaysBetween(asOf, contract.endsAt, timeZone),
            tenureMonths: contract.startsAt < asOf ? wholeMonthsBetween(contract.startsAt, asOf) : 0,
            managedProperties: contract.managedProperties,
            propertiesMeasuredLast90Days: properties90.size,
            apiEnabled: contract.apiEnabled,
            autoRenew: contract.autoRenew,
          },
    usage: {
      measurementsLast30Days: perWindow[5]!,
      measurementsLast90Days: measurements90,
      measurementHoursLast90Days: measurementHours90,
      measurementsPer30Days: perWindow,
      measurementsTotal,
      lastMeasurementAt,
      daysSinceLastMeasurement: daysSince(lastMeasurementAt),
      negotiationsTotal: negotiations,
      mediationUsed,
    },
    engagement: {
      lastLoginAt,
      daysSinceLastLogin: daysSince(lastLoginAt),
      loginsLast30Days: logins30,
      reportsDeliveredLast90Days: reportsDelivered90.size,
      reportsViewedLast90Days: reportsViewed90,
      reportsDeliveredTotal,
      featuresUsedLast30Days: [...features30].sort(),
      lastActivityAt,
    },
    support: {
      ticketsLast30Days: tickets30,
      ticketsLast90Days: tickets90,
      ticketsTotal,
      openTickets,
      escalatedLast90Days: escalated90,
      averageResolutionHours: mean(resolutionHours),
      averageFirstResponseHours: mean(firstResponseHours),
    },
    satisfaction: {
      latestNps,
      averageCsatLast90Days: mean(csat90),
      latestCes: latestCes?.score ?? null,
      lastSurveyAt,
    },
    interactions: {
      last30Days: interactions30,
      inboundLast30Days: inbound30,
      labelledLast30Days: labelled30,
      negativeLast30Days: negative30,
      positiveLast30Days: positive30,
      negativeRatioLast30Days: labelled30 === 0 ? null : negative30 / labelled30,
      recent: past.slice(-recentInteractionCount),
    },
    financial: {
      unpaidInvoices,
      maxDaysOverdue,
      averagePaymentDelayDays: mean(delays),
      totalPaid: { amount: totalPaid, currency: paidCurrency ?? 'JPY' },
    },
    subscription: {
      currentMrr: mrrAt(subscriptionEvents, asOf),
      mrr90DaysAgo: mrrAt(subscriptionEvents, since90),
      downgradesLast180Days: downgrades180,
    },
  };
}
