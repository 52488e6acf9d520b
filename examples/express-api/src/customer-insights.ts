import { buildSnapshot, type CustomerSnapshot, type Store, toInstant } from '@kizuna/core';
import { type HealthResult, healthSignals, scoreHealth } from '@kizuna/health';
import type { ApiContext } from './api-context';

/** The result kind the pipeline stores health scores under (and this API reads). */
export const healthResultKind = 'health';

/** A health result with where it came from. */
export interface HealthReading {
  /** `stored`: the latest score the pipeline wrote; `computed`: scored now from the records. */
  readonly source: 'stored' | 'computed';
  readonly asOf: string;
  readonly health: HealthResult;
}

/** The instant a request describes: `asOf` when given, else now. */
export function resolveAsOf(context: Pick<ApiContext, 'clock'>, asOf: string | undefined): string {
  return asOf ?? toInstant(context.clock.now());
}

/** Builds the snapshot of one customer at `asOf`. @throws KizunaError `NOT_FOUND` for an unknown customer */
export function snapshotAt(
  context: Pick<ApiContext, 'store' | 'timeZone'>,
  customerId: string,
  asOf: string,
): Promise<CustomerSnapshot> {
  return buildSnapshot(context.store, customerId, { asOf, timeZone: context.timeZone });
}

/**
 * Scores a customer's health at `asOf` from its snapshot, against the latest stored score before
 * `asOf`, so the result explains what moved (`delta`).
 */
export async function computeHealth(store: Store, snapshot: CustomerSnapshot): Promise<HealthResult> {
  const asOf = snapshot.asOf;
  const previous = await store.getLatestResult(healthResultKind, snapshot.customer.id, { before: asOf });
  const signals = healthSignals(snapshot, { asOf });
  const previousHealth = previous?.value as unknown as HealthResult | undefined;
  return scoreHealth(signals, {
    asOf,
    ...(previousHealth !== undefined && typeof previousHealth.score === 'number'
      ? { previous: previousHealth }
      : {}),
  });
}

/**
 * The health of a customer: the latest stored score when no instant is asked for (cheap: one
 * query), else a fresh score at `asOf`.
 */
export async function readHealth(
  context: Pick<ApiContext, 'store' | 'timeZone' | 'clock'>,
  customerId: string,
  options: { readonly asOf?: string; readonly live?: boolean },
): Promise<HealthReading> {
  if (options.asOf === undefined && options.live !== true) {
    const stored = await context.store.getLatestResult(healthResultKind, customerId);
    if (stored !== undefined) {
      return { source: 'stored', asOf: stored.asOf, health: stored.value as unknown as HealthResult };
    }
  }
  const asOf = resolveAsOf(context, options.asOf);
  const snapshot = await snapshotAt(context, customerId, asOf);
  return { source: 'computed', asOf, health: await computeHealth(context.store, snapshot) };
}

/** Plain sentences that say why the score is what it is and what moved it. */
export function explainHealth(health: HealthResult): string[] {
  const lines = [
    `Score ${formatScore(health.score)} of 100 (${health.band}) on the ${health.scorecardId} scorecard, data coverage ${Math.round(health.coverage * 100)} %.`,
  ];
  for (const component of health.components) {
    lines.push(
      `${component.label}: ${formatScore(component.points)} of ${formatScore(component.maxPoints)} points${component.coverage < 1 ? ` (coverage ${Math.round(component.coverage * 100)} %)` : ''}.`,
    );
  }
  if (health.delta !== undefined) lines.push(`Change since the last score: ${health.delta.explanation}.`);
  if (health.override !== undefined)
    lines.push(
      `Overridden to ${formatScore(health.override.score)} (${health.override.band}): ${health.override.reason}.`,
    );
  for (const recommendation of health.recommendations) lines.push(`Recommended: ${recommendation.message}`);
  return lines;
}

function formatScore(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}
