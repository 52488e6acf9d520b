import type { Language } from './language';

/**
 * Localised words for what the engines produce in English (action titles, reason codes and
 * sentences, churn features, health components, expansion offers, escalation reasons, journeys).
 * The engines stay language-neutral: the dashboard maps their stable ids and reason formats here
 * and falls back to the engine's own text for anything it does not know.
 */
type Texts = Readonly<Record<string, { readonly ja: string; readonly en: string }>>;

const actionTitles: Texts = {
  // Churn retention plan (seeds/001 §5.3)
  csm_phone_call: { ja: 'CSMが電話で課題をヒアリング', en: 'CSM call to hear the customer’s issues' },
  executive_intervention: { ja: '経営層による緊急面談', en: 'Executive emergency meeting with the customer' },
  special_discount_offer: { ja: '3か月20%割引を提案', en: 'Offer 20 % off for 3 months' },
  reactivation_campaign: {
    ja: '利用再活性化メールを開始',
    en: 'Start the usage reactivation e-mail sequence',
  },
  satisfaction_recovery: {
    ja: '不満をヒアリングし改善を提案',
    en: 'Hear the dissatisfaction and propose improvements',
  },
  // Proactive alerts and their journeys (seeds/001 §5.2)
  send_usage_support_email: { ja: '活用支援メールを送信', en: 'Send the usage support e-mail' },
  send_payment_reminder: { ja: '支払いのリマインド', en: 'Payment reminder' },
  send_second_payment_reminder: { ja: '支払いの再リマインド', en: 'Second payment reminder' },
  payment_phone_notice: { ja: '未払い請求の電話連絡', en: 'Phone notice about the unpaid invoice' },
  csm_payment_intervention: { ja: '未払い請求へのCSM介入', en: 'CSM intervention on the unpaid invoice' },
  propose_instalment_plan: { ja: '分割払いを提案', en: 'Propose an instalment plan' },
  notify_csm_detractor: { ja: 'NPS批判者: 顧客に連絡', en: 'Detractor NPS: contact the customer' },
  detractor_follow_up_call: { ja: '批判者へのフォロー電話', en: 'Call the detractor' },
  send_improvement_proposal: { ja: 'クーポン付きの改善提案', en: 'Improvement proposal with a coupon' },
  start_retention_campaign: {
    ja: '更新前のリテンションキャンペーン',
    en: 'Retention campaign before renewal',
  },
  schedule_executive_meeting: { ja: '更新前の経営層ミーティング', en: 'Executive meeting before renewal' },
  prepare_special_discount: { ja: '特別割引オファーを準備', en: 'Prepare a special-discount offer' },
  // Health playbook
  send_reengagement_campaign: {
    ja: '再エンゲージメントキャンペーンを送信',
    en: 'Send the re-engagement campaign',
  },
  send_tutorial_video: { ja: '活用チュートリアル動画を送信', en: 'Send the tutorial video' },
  csm_intervention: { ja: 'CSMが電話でフォロー', en: 'The CSM follows up by phone' },
  executive_escalation: { ja: '経営層へエスカレーション', en: 'Escalate to an executive' },
  // Onboarding, booking, upsell and renewal journeys
  send_welcome_email: { ja: 'ウェルカムメールを送信', en: 'Send the welcome e-mail' },
  provision_dashboard: { ja: 'ダッシュボードを用意', en: 'Provision the dashboard' },
  assign_csm: { ja: '担当CSMを割り当て', en: 'Assign a CSM' },
  send_onboarding_reminder: { ja: 'オンボーディングのリマインド', en: 'Onboarding reminder' },
  send_onboarding_checklist: { ja: '導入チェックリストを送信', en: 'Send the onboarding checklist' },
  send_checklist_reminder: { ja: 'チェックリストのリマインド', en: 'Checklist reminder' },
  csm_onboarding_call: { ja: 'CSMによる導入フォロー電話', en: 'CSM onboarding call' },
  send_first_measurement_reminder: { ja: '初回測定のリマインド', en: 'First measurement reminder' },
  send_preparation_video: { ja: '測定準備の動画を送信', en: 'Send the preparation video' },
  send_measurement_reminder: { ja: '測定前日のリマインド', en: 'Measurement reminder' },
  send_staff_on_the_way: { ja: 'スタッフ訪問のお知らせ', en: 'Staff on the way' },
  show_upsell_notice: { ja: 'おすすめのご案内（アプリ内）', en: 'Recommended for you (in-app notice)' },
  send_upsell_email: { ja: 'おすすめのご案内メール', en: 'Personalised offer e-mail' },
  start_retargeting: { ja: 'リターゲティングを開始', en: 'Start retargeting' },
  renewal_loyalty_offer: { ja: '更新特典（10%割引）のご案内', en: 'Loyalty offer before renewal' },
  renewal_success_stories: { ja: '成功事例のご紹介', en: 'Share success stories' },
  renewal_one_click: { ja: 'ワンクリック更新のご案内', en: 'One-click renewal' },
  renewal_csm_call: { ja: '更新前のCSM電話', en: 'CSM call before renewal' },
  renewal_improvement_proposal: { ja: 'ROI付きの改善提案', en: 'Improvement proposal with ROI' },
  renewal_executive_meeting: { ja: '更新前の経営層ミーティング', en: 'Executive meeting before renewal' },
  renewal_limited_offer: { ja: '期間限定オファー（3か月無料）', en: 'Limited offer (3 months free)' },
  renewal_final_check: { ja: '更新前の最終確認', en: 'Final check before renewal' },
  // Support
  chat_handover: { ja: 'チャットの引き継ぎ', en: 'Chat hand-over' },
};

