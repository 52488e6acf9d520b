import type { CustomerInput } from '@kizuna/core';

/** A tiny deterministic pseudo-random generator (mulberry32), so the demo prints the same every run. */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const companyNames = [
  '東京住宅管理',
  'さくら不動産',
  '青葉プロパティ',
  '港北レジデンス',
  '富士アセット',
  '北斗ハウジング',
];

/** Sample B2B customers and their records over the 90 days before `asOf`. */
export function sampleRecords(asOf: string, seed = 42) {
  const random = createRandom(seed);
  const asOfMs = Date.parse(asOf);
  const day = 86_400_000;
  const at = (daysAgo: number) => new Date(asOfMs - daysAgo * day).toISOString();
  const customers: CustomerInput[] = [];
  const usageEvents: unknown[] = [];
  const invoices: unknown[] = [];
  const surveyResponses: unknown[] = [];
  companyNames.forEach((name, index) => {
    const id = `b2b-${String(index + 1).padStart(3, '0')}`;
    const limit = 10 + index * 5;
    customers.push({
      id,
      name: `${name}株式会社`,
      segment: 'b2b',
      plan: index % 3 === 0 ? 'enterprise' : 'pro',
      createdAt: at(400),
      csmId: 'csm-tanaka',
      contract: {
        startsAt: at(400),
        endsAt: at(-30 - index * 40),
        monthlyMeasurementLimit: limit,
        mrr: { amount: 50_000 + index * 20_000, currency: 'JPY' },
        managedProperties: 40 + index * 10,
      },
    });
    const activity = random();
    const measurements = Math.round(limit * activity * 1.3);
    for (let count = 0; count < measurements; count += 1) {
      usageEvents.push({
        id: `${id}-m${count}`,
        customerId: id,
        kind: 'measurement',
        occurredAt: at(1 + random() * 29),
        hours: 2,
      });
    }
    usageEvents.push({
      id: `${id}-login`,
      customerId: id,
      kind: 'login',
      occurredAt: at(1 + Math.floor((1 - activity) * 30)),
    });
    const unpaid = index === 2 || index === 5;
    invoices.push({
      id: `${id}-inv`,
      customerId: id,
      issuedAt: at(unpaid ? 15 + index : 20),
      dueAt: at(unpaid ? 5 + index : 10),
      amount: { amount: 50_000 + index * 20_000, currency: 'JPY' },
      ...(unpaid ? {} : { paidAt: at(12) }),
    });
    surveyResponses.push({
      id: `${id}-nps`,
      customerId: id,
      type: 'nps',
      score: Math.round(activity * 10),
      respondedAt: at(5),
    });
  });
  return { customers, usageEvents, invoices, surveyResponses };
}
