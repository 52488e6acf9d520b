import {
  type Action,
  buildSnapshots,
  type CustomerSnapshot,
  freezeForReuse,
  type KizunaEventBus,
  type Outbox,
  planJourney,
  type Store,
  type StoredResult,
} from '@kizuna/core';
import {
  b2bOnboardingJourney,
  type EvaluateAlertsOptions,
  type ExpansionRecommendation,
  evaluateAlerts,
  type HealthResult,
  type HealthSignals,
  healthSignals,
  planUpsellCampaign,
  recommendExpansion,
  scoreHealth,
  upsellCampaignJourney,
} from '@kizuna/health';
import type { ChurnStage } from '../churn/churn-stage';
import {
  alertJourneyPlans,
  journeyPlansKind,
  reusableJourney,
  type StoredJourneyPlan,
  storedJourneyPlan,
} from './journey-plans';
import { emptyShardWork, maximumFailuresKept, type ShardWork } from './shard-work';
import { toJsonValue } from './to-json-value';

/** Result kinds the pipeline stores per customer, keyed by (kind, customerId, asOf). */
export const resultKinds = {
  health: 'health',
  churn: 'churn',
  expansion: 'expansion',
  /** The journeys planned for the customer in the run, with their due, skipped and upcoming steps. */
  journeyPlans: journeyPlansKind,
} as const;

/** Days after a contract starts during which the B2B onboarding journey is planned. */
const onboardingWindowDays = 32;
const millisecondsPerDay = 86_400_000;
/** Customers scored between two yields to the event loop. */
const yieldEvery = 20;

/** Everything one run shares across its batches. */
export interface PipelineContext {
  readonly store: Store;
  /** The instant the run describes: snapshots, scores and keys are all at this instant. */
  readonly asOf: string;
  readonly timeZone: string;
  readonly featureCatalogue: readonly string[];
  readonly churn: ChurnStage;
  readonly outbox: Outbox;
  readonly events?: KizunaEventBus;
  /**
   * Look up each customer's previous health result (for the delta). False on a store's first run,
   * where there is none: it saves one query per batch. @defaultValue true
   */
  readonly comparePrevious?: boolean;
  /** Thresholds of the proactive alerts (the seed's by default). */
  readonly alertOptions?: Omit<EvaluateAlertsOptions, 'asOf'>;
}

interface Decided {
  readonly snapshot: CustomerSnapshot;
  readonly health: HealthResult;
  readonly campaignCandidates: readonly ExpansionRecommendation[];
}

function failureMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function elapsedSince(start: number): number {
  return performance.now() - start;
}

/**
 * Runs the pipeline of DESIGN.md over one batch of customers: snapshots (one query per record
 * kind) → health with the delta against the previous stored result → churn → alerts, onboarding
 * journey, expansion and upsell campaign → results stored and actions put into the outbox. The
 * plans of the journeys planned for a customer (dunning per unpaid invoice, detractor follow-up,
 * onboarding, upsell campaigns) are stored together
 * as one `journey-plans` result, so the customer page can show the steps still to come.
 * Customers who churned at or before `asOf` are skipped and counted (`customersChurned`).
 *
 * Idempotent: results are keyed by (kind, customerId, asOf) and actions by deterministic keys, so
 * processing the same batch again (a retried shard after a crash) replaces the same results and
 * enqueues nothing new. A customer an engine fails on is counted with its reason and skipped; a
 * store failure fails the batch (the caller retries it).
 */
