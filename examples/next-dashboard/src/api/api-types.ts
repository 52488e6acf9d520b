/**
 * The response shapes of the Kizuna Express API that the dashboard reads (see the API's
 * `GET /openapi.json`). Only the fields shown are typed; the API may send more.
 */

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

/** A health result as the pipeline stores it (the fields the dashboard shows). */
export interface HealthResult {
  readonly scorecardId?: string;
  readonly score: number;
  readonly band: string;
  readonly status: HealthStatus;
  readonly coverage: number;
  readonly components: readonly {
    readonly id: string;
    readonly label: string;
    readonly points: number;
    readonly maxPoints: number;
    readonly coverage: number;
  }[];
  readonly reasonCodes: readonly string[];
  readonly recommendations: readonly PlaybookStep[];
  readonly delta?: {
    readonly previousScore: number;
    readonly change: number;
    readonly explanation: string;
  };
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

/** An action the pipeline decided (an alert or a task). */
export interface AlertAction {
  readonly idempotencyKey: string;
  readonly type: string;
  readonly channel: string;
  readonly owner: string;
  readonly priority: 'low' | 'medium' | 'high' | 'critical';
  readonly automated: boolean;
  readonly dueAt: string;
  readonly title: string;
  readonly reasons: readonly string[];
  readonly customerId?: string;
  /** Which engine and rule decided it (`journey` / `<journey id>/<step id>` for journey steps). */
  readonly source?: { readonly engine: string; readonly ruleId: string };
  /** Details for the notifier (a hand-over carries its conversation, summary and reasons here). */
  readonly payload?: Readonly<Record<string, unknown>>;
}

/** One entry of `GET /v1/alerts`. */
export interface AlertEntry {
  readonly action: AlertAction;
  readonly status: 'pending' | 'delivering' | 'delivered' | 'failed';
  readonly attempts: number;
  readonly enqueuedAt: string;
  readonly deliveredAt?: string;
  readonly done: { readonly doneAt: string; readonly doneBy: string; readonly note?: string } | null;
}

/** One interaction of the snapshot. */
export interface Interaction {
  readonly id: string;
  readonly channel: string;
  readonly direction: 'inbound' | 'outbound';
  readonly occurredAt: string;
  readonly text: string;
  readonly sentiment?: string;
}

/** `GET /v1/customers/{id}/snapshot` (the fields the dashboard shows). */
export interface CustomerSnapshot {
  readonly asOf: string;
  readonly customer: {
    readonly id: string;
    readonly name: string;
    readonly segment: string;
    readonly plan: string;
    /** The CSM who owns the account, when assigned. */
    readonly csmId?: string;
  };
  readonly contract: {
    readonly plan: string;
    readonly mrr: Money;
    readonly endsAt: string | null;
    readonly daysUntilRenewal: number | null;
    readonly autoRenew: boolean;
  } | null;
  readonly interactions: {
    readonly last30Days: number;
    readonly negativeRatioLast30Days: number | null;
    readonly recent: readonly Interaction[];
  };
  readonly subscription: { readonly currentMrr: Money | null };
}

/** A headline figure with last period's value. */
export interface Headline {
  readonly value: number | null;
  readonly previous: number | null;
  readonly change: number | null;
}

/** `GET /v1/dashboards/executive` (see `ExecutiveDashboard` in @kizuna/funnel). */
export interface ExecutiveDashboard {
  readonly periodStart: string;
  readonly currency: string;
  readonly mrr: Headline & { readonly goal: number; readonly attainment: number | null };
  readonly mrrGrowth: number | null;
  readonly newCustomers: Headline;
  readonly churnRate: Headline;
  readonly netRevenueRetention: Headline;
  readonly nps?: Headline;
  readonly averageHealthScore?: Headline;
  readonly trends: {
    readonly periods: readonly string[];
    readonly mrr: readonly number[];
    readonly netRevenueRetention: readonly (number | null)[];
    readonly churnRate: readonly (number | null)[];
  };
  readonly churnAnalysis: {
    readonly mrrLost: number;
    readonly customers: readonly {
      readonly customerId: string;
      readonly date: string;
      readonly mrrLost: number;
    }[];
  };
  readonly efficiency?: {
    readonly automationRate: number | null;
    readonly customersPerCsm: number | null;
    readonly firstResponseMinutesMedian: number | null;
  };
}

/** `GET /v1/dashboards/marketing` (the fields shown). */
export interface MarketingDashboard {
  readonly month: string;
  readonly funnel: readonly {
    readonly stage: string;
    readonly count: number;
    readonly conversionFromPrevious: number | null;
  }[];
}

/** One period of `GET /v1/revenue`. */
export interface RevenuePeriod {
  readonly periodStart: string;
  readonly startMrr: number;
  readonly endMrr: number;
  readonly netNewMrr: number;
  readonly movements: {
    readonly new: number;
    readonly expansion: number;
    readonly contraction: number;
    readonly churn: number;
    readonly reactivation: number;
  };
  readonly netRevenueRetention: number | null;
}

/** `GET /v1/revenue`. */
export interface RevenueReport {
  readonly currency: string;
  readonly periods: readonly RevenuePeriod[];
  /** Every MRR movement, oldest first. */
  readonly movements: readonly {
    readonly customerId: string;
    readonly date: string;
    readonly type: 'new' | 'expansion' | 'contraction' | 'churn' | 'reactivation';
    readonly mrrAfter: number;
  }[];
  /** Net MRR and logo retention of the customers who started in each period. */
  readonly cohorts: readonly RevenueCohort[];
}

/** One cohort of `GET /v1/revenue`: the customers who started in one period, period by period. */
export interface RevenueCohort {
  readonly cohortStart: string;
  readonly customers: number;
  readonly initialMrr: number;
  readonly periods: readonly {
    readonly periodStart: string;
    /** 0 for the cohort's own period. */
    readonly age: number;
    readonly mrr: number;
    readonly netMrrRetention: number | null;
    readonly activeCustomers: number;
    readonly logoRetention: number;
  }[];
}