const churnFeatures: Texts = {
  monthly_usage_rate: { ja: '月間利用率', en: 'monthly usage rate' },
  usage_trend_3m: { ja: '3か月の利用傾向', en: '3-month usage trend' },
  days_since_last_use: { ja: '最終利用からの日数', en: 'days since last use' },
  login_frequency_30d: { ja: '30日間のログイン回数', en: 'logins in 30 days' },
  report_view_rate: { ja: 'レポート閲覧率', en: 'report view rate' },
  support_ticket_count: { ja: '問い合わせ件数', en: 'support tickets' },
  nps_score: { ja: 'NPS', en: 'NPS' },
  csat_score: { ja: 'CSAT', en: 'CSAT' },
  negative_feedback_count: { ja: 'ネガティブな声の数', en: 'negative feedback' },
  payment_delay_days: { ja: '支払い遅延日数', en: 'payment delay (days)' },
  price_sensitivity: { ja: '価格感度', en: 'price sensitivity' },
  contract_length_months: { ja: '契約期間（月）', en: 'contract length (months)' },
  days_until_renewal: { ja: '更新までの日数', en: 'days until renewal' },
};

const healthComponents: Texts = {
  usage: { ja: '利用', en: 'Usage' },
  engagement: { ja: 'エンゲージメント', en: 'Engagement' },
  support: { ja: 'サポート', en: 'Support' },
  payment: { ja: '支払い', en: 'Payment' },
  'report-viewed': { ja: 'レポート閲覧', en: 'Report viewed' },
  satisfaction: { ja: '満足度', en: 'Satisfaction' },
  'resolution-progress': { ja: '解決の進み具合', en: 'Resolution progress' },
  'repeat-intent': { ja: 'リピート意向', en: 'Repeat intent' },
};

const products: Texts = {
  standard_plan: { ja: 'スタンダードプラン', en: 'Standard plan' },
  premium_plan: { ja: 'プレミアムプラン', en: 'Premium plan' },
  ai_mediation_service: { ja: 'AI調停サービス', en: 'AI mediation service' },
  upgrade_to_next_tier: { ja: '上位プランへのアップグレード', en: 'Upgrade to the next plan' },
  add_more_properties: { ja: '管理物件の追加', en: 'More properties' },
  api_integration: { ja: 'API連携', en: 'API integration' },
};

const productReasons: Texts = {
  standard_plan: { ja: '測定が1時間を超えることが多い', en: 'Measurements often run longer than one hour' },
  premium_plan: { ja: '交渉が難航しているようです', en: 'Negotiations seem to be difficult' },
  ai_mediation_service: {
    ja: '測定後の解決に苦労されていませんか？',
    en: 'Is the resolution after the measurement proving hard?',
  },
  upgrade_to_next_tier: {
    ja: '月間の測定数がプラン上限に近い',
    en: 'Monthly measurements are close to the plan limit',
  },
  add_more_properties: {
    ja: 'より多くの物件でご利用になりませんか？',
    en: 'Extend the service to more of your properties?',
  },
  api_integration: {
    ja: '業務システムと連携して効率化',
    en: 'Connect to your business systems for more efficiency',
  },
};

