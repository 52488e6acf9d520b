import type { CustomerInput, RecordInputOf } from '@kizuna/core';
import { callNotes, chatMessages, companyPrefixes, companySuffixes, personName } from './japanese-text';
import { createRandom, type Random } from './random';

/** Options of {@link generateDataset}. */
export interface DatasetOptions {
  /** The instant "now" for the dataset: history runs for a year before it. */
  readonly asOf: string;
  /** @defaultValue 42 */
  readonly seed?: number;
  /** @defaultValue 300 */
  readonly b2bCustomers?: number;
  /** @defaultValue 3000 */
  readonly b2cCustomers?: number;
  /** Leads through the sales funnel over the year. @defaultValue 6000 */
  readonly leads?: number;
}

/** Every record of the demo, by store kind. */
export interface DemoDataset {
  readonly asOf: string;
  readonly customer: CustomerInput[];
  readonly usageEvent: RecordInputOf<'usageEvent'>[];
  readonly supportTicket: RecordInputOf<'supportTicket'>[];
  readonly surveyResponse: RecordInputOf<'surveyResponse'>[];
  readonly invoice: RecordInputOf<'invoice'>[];
  readonly payment: RecordInputOf<'payment'>[];
  readonly interaction: RecordInputOf<'interaction'>[];
  readonly subscriptionEvent: RecordInputOf<'subscriptionEvent'>[];
  readonly lead: RecordInputOf<'lead'>[];
  readonly emailEngagement: RecordInputOf<'emailEngagement'>[];
  readonly consultation: RecordInputOf<'consultation'>[];
  readonly funnelCustomer: RecordInputOf<'funnelCustomer'>[];
  readonly customerSuccess: RecordInputOf<'customerSuccess'>[];
  readonly kpiDaily: RecordInputOf<'kpiDaily'>[];
}

const day = 86_400_000;
const b2bPlans = [
  { plan: 'basic', limit: 5, mrr: 50_000, weight: 0.45 },
  { plan: 'pro', limit: 20, mrr: 120_000, weight: 0.4 },
  { plan: 'enterprise', limit: 50, mrr: 300_000, weight: 0.15 },
] as const;
const b2bFeatures = [
  'dashboard',
  'export',
  'alerts',
  'tenant_guide',
  'api',
  'multi_property',
  'scheduled_report',
];
const b2cPlans = [
  { plan: 'light', price: 8_800, weight: 0.3 },
  { plan: 'standard', price: 12_800, weight: 0.55 },
  { plan: 'premium', price: 24_800, weight: 0.15 },
] as const;

function weighted<Item extends { readonly weight: number }>(random: Random, items: readonly Item[]): Item {
  let roll = random.next();
  for (const item of items) {
    roll -= item.weight;
    if (roll < 0) return item;
  }
  return items[items.length - 1]!;
}

const clamp = (value: number, low: number, high: number) => Math.min(high, Math.max(low, value));

/** A B2B customer's chance of cancelling at renewal, by its latent health then. */
function renewalChurnProbability(health: number): number {
  if (health < 0.35) return 0.8;
  if (health < 0.5) return 0.25;
  return 0.04;
}

/**
 * Generates the demo's realistic, seeded dataset. The generative process:
 *
 * - **B2B** property managers sign a 12-month contract at some point in the two years before `asOf`
 *   (activity records cover the last 365 days).
 *   Each has a latent health `h` in [0, 1] that drifts month by month (a random walk with a pull
 *   towards the customer's own level). Monthly measurements are Poisson(limit × (0.2 + 1.1 h)),
 *   logins Poisson(4 + 18 h), each measurement delivers a report that is viewed with probability
 *   0.25 + 0.7 h, features used grow with h. Tickets arrive at Poisson(0.4 + 1.6 (1 − h)) a month,
 *   escalate with probability 0.5 (1 − h); quarterly NPS is 3 + 7 h plus noise; CSAT follows
 *   tickets; invoices are monthly and paid 0–3 days late, or 5–40 days late when h < 0.3; chat and
 *   e-mail interactions are negative with probability 0.6 (1 − h). A customer whose health stays
 *   low churns at renewal (probability 0.8 when h < 0.35 at renewal, 0.25 when h < 0.5, 0.04
 *   otherwise) or mid-term (5% a month while h < 0.3); churn ends the subscription and the activity.
 * - **B2C** customers (satisfaction `s` in [0, 1]) buy one measurement (light / standard /
 *   premium), get a report, view it (probability 0.6 + 0.35 s), try negotiating with their
 *   neighbour, sometimes buy AI mediation, answer an NPS survey (2 + 8 s plus noise) and chat with
 *   support (negative with probability 0.45 (1 − s): angry, asking for refunds or a lawyer). After
 *   the case a customer leaves (`churnedAt` 25–150 days after the report: cancels the follow-up,
 *   asks for a refund, unsubscribes) with probability 0.1 + 0.8 (1 − s), + 0.2 without viewing the
 *   report, + 0.15 after a negative chat (at most 0.95); one who stays books a repeat measurement
 *   30–150 days later with probability 0.45 s.
 * - **Funnel**: leads opt in from SNS, ads, referrals and search; get a 7-day nurture sequence;
 *   a share ask for a consultation, most attend, most of those sign; KPI_Daily sums the days.
 */
