import {
  type Action,
  type Consultation,
  consultationSchema,
  type EmailEngagement,
  emailEngagementSchema,
  idempotencyKey,
  instantSchema,
  type Lead,
  leadSchema,
  parseInput,
} from '@kizuna/core';
import * as z from 'zod';

/**
 * Configuration of the lead engagement score (seeds/002 C9 stage 2: "score by engagement, alert
 * sales at 80 or more"). The seed names the score but not its recipe; these defaults are ours.
 * Points add up and the total is capped at 100.
 */
export const leadScoreConfigSchema = z
  .object({
    /** Points per e-mail opened. @defaultValue 4 */
    pointsPerOpen: z.number().nonnegative().default(4),
    /** Cap of the open points. @defaultValue 20 */
    maximumOpenPoints: z.number().nonnegative().default(20),
    /** Points per e-mail clicked. @defaultValue 8 */
    pointsPerClick: z.number().nonnegative().default(8),
    /** Cap of the click points. @defaultValue 24 */
    maximumClickPoints: z.number().nonnegative().default(24),
    /**
     * Recency of the last open or click: points when it is at most `withinDays` old (first match).
     * @defaultValue [{ withinDays: 1, points: 15 }, { withinDays: 3, points: 10 }, { withinDays: 7, points: 5 }]
     */
    recency: z
      .array(z.object({ withinDays: z.number().nonnegative(), points: z.number().nonnegative() }))
      .default([
        { withinDays: 1, points: 15 },
        { withinDays: 3, points: 10 },
        { withinDays: 7, points: 5 },
      ]),
    /** Points by lead source. @defaultValue { referral: 10, sns: 6, seo: 6, ads: 4 } */
    sourcePoints: z
      .record(z.string(), z.number().nonnegative())
      .default({ referral: 10, sns: 6, seo: 6, ads: 4 }),
    /** Points for a source not listed. @defaultValue 2 */
    otherSourcePoints: z.number().nonnegative().default(2),
    /** Points when the lead came through a lead magnet. @defaultValue 5 */
    leadMagnetPoints: z.number().nonnegative().default(5),
    /** Points when the lead asked for a consultation. @defaultValue 30 */
    consultationRequestPoints: z.number().nonnegative().default(30),
    /** Alert sales at or above this score. @defaultValue 80 */
    alertThreshold: z.number().min(0).max(100).default(80),
  })
  .strict();

/** Lead-score configuration as you may write it. */
export type LeadScoreConfigInput = z.input<typeof leadScoreConfigSchema>;

/** One part of a lead's score. */
export interface LeadScoreComponent {
  readonly id: 'opens' | 'clicks' | 'recency' | 'source' | 'lead_magnet' | 'consultation_request';
  readonly points: number;
  /** Why, in plain words: "3 e-mails opened × 4". */
  readonly reason: string;
}

/** A lead's engagement score with its breakdown. */
export interface LeadScore {
  readonly leadId: string;
  /** 0–100. */
  readonly score: number;
  readonly components: readonly LeadScoreComponent[];
  /** True when score ≥ alertThreshold. */
  readonly hot: boolean;
}

const day = 86_400_000;

/** The parts of {@link scoreLeads}' input. */
export interface LeadActivity {
  readonly leads: readonly z.input<typeof leadSchema>[];
  readonly emailEngagements?: readonly z.input<typeof emailEngagementSchema>[];
  readonly consultations?: readonly z.input<typeof consultationSchema>[];
}

function scoreOne(
  lead: Lead,
  emails: readonly EmailEngagement[],
  consultations: readonly Consultation[],
  asOf: number,
  config: z.output<typeof leadScoreConfigSchema>,
): LeadScore {
  const past = emails.filter((email) => Date.parse(email.sentAt) <= asOf);
  const opens = past.filter((email) => email.opened).length;
  const clicks = past.filter((email) => email.clicked).length;
  const engaged = past
    .filter((email) => email.opened || email.clicked)
    .map((email) => Date.parse(email.sentAt));
  const components: LeadScoreComponent[] = [];
  components.push({
    id: 'opens',
    points: Math.min(config.maximumOpenPoints, opens * config.pointsPerOpen),
    reason: `${opens} e-mail(s) opened × ${config.pointsPerOpen} (at most ${config.maximumOpenPoints})`,
  });
  components.push({
    id: 'clicks',
    points: Math.min(config.maximumClickPoints, clicks * config.pointsPerClick),
    reason: `${clicks} e-mail(s) clicked × ${config.pointsPerClick} (at most ${config.maximumClickPoints})`,
  });
  if (engaged.length > 0) {
    // Engagement is dated by the e-mail's send time: the tables record no open time.
    const age = (asOf - Math.max(...engaged)) / day;
    const band = config.recency.find((entry) => age <= entry.withinDays);
    components.push({
      id: 'recency',
      points: band?.points ?? 0,
      reason: `last engagement ${age.toFixed(1)} day(s) ago${band === undefined ? '' : ` (≤ ${band.withinDays})`}`,
    });
  } else {
    components.push({ id: 'recency', points: 0, reason: 'no engagement yet' });
  }
  const sourcePoints = config.sourcePoints[lead.source] ?? config.otherSourcePoints;
  components.push({ id: 'source', points: sourcePoints, reason: `source ${lead.source}` });
  components.push({
    id: 'lead_magnet',
    points: lead.leadMagnetType === undefined ? 0 : config.leadMagnetPoints,
    reason: lead.leadMagnetType === undefined ? 'no lead magnet' : `lead magnet ${lead.leadMagnetType}`,
  });
  // A consultation row without a request time was requested before it was booked: count it.
  const requested = consultations.some(
    (consultation) => consultation.requestedAt === undefined || Date.parse(consultation.requestedAt) <= asOf,
  );
  components.push({
    id: 'consultation_request',
    points: requested ? config.consultationRequestPoints : 0,
    reason: requested ? 'asked for a consultation' : 'no consultation request',
  });
  const total = components.reduce((sum, component) => sum + component.points, 0);
  const score = Math.round(Math.min(100, total) * 10) / 10;
  return { leadId: lead.id, score, components, hot: score >= config.alertThreshold };
}

