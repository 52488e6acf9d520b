import { normalizeText } from '../text/normalize-text';
import type { Plan } from './plan-catalog';

/** Kinds of noise the diagnosis recognises. */
export type NoiseType =
  | 'footsteps'
  | 'living_noise'
  | 'voices'
  | 'music'
  | 'appliance'
  | 'construction'
  | 'low_frequency'
  | 'pets'
  | 'traffic'
  | 'unknown';

/** A diagnosis of the customer's noise problem (seeds/001 §6.1 Level 3). */
export interface NoiseDiagnosis {
  readonly noiseType: NoiseType;
  /** The type in the customer's language, e.g. 生活音（足音）. */
  readonly noiseTypeLabel: string;
  readonly urgency: 'low' | 'medium' | 'high';
  /** Why the urgency, in the customer's language, e.g. 深夜帯の発生. */
  readonly urgencyReasons: readonly string[];
}

/** A plan recommendation with its reasons and the call to action. */
export interface PlanRecommendation {
  readonly diagnosis: NoiseDiagnosis;
  readonly plan: Plan;
  readonly addOns: readonly Plan[];
  /** Why this plan: the diagnosis first, then the plan's highlights. */
  readonly reasons: readonly string[];
  /** The button text: 今すぐ予約する / Book now. */
  readonly callToAction: string;
}

const noiseTypes: readonly { type: NoiseType; pattern: RegExp; ja: string; en: string }[] = [
  {
    type: 'footsteps',
    pattern: /足音|どすどす|どんどん|走り回|飛び跳|かかと|footstep|stomp|running around|thump/u,
    ja: '生活音（足音）',
    en: 'living noise (footsteps)',
  },
  {
    type: 'low_frequency',
    pattern: /低周波|低い音|ぶーん|うなり|振動|\bhum|buzz|vibrat|low[- ]frequency/u,
    ja: '低周波音',
    en: 'low-frequency noise',
  },
  {
    type: 'appliance',
    pattern: /洗濯機|室外機|えあこん|換気扇|冷蔵庫|給湯器|washing machine|air ?con|\bfan\b|boiler/u,
    ja: '設備・家電の音',
    en: 'appliance noise',
  },
  {
    type: 'voices',
    pattern: /話し声|声|叫|怒鳴|笑い|喧嘩|voices|talking|shout|yell|scream|party/u,
    ja: '話し声',
    en: 'voices',
  },
  {
    type: 'music',
    pattern: /音楽|楽器|ぴあの|ぎたー|べーす|てれび|げーむ|music|piano|guitar|bass|\btv\b|television/u,
    ja: '音楽・テレビの音',
    en: 'music or TV',
  },
  {
    type: 'construction',
    pattern: /工事|りふぉーむ|construction|renovation|drill/u,
    ja: '工事の音',
    en: 'construction noise',
  },
  { type: 'pets', pattern: /犬|猫|鳴き声|\bdog|bark|\bcat\b/u, ja: 'ペットの鳴き声', en: 'pets' },
  {
    type: 'traffic',
    pattern: /車|ばいく|電車|道路|traffic|\bcars?\b|train|motorbike/u,
    ja: '交通騒音',
    en: 'traffic noise',
  },
  {
    type: 'living_noise',
    pattern: /生活音|どあ|扉|椅子|家具|引きず|掃除機|物を落と|door|furniture|dragging|vacuum/u,
    ja: '生活音',
    en: 'living noise',
  },
];

const night =
  /深夜|夜中|夜遅く|夜(?:\d{1,2}|十一|十二)時|(?<!\d)(?:2[2-4]|[0-4])時|未明|明け方|late at night|midnight|\b(?:1[01]|12) ?pm|\b[1-4] ?am\b|at night/u;