export function generateDataset(options: DatasetOptions): DemoDataset {
  const random = createRandom(options.seed ?? 42);
  const asOf = Date.parse(options.asOf);
  const iso = (milliseconds: number) => new Date(Math.floor(milliseconds / 1000) * 1000).toISOString();
  const dataset: DemoDataset = {
    asOf: iso(asOf),
    customer: [],
    usageEvent: [],
    supportTicket: [],
    surveyResponse: [],
    invoice: [],
    payment: [],
    interaction: [],
    subscriptionEvent: [],
    lead: [],
    emailEngagement: [],
    consultation: [],
    funnelCustomer: [],
    customerSuccess: [],
    kpiDaily: [],
  };

  // --- B2B -------------------------------------------------------------------------------------
  for (let index = 0; index < (options.b2bCustomers ?? 300); index += 1) {
    const id = `b2b-${String(index + 1).padStart(4, '0')}`;
    const offer = weighted(random, b2bPlans);
    const startsAt = asOf - random.integer(40, 720) * day;
    const level = clamp(random.normal(0.56, 0.25), 0.02, 0.98);
    let health = level;
    const managedProperties =
      random.integer(10, 40) * (offer.plan === 'enterprise' ? 10 : offer.plan === 'pro' ? 3 : 1);
    const termEnd = (from: number) => from + 365 * day;
    let renewalAt = termEnd(startsAt);
    while (renewalAt < asOf - 30 * day) renewalAt = termEnd(renewalAt);
    let churnedAt: number | undefined;
    const contractMrr = offer.mrr;
    dataset.subscriptionEvent.push({
      id: `${id}-sub-start`,
      customerId: id,
      subscriptionId: `${id}-sub`,
      type: 'start',
      occurredAt: iso(startsAt),
      mrr: { amount: contractMrr },
      plan: offer.plan,
    });
    let currentMrr: number = contractMrr;
    let monthStart = startsAt;
    let month = 0;
    let nextRenewal = termEnd(startsAt);
    const historyStart = asOf - 365 * day;
    while (monthStart < asOf && churnedAt === undefined) {
      const monthEnd = Math.min(asOf, monthStart + 30 * day);
      health = clamp(health + random.normal(0, 0.08) + 0.15 * (level - health), 0.01, 0.99);
      if (monthEnd <= historyStart) {
        // Before the year of history the demo keeps: only the contract's course (renewals, churn).
        if (monthEnd >= nextRenewal) {
          if (random.chance(renewalChurnProbability(health))) churnedAt = nextRenewal;
          nextRenewal = termEnd(nextRenewal);
        } else if (health < 0.3 && random.chance(0.05)) {
          churnedAt = monthStart + Math.floor(random.next() * (monthEnd - monthStart));
        }
        monthStart = monthEnd;
        month += 1;
        continue;
      }
      const span = monthEnd - monthStart;
      const at = () => monthStart + Math.floor(random.next() * span);
      // Usage.
      const measurements = random.poisson(offer.limit * (0.2 + 1.1 * health) * (span / (30 * day)));
      for (let count = 0; count < measurements; count += 1) {
        const occurredAt = at();
        const reportId = `${id}-r${month}-${count}`;
        dataset.usageEvent.push({
          id: `${id}-m${month}-${count}`,
          customerId: id,
          kind: 'measurement',
          occurredAt: iso(occurredAt),
          hours: random.pick([1, 2, 2, 3, 4]),
          propertyId: `${id}-p${random.integer(1, managedProperties)}`,
        });
        const deliveredAt = Math.min(asOf - 1000, occurredAt + random.integer(1, 3) * day);
        if (deliveredAt < monthEnd + 3 * day) {
          dataset.usageEvent.push({
            id: `${reportId}-d`,
            customerId: id,
            kind: 'report_delivered',
            occurredAt: iso(deliveredAt),
            reportId,
          });
          if (random.chance(0.25 + 0.7 * health)) {
            const viewedAt = deliveredAt + random.integer(1, 72) * 3_600_000;
            if (viewedAt < asOf)
              dataset.usageEvent.push({
                id: `${reportId}-v`,
                customerId: id,
                kind: 'report_view',
                occurredAt: iso(viewedAt),
                reportId,
              });
          }
        }
      }
      const logins = random.poisson((4 + 18 * health) * (span / (30 * day)));
      for (let count = 0; count < logins; count += 1) {
        dataset.usageEvent.push({
          id: `${id}-l${month}-${count}`,
          customerId: id,
          kind: 'login',
          occurredAt: iso(at()),
        });
      }
      const featureCount = Math.round(1 + health * (b2bFeatures.length - 1) * random.next() + health * 2);
      for (let count = 0; count < Math.min(featureCount, b2bFeatures.length); count += 1) {
        dataset.usageEvent.push({
          id: `${id}-f${month}-${count}`,
          customerId: id,
          kind: 'feature_use',
          occurredAt: iso(at()),
          feature: b2bFeatures[count]!,
        });
      }
      // Support.
      const tickets = random.poisson(0.4 + 1.6 * (1 - health));
      for (let count = 0; count < tickets; count += 1) {
        const openedAt = at();
        const escalated = random.chance(0.5 * (1 - health));
        const resolvedAt = openedAt + random.integer(2, 96) * 3_600_000 * (escalated ? 3 : 1);
        dataset.supportTicket.push({
          id: `${id}-t${month}-${count}`,
          customerId: id,
          openedAt: iso(openedAt),
          firstResponseAt: iso(openedAt + random.integer(5, 240) * 60_000),
          ...(escalated ? { escalatedAt: iso(openedAt + random.integer(1, 24) * 3_600_000) } : {}),
          ...(resolvedAt < asOf ? { resolvedAt: iso(resolvedAt) } : {}),
          channel: random.pick(['chat', 'email', 'phone', 'web'] as const),
          priority: escalated ? 'high' : 'normal',
          resolvedBySelfService: !escalated && random.chance(0.35),
        });
        if (resolvedAt < asOf && random.chance(0.6)) {
          dataset.surveyResponse.push({
            id: `${id}-csat${month}-${count}`,
            customerId: id,
            type: 'csat',
            score: clamp(Math.round(1.5 + 3.5 * health + random.normal(0, 0.6)), 1, 5),
            respondedAt: iso(Math.min(asOf - 1000, resolvedAt + 3_600_000)),
          });
        }
      }
      if (month % 3 === 2) {
        dataset.surveyResponse.push({
          id: `${id}-nps${month}`,
          customerId: id,
          type: 'nps',
          score: clamp(Math.round(3 + 7 * health + random.normal(0, 1.2)), 0, 10),
          respondedAt: iso(at()),
        });
      }
      // Interactions.
      const interactions = random.poisson(1 + 2 * (1 - health));
      for (let count = 0; count < interactions; count += 1) {
        const negative = random.chance(0.6 * (1 - health));
        const positive = !negative && random.chance(0.4 * health);
        dataset.interaction.push({
          id: `${id}-x${month}-${count}`,
          customerId: id,
          channel: random.pick(['chat', 'email', 'phone'] as const),
          direction: 'inbound',
          occurredAt: iso(at()),
          text: random.pick(
            negative ? chatMessages.negative : positive ? chatMessages.positive : chatMessages.neutral,
          ),
          sentiment: negative ? 'NEGATIVE' : positive ? 'POSITIVE' : 'NEUTRAL',
        });
      }
      if (random.chance(0.2)) {
        dataset.interaction.push({
          id: `${id}-call${month}`,
          customerId: id,
          channel: 'phone',
          direction: 'outbound',
          occurredAt: iso(at()),
          text: random.pick(callNotes),
        });
      }
      // Billing: an invoice at the start of each month, due in 10 days.
      const issuedAt = monthStart;
      const dueAt = issuedAt + 10 * day;
      const delay = health < 0.3 ? random.integer(5, 40) : random.chance(0.15) ? random.integer(1, 3) : 0;
      const paidAt = dueAt + delay * day - random.integer(0, 5) * day;
      const invoiceId = `${id}-inv${month}`;
      dataset.invoice.push({
        id: invoiceId,
        customerId: id,
        issuedAt: iso(issuedAt),
        dueAt: iso(dueAt),
        amount: { amount: currentMrr },
        ...(paidAt < asOf ? { paidAt: iso(Math.max(issuedAt + 3_600_000, paidAt)) } : {}),
      });
      if (paidAt < asOf) {
        dataset.payment.push({
          id: `${invoiceId}-pay`,
          customerId: id,
          invoiceId,
          paidAt: iso(Math.max(issuedAt + 3_600_000, paidAt)),
          amount: { amount: currentMrr },
        });
      }
      // Plan changes and churn.
      if (monthEnd >= nextRenewal) {
        if (random.chance(renewalChurnProbability(health))) churnedAt = nextRenewal;
        nextRenewal = termEnd(nextRenewal);
      } else if (health < 0.3 && random.chance(0.05)) {
        churnedAt = at();
      } else if (health > 0.8 && random.chance(0.03) && currentMrr < 300_000) {
        currentMrr = Math.round(currentMrr * 1.5);
        dataset.subscriptionEvent.push({
          id: `${id}-sub-up${month}`,
          customerId: id,
          subscriptionId: `${id}-sub`,
          type: 'change',
          occurredAt: iso(at()),
          mrr: { amount: currentMrr },
        });
      } else if (health < 0.35 && random.chance(0.04) && currentMrr > 50_000) {
        currentMrr = Math.round(currentMrr * 0.7);
        dataset.subscriptionEvent.push({
          id: `${id}-sub-down${month}`,
          customerId: id,
          subscriptionId: `${id}-sub`,
          type: 'change',
          occurredAt: iso(at()),
          mrr: { amount: currentMrr },
        });
      }
      monthStart = monthEnd;
      month += 1;
    }
    if (churnedAt !== undefined) {
      dataset.subscriptionEvent.push({
        id: `${id}-sub-cancel`,
        customerId: id,
        subscriptionId: `${id}-sub`,
        type: 'cancel',
        occurredAt: iso(churnedAt),
        mrr: { amount: 0 },
      });
    }
    while (renewalAt < asOf) renewalAt = termEnd(renewalAt);
    dataset.customer.push({
      id,
      name: `${random.pick(companyPrefixes)}${random.pick(companySuffixes)}株式会社`,
      email: `cs+${id}@example.jp`,
      segment: 'b2b',
      plan: offer.plan,
      createdAt: iso(startsAt),
      csmId: `csm-${random.integer(1, 6)}`,
      tags: offer.plan === 'enterprise' ? ['key-account'] : [],
      contract: {
        startsAt: iso(startsAt),
        endsAt: iso(renewalAt),
        termMonths: 12,
        monthlyMeasurementLimit: offer.limit,
        mrr: { amount: currentMrr },
        managedProperties,
        apiEnabled: offer.plan === 'enterprise' && random.chance(0.5),
        autoRenew: random.chance(0.7),
      },
      ...(churnedAt === undefined ? {} : { churnedAt: iso(churnedAt) }),
    });
  }

  // --- B2C -------------------------------------------------------------------------------------
  for (let index = 0; index < (options.b2cCustomers ?? 3000); index += 1) {
    const id = `b2c-${String(index + 1).padStart(5, '0')}`;
    const offer = weighted(random, b2cPlans);
    const createdAt = asOf - random.integer(1, 365) * day - random.integer(0, 86_399) * 1000;
    const satisfaction = clamp(random.normal(0.7, 0.2), 0, 1);
    const addOns = random.chance(0.12) ? ['ai_mediation'] : [];
    const customer: CustomerInput = {
      id,
      name: personName(random),
      segment: 'b2c',
      plan: offer.plan,
      addOns,
      createdAt: iso(createdAt),
    };
    dataset.customer.push(customer);
    let negativeChats = 0;
    const chats = random.poisson(1.5);
    for (let count = 0; count < chats; count += 1) {
      const occurredAt = createdAt + random.integer(0, 20) * day + random.integer(0, 86_399) * 1000;
      if (occurredAt >= asOf) continue;
      const negative = random.chance(0.45 * (1 - satisfaction));
      if (negative) negativeChats += 1;
      dataset.interaction.push({
        id: `${id}-x${count}`,
        customerId: id,
        channel: 'chat',
        direction: 'inbound',
        occurredAt: iso(occurredAt),
        text: random.pick(negative ? chatMessages.negative : chatMessages.neutral),
        conversationId: `${id}-conv${count}`,
        sentiment: negative ? 'NEGATIVE' : 'NEUTRAL',
      });
    }
    const measure = (suffix: string, measuredAt: number, paidAt: number) => {
      dataset.usageEvent.push({
        id: `${id}-m${suffix}`,
        customerId: id,
        kind: 'measurement',
        occurredAt: iso(measuredAt),
        hours: offer.plan === 'light' ? 1 : 2,
      });
      dataset.payment.push({
        id: `${id}-pay${suffix}`,
        customerId: id,
        paidAt: iso(paidAt),
        amount: { amount: offer.price },
      });
      const deliveredAt = measuredAt + random.integer(1, 3) * day;
      if (deliveredAt >= asOf) return { deliveredAt, viewed: false };
      dataset.usageEvent.push({
        id: `${id}-d${suffix}`,
        customerId: id,
        kind: 'report_delivered',
        occurredAt: iso(deliveredAt),
        reportId: `${id}-r${suffix}`,
      });
      const viewed = random.chance(0.6 + 0.35 * satisfaction) && deliveredAt + day < asOf;
      if (viewed) {
        dataset.usageEvent.push({
          id: `${id}-v${suffix}`,
          customerId: id,
          kind: 'report_view',
          occurredAt: iso(deliveredAt + day),
          reportId: `${id}-r${suffix}`,
        });
      }
      return { deliveredAt, viewed };
    };
    const measuredAt = createdAt + random.integer(3, 14) * day;
    if (measuredAt >= asOf) continue;
    const { deliveredAt, viewed } = measure('', measuredAt, createdAt + 3_600_000);
    if (deliveredAt >= asOf) continue;
    const negotiations = random.poisson(1.2);
    for (let count = 0; count < negotiations; count += 1) {
      const occurredAt = deliveredAt + (count + 1) * random.integer(2, 10) * day;
      if (occurredAt < asOf)
        dataset.usageEvent.push({
          id: `${id}-n${count}`,
          customerId: id,
          kind: 'negotiation',
          occurredAt: iso(occurredAt),
        });
    }
    if (addOns.length > 0 && deliveredAt + 7 * day < asOf) {
      dataset.usageEvent.push({
        id: `${id}-med`,
        customerId: id,
        kind: 'mediation',
        occurredAt: iso(deliveredAt + 7 * day),
      });
    }
    if (deliveredAt + 14 * day < asOf && random.chance(0.5)) {
      dataset.surveyResponse.push({
        id: `${id}-nps`,
        customerId: id,
        type: 'nps',
        score: clamp(Math.round(2 + 8 * satisfaction + random.normal(0, 1)), 0, 10),
        respondedAt: iso(deliveredAt + 14 * day),
      });
    }
    // After the case: an unhappy customer ends the relationship (cancels the follow-up, asks for a
    // refund, unsubscribes) some weeks later; a happy one may book again (the seed's repeat rate).
    const leaveProbability = clamp(
      0.1 + 0.8 * (1 - satisfaction) + (viewed ? 0 : 0.2) + (negativeChats > 0 ? 0.15 : 0),
      0,
      0.95,
    );
    if (random.chance(leaveProbability)) {
      const churnedAt = deliveredAt + random.integer(25, 150) * day;
      if (churnedAt < asOf) customer.churnedAt = iso(churnedAt);
    } else if (random.chance(0.45 * satisfaction)) {
      const repeatAt = deliveredAt + random.integer(30, 150) * day;
      if (repeatAt < asOf) measure('-repeat', repeatAt, repeatAt - day);
    }
  }

  // --- Funnel ----------------------------------------------------------------------------------
  const sources = ['sns', 'sns', 'ads', 'referral', 'seo'] as const;
  const magnets = ['noise-checklist', 'webinar', 'ebook'] as const;
  const daily = new Map<
    string,
    {
      visitors: number;
      lp: number;
      optIns: number;
      requests: number;
      held: number;
      sales: number;
      revenue: number;
    }
  >();
  const dayKey = (milliseconds: number) => new Date(milliseconds + 9 * 3_600_000).toISOString().slice(0, 10);
  const bump = (milliseconds: number, field: 'optIns' | 'requests' | 'held' | 'sales', revenue = 0) => {
    const key = dayKey(milliseconds);
    const row = daily.get(key) ?? {
      visitors: 0,
      lp: 0,
      optIns: 0,
      requests: 0,
      held: 0,
      sales: 0,
      revenue: 0,
    };
    row[field] += 1;
    row.revenue += revenue;
    daily.set(key, row);
  };
  for (let index = 0; index < (options.leads ?? 6000); index += 1) {
    const id = `lead-${String(index + 1).padStart(5, '0')}`;
    const optInAt = asOf - random.integer(1, 365) * day + random.integer(0, 86_399) * 1000;
    const source = random.pick(sources);
    const interest = clamp(random.normal(source === 'referral' ? 0.6 : 0.4, 0.2), 0, 1);
    bump(optInAt, 'optIns');
    dataset.lead.push({
      id,
      source,
      leadMagnetType: random.pick(magnets),
      optInAt: iso(optInAt),
      email: `${id}@example.jp`,
      tags: [],
    });
    for (let step = 0; step < 7; step += 1) {
      const sentAt = optInAt + (step + 1) * day;
      if (sentAt >= asOf) break;
      const opened = random.chance(0.25 + 0.3 * interest);
      dataset.emailEngagement.push({
        id: `${id}-e${step}`,
        leadId: id,
        campaignId: `nurture-day-${step + 1}`,
        sentAt: iso(sentAt),
        opened,
        clicked: opened && random.chance(0.15 + 0.25 * interest),
      });
    }
    if (!random.chance(0.08 + 0.4 * interest)) continue;
    const requestedAt = optInAt + random.integer(2, 10) * day;
    const scheduledAt = requestedAt + random.integer(2, 7) * day;
    if (requestedAt >= asOf) continue;
    bump(requestedAt, 'requests');
    const attended = scheduledAt < asOf && random.chance(0.88);
    const won = attended && random.chance(0.55 + 0.4 * interest);
    if (attended) bump(scheduledAt, 'held');
    dataset.consultation.push({
      id: `${id}-c`,
      leadId: id,
      requestedAt: iso(requestedAt),
      scheduledAt: iso(scheduledAt),
      attended,
      outcome:
        scheduledAt >= asOf ? 'pending' : won ? 'won' : attended && random.chance(0.3) ? 'pending' : 'lost',
    });
    if (won) {
      const startedAt = scheduledAt + random.integer(1, 14) * day;
      if (startedAt >= asOf) continue;
      const plan = weighted(random, [
        { plan: 'standard', price: 300_000, weight: 0.6 },
        { plan: 'premium', price: 600_000, weight: 0.3 },
        { plan: 'vip', price: 1_200_000, weight: 0.1 },
      ]);
      bump(startedAt, 'sales', plan.price);
      const customerId = `${id}-fc`;
      dataset.funnelCustomer.push({
        id: customerId,
        leadId: id,
        plan: plan.plan,
        price: { amount: plan.price },
        startedAt: iso(startedAt),
        status: random.chance(0.8) ? 'active' : random.chance(0.5) ? 'completed' : 'churned',
      });
      if (startedAt + 60 * day < asOf) {
        const before = random.integer(200, 2_000) * 10_000;
        dataset.customerSuccess.push({
          id: `${customerId}-s`,
          customerId,
          revenueBefore: { amount: before },
          revenueAfter: { amount: Math.round(before * clamp(random.normal(2.2, 0.8), 0.8, 5)) },
          npsScore: clamp(Math.round(random.normal(8.5, 1.5)), 0, 10),
          recordedAt: iso(startedAt + 60 * day),
        });
      }
    }
  }
  for (let back = 365; back >= 1; back -= 1) {
    const key = dayKey(asOf - back * day);
    const row = daily.get(key) ?? {
      visitors: 0,
      lp: 0,
      optIns: 0,
      requests: 0,
      held: 0,
      sales: 0,
      revenue: 0,
    };
    const lpVisitors = Math.round(row.optIns / clamp(random.normal(0.14, 0.03), 0.05, 0.3));
    const websiteVisitors = Math.round(lpVisitors * clamp(random.normal(2.2, 0.3), 1.2, 4));
    const impressions = Math.round(websiteVisitors / clamp(random.normal(0.03, 0.006), 0.01, 0.06)) * 1;
    dataset.kpiDaily.push({
      date: key,
      impressions,
      profileClicks: Math.round(impressions * 0.03),
      websiteVisitors,
      lpVisitors,
      optIns: row.optIns,
      consultationRequests: row.requests,
      consultationsHeld: row.held,
      sales: row.sales,
      revenue: { amount: row.revenue },
    });
  }
  return dataset;
}
