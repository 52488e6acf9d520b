import { instantSchema, type Store } from '@kizuna/core';
import { computeFunnel, type FunnelEvent, funnelOptionsSchema } from '@kizuna/funnel';
import * as z from 'zod';
import type { ApiContext } from '../api-context';
import { ApiProblem } from '../problem-details';
import { apiIdSchema } from './common-schemas';
import { defineRoute, type RouteDefinition } from './route-definition';

/** Most events one funnel query loads from the store; narrow the range beyond that. */
export const maxFunnelEvents = 200_000;

const funnelQuerySchema = z.object({
  /**
   * Where the events come from. `usage`: usage events, user = customer, event name = the usage kind
   * (`login`, `measurement`, `report_view`, ...; features as `feature_use:<feature>`). `sales`: the
   * sales-funnel tables, user = lead: `lead`, `email_sent`, `email_opened`, `email_clicked`,
   * `consultation_requested`, `consultation_attended`, `consultation_won`, `customer`.
   */
  source: z.enum(['usage', 'sales']),
  /** Inclusive start of the events loaded. */
  from: instantSchema.optional(),
  /** Exclusive end of the events loaded. */
  to: instantSchema.optional(),
  /** `usage` only: only these customers. */
  customerIds: z.array(apiIdSchema()).max(10_000).optional(),
  /** The funnel: steps, window, order, exclusions, breakdown, trend (see @kizuna/funnel). */
  options: funnelOptionsSchema,
});

function ensureWithinLimit(loaded: number): void {
  if (loaded > maxFunnelEvents)
    throw new ApiProblem('UNPROCESSABLE', 'Too many events in this range: narrow from/to.');
}

async function usageEvents(store: Store, query: z.output<typeof funnelQuerySchema>): Promise<FunnelEvent[]> {
  const records = await store.listRecords('usageEvent', {
    ...(query.from === undefined ? {} : { from: query.from }),
    ...(query.to === undefined ? {} : { to: query.to }),
    ...(query.customerIds === undefined ? {} : { customerIds: query.customerIds }),
    limit: maxFunnelEvents + 1,
  });
  ensureWithinLimit(records.length);
  return records.map((event) => ({
    userId: event.customerId,
    name: event.kind === 'feature_use' ? `feature_use:${event.feature}` : event.kind,
    timestamp: event.occurredAt,
  }));
}

async function salesEvents(store: Store, query: z.output<typeof funnelQuerySchema>): Promise<FunnelEvent[]> {
  const range = {
    ...(query.from === undefined ? {} : { from: query.from }),
    ...(query.to === undefined ? {} : { to: query.to }),
    limit: maxFunnelEvents + 1,
  };
  const [leads, emails, consultations, customers] = await Promise.all([
    store.listRecords('lead', range),
    store.listRecords('emailEngagement', range),
    store.listRecords('consultation', range),
    store.listRecords('funnelCustomer', range),
  ]);
  for (const table of [leads, emails, consultations, customers]) ensureWithinLimit(table.length);
  const events: FunnelEvent[] = [];
  for (const lead of leads)
    events.push({
      userId: lead.id,
      name: 'lead',
      timestamp: lead.optInAt,
      properties: { source: lead.source },
    });
  for (const email of emails) {
    events.push({ userId: email.leadId, name: 'email_sent', timestamp: email.sentAt });
    if (email.opened) events.push({ userId: email.leadId, name: 'email_opened', timestamp: email.sentAt });
    if (email.clicked) events.push({ userId: email.leadId, name: 'email_clicked', timestamp: email.sentAt });
  }
  for (const consultation of consultations) {
    const requested = consultation.requestedAt ?? consultation.scheduledAt;
    events.push({ userId: consultation.leadId, name: 'consultation_requested', timestamp: requested });
    if (consultation.attended)
      events.push({
        userId: consultation.leadId,
        name: 'consultation_attended',
        timestamp: consultation.scheduledAt,
      });
    if (consultation.outcome === 'won')
      events.push({
        userId: consultation.leadId,
        name: 'consultation_won',
        timestamp: consultation.scheduledAt,
      });
  }
  for (const customer of customers)
    events.push({
      userId: customer.leadId,
      name: 'customer',
      timestamp: customer.startedAt,
      properties: { plan: customer.plan },
    });
  return events;
}

/** Event funnels over the stored usage events or the sales-funnel tables. */
export function funnelRoutes(context: ApiContext): RouteDefinition[] {
  return [
    defineRoute({
      method: 'post',
      path: '/v1/funnels/query',
      operationId: 'queryFunnel',
      summary: 'Compute a funnel over stored events',
      description: `Sequential, strict or any-order funnels with a conversion window, exclusions, breakdowns and trends (PostHog's semantics). Loads at most ${maxFunnelEvents.toLocaleString('en-US')} events per source table: narrow from/to beyond that.`,
      tag: 'funnels',
      scope: 'read',
      usesStore: true,
      body: { kind: 'json', schema: funnelQuerySchema, maxBytes: 256 * 1024 },
      responses: {
        200: {
          description: 'The funnel',
          schema: z
            .object({
              steps: z.array(z.object({ name: z.string(), count: z.number() }).loose()),
              warnings: z.array(z.string()),
            })
            .loose(),
        },
      },
      handle: async ({ body }) => {
        const events =
          body.source === 'usage'
            ? await usageEvents(context.store, body)
            : await salesEvents(context.store, body);
        return { body: computeFunnel(events, body.options) };
      },
    }),
  ];
}
