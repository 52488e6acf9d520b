// Escalation classifier

// Support bot
export {
  type BotReply,
  type BotReplyInput,
  type BotReplyStream,
  botCustomerSchema,
  botReplyInputSchema,
  createSupportBot,
  type SupportBot,
  type SupportBotSettings,
  supportReplySchema,
} from './bot/create-support-bot';
export {
  diagnoseNoise,
  type NoiseDiagnosis,
  type NoiseType,
  type PlanRecommendation,
  recommendPlan,
} from './bot/diagnose-noise';
export { handoverMessage, type Language, waitingMessage } from './bot/handover-message';
export { defaultPlans, type Plan, type PlanInput, planSchema } from './bot/plan-catalog';
export { type SupportBotOptionsInput, supportBotOptionsSchema } from './bot/support-bot-options';
export { customerContextPrompt, supportSystemPrompt } from './bot/system-prompt';
export {
  classifyEscalation,
  createEscalationClassifier,
  type EscalationDecision,
} from './escalation/classify-escalation';
// Second opinions from a language model
export {
  type CombinedEscalationDecision,
  classifyEscalationWithModel,
  type EscalationCombination,
  type EscalationWithModelOptions,
  escalationOpinionSchema,
} from './escalation/classify-escalation-with-model';
export { textSimilarity } from './escalation/conversation-rules';
export {
  type AccountContext,
  accountContextSchema,
  type ChatTurn,
  chatTurnSchema,
  type EscalationInput,
  escalationInputSchema,
} from './escalation/escalation-input';
export {
  accountRiskOptionsSchema,
  type EscalationOptions,
  type EscalationOptionsInput,
  escalationOptionsSchema,
} from './escalation/escalation-options';
export {
  type EscalationReason,
  type EscalationReasonCode,
  escalationReasonCodeSchema,
} from './escalation/escalation-reason';
export {
  type LearnedEscalationScore,
  scoreLearnedEscalation,
} from './escalation/learned-escalation-model';
// FAQ retrieval
export {
  createFaqIndex,
  type EmbedTexts,
  type FaqIndex,
  type FaqMatch,
} from './faq/create-faq-index';
export { type FaqEntry, type FaqEntryInput, faqEntrySchema } from './faq/faq-entry';
export { type FaqIndexOptionsInput, faqIndexOptionsSchema } from './faq/faq-index-options';
export { tokenize } from './faq/tokenize';
// Language models
export { createOfflineModel, type OfflineResponder } from './model/create-offline-model';
export { estimateTokens } from './model/estimate-tokens';
export type {
  GenerateObjectRequest,
  GenerateTextRequest,
  LanguageModel,
  ModelCallOptions,
  ModelMessage,
  TextStream,
  TokenUsage,
} from './model/language-model';
// Redaction
export { isLuhnValid, isMyNumberValid, myNumberCheckDigit } from './redaction/check-digits';
export {
  type PersonalDataKind,
  type Redaction,
  type RedactionResult,
  redactPersonalData,
} from './redaction/redact-personal-data';
// Sentiment
export { analyzeSentiment, type SentimentResult } from './sentiment/analyze-sentiment';
export { analyzeSentimentWithModel, sentimentOpinionSchema } from './sentiment/analyze-sentiment-with-model';
export { type SentimentTerm, sentimentLexicon } from './sentiment/sentiment-lexicon';
export { type SentimentOptionsInput, sentimentOptionsSchema } from './sentiment/sentiment-options';
export { type SentimentRisk, sentimentRisk } from './sentiment/sentiment-risk';
// Text
export { foldKana, normalizeText } from './text/normalize-text';