const impact = /眠れ|不眠|寝不足|体調|起こされ|目が覚め|can(?:no|')?t sleep|wakes? me|woken|sleep|health/u;
const recurring = /毎晩|毎日|連日|ほぼ毎|every (?:night|day)|nightly|daily/u;
const negotiation =
  /交渉|話し合|調停|弁護士|証拠|裁判|法的|内容証明|管理会社に(?:相談|言)|大家に|手紙|注意してもら|negotiat|mediat|evidence|lawyer|legal|landlord|management/u;
const talkingToThem = /話し合|手紙|伝え|直接言|相手に|mediat|talk to (?:them|him|her|the neighbou?r)|letter/u;

/**
 * Diagnoses the noise from the customer's messages (seeds/001 §6.1 Level 3): the noise type by
 * keywords (the first kind mentioned in this order: footsteps, low frequency, appliances, voices,
 * music, construction, pets, traffic, living noise), and the urgency — medium when it happens late
 * at night, high when it also happens every night or harms sleep or health, low otherwise.
 * Pure and deterministic.
 *
 * @example
 * ```ts
 * diagnoseNoise(['上の階の足音がうるさい', '夜中の2時ごろです'], 'ja');
 * // { noiseType: 'footsteps', noiseTypeLabel: '生活音（足音）', urgency: 'medium', urgencyReasons: ['深夜帯の発生'] }
 * ```
 */
export function diagnoseNoise(customerMessages: readonly string[], language: 'ja' | 'en'): NoiseDiagnosis {
  const text = normalizeText(customerMessages.join('\n'));
  const found = noiseTypes.find((candidate) => candidate.pattern.test(text));
  const reasons: string[] = [];
  let urgency: NoiseDiagnosis['urgency'] = 'low';
  if (night.test(text)) {
    urgency = 'medium';
    reasons.push(language === 'ja' ? '深夜帯の発生' : 'it happens late at night');
    if (recurring.test(text)) {
      urgency = 'high';
      reasons.push(language === 'ja' ? '毎晩のように続いている' : 'it happens almost every night');
    }
  }
  if (impact.test(text)) {
    urgency = urgency === 'low' ? 'medium' : 'high';
    reasons.push(language === 'ja' ? '睡眠や体調への影響' : 'it affects sleep or health');
  }
  return {
    noiseType: found?.type ?? 'unknown',
    noiseTypeLabel:
      found === undefined
        ? language === 'ja'
          ? '特定できていません'
          : 'not identified yet'
        : found[language],
    urgency,
    urgencyReasons: reasons,
  };
}

/**
 * Recommends a plan from the diagnosis: the premium plan (id `premium`) when the customer talks
 * about negotiation, mediation, evidence, a lawyer or the management company, otherwise the
 * standard plan (id `standard`), or the first plan of the catalog when those ids are absent. The
 * add-on `ai_mediation` is suggested when the customer wants to talk to the other side.
 *
 * @example
 * ```ts
 * const plans = defaultPlans.map((plan) => planSchema.parse(plan));
 * const recommendation = recommendPlan(['足音がうるさい', '夜中です'], plans, 'ja');
 * console.log(recommendation?.plan.id); // 'standard': no talk of negotiation or mediation
 * ```
 */
export function recommendPlan(
  customerMessages: readonly string[],
  plans: readonly Plan[],
  language: 'ja' | 'en',
): PlanRecommendation | undefined {
  const text = normalizeText(customerMessages.join('\n'));
  const mainPlans = plans.filter((plan) => plan.kind === 'plan');
  const wanted = negotiation.test(text) ? 'premium' : 'standard';
  const plan = mainPlans.find((candidate) => candidate.id === wanted) ?? mainPlans[0];
  if (plan === undefined) return undefined;
  const diagnosis = diagnoseNoise(customerMessages, language);
  const addOns = talkingToThem.test(text) ? plans.filter((candidate) => candidate.id === 'ai_mediation') : [];
  const diagnosisReason =
    language === 'ja'
      ? `騒音タイプ: ${diagnosis.noiseTypeLabel}、緊急度: ${{ low: '低', medium: '中', high: '高' }[diagnosis.urgency]}${diagnosis.urgencyReasons.length > 0 ? `（${diagnosis.urgencyReasons.join('、')}）` : ''}`
      : `Noise: ${diagnosis.noiseTypeLabel}; urgency: ${diagnosis.urgency}${diagnosis.urgencyReasons.length > 0 ? ` (${diagnosis.urgencyReasons.join(', ')})` : ''}`;
  return {
    diagnosis,
    plan,
    addOns,
    reasons: [diagnosisReason, ...plan.highlights],
    callToAction: language === 'ja' ? '今すぐ予約する' : 'Book now',
  };
}