const escalationReasons: Texts = {
  anger: { ja: '怒り', en: 'anger' },
  anxiety: { ja: '不安', en: 'anxiety' },
  complaint: { ja: 'クレーム', en: 'complaint' },
  refund_request: { ja: '返金の依頼', en: 'refund request' },
  cancellation_request: { ja: '解約の依頼', en: 'cancellation request' },
  legal: { ja: '法的な相談', en: 'legal matter' },
  human_request: { ja: '担当者を希望', en: 'asked for a person' },
  billing_dispute: { ja: '請求への異議', en: 'billing dispute' },
  safety: { ja: '安全上の懸念', en: 'safety concern' },
  threat: { ja: '脅し', en: 'threat' },
  unresolved_turns: { ja: '未解決のやり取りが続いている', en: 'unresolved after several turns' },
  repeated_question: { ja: '同じ質問の繰り返し', en: 'repeated question' },
  emotion_trajectory: { ja: '感情の悪化', en: 'emotions getting worse' },
  dissatisfaction: { ja: '不満', en: 'dissatisfaction' },
  cancellation_inquiry: { ja: '解約についての質問', en: 'question about cancelling' },
  refund_inquiry: { ja: '返金についての質問', en: 'question about refunds' },
  account_risk: { ja: 'アカウントのリスク', en: 'account at risk' },
  learned_pattern: { ja: '学習済みのパターン', en: 'learned pattern' },
  model_unavailable: { ja: '応答モデルが使えない', en: 'model unavailable' },
};

const journeys: Texts = {
  'b2c-booking': { ja: 'B2C予約フロー', en: 'B2C booking' },
  'b2b-onboarding': { ja: 'B2Bオンボーディング', en: 'B2B onboarding' },
  dunning: { ja: '未払い督促', en: 'Dunning' },
  'nps-detractor': { ja: 'NPS批判者フォロー', en: 'NPS detractor follow-up' },
  'upsell-campaign': { ja: 'アップセルキャンペーン', en: 'Upsell campaign' },
  'renewal-green': { ja: '更新キャンペーン（良好）', en: 'Renewal campaign (healthy)' },
  'renewal-at-risk': { ja: '更新キャンペーン（要注意）', en: 'Renewal campaign (at risk)' },
};

const funnelStages: Texts = {
  'Website visitors': { ja: 'サイト訪問者', en: 'Website visitors' },
  'LP visitors': { ja: 'LP訪問者', en: 'LP visitors' },
  Leads: { ja: 'リード', en: 'Leads' },
  'Consultation requests': { ja: '相談申込', en: 'Consultation requests' },
  'Consultations held': { ja: '相談実施', en: 'Consultations held' },
  Deals: { ja: '成約', en: 'Deals' },
};

/** The seven levels of the sales funnel (seeds/002 C8.1) by their ids. */
const salesLevels: Texts = {
  awareness: { ja: '認知', en: 'Awareness' },
  lead_capture: { ja: 'リード獲得', en: 'Lead capture' },
  nurture: { ja: '育成', en: 'Nurture' },
  consultation: { ja: '個別相談', en: 'Consultation' },
  close: { ja: '成約', en: 'Close' },
  success: { ja: '顧客の成功', en: 'Customer success' },
  retention: { ja: '継続・アップセル', en: 'Retention and upsell' },
};

