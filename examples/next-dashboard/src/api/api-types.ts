/**
 * The response shapes of the Kizuna Express API that the dashboard reads (see the API's
 * `GET /openapi.json`). Where a route sends an engine's result as it is, the engine's own type is
 * used (`HealthResult` from @kizuna/health; `ExecutiveDashboard`, `MarketingDashboard`,
 * `RevenueReport`, `SalesFunnelResult` and `Bottleneck` from @kizuna/funnel; `CustomerSnapshot` and
 * `Action` from @kizuna/core); the shapes the API builds itself are typed here.
 */
import type { Action } from '@kizuna/core';
import type { Bottleneck, SalesFunnelResult } from '@kizuna/funnel';
import type { HealthResult } from '@kizuna/health';

export type { CustomerSnapshot } from '@kizuna/core';
export type {
  Bottleneck,
  ExecutiveDashboard,
  KpiResult,
  MarketingDashboard,
  RevenueCohort,
  RevenuePeriod,
  RevenueReport,
  SalesFunnelResult,
} from '@kizuna/funnel';
export type { HealthResult } from '@kizuna/health';

/** `red` / `yellow` / `green`. */
export type HealthStatus = 'red' | 'yellow' | 'green';

/** An amount in the currency's minor unit (yen for JPY). */
export interface Money {
  readonly amount: number;
  readonly currency?: string;
}

/** A recommended next step of the health playbook. */
export interface PlaybookStep {
  readonly type: string;
  readonly action: string;
  readonly priority: string;
  readonly automated: boolean;
  readonly message: string;
}

/** One item of `GET /v1/health`: a customer's latest stored health result. */
export interface LatestHealth extends HealthResult {
  readonly customerId: string;
  /** When the pipeline scored it. */
  readonly computedAt: string;
}

/** `GET /v1/customers/{id}/health`. */
export interface HealthReading {
  readonly customerId: string;
  readonly asOf: string;
  readonly source: 'stored' | 'computed';
  readonly health: HealthResult;
  readonly explanation: readonly string[];
}

/** `GET /v1/customers/{id}/churn`. */
export interface ChurnReading {
  readonly customerId: string;
  readonly asOf: string;
  readonly source: 'stored' | 'computed';
  readonly prediction: {
    readonly churnProbability: number;
    readonly riskLevel: string;
    readonly method: 'model' | 'rules';
    readonly topRiskFactors: readonly { readonly feature: string; readonly contribution: number }[];
    readonly retentionPlan: readonly Record<string, unknown>[];
    readonly modelVersion?: string | null;
  };
}

/** `GET /v1/customers/{id}/recommendations`. */
export interface RecommendationsReading {
  readonly customerId: string;
  readonly asOf: string;
  readonly health: { readonly score: number; readonly band: string; readonly status: string };
  readonly playbook: readonly PlaybookStep[];
  readonly expansion: {
    readonly recommendations: readonly {
      readonly ruleId: string;
      readonly product: string;
      readonly confidence: number;
      readonly reason?: string;
    }[];
    readonly matchedRuleIds: readonly string[];
    readonly suppressed: boolean;
    readonly suppressedReason?: string;
  };
}

/** An action the pipeline decided (an alert or a task): core's `Action` as JSON. */
export type AlertAction = Action;

/** One entry of `GET /v1/alerts`. */
export interface AlertEntry {
  readonly action: AlertAction;
  readonly status: 'pending' | 'delivering' | 'delivered' | 'failed';
  readonly attempts: number;
  readonly enqueuedAt: string;
  readonly deliveredAt?: string;
  readonly done: { readonly doneAt: string; readonly doneBy: string; readonly note?: string } | null;
}

/** `GET /v1/dashboards/sales-funnel?month=YYYY-MM`: the seven levels against their targets. */
export interface SalesFunnelReading {
  readonly month: string;
  readonly funnel: SalesFunnelResult;
  readonly bottleneck: Bottleneck | null;
}

/** How a renewal of the month stands. */
export type RenewalStanding = 'automatic' | 'negotiating' | 'at-risk';

/** One contract ending in the month, as `GET /v1/renewals` sends it. */
export interface RenewalEntry {
  readonly customerId: string;
  readonly name: string;
  readonly csmId?: string | null;
  readonly endsAt: string;
  readonly autoRenew: boolean;
  readonly mrr: Money;
  readonly health: { readonly score: number; readonly status: HealthStatus } | null;
  readonly standing: RenewalStanding;
}

/** `GET /v1/renewals?month=YYYY-MM`: every contract ending in the month, in one read. */
export interface RenewalsReading {
  readonly month: string;
  readonly renewals: readonly RenewalEntry[];
}

/** One page of `GET /v1/alerts`. */
export interface AlertPage {
  readonly alerts: AlertEntry[];
  readonly nextCursor?: string | null;
}

/** Traffic-light counts, average and average change of a set of accounts' latest scores. */
export interface HealthSummary {
  /** Accounts with a stored health score. */
  readonly accounts: number;
  readonly counts: Record<HealthStatus, number>;
  readonly average: number | null;
  /** Mean change since each account's previous score, over accounts that have one. */
  readonly averageChange: number | null;
}

/** `GET /v1/health/summary`: overall (of one CSM with `csm`) and per owning CSM. */
export interface HealthSummaryReading {
  /** The latest `asOf` among the scores in `overall`, or null when none. */
  readonly asOf: string | null;
  readonly overall: HealthSummary;
  /** Every CSM who owns accounts (`csmId` null: scored accounts nobody owns). */
  readonly byCsm: readonly (HealthSummary & { readonly csmId: string | null })[];
}

/** One item of `GET /v1/customer-profiles`. */
export interface CustomerProfile {
  readonly customerId: string;
  readonly name: string;
  readonly csmId: string | null;
  readonly segment: string;
  readonly plan: string;
  /** When the customer left; null while they are a customer. */
  readonly churnedAt: string | null;
}

/** One step occurrence of a customer's journey (`GET /v1/customers/{id}/journeys`). */
export interface CustomerJourneyStep {
  readonly stepId: string;
  readonly title: string;
  readonly type: string;
  readonly channel: string;
  readonly owner: string;
  readonly priority: string;
  readonly automated: boolean;
  /** When the occurrence is (or was) due. */
  readonly dueAt: string;
  /** sent: delivered; due: in the outbox, not delivered yet; upcoming: still to come; skipped: not sent. */
  readonly state: 'sent' | 'due' | 'upcoming' | 'skipped';
  readonly skipReason?: 'completed' | 'condition_not_met' | 'repeat_finished' | 'expired';
  readonly actionKey?: string;
  /** A person marked its action done. */
  readonly done: boolean;
  /** An upcoming step whose condition does not hold now: it happens only if the facts change. */
  readonly conditional: boolean;
}

/** One journey of a customer with every planned step. */
export interface CustomerJourney {
  readonly journeyId: string;
  readonly name: string;
  readonly anchor: string;
  readonly anchorAt: string;
  readonly subjectId?: string;
  readonly exited: boolean;
  readonly steps: readonly CustomerJourneyStep[];
}

/** `GET /v1/customers/{id}/journeys`. */
export interface CustomerJourneysReading {
  readonly customerId: string;
  /** The pipeline run the plans come from; null when no run planned a journey for the customer. */
  readonly asOf: string | null;
  readonly journeys: readonly CustomerJourney[];
}