/** The result of {@link scoreLeads}. */
export interface LeadScoring {
  /** Every active lead, highest score first (ties by lead id). */
  readonly scores: readonly LeadScore[];
  /** One sales alert per hot lead, with a key that never changes for that lead. */
  readonly alerts: readonly Action[];
}

/**
 * Scores leads 0–100 on engagement and returns a sales alert (a core {@link Action}) for each lead
 * at or above the threshold (80 by default, seeds/002 C9). The score is the sum of: opens (4 each,
 * ≤ 20), clicks (8 each, ≤ 24), recency of the last engagement (≤ 1 day 15, ≤ 3 days 10, ≤ 7 days 5),
 * source (referral 10, sns/seo 6, ads 4, other 2), a lead magnet (5) and a consultation request
 * (30), capped at 100 — all configurable. Leads with status `converted` or `inactive` are skipped.
 * The alert's idempotency key is `lead-score:<leadId>:hot`, so a daily run alerts once per lead.
 *
 * @throws KizunaValidationError for invalid rows, config or `asOf`
 * @example
 * ```ts
 * const leads = [{ id: 'L1', source: 'referral', leadMagnetType: 'checklist', optInAt: '2026-04-01T00:00:00Z' }];
 * const consultations = [{ id: 'c1', leadId: 'L1', requestedAt: '2026-04-09T00:00:00Z',
 *   scheduledAt: '2026-04-15T01:00:00Z', attended: false, outcome: 'pending' as const }];
 * const emailEngagements = ['welcome', 'step-1', 'step-2'].map((campaignId, day) => ({ id: `e${day}`,
 *   leadId: 'L1', campaignId, sentAt: `2026-04-0${day + 2}T00:00:00Z`, opened: true, clicked: true }));
 * const { scores, alerts } = scoreLeads({ leads, emailEngagements, consultations }, '2026-04-10T00:00:00Z');
 * // Opens 12 + clicks 24 + recency 5 + referral 10 + lead magnet 5 + consultation request 30:
 * console.log(scores[0]?.score, alerts.map((alert) => alert.type)); // 86 ['alert_hot_lead']
 * const store = createMemoryStore();
 * console.log((await store.enqueueActions(alerts, { now: '2026-04-10T00:00:00Z' })).enqueued.length); // 1
 * ```
 */
export function scoreLeads(
  activity: LeadActivity,
  asOfInput: string,
  configInput: LeadScoreConfigInput = {},
): LeadScoring {
  const config = parseInput(leadScoreConfigSchema, configInput, 'lead score config');
  const asOfInstant = parseInput(instantSchema, asOfInput, 'asOf');
  const asOf = Date.parse(asOfInstant);
  const leads = parseInput(z.array(leadSchema), activity.leads, 'leads');
  const emails = parseInput(
    z.array(emailEngagementSchema),
    activity.emailEngagements ?? [],
    'email engagements',
  );
  const consultations = parseInput(
    z.array(consultationSchema),
    activity.consultations ?? [],
    'consultations',
  );
  const emailsByLead = new Map<string, EmailEngagement[]>();
  for (const email of emails)
    emailsByLead.set(email.leadId, [...(emailsByLead.get(email.leadId) ?? []), email]);
  const consultationsByLead = new Map<string, Consultation[]>();
  for (const consultation of consultations)
    consultationsByLead.set(consultation.leadId, [
      ...(consultationsByLead.get(consultation.leadId) ?? []),
      consultation,
    ]);
  const scores = leads
    .filter((lead) => lead.status === 'active' && Date.parse(lead.optInAt) <= asOf)
    .map((lead) =>
      scoreOne(lead, emailsByLead.get(lead.id) ?? [], consultationsByLead.get(lead.id) ?? [], asOf, config),
    )
    .sort((left, right) => right.score - left.score || (left.leadId < right.leadId ? -1 : 1));
  const alerts: Action[] = scores
    .filter((score) => score.hot)
    .map((score) => ({
      idempotencyKey: idempotencyKey(['lead-score', score.leadId, 'hot']),
      type: 'alert_hot_lead',
      channel: 'slack',
      owner: 'sales',
      priority: 'high',
      automated: false,
      dueAt: asOfInstant,
      deadlineAt: new Date(asOf + day).toISOString(),
      title: `Hot lead ${score.leadId}: score ${score.score} — offer a consultation`,
      reasons: score.components
        .filter((component) => component.points > 0)
        .map((component) => `${component.reason}: +${component.points}`),
      source: { engine: 'funnel', ruleId: 'lead-score/hot' },
      payload: { leadId: score.leadId, score: score.score, threshold: config.alertThreshold },
    }));
  return { scores, alerts };
}