/** Every KPI of the sales funnel and its financial KPIs, by their stable ids. */
const salesKpis: Texts = {
  'awareness.impressions': { ja: 'インプレッション数', en: 'Impressions' },
  'awareness.profile_click_rate': { ja: 'プロフィールクリック率', en: 'Profile click rate' },
  'awareness.website_visitors': { ja: 'サイト訪問者数', en: 'Website visitors' },
  'lead_capture.lp_visitors': { ja: 'LP訪問者数', en: 'LP visitors' },
  'lead_capture.opt_in_rate': { ja: 'オプトイン率', en: 'Opt-in rate' },
  'lead_capture.leads': { ja: 'リード獲得数', en: 'Leads captured' },
  'nurture.open_rate': { ja: 'メール開封率', en: 'E-mail open rate' },
  'nurture.click_rate': { ja: 'メールクリック率', en: 'E-mail click rate' },
  'nurture.seven_day_active_rate': { ja: '登録7日以内のアクティブ率', en: 'Active within 7 days' },
  'consultation.request_rate': { ja: '相談申込率', en: 'Consultation request rate' },
  'consultation.attendance_rate': { ja: '相談参加率', en: 'Attendance rate' },
  'consultation.consultations': { ja: '相談実施数', en: 'Consultations held' },
  'close.close_rate': { ja: '成約率', en: 'Close rate' },
  'close.deals': { ja: '成約数', en: 'Deals' },
  'close.average_cycle_days': { ja: '平均成約日数', en: 'Average sales cycle' },
  'success.revenue_growth': { ja: '顧客の売上成長率', en: "Customers' revenue growth" },
  'success.completion_rate': { ja: 'プログラム完了率', en: 'Programme completion rate' },
  'success.nps': { ja: 'NPS', en: 'NPS' },
  'retention.continuation_rate': { ja: '継続率', en: 'Continuation rate' },
  'retention.upsell_rate': { ja: 'アップセル率', en: 'Upsell rate' },
  'retention.referral_rate': { ja: '紹介率', en: 'Referral rate' },
  'financial.mrr': { ja: 'MRR', en: 'MRR' },
  'financial.ltv': { ja: 'LTV', en: 'LTV' },
  'financial.cac': { ja: 'CAC', en: 'CAC' },
  'financial.ltv_to_cac': { ja: 'LTV / CAC', en: 'LTV / CAC' },
  'financial.churn_rate': { ja: '解約率', en: 'Customer churn rate' },
};

const noiseTexts: Texts = {
  footsteps: { ja: '足音・衝撃音', en: 'footsteps / impact' },
  voices: { ja: '話し声', en: 'voices' },
  'music-tv': { ja: '音楽・テレビ', en: 'music / TV' },
  'equipment-hum': { ja: '設備の稼働音', en: 'equipment hum' },
  traffic: { ja: '交通騒音', en: 'traffic' },
  unknown: { ja: '分類不能', en: 'unclassified' },
  day: { ja: '昼間', en: 'day' },
  night: { ja: '夜間', en: 'night' },
};

const riskLevels: Texts = {
  critical: { ja: '緊急', en: 'critical' },
  high: { ja: '高', en: 'high' },
  medium: { ja: '中', en: 'medium' },
  low: { ja: '低', en: 'low' },
};

const statuses: Texts = {
  red: { ja: '赤', en: 'red' },
  yellow: { ja: '黄', en: 'yellow' },
  green: { ja: '緑', en: 'green' },
};

const factorNotes: Texts = {
  'falling usage': { ja: '利用が減少', en: 'falling usage' },
  detractor: { ja: '批判者', en: 'detractor' },
};

function lookup(texts: Texts, key: string, language: Language): string | undefined {
  return texts[key]?.[language];
}

const percent = (ratio: string) => `${Math.round(Number(ratio) * 100)}%`;

/** The title of an action (by its stable `type`), else the engine's own title. */
export function actionTitle(
  action: { readonly type: string; readonly title: string },
  language: Language,
): string {
  return lookup(actionTitles, action.type, language) ?? action.title;
}

/** A churn feature's name. */
export function featureName(feature: string, language: Language): string {
  return lookup(churnFeatures, feature, language) ?? feature;
}

/** A health component's label (by its id), else the engine's label. */
export function componentLabel(
  component: { readonly id: string; readonly label: string },
  language: Language,
): string {
  return lookup(healthComponents, component.id, language) ?? component.label;
}

/** An expansion product's name. */
export function productName(product: string, language: Language): string {
  return lookup(products, product, language) ?? product;
}

/** Why an expansion product is offered (the engine's rule reason, by product). */
export function productReason(
  offer: { readonly product: string; readonly reason?: string | undefined },
  language: Language,
): string {
  return lookup(productReasons, offer.product, language) ?? offer.reason ?? offer.product;
}

/** A chat escalation reason code. */
export function escalationReason(code: string, language: Language): string {
  return lookup(escalationReasons, code, language) ?? code;
}

/** A journey's name (by its id). */
export function journeyName(journeyId: string, language: Language): string {
  return lookup(journeys, journeyId, language) ?? journeyId;
}

/** A marketing-funnel stage (the funnel dashboard names its stages in English). */
export function funnelStageName(stage: string, language: Language): string {
  return lookup(funnelStages, stage, language) ?? stage;
}