export async function processCustomers(
  context: PipelineContext,
  customerIds: readonly string[],
): Promise<ShardWork> {
  const work = emptyShardWork();
  const { store, asOf } = context;
  work.customersListed = customerIds.length;
  if (customerIds.length === 0) return work;

  let start = performance.now();
  // Reusable (frozen, known valid): each engine validates its input, and a reusable snapshot (or
  // signals object) is validated at most once per schema however many engines it is handed to.
  const snapshots = await buildSnapshots(store, customerIds, {
    asOf,
    timeZone: context.timeZone,
    reusable: true,
  });
  work.customersMissing = customerIds.length - snapshots.length;
  const previousHealth =
    context.comparePrevious === false
      ? new Map<string, StoredResult>()
      : await latestBefore(store, resultKinds.health, customerIds, asOf);
  work.snapshotMilliseconds += elapsedSince(start);

  const results: StoredResult[] = [];
  const actions: Action[] = [];
  const decided: Decided[] = [];
  const journeyPlans = new Map<string, StoredJourneyPlan[]>();
  const keepPlan = (customerId: string, plan: StoredJourneyPlan) => {
    const plans = journeyPlans.get(customerId);
    if (plans === undefined) journeyPlans.set(customerId, [plan]);
    else plans.push(plan);
  };
  const fail = (customerId: string, stage: string, error: unknown) => {
    work.customersFailed += 1;
    if (work.failures.length < maximumFailuresKept) {
      work.failures.push({ customerId, stage, message: failureMessage(error) });
    }
  };

  for (const [index, snapshot] of snapshots.entries()) {
    // Yield now and then: queue locks are renewed by timers on this event loop, and a long
    // synchronous stretch would let a lock lapse and the shard be handed to another worker.
    if (index % yieldEvery === yieldEvery - 1) await new Promise((resolve) => setImmediate(resolve));
    const customerId = snapshot.customer.id;
    // A customer who has left gets no score, alert, journey step or campaign.
    const churnedAt = snapshot.customer.churnedAt;
    if (churnedAt !== undefined && churnedAt <= asOf) {
      work.customersChurned += 1;
      continue;
    }
    let health: HealthResult;
    let signals: HealthSignals;
    start = performance.now();
    try {
      signals = freezeForReuse(
        healthSignals(snapshot, { asOf, featureCatalogue: [...context.featureCatalogue] }),
      );
      const previous = previousHealth.get(customerId)?.value as HealthResult | undefined;
      health = scoreHealth(signals, {
        asOf,
        ...(isPreviousHealth(previous) ? { previous } : {}),
      });
      if (isPreviousHealth(previous)) {
        work.customersWithPrevious += 1;
        if (previous.status !== health.status) work.bandChanges += 1;
      }
    } catch (error) {
      work.healthMilliseconds += elapsedSince(start);
      fail(customerId, 'health', error);
      continue;
    }
    work.healthMilliseconds += elapsedSince(start);
    results.push({ kind: resultKinds.health, customerId, asOf, value: toJsonValue(health) });
    work.customersScored += 1;
    work.healthScoreSum += health.score;
    work.bands[health.status] = (work.bands[health.status] ?? 0) + 1;

    start = performance.now();
    try {
      const churn = context.churn.predict(snapshot, asOf);
      if (churn !== null) {
        results.push({ kind: resultKinds.churn, customerId, asOf, value: churn.value });
        actions.push(...churn.actions);
        work.churnPredicted += 1;
        work.churnLevels[churn.riskLevel] = (work.churnLevels[churn.riskLevel] ?? 0) + 1;
      }
    } catch (error) {
      fail(customerId, 'churn', error);
    }
    work.churnMilliseconds += elapsedSince(start);

    start = performance.now();
    try {
      const alerts = evaluateAlerts(snapshot, health, { ...context.alertOptions, asOf });
      for (const check of alerts.checks) {
        if (check.fired) work.alertsFired[check.trigger] = (work.alertsFired[check.trigger] ?? 0) + 1;
      }
      actions.push(...alerts.actions);
      for (const plan of alertJourneyPlans(snapshot, alerts, asOf)) keepPlan(customerId, plan);

      const contract = snapshot.contract;
      if (
        contract !== null &&
        Date.parse(asOf) - Date.parse(contract.startsAt) <= onboardingWindowDays * millisecondsPerDay
      ) {
        const plan = planJourney(
          reusableJourney(b2bOnboardingJourney),
          {
            customerId,
            anchorAt: contract.startsAt,
            facts: { firstMeasurementDone: snapshot.usage.measurementsTotal > 0 },
          },
          asOf,
        );
        work.journeyStepsDue += plan.due.length;
        actions.push(...plan.due);
        keepPlan(customerId, storedJourneyPlan(b2bOnboardingJourney, plan, contract.startsAt));
      }

      const expansion = recommendExpansion(signals, { health: { status: health.status } });
      if (expansion.suppressed && expansion.matchedRuleIds.length > 0) work.expansionSuppressed += 1;
      if (expansion.recommendations.length > 0) {
        work.expansionRecommended += 1;
        const campaignCandidates = expansion.recommendations.filter(
          (recommendation) => recommendation.campaign,
        );
        decided.push({ snapshot, health, campaignCandidates });
        results.push({
          kind: resultKinds.expansion,
          customerId,
          asOf,
          value: toJsonValue(expansion),
        });
      }
    } catch (error) {
      fail(customerId, 'decisions', error);
    }
    work.decisionMilliseconds += elapsedSince(start);
  }

  start = performance.now();
  // Upsell campaigns are anchored at the first run that recommended the product, so a daily run
  // continues the same campaign (same keys) instead of starting a new one.
  const withCampaigns = decided.filter((entry) => entry.campaignCandidates.length > 0);
  const previousExpansion =
    withCampaigns.length === 0
      ? new Map<string, StoredResult>()
      : await latestBefore(
          store,
          resultKinds.expansion,
          withCampaigns.map((entry) => entry.snapshot.customer.id),
          asOf,
        );
  for (const entry of withCampaigns) {
    const customerId = entry.snapshot.customer.id;
    const recommendedAt = firstRecommendedAt(previousExpansion.get(customerId)?.value);
    const stored = results.find(
      (result) => result.kind === resultKinds.expansion && result.customerId === customerId,
    );
    const anchors: Record<string, string> = {};
    try {
      for (const recommendation of entry.campaignCandidates) {
        const anchor = recommendedAt[recommendation.product] ?? asOf;
        anchors[recommendation.product] = anchor;
        const plan = planUpsellCampaign(recommendation, { customerId, recommendedAt: anchor }, asOf);
        if (plan !== null) {
          work.journeyStepsDue += plan.due.length;
          actions.push(...plan.due);
          keepPlan(
            customerId,
            storedJourneyPlan(upsellCampaignJourney, plan, anchor, recommendation.product),
          );
        }
      }
    } catch (error) {
      fail(customerId, 'decisions', error);
    }
    if (stored !== undefined) {
      const index = results.indexOf(stored);
      results[index] = {
        ...stored,
        value: { ...(stored.value as Record<string, never>), recommendedAt: anchors },
      };
    }
  }
  // One result per customer with at least one journey, in the same write as the others; keyed by
  // (kind, customerId, asOf), so a re-run of the instant replaces it.
  for (const [customerId, journeys] of journeyPlans) {
    results.push({
      kind: resultKinds.journeyPlans,
      customerId,
      asOf,
      value: toJsonValue({ asOf, journeys }),
    });
  }
  work.decisionMilliseconds += elapsedSince(start);

  start = performance.now();
  await store.putResults(results);
  work.actionsDecided = actions.length;
  if (actions.length > 0) {
    const enqueue = await context.outbox.enqueue(actions);
    work.actionsEnqueued = enqueue.enqueued.length;
    work.actionsDuplicate = enqueue.duplicates.length;
    emitDecisionEvents(context, actions, new Set(enqueue.enqueued));
  }
  work.storeMilliseconds += elapsedSince(start);
  emitResultEvents(context, results);
  return work;
}

