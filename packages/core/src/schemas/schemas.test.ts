import { describe, expect, it } from 'vitest';
import type * as z from 'zod';
import { customerSchema } from './customer';
import { kpiDailySchema, leadSchema } from './funnel-tables';
import { interactionSchema } from './interaction';
import { invoiceSchema, paymentSchema } from './invoice';
import { instantSchema, moneySchema, timeZoneSchema } from './primitives';
import { recordId, recordTime } from './record-kinds';
import { subscriptionEventSchema } from './subscription-event';
import { supportTicketSchema } from './support-ticket';
import { surveyResponseSchema } from './survey-response';
import { usageEventSchema } from './usage-event';

function issuesOf(schema: z.ZodType, input: unknown): string[] {
  const result = schema.safeParse(input);
  if (result.success) return [];
  return result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}

const b2b = {
  id: 'c1',
  name: '東京住宅管理株式会社',
  segment: 'b2b',
  plan: 'pro',
  createdAt: '2026-01-01T00:00:00Z',
  contract: {
    startsAt: '2026-01-01T00:00:00Z',
    endsAt: '2027-01-01T00:00:00Z',
    monthlyMeasurementLimit: 20,
    mrr: { amount: 80_000 },
  },
};

describe('instantSchema', () => {
  it('normalises UTC instants to the millisecond form', () => {
    expect(instantSchema.parse('2026-04-01T09:30:00Z')).toBe('2026-04-01T09:30:00.000Z');
    expect(instantSchema.parse('2026-04-01T09:30:00.5Z')).toBe('2026-04-01T09:30:00.500Z');
  });

  it('rejects offsets, dates without time and nonsense with a readable message', () => {
    for (const value of ['2026-04-01T09:30:00+09:00', '2026-04-01', 'tomorrow', 1_700_000_000_000]) {
      expect(issuesOf(instantSchema, value)).toEqual([
        ': expected an ISO-8601 UTC instant such as 2026-04-01T09:30:00Z',
      ]);
    }
  });
});

describe('moneySchema', () => {
  it('defaults the currency to JPY and keeps integer minor units', () => {
    expect(moneySchema.parse({ amount: 12_800 })).toEqual({ amount: 12_800, currency: 'JPY' });
  });

  it('rejects fractional amounts and lower-case currencies', () => {
    expect(issuesOf(moneySchema, { amount: 99.5, currency: 'usd' })).toEqual([
      'amount: expected an integer amount in minor units',
      'currency: expected an ISO 4217 code such as JPY',
    ]);
  });
});

describe('timeZoneSchema', () => {
  it('accepts IANA names and rejects unknown zones', () => {
    expect(timeZoneSchema.parse('America/New_York')).toBe('America/New_York');
    expect(issuesOf(timeZoneSchema, 'Mars/Olympus')).toEqual([
      ': expected an IANA time-zone name such as Asia/Tokyo',
    ]);
  });
});

describe('customerSchema', () => {
  it('applies defaults to a B2B customer', () => {
    const customer = customerSchema.parse(b2b);
    expect(customer.addOns).toEqual([]);
    expect(customer.contract).toMatchObject({
      termMonths: 12,
      managedProperties: 0,
      apiEnabled: false,
      autoRenew: true,
    });
    expect(customer.contract?.mrr).toEqual({ amount: 80_000, currency: 'JPY' });
  });

  it('requires a contract for B2B customers, and not for B2C', () => {
    const { contract: _contract, ...withoutContract } = b2b;
    expect(issuesOf(customerSchema, withoutContract)).toEqual(['contract: a b2b customer needs a contract']);
    expect(issuesOf(customerSchema, { ...withoutContract, segment: 'b2c', plan: 'standard' })).toEqual([]);
  });

  it('rejects a contract that ends before it starts and a zero measurement limit', () => {
    const bad = {
      ...b2b,
      contract: { ...b2b.contract, endsAt: '2025-01-01T00:00:00Z', monthlyMeasurementLimit: 0 },
    };
    expect(issuesOf(customerSchema, bad)).toEqual([
      'contract.monthlyMeasurementLimit: expected a positive monthly measurement limit',
      'contract.endsAt: endsAt is before startsAt',
    ]);
    const reversed = { ...b2b, contract: { ...b2b.contract, endsAt: '2025-01-01T00:00:00Z' } };
    expect(issuesOf(customerSchema, reversed)).toEqual(['contract.endsAt: endsAt is before startsAt']);
  });

  it('rejects an unknown segment and a malformed e-mail', () => {
    expect(issuesOf(customerSchema, { ...b2b, segment: 'b2g', email: 'not-an-email' })).toEqual([
      'email: expected an e-mail address',
      'segment: Invalid option: expected one of "b2c"|"b2b"',
    ]);
  });
});

