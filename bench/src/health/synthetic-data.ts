/**
 * Deterministic synthetic data for the health benchmark, defined by integer hashes that JavaScript
 * (Math.imul) and DuckDB SQL (BIGINT arithmetic mod 2^32) compute identically, so both engines
 * aggregate exactly the same 10 M events without shipping them across.
 */
export const day = 86_400_000;
export const asOfMs = Date.parse('2026-04-01T00:00:00.000Z');
export const windowSeconds = 120 * 86_400;
export const reportsPerCustomer = 8;
export const featureCount = 8;
export const featureSpread = 12;

/** (i × multiplier + increment) mod 2^32, exactly. */
function hash(i: number, multiplier: number, increment: number): number {
  return (Math.imul(i, multiplier | 0) + increment) >>> 0;
}

export const hashConstants = {
  kind: [2654435761, 0],
  report: [2246822519, 3266489917],
  time: [1597334677, 2654435769],
} as const;

/** Kind code by `hashKind % 16`: 0–5 measurement, 6–10 login, 11–12 delivered, 13 view, 14–15 feature. */
export const kindByBucket = Uint8Array.of(0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 2, 2, 3, 4, 4);

export interface SyntheticEvents {
  readonly customerIndex: Int32Array;
  readonly kind: Uint8Array;
  readonly occurredAt: Float64Array;
  readonly reportIndex: Int32Array;
  readonly featureIndex: Int32Array;
}

export function syntheticEvents(eventCount: number, customerCount: number): SyntheticEvents {
  const customerIndex = new Int32Array(eventCount);
  const kind = new Uint8Array(eventCount);
  const occurredAt = new Float64Array(eventCount);
  const reportIndex = new Int32Array(eventCount);
  const featureIndex = new Int32Array(eventCount);
  for (let i = 0; i < eventCount; i += 1) {
    const customer = i % customerCount;
    const kindHash = hash(i, hashConstants.kind[0], hashConstants.kind[1]);
    const reportHash = hash(i, hashConstants.report[0], hashConstants.report[1]);
    const timeHash = hash(i, hashConstants.time[0], hashConstants.time[1]);
    customerIndex[i] = customer;
    kind[i] = kindByBucket[kindHash % 16]!;
    occurredAt[i] = asOfMs - ((timeHash % windowSeconds) + 1) * 1000;
    reportIndex[i] = customer * reportsPerCustomer + (reportHash % reportsPerCustomer);
    featureIndex[i] = reportHash % featureSpread;
  }
  return { customerIndex, kind, occurredAt, reportIndex, featureIndex };
}

/** Per-customer contract, support and payment columns. */
export function syntheticCustomers(customerCount: number) {
  const monthlyMeasurementLimit = new Float64Array(customerCount);
  const openTickets = new Float64Array(customerCount);
  const escalatedTicketsLast90Days = new Float64Array(customerCount);
  const satisfactionRate = new Float64Array(customerCount);
  const daysOverdue = new Float64Array(customerCount);
  for (let c = 0; c < customerCount; c += 1) {
    monthlyMeasurementLimit[c] = 10 + (c % 21);
    openTickets[c] = c % 4;
    escalatedTicketsLast90Days[c] = c % 7 === 0 ? 1 : 0;
    satisfactionRate[c] = c % 17 === 0 ? Number.NaN : (c % 11) / 10;
    daysOverdue[c] = (c % 13) * 2;
  }
  return { monthlyMeasurementLimit, openTickets, escalatedTicketsLast90Days, satisfactionRate, daysOverdue };
}

/** The same events and customers as SQL (DuckDB), with `ts` in epoch milliseconds. */
export function syntheticSql(eventCount: number, customerCount: number): readonly string[] {
  const h = (column: string, [multiplier, increment]: readonly [number, number]) =>
    `((${column} * ${multiplier} + ${increment}) % 4294967296)`;
  const kindCase = `CASE ${[...kindByBucket].map((code, bucket) => `WHEN ${h('i', hashConstants.kind)} % 16 = ${bucket} THEN ${code}`).join(' ')} END`;
  return [
    `CREATE OR REPLACE TABLE events AS SELECT
       (i % ${customerCount})::INTEGER AS customer,
       (${kindCase})::UTINYINT AS kind,
       (${asOfMs} - ((${h('i', hashConstants.time)} % ${windowSeconds}) + 1) * 1000)::BIGINT AS ts,
       ((i % ${customerCount}) * ${reportsPerCustomer} + ${h('i', hashConstants.report)} % ${reportsPerCustomer})::INTEGER AS report,
       (${h('i', hashConstants.report)} % ${featureSpread})::INTEGER AS feature
     FROM range(${eventCount}) t(i)`,
    `CREATE OR REPLACE TABLE customers AS SELECT
       c::INTEGER AS customer,
       (10 + c % 21)::DOUBLE AS monthly_limit,
       (c % 4)::INTEGER AS open_tickets,
       (CASE WHEN c % 7 = 0 THEN 1 ELSE 0 END)::INTEGER AS escalated,
       (CASE WHEN c % 17 = 0 THEN NULL ELSE (c % 11) / 10 END)::DOUBLE AS satisfaction,
       ((c % 13) * 2)::INTEGER AS days_overdue
     FROM range(${customerCount}) t(c)`,
  ];
}