/** The latest result of a kind before `asOf` of each customer, in one store query. */
async function latestBefore(
  store: Store,
  kind: string,
  customerIds: readonly string[],
  asOf: string,
): Promise<Map<string, StoredResult>> {
  const latest = await store.getLatestResults(kind, { customerIds, before: asOf });
  return new Map(latest.map((result) => [result.customerId, result]));
}

function isPreviousHealth(value: unknown): value is HealthResult {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { score?: unknown }).score === 'number' &&
    Array.isArray((value as { components?: unknown }).components)
  );
}

function firstRecommendedAt(value: unknown): Record<string, string> {
  if (typeof value !== 'object' || value === null) return {};
  const recommendedAt = (value as { recommendedAt?: unknown }).recommendedAt;
  if (typeof recommendedAt !== 'object' || recommendedAt === null) return {};
  return Object.fromEntries(
    Object.entries(recommendedAt).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
  );
}

function emitResultEvents(context: PipelineContext, results: readonly StoredResult[]): void {
  const { events, asOf } = context;
  if (events === undefined) return;
  for (const result of results) {
    const value = result.value as Record<string, unknown>;
    if (result.kind === resultKinds.health) {
      events.emit('health.scored', {
        occurredAt: asOf,
        customerId: result.customerId,
        score: value.score as number,
        band: value.band as string,
        asOf,
      });
    } else if (result.kind === resultKinds.churn) {
      events.emit('churn.predicted', {
        occurredAt: asOf,
        customerId: result.customerId,
        probability: value.probability as number,
        riskLevel: String(value.riskLevel),
        modelVersion: context.churn.modelVersion ?? context.churn.method,
      });
    } else if (result.kind === resultKinds.expansion) {
      const recommendations = (value.recommendations ?? []) as { ruleId: string }[];
      events.emit('expansion.recommended', {
        occurredAt: asOf,
        customerId: result.customerId,
        ruleIds: recommendations.map((recommendation) => recommendation.ruleId),
      });
    }
  }
}

function emitDecisionEvents(
  context: PipelineContext,
  actions: readonly Action[],
  enqueued: ReadonlySet<string>,
): void {
  const { events, asOf } = context;
  if (events === undefined) return;
  for (const action of actions) {
    if (!enqueued.has(action.idempotencyKey) || action.customerId === undefined) continue;
    const [engine, ruleId] = [action.source.engine, action.source.ruleId];
    if (engine === 'health' && ruleId.startsWith('alert/')) {
      events.emit('alert.raised', {
        occurredAt: asOf,
        customerId: action.customerId,
        alertId: ruleId.slice('alert/'.length),
        idempotencyKey: action.idempotencyKey,
        priority: action.priority,
      });
    } else if (ruleId.includes('/')) {
      const [journeyId, stepId] = ruleId.split('/') as [string, string];
      events.emit('journey.step-due', {
        occurredAt: asOf,
        journeyId,
        stepId,
        customerId: action.customerId,
        idempotencyKey: action.idempotencyKey,
      });
    }
  }
}