describe('usageEventSchema', () => {
  it('accepts each kind with its own fields', () => {
    const base = { id: 'e', customerId: 'c1', occurredAt: '2026-03-01T00:00:00Z' };
    expect(usageEventSchema.parse({ ...base, kind: 'measurement', hours: 2 }).kind).toBe('measurement');
    expect(usageEventSchema.parse({ ...base, kind: 'feature_use', feature: 'api' }).kind).toBe('feature_use');
    expect(usageEventSchema.parse({ ...base, kind: 'report_view', reportId: 'r1' }).kind).toBe('report_view');
  });

  it('rejects a negative measurement duration and an unknown kind', () => {
    const base = { id: 'e', customerId: 'c1', occurredAt: '2026-03-01T00:00:00Z' };
    expect(issuesOf(usageEventSchema, { ...base, kind: 'measurement', hours: -1 })).toEqual([
      'hours: Too small: expected number to be >=0',
    ]);
    expect(issuesOf(usageEventSchema, { ...base, kind: 'purchase' })[0]).toMatch(/^kind: /);
  });
});

describe('supportTicketSchema', () => {
  it('rejects lifecycle instants before the ticket was opened', () => {
    expect(
      issuesOf(supportTicketSchema, {
        id: 't1',
        customerId: 'c1',
        openedAt: '2026-03-02T00:00:00Z',
        resolvedAt: '2026-03-01T00:00:00Z',
      }),
    ).toEqual(['resolvedAt: resolvedAt is before openedAt']);
  });
});

describe('surveyResponseSchema', () => {
  it('bounds each survey type by its own scale', () => {
    const base = { id: 's', customerId: 'c1', respondedAt: '2026-03-01T00:00:00Z' };
    expect(issuesOf(surveyResponseSchema, { ...base, type: 'nps', score: 10 })).toEqual([]);
    expect(issuesOf(surveyResponseSchema, { ...base, type: 'nps', score: 11 })).toEqual([
      'score: Too big: expected number to be <=10',
    ]);
    expect(issuesOf(surveyResponseSchema, { ...base, type: 'csat', score: 0 })).toEqual([
      'score: Too small: expected number to be >=1',
    ]);
    expect(issuesOf(surveyResponseSchema, { ...base, type: 'ces', score: 7 })).toEqual([]);
  });
});

describe('invoiceSchema and paymentSchema', () => {
  it('rejects a due date before issue and a negative invoice, but allows refunds', () => {
    expect(
      issuesOf(invoiceSchema, {
        id: 'i1',
        customerId: 'c1',
        issuedAt: '2026-03-10T00:00:00Z',
        dueAt: '2026-03-01T00:00:00Z',
        amount: { amount: -1 },
      }),
    ).toEqual(['amount.amount: Too small: expected number to be >=0', 'dueAt: dueAt is before issuedAt']);
    expect(
      issuesOf(paymentSchema, {
        id: 'p1',
        customerId: 'c1',
        paidAt: '2026-03-10T00:00:00Z',
        amount: { amount: -500 },
      }),
    ).toEqual([]);
  });
});

describe('subscriptionEventSchema', () => {
  it('requires a cancel to bring MRR to zero', () => {
    const cancel = {
      id: 's1',
      customerId: 'c1',
      subscriptionId: 'sub1',
      type: 'cancel',
      occurredAt: '2026-03-01T00:00:00Z',
      mrr: { amount: 5_000 },
    };
    expect(issuesOf(subscriptionEventSchema, cancel)).toEqual(['mrr.amount: a cancel event must have mrr 0']);
    expect(issuesOf(subscriptionEventSchema, { ...cancel, mrr: { amount: 0 } })).toEqual([]);
  });
});

describe('interactionSchema', () => {
  it('accepts only the three sentiment labels', () => {
    const interaction = {
      id: 'i1',
      customerId: 'c1',
      channel: 'chat',
      direction: 'inbound',
      occurredAt: '2026-03-01T00:00:00Z',
      text: '夜中の足音がひどいです',
    };
    expect(issuesOf(interactionSchema, { ...interaction, sentiment: 'NEGATIVE' })).toEqual([]);
    expect(issuesOf(interactionSchema, { ...interaction, sentiment: 'ANGRY' })[0]).toMatch(/^sentiment: /);
  });
});

describe('funnel tables', () => {
  it('keys KPI rows by date and files them at midnight UTC', () => {
    const row = kpiDailySchema.parse({
      date: '2026-03-01',
      websiteVisitors: 1,
      lpVisitors: 1,
      optIns: 0,
      consultationRequests: 0,
      consultationsHeld: 0,
      sales: 0,
      revenue: { amount: 0 },
    });
    expect(recordId('kpiDaily', row)).toBe('2026-03-01');
    expect(recordTime('kpiDaily', row)).toBe('2026-03-01T00:00:00.000Z');
    expect(issuesOf(kpiDailySchema, { ...row, date: '2026-3-1' })).toEqual([
      'date: expected a calendar date such as 2026-04-01',
    ]);
  });

  it('files leads by their opt-in instant', () => {
    const lead = leadSchema.parse({ id: 'l1', source: 'sns', optInAt: '2026-03-01T12:00:00Z' });
    expect(lead.status).toBe('active');
    expect(recordTime('lead', lead)).toBe('2026-03-01T12:00:00.000Z');
  });
});
