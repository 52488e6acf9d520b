import { parseInput, type SupportTicket, supportTicketSchema } from '@kizuna/core';
import * as z from 'zod';
import { type DistributionSummary, summarizeDistribution } from '../statistics/quantiles';
import { ratioOrNull } from '../statistics/ratio';

/** Tier-4 operational KPIs of seeds/001 §9.1 over support tickets. */
export interface SupportKpis {
  /** Tickets opened in the range. */
  readonly tickets: number;
  /** Minutes from opening to the first response, over answered tickets (seed target 5 minutes). */
  readonly firstResponseMinutes: DistributionSummary | null;
  /** Hours from opening to resolution, over resolved tickets (seed target 4 hours). */
  readonly resolutionHours: DistributionSummary | null;
  /** Tickets never escalated to a person ÷ tickets (seed: 自動化された対応 / 全対応). */
  readonly automationRate: number | null;
  /** Tickets resolved by self-service (the bot or the FAQ) ÷ tickets. */
  readonly selfServiceRate: number | null;
  /** Tickets escalated to a person ÷ tickets (seed: 人的介入が必要だった割合). */
  readonly escalationRate: number | null;
  /** Tickets still open. */
  readonly open: number;
}

/**
 * First response time, resolution time, automation, self-service and escalation rates from support
 * tickets opened in [from, to). Open tickets count in the rates' denominators and in `open`, not in
 * the resolution times.
 *
 * @throws KizunaValidationError for invalid tickets
 * @example
 * ```ts
 * const tickets = [
 *   { id: 't1', customerId: 'acme', openedAt: '2026-04-01T09:00:00Z', firstResponseAt: '2026-04-01T09:05:00Z' },
 *   { id: 't2', customerId: 'acme', openedAt: '2026-04-02T10:00:00Z', firstResponseAt: '2026-04-02T10:20:00Z' },
 *   { id: 't3', customerId: 'sakura', openedAt: '2026-04-03T11:00:00Z', firstResponseAt: '2026-04-03T11:12:00Z' },
 * ];
 * console.log(computeSupportKpis(tickets).firstResponseMinutes?.median); // 12 (of 5, 12 and 20 minutes)
 * ```
 */
export function computeSupportKpis(
  ticketsInput: readonly z.input<typeof supportTicketSchema>[],
  range: { readonly from?: string; readonly to?: string } = {},
): SupportKpis {
  const parsed = parseInput(z.array(supportTicketSchema), ticketsInput, 'support tickets');
  const from = range.from === undefined ? Number.NEGATIVE_INFINITY : Date.parse(range.from);
  const to = range.to === undefined ? Number.POSITIVE_INFINITY : Date.parse(range.to);
  const tickets = parsed.filter((ticket: SupportTicket) => {
    const time = Date.parse(ticket.openedAt);
    return time >= from && time < to;
  });
  const firstResponse = tickets
    .filter((ticket) => ticket.firstResponseAt !== undefined)
    .map((ticket) => (Date.parse(ticket.firstResponseAt!) - Date.parse(ticket.openedAt)) / 60_000);
  const resolution = tickets
    .filter((ticket) => ticket.resolvedAt !== undefined)
    .map((ticket) => (Date.parse(ticket.resolvedAt!) - Date.parse(ticket.openedAt)) / 3_600_000);
  const escalated = tickets.filter((ticket) => ticket.escalatedAt !== undefined).length;
  return {
    tickets: tickets.length,
    firstResponseMinutes: summarizeDistribution(firstResponse),
    resolutionHours: summarizeDistribution(resolution),
    automationRate: ratioOrNull(tickets.length - escalated, tickets.length),
    selfServiceRate: ratioOrNull(
      tickets.filter((ticket) => ticket.resolvedBySelfService).length,
      tickets.length,
    ),
    escalationRate: ratioOrNull(escalated, tickets.length),
    open: tickets.filter((ticket) => ticket.resolvedAt === undefined).length,
  };
}
