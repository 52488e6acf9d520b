import { KizunaError } from '@kizuna/core';
import type * as z from 'zod';
import { classifyEscalation } from '../escalation/classify-escalation';
import { tokenize } from '../faq/tokenize';
import { analyzeSentiment } from '../sentiment/analyze-sentiment';
import { normalizeText } from '../text/normalize-text';
import { estimateTokens } from './estimate-tokens';
import type {
  GenerateObjectRequest,
  LanguageModel,
  ModelMessage,
  TextStream,
  TokenUsage,
} from './language-model';

/** Produces the raw object for a request; the offline model validates it against the schema. */
export type OfflineResponder = (request: {
  readonly messages: readonly ModelMessage[];
  readonly schemaName: string;
}) => unknown;

const embeddingDimensions = 64;

function lastUserText(messages: readonly ModelMessage[]): string {
  for (let index = messages.length - 1; index >= 0; index -= 1) {
    if (messages[index]!.role === 'user') return messages[index]!.content;
  }
  return '';
}

function userTexts(messages: readonly ModelMessage[]): string {
  return messages
    .filter((message) => message.role === 'user')
    .map((message) => normalizeText(message.content))
    .join('\n');
}

/** A deterministic support reply: empathy, then the seed's follow-up questions not yet answered. */
function supportReply(messages: readonly ModelMessage[]) {
  const latest = lastUserText(messages);
  const japanese = /[^\s!-~]/.test(latest) || latest === '';
  const said = userTexts(messages);
  const questions = japanese
    ? [
        { asked: /前から|月|年|週間|最近|以前|引っ越/u, question: 'いつ頃から気になっていますか？' },
        { asked: /\d+時|夜|朝|昼|深夜|夕方|毎日|週末|平日/u, question: '主に何時頃に聞こえますか？' },
        { asked: /管理会社|大家|管理人|相談/u, question: '管理会社や大家さんには相談されましたか？' },
      ]
    : [
        { asked: /\bago\b|since|month|year|week|recently|moved/u, question: 'When did it start?' },
        {
          asked: /\d+ ?(?:am|pm)|night|morning|evening|daily|weekend/u,
          question: 'At what time do you usually hear it?',
        },
        {
          asked: /landlord|management|manager|talked to|complain/u,
          question: 'Have you talked to the building management yet?',
        },
      ];
  const followUpQuestions = questions.filter((item) => !item.asked.test(said)).map((item) => item.question);
  const negative = analyzeSentiment(latest).label === 'NEGATIVE';
  const reply = japanese
    ? `${negative ? 'それはお辛いですね。' : 'ご連絡ありがとうございます。'}状況をもう少し詳しく教えてください。${
        followUpQuestions.length === 0
          ? 'いただいた内容から、測定で音の大きさと時間帯を記録するのがよさそうです。'
          : followUpQuestions.join('')
      }`
    : `${negative ? 'That sounds really hard.' : 'Thank you for reaching out.'} Could you tell me a little more? ${
        followUpQuestions.length === 0
          ? 'From what you describe, a measurement that records the level and the time of the noise would help.'
          : followUpQuestions.join(' ')
      }`;
  return { reply, followUpQuestions };
}

const defaultResponder: OfflineResponder = ({ messages, schemaName }) => {
  if (schemaName === 'support_reply') return supportReply(messages);
  if (schemaName === 'escalation_opinion') {
    const decision = classifyEscalation({ message: lastUserText(messages) });
    return {
      escalate: decision.escalate,
      reasonCodes: decision.reasons.map((reason) => reason.code),
      confidence: decision.escalate ? 0.8 : 0.2,
      rationale: decision.reasons.map((reason) => `${reason.code}: ${reason.evidence}`).join('; ') || 'none',
    };
  }
  if (schemaName === 'sentiment') {
    const result = analyzeSentiment(lastUserText(messages));
    return { label: result.label, score: result.score };
  }
  throw new KizunaError(`The offline model has no response for "${schemaName}".`, {
    code: 'UPSTREAM_FAILED',
  });
};

/** A deterministic bag-of-terms embedding: each term is hashed into one of 64 dimensions. */
function embedText(text: string): number[] {
  const vector = new Array<number>(embeddingDimensions).fill(0);
  for (const term of tokenize(text)) {
    let hash = 2166136261;
    for (let index = 0; index < term.length; index += 1)
      hash = Math.imul(hash ^ term.charCodeAt(index), 16777619);
    vector[(hash >>> 0) % embeddingDimensions]! += 1;
  }
  return vector;
}

function usageOf(messages: readonly ModelMessage[], output: string): TokenUsage {
  return { inputTokens: estimateTokens(messages), outputTokens: estimateTokens([{ content: output }]) };
}

/**
 * A deterministic language model that needs no network and no API key: for tests, demos and as a
 * fallback. It answers the bot's `support_reply` with empathy and the seed's follow-up questions
 * (since when, at what time, whether the management company was asked), `escalation_opinion` with
 * the offline classifier and `sentiment` with the lexicon; `embed` hashes terms into 64 dimensions.
 * Pass `responder` to script other answers (including invalid ones, to test validation).
 *
 * @example
 * ```ts
 * const model = createOfflineModel();
 * const messages = [{ role: 'user' as const, content: '上の階の足音がうるさくて眠れません' }];
 * const { object } = await model.generateObject({ messages, schema: supportReplySchema, schemaName: 'support_reply' });
 * console.log(object.followUpQuestions);
 * // ['いつ頃から気になっていますか？', '主に何時頃に聞こえますか？', '管理会社や大家さんには相談されましたか？']
 * ```
 */
export function createOfflineModel(options: { readonly responder?: OfflineResponder } = {}): LanguageModel {
  const responder = options.responder ?? defaultResponder;
  const answer = (messages: readonly ModelMessage[], schemaName: string, signal?: AbortSignal) => {
    if (signal?.aborted)
      throw new KizunaError('The model call was aborted.', { code: 'UPSTREAM_FAILED', cause: signal.reason });
    return responder({ messages, schemaName });
  };
  const text = (messages: readonly ModelMessage[], signal?: AbortSignal) => {
    const raw = answer(messages, 'support_reply', signal) as { reply?: unknown };
    if (typeof raw?.reply !== 'string')
      throw new KizunaError('The offline model produced no text.', { code: 'UPSTREAM_FAILED' });
    return raw.reply;
  };
  return {
    name: 'offline',
    async generateObject<Schema extends z.ZodType>(request: GenerateObjectRequest<Schema>) {
      const raw = answer(request.messages, request.schemaName, request.signal);
      const parsed = request.schema.safeParse(raw);
      if (!parsed.success)
        throw new KizunaError(`The model's output did not match "${request.schemaName}".`, {
          code: 'UPSTREAM_FAILED',
          cause: parsed.error,
        });
      return {
        object: parsed.data as z.output<Schema>,
        usage: usageOf(request.messages, JSON.stringify(raw)),
      };
    },
    async generateText(request) {
      const reply = text(request.messages, request.signal);
      return { text: reply, usage: usageOf(request.messages, reply) };
    },
    streamText(request): TextStream {
      const result = Promise.resolve().then(() => {
        const reply = text(request.messages, request.signal);
        return { text: reply, usage: usageOf(request.messages, reply) };
      });
      async function* chunks() {
        const { text: reply } = await result;
        for (const piece of reply.match(/[^。.!?！？]+[。.!?！？]?/gu) ?? [reply]) yield piece;
      }
      result.catch(() => undefined);
      return { textStream: chunks(), result };
    },
    embed: async (texts) => texts.map(embedText),
  };
}