/**
 * The aggregation and the seed scorecard (zenbuB2BScorecard) as one SQL query: the same signals as
 * usageSignalColumns and the same points, missing-data policies and re-weighting as scoreHealthBatch,
 * with the same floating-point operations in the same order (points summed part by part, then
 * `earned × (100 ÷ available)` rounded to 10⁻⁶), so the scores can be compared for exact equality.
 */
export function scoringSql(): string {
  // DuckDB's least/greatest skip NULLs, so clamp with CASE to keep "no data" as NULL.
  const clamp01 = (column: string) =>
    `(CASE WHEN ${column} < 0 THEN 0 WHEN ${column} > 1 THEN 1 ELSE ${column} END)`;
  const since30 = asOfMs - 30 * day;
  const since90 = asOfMs - 90 * day;
  const tokyo = 9 * 3_600_000;
  const today = Math.floor((asOfMs + tokyo) / day);
  return `CREATE OR REPLACE TEMP TABLE scored AS
  WITH activity AS (
    SELECT customer,
      count(*) FILTER (WHERE kind = 0 AND ts >= ${since30}) AS m30,
      max(ts) FILTER (WHERE kind = 1) AS last_login,
      count(DISTINCT feature) FILTER (WHERE kind = 4 AND ts >= ${since30} AND feature < ${featureCount}) AS features
    FROM events WHERE ts < ${asOfMs} GROUP BY customer
  ), per_report AS (
    SELECT report, any_value(customer) AS customer, max(ts) FILTER (WHERE kind = 2) AS delivered_at, bool_or(kind = 3) AS viewed
    FROM events WHERE ts < ${asOfMs} AND kind IN (2, 3) GROUP BY report
  ), reports AS (
    SELECT customer, count(*) AS delivered, count(*) FILTER (WHERE viewed) AS viewed
    FROM per_report WHERE delivered_at >= ${since90} GROUP BY customer
  ), signals AS (
    SELECT c.customer,
      coalesce(a.m30, 0) / c.monthly_limit AS usage_rate,
      ${today} - floor((a.last_login + ${tokyo}) / ${day}) AS days_since_login,
      r.viewed / r.delivered AS report_view_rate,
      coalesce(a.features, 0) / ${featureCount} AS feature_rate,
      c.satisfaction, c.open_tickets, c.escalated, c.days_overdue
    FROM customers c LEFT JOIN activity a USING (customer) LEFT JOIN reports r USING (customer)
  ), points AS (
    SELECT customer,
      CASE WHEN usage_rate >= 1 THEN 35 WHEN usage_rate >= 0.7 THEN 25 WHEN usage_rate >= 0.5 THEN 15 ELSE 5 END
      + CASE WHEN days_since_login <= 7 THEN 10 WHEN days_since_login <= 14 THEN 5 ELSE 0 END
      + coalesce(${clamp01('report_view_rate')} * 10, 0)
      + ${clamp01('feature_rate')} * 5
      + coalesce(${clamp01('satisfaction')} * 10, 5)
      + CASE WHEN open_tickets <= 0 THEN 5 WHEN open_tickets <= 1 THEN 3 WHEN open_tickets <= 2 THEN 1 ELSE 0 END
      + CASE WHEN escalated <= 0 THEN 5 WHEN escalated <= 1 THEN 2 ELSE 0 END
      + CASE WHEN days_overdue <= 0 THEN 20 WHEN days_overdue <= 7 THEN 15 WHEN days_overdue <= 14 THEN 10 WHEN days_overdue <= 21 THEN 5 ELSE 0 END
        AS earned,
      100 - CASE WHEN report_view_rate IS NULL THEN 10 ELSE 0 END AS available
    FROM signals
  )
  SELECT customer, least(100, round(earned * (100 / available), 6)) AS score FROM points`;
}