/** A sales-funnel level by its id (`awareness` … `retention`); the engine's name when unknown. */
export function salesLevelName(id: string, fallback: string, language: Language): string {
  return lookup(salesLevels, id, language) ?? fallback;
}

/** A sales-funnel KPI by its id (`nurture.open_rate`, `financial.mrr`, …); the engine's name when unknown. */
export function salesKpiName(id: string, fallback: string, language: Language): string {
  return lookup(salesKpis, id, language) ?? fallback;
}

/** The KPI ids {@link salesKpiName} knows (for tests). */
export const knownSalesKpiIds: readonly string[] = Object.keys(salesKpis);

/** The level ids {@link salesLevelName} knows (for tests). */
export const knownSalesLevelIds: readonly string[] = Object.keys(salesLevels);

/** A noise event's kind or a 環境基準 time band (`day`, `night`). */
export function noiseText(kindOrBand: string, language: Language): string {
  return lookup(noiseTexts, kindOrBand, language) ?? kindOrBand;
}

/** A churn risk level. */
export function riskLevelName(level: string, language: Language): string {
  return lookup(riskLevels, level, language) ?? level;
}

/** The reason formats the engines write into actions, each with its Japanese and English form. */
const reasonFormats: readonly {
  readonly pattern: RegExp;
  readonly render: (match: RegExpMatchArray, language: Language) => string;
}[] = [
  {
    pattern: /^churn probability ([\d.]+) \((\w+)\)$/,
    render: ([, probability = '', level = ''], language) =>
      language === 'ja'
        ? `解約確率 ${percent(probability)}（${riskLevelName(level, language)}）`
        : `churn probability ${percent(probability)} (${level})`,
  },
  {
    pattern: /^nps_(\d+)_detractor$/,
    render: ([, score], language) =>
      language === 'ja' ? `NPS ${score}（批判者）` : `NPS ${score} (detractor)`,
  },
  {
    pattern: /^invoice_unpaid_(\d+)_days$/,
    render: ([, days], language) =>
      language === 'ja' ? `請求が${days}日未払い` : `invoice unpaid for ${days} days`,
  },
  {
    pattern: /^usage_below_(\d+)_percent$/,
    render: ([, share], language) =>
      language === 'ja' ? `利用がプランの${share}%未満` : `usage below ${share}% of the plan`,
  },
  {
    pattern: /^usage (\d+)\/(\d+) = [\d.]+ < [\d.]+$/,
    render: ([, used, limit], language) =>
      language === 'ja'
        ? `直近30日の測定 ${used}回（上限 ${limit}回）`
        : `${used} of ${limit} measurements in the last 30 days`,
  },
  {
    pattern: /^renewal_in_(\d+)_days$/,
    render: ([, days], language) => (language === 'ja' ? `更新まで${days}日` : `renewal in ${days} days`),
  },
  {
    pattern: /^status_(red|yellow|green)$/,
    render: ([, status = ''], language) =>
      language === 'ja' ? `ヘルス ${lookup(statuses, status, language)}` : `health ${status}`,
  },
  {
    pattern: /^journey (\S+) step (\S+)$/,
    render: ([, journey = '', step], language) =>
      language === 'ja'
        ? `ジャーニー「${journeyName(journey, language)}」のステップ ${step}`
        : `journey “${journeyName(journey, language)}”, step ${step}`,
  },
  {
    pattern: /^upsell (\S+) confidence ([\d.]+)$/,
    render: ([, rule, confidence = ''], language) =>
      language === 'ja'
        ? `アップセル ${rule}（確度 ${percent(confidence)}）`
        : `upsell ${rule} (confidence ${percent(confidence)})`,
  },
  {
    pattern: /^(\w+) = (\S+) \(([^)]+)\) is a top risk factor$/,
    render: ([, feature = '', value, note = ''], language) =>
      language === 'ja'
        ? `${featureName(feature, language)} = ${value}（${lookup(factorNotes, note, language) ?? note}）が主な要因`
        : `${featureName(feature, language)} = ${value} (${note}) is a top risk factor`,
  },
];

/** A reason an engine gave (a code or a sentence in one of its formats), else the engine's text. */
export function reasonText(reason: string, language: Language): string {
  for (const format of reasonFormats) {
    const match = reason.match(format.pattern);
    if (match !== null) return format.render(match, language);
  }
  return lookup(escalationReasons, reason, language) ?? reason;
}
