import {
  type Action,
  type ActionPriority,
  type Clock,
  idempotencyKey,
  type KizunaEventBus,
  type Notifier,
  parseInput,
  type Store,
  systemClock,
  toInstant,
} from '@kizuna/core';
import * as z from 'zod';
import { createEscalationClassifier } from '../escalation/classify-escalation';
import { accountContextSchema, type ChatTurn, chatTurnSchema } from '../escalation/escalation-input';
import type { EscalationReason } from '../escalation/escalation-reason';
import type { FaqIndex, FaqMatch } from '../faq/create-faq-index';
import type { LanguageModel, ModelMessage } from '../model/language-model';
import { redactPersonalData } from '../redaction/redact-personal-data';
import { analyzeSentiment } from '../sentiment/analyze-sentiment';
import { type PlanRecommendation, recommendPlan } from './diagnose-noise';
import { handoverMessage, waitingMessage } from './handover-message';
import { defaultPlans, type PlanInput, planSchema } from './plan-catalog';
import { type SupportBotOptionsInput, supportBotOptionsSchema } from './support-bot-options';
import { customerContextPrompt, supportSystemPrompt } from './system-prompt';

/** The structured reply the bot asks the model for. Kept free of length limits for strict JSON schema; the bot checks them. */
export const supportReplySchema = z.object({
  /** The message for the customer, 3–5 sentences. */
  reply: z.string(),
  /** Questions that would clarify the situation (since when, at what time, who was asked). */
  followUpQuestions: z.array(z.string()),
});

/** Who the customer is, as far as the bot should know. */
export const botCustomerSchema = z.object({
  /** Customer id; interactions are stored and events carry it only when it is present. */
  id: z.string().trim().min(1).optional(),
  name: z.string().trim().min(1).optional(),
  /** Measurements ordered before (seeds/001 §6.1: past orders). */
  pastOrders: z.number().int().nonnegative().optional(),
  /** Membership status, e.g. 新規, リピーター. */
  status: z.string().trim().min(1).optional(),
  /** Account context that lowers the escalation bar (health band, renewal, value). */
  account: accountContextSchema.optional(),
});

/** Input of {@link SupportBot.reply}. */
export const botReplyInputSchema = z.object({
  /** Groups the messages of one conversation. */
  conversationId: z.string().trim().min(1),
  /** The customer's new message. */
  message: z.string().trim().min(1).max(20_000),
  customer: botCustomerSchema.optional(),
  /**
   * The conversation before this message, oldest first. Absent: the bot uses what it remembers of
   * this conversation (in memory, per bot instance).
   */
  history: z.array(chatTurnSchema).optional(),
});

/** Reply input as you may write it. */
export type BotReplyInput = z.input<typeof botReplyInputSchema>;

/** The bot's answer. */
export interface BotReply {
  /** Which path answered (seeds/001 §6.1). */
  readonly type: 'faq' | 'conversation' | 'plan_recommendation' | 'escalation';
  /** The text for the customer. */
  readonly message: string;
  readonly conversationId: string;
  readonly language: 'ja' | 'en';
  /** For `faq`: the entry and its confidence. */
  readonly faq?: { readonly id: string; readonly confidence: number };
  /** For `conversation` and `plan_recommendation`: questions the bot asks. */
  readonly followUpQuestions?: readonly string[];
  /** For `plan_recommendation`: diagnosis, plan with price, reasons. */
  readonly recommendation?: PlanRecommendation;
  /** For `plan_recommendation`: the call to action (今すぐ予約する). */
  readonly callToAction?: string;
  /** For `escalation`: priority, reasons and whether the CSM was notified. */
  readonly escalation?: {
    readonly priority: ActionPriority;
    readonly reasons: readonly EscalationReason[];
    /** True when the notifier accepted the hand-over (false without a notifier or when it failed). */
    readonly notified: boolean;
  };
  /** True when the language model failed and this is the fallback. */
  readonly fallback?: boolean;
}

/** What the bot needs; only `model` and `faq` are required. */
export interface SupportBotSettings extends SupportBotOptionsInput {
  /** The language-model port (OpenAI, any compatible server, or the offline model). */
  readonly model: LanguageModel;
  /** The FAQ index. */
  readonly faq: FaqIndex;
  /** Plans the bot may recommend. @defaultValue the seed's plans */
  readonly plans?: readonly PlanInput[];
  /** Where hand-overs go (Slack-compatible webhook, console, ...). */
  readonly notifier?: Notifier;
  /** Where the conversation is recorded as interactions (only for customers with an id). */
  readonly store?: Store;
  /** Receives `chat.escalated` and `chat.model-failed`. */
  readonly events?: KizunaEventBus;
  /** Where "now" comes from. @defaultValue systemClock */
  readonly clock?: Clock;
}

/** A reply whose text arrives as it is generated. */
export interface BotReplyStream {
  /** The text, in pieces. FAQ and hand-over answers arrive as one piece. */
  readonly textStream: AsyncIterable<string>;
  /** The complete reply once the text is done (never rejects). */
  readonly reply: Promise<BotReply>;
}

/** The support chatbot. */
export interface SupportBot {
  /**
   * Answers one customer message. Never rejects because of the model, the notifier or the store:
   * their failures become a fallback answer and an event.
   *
   * @throws KizunaValidationError when the input itself is invalid
   */
  reply(input: BotReplyInput): Promise<BotReply>;
  /**
   * Like {@link SupportBot.reply}, with the conversation path streamed from the model as plain text
   * (no structured output, so no follow-up questions). If the model fails before any text arrives
   * the fallback answer is streamed instead; if it fails midway, an apology is appended and the
   * conversation is handed over. `reply` never rejects.
   *
   * @throws KizunaValidationError when the input itself is invalid
   */
  streamReply(input: BotReplyInput): Promise<BotReplyStream>;
  /** What the bot remembers of a conversation (redacted turns, oldest first). */
  history(conversationId: string): readonly ChatTurn[];
}

interface ConversationState {
  turns: ChatTurn[];
  handedOver: boolean;
  exchanges: number;
  /** History entries written by the conversation path (seeds/001 §6.1 appends only those). */
  conversationEntries: number;
}

function languageOf(text: string, fallback: 'ja' | 'en'): 'ja' | 'en' {
  if (/[\u3040-\u30ff\u3400-\u9fff]/u.test(text)) return 'ja';
  if (/[a-z]/iu.test(text)) return 'en';
  return fallback;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Creates the support chatbot of seeds/001 §6.1. Each reply follows the seed's order:
 *
 * 1. **Escalation first**: the offline classifier reads the message, the history and the account.
 *    On escalation the customer gets a human message, the CSM is notified through the notifier
 *    (one action per conversation, with a summary, reasons and priority), `chat.escalated` is
 *    emitted, and the conversation is recorded.
 * 2. **FAQ** when the best match's confidence is above 0.9.
 * 3. **The language model** with the seed's system prompt, the customer context and the last 10
 *    turns; the reply is structured output, validated before use.
 * 4. **Diagnosis and plan** once the history reaches 4 entries: noise type, urgency, plan with
 *    price and reasons, and "今すぐ予約する".
 *
 * Safety: personal data is redacted before anything reaches the model; customer text is only ever
 * sent as `user` messages; the model's output is validated and only ever shown as text — it cannot
 * trigger the hand-over, a notification or a write (the bot decides those itself).
 * Failure: a model timeout, 429, 5xx, invalid output or a missing API key emits `chat.model-failed`
 * and falls back to a FAQ answer (confidence ≥ 0.5) or an apology and a hand-over. A failing
 * notifier or store never breaks the reply.
 *
 * @throws KizunaValidationError when the options or plans are invalid
 * @example
 * ```ts
 * import { noiseServiceFaq } from '@kizuna/chat/faq-data';
 *
 * const bot = createSupportBot({ model: createOfflineModel(), faq: createFaqIndex(noiseServiceFaq) });
 * const reply = await bot.reply({ conversationId: 'c-1', message: '上の階の足音がうるさいんです' });
 * console.log(reply.type); // 'conversation'
 * ```
 */
export function createSupportBot(settings: SupportBotSettings): SupportBot {
  const { model, faq, plans, notifier, store, events, clock = systemClock, ...rest } = settings;
  const options = parseInput(supportBotOptionsSchema, rest, 'support bot options');
  const catalog = parseInput(z.array(planSchema), plans ?? defaultPlans, 'plans');
  const classify = createEscalationClassifier(options.escalation);
  const conversations = new Map<string, ConversationState>();
  // A listener that throws must not break the customer's reply.
  const emit: NonNullable<KizunaEventBus['emit']> = (...parameters) => {
    try {
      return events?.emit(...parameters) ?? false;
    } catch {
      return false;
    }
  };

  const stateOf = (conversationId: string) => {
    let state = conversations.get(conversationId);
    if (state === undefined) {
      state = { turns: [], handedOver: false, exchanges: 0, conversationEntries: 0 };
      conversations.set(conversationId, state);
    }
    return state;
  };

  async function record(
    conversationId: string,
    customerId: string | undefined,
    exchange: number,
    customerText: string,
    botText: string,
  ) {
    if (store === undefined || customerId === undefined) return;
    const now = clock.now();
    try {
      await store.putRecords('interaction', [
        {
          id: idempotencyKey(['chat', conversationId, exchange, 'in']),
          customerId,
          channel: 'chat',
          direction: 'inbound',
          occurredAt: toInstant(now),
          text: customerText,
          conversationId,
          sentiment: analyzeSentiment(customerText).label,
        },
        {
          id: idempotencyKey(['chat', conversationId, exchange, 'out']),
          customerId,
          channel: 'chat',
          direction: 'outbound',
          occurredAt: toInstant(now + 1),
          text: botText,
          conversationId,
        },
      ]);
    } catch {
      // Recording is best effort: the customer still gets the answer.
    }
  }

  async function handOver(
    conversationId: string,
    customer: z.output<typeof botCustomerSchema> | undefined,
    priority: ActionPriority,
    reasons: readonly EscalationReason[],
    customerTurns: readonly string[],
    language: 'ja' | 'en',
  ): Promise<boolean> {
    const now = clock.now();
    const codes = reasons.map((reason) => reason.code);
    emit('chat.escalated', {
      occurredAt: toInstant(now),
      conversationId,
      ...(customer?.id === undefined ? {} : { customerId: customer.id }),
      priority,
      reasonCodes: codes,
    });
    if (notifier === undefined) return false;
    const latest = customerTurns
      .slice(-3)
      .map((text) => (text.length > 120 ? `${text.slice(0, 120)}…` : text));
    const who = customer?.name ?? customer?.id ?? (language === 'ja' ? 'お客様' : 'a customer');
    const summary =
      language === 'ja'
        ? `${who}とのチャットを引き継いでください（${codes.join(', ')}）。直近の発言: ${latest.map((text) => `「${text}」`).join(' ')}`
        : `Please take over the chat with ${who} (${codes.join(', ')}). Latest messages: ${latest.map((text) => `"${text}"`).join(' ')}`;
    const action: Action = {
      idempotencyKey: idempotencyKey(['chat', 'handover', conversationId]),
      type: 'chat_handover',
      ...(customer?.id === undefined ? {} : { customerId: customer.id }),
      channel: options.handover.channel,
      owner: options.handover.owner,
      priority,
      automated: false,
      dueAt: toInstant(now),
      deadlineAt: toInstant(now + options.handover.deadlineMinutes * 60_000),
      title:
        language === 'ja'
          ? `チャット引き継ぎ: ${who}（${priority}）`
          : `Chat hand-over: ${who} (${priority})`,
      reasons: codes,
      source: { engine: 'chat', ruleId: 'escalation' },
      payload: {
        conversationId,
        summary,
        priority,
        reasons: reasons.map((reason) => ({
          code: reason.code,
          evidence: reason.evidence,
          source: reason.source,
        })),
      },
    };
    try {
      await notifier.send(action);
      return true;
    } catch (error) {
      emit('notification.failed', {
        occurredAt: toInstant(clock.now()),
        idempotencyKey: action.idempotencyKey,
        notifier: notifier.name,
        attempts: 1,
        error: errorText(error),
        willRetry: false,
      });
      return false;
    }
  }

  async function askModel(messages: readonly ModelMessage[]) {
    const signal = AbortSignal.timeout(options.modelTimeoutMilliseconds);
    const { object } = await model.generateObject({
      messages,
      schema: supportReplySchema,
      schemaName: 'support_reply',
      signal,
      maxOutputTokens: options.maxOutputTokens,
    });
    const reply = object.reply.trim();
    // The model's output is data: it must be a plain, bounded reply before a customer sees it.
    if (reply === '' || reply.length > options.maxReplyCharacters)
      throw new Error(`the model's reply is empty or longer than ${options.maxReplyCharacters} characters`);
    const followUpQuestions = object.followUpQuestions
      .map((question) => question.trim())
      .filter((question) => question !== '' && question.length <= 200)
      .slice(0, 3);
    return { reply, followUpQuestions };
  }

  async function reply(input: BotReplyInput): Promise<BotReply> {
    const parsed = parseInput(botReplyInputSchema, input, 'support bot reply input');
    try {
      return await answer(parsed);
    } catch (error) {
      return apology(parsed, error);
    }
  }

  /** A bug of ours must not reach the customer either: apologise and bring in a person. */
  function apology(parsed: z.output<typeof botReplyInputSchema>, error: unknown): BotReply {
    const language = languageOf(parsed.message, options.defaultLanguage);
    emit('chat.model-failed', {
      occurredAt: toInstant(clock.now()),
      conversationId: parsed.conversationId,
      error: `support bot: ${errorText(error)}`,
    });
    return {
      type: 'escalation',
      message: handoverMessage(['model_unavailable'], language),
      conversationId: parsed.conversationId,
      language,
      escalation: {
        priority: 'medium',
        reasons: [{ code: 'model_unavailable', evidence: errorText(error).slice(0, 200), source: 'bot' }],
        notified: false,
      },
      fallback: true,
    };
  }

  async function answer(
    parsed: z.output<typeof botReplyInputSchema>,
    generate: (
      messages: readonly ModelMessage[],
    ) => Promise<{ reply: string; followUpQuestions: string[] }> = askModel,
  ): Promise<BotReply> {
    const { conversationId, customer } = parsed;
    const state = stateOf(conversationId);
    const history: ChatTurn[] = parsed.history ?? state.turns;
    const redactedMessage = redactPersonalData(parsed.message).text;
    const redactedHistory = history.map((turn) => ({
      role: turn.role,
      content: redactPersonalData(turn.content).text,
    }));
    const language = languageOf(parsed.message, options.defaultLanguage);
    const customerTurns = [
      ...redactedHistory.filter((turn) => turn.role === 'user').map((turn) => turn.content),
      redactedMessage,
    ];
    state.exchanges += 1;
    const exchange = state.exchanges;

    const finish = async (result: BotReply): Promise<BotReply> => {
      if (parsed.history === undefined) {
        state.turns.push(
          { role: 'user', content: redactedMessage },
          { role: 'assistant', content: result.message },
        );
        if (state.turns.length > options.rememberedTurns)
          state.turns.splice(0, state.turns.length - options.rememberedTurns);
      }
      await record(
        conversationId,
        customer?.id,
        exchange,
        options.storeRedactedText ? redactedMessage : parsed.message,
        result.message,
      );
      return result;
    };

    const escalateWith = async (
      priority: ActionPriority,
      reasons: readonly EscalationReason[],
      fallback: boolean,
    ) => {
      const codes = reasons.map((reason) => reason.code);
      const notified = await handOver(conversationId, customer, priority, reasons, customerTurns, language);
      state.handedOver = true;
      return finish({
        type: 'escalation',
        message: handoverMessage(codes, language),
        conversationId,
        language,
        escalation: { priority, reasons, notified },
        ...(fallback ? { fallback: true } : {}),
      });
    };

    // 1. Escalation first. The classifier sees the original text: it runs offline, nothing leaves.
    const decision = classify({
      message: parsed.message,
      history,
      ...(customer?.account === undefined ? {} : { account: customer.account }),
    });
    if (state.handedOver && parsed.history === undefined)
      return finish({
        type: 'escalation',
        message: waitingMessage(language),
        conversationId,
        language,
        escalation: {
          priority: decision.escalate ? decision.priority : 'medium',
          reasons: decision.reasons,
          notified: false,
        },
      });
    if (decision.escalate) return escalateWith(decision.priority, decision.reasons, false);

    // 2. FAQ when confident.
    let best: FaqMatch | undefined;
    try {
      best = faq.search(redactedMessage, { limit: 1 })[0];
    } catch {
      best = undefined;
    }
    if (best !== undefined && best.confidence > options.faqConfidenceThreshold)
      return finish({
        type: 'faq',
        message: best.entry.answer,
        conversationId,
        language,
        faq: { id: best.entry.id, confidence: best.confidence },
      });

    // 3. The language model: system prompt, customer context, the last turns, then the message.
    const messages: ModelMessage[] = [
      { role: 'system', content: supportSystemPrompt },
      ...(customer === undefined
        ? []
        : [{ role: 'system' as const, content: customerContextPrompt(customer) }]),
      ...redactedHistory.slice(-options.historyTurns),
      { role: 'user', content: redactedMessage },
    ];
    let generated: { reply: string; followUpQuestions: string[] };
    try {
      generated = await generate(messages);
    } catch (error) {
      emit('chat.model-failed', {
        occurredAt: toInstant(clock.now()),
        conversationId,
        error: `${model.name}: ${errorText(error)}`,
      });
      if (best !== undefined && best.confidence >= options.fallbackFaqConfidence)
        return finish({
          type: 'faq',
          message: best.entry.answer,
          conversationId,
          language,
          faq: { id: best.entry.id, confidence: best.confidence },
          fallback: true,
        });
      return escalateWith(
        'medium',
        [{ code: 'model_unavailable', evidence: errorText(error).slice(0, 200), source: 'model' }],
        true,
      );
    }

    // 4. Diagnosis and plan once the conversation is long enough. As in the seed, FAQ answers do
    // not count; with a history from the caller, every entry counts.
    state.conversationEntries += 2;
    const entries = parsed.history === undefined ? state.conversationEntries : history.length + 2;
    if (entries >= options.planRecommendationHistoryEntries) {
      const recommendation = recommendPlan(customerTurns, catalog, language);
      if (recommendation !== undefined)
        return finish({
          type: 'plan_recommendation',
          message: generated.reply,
          conversationId,
          language,
          followUpQuestions: generated.followUpQuestions,
          recommendation,
          callToAction: recommendation.callToAction,
        });
    }
    return finish({
      type: 'conversation',
      message: generated.reply,
      conversationId,
      language,
      followUpQuestions: generated.followUpQuestions,
    });
  }

  async function streamReply(input: BotReplyInput): Promise<BotReplyStream> {
    const parsed = parseInput(botReplyInputSchema, input, 'support bot reply input');
    const pieces: string[] = [];
    let wake: (() => void) | undefined;
    let streamed = false;
    const push = (piece: string) => {
      pieces.push(piece);
      wake?.();
    };
    const streamFromModel = async (messages: readonly ModelMessage[]) => {
      const stream = model.streamText({
        messages: [...messages, { role: 'system', content: 'Answer in plain text, 3–5 sentences.' }],
        signal: AbortSignal.timeout(options.modelTimeoutMilliseconds),
        maxOutputTokens: options.maxOutputTokens,
      });
      let text = '';
      // Text already shown cannot be taken back: a failure after it is apologised for by the caller.
      for await (const piece of stream.textStream) {
        text += piece;
        if (text.length > options.maxReplyCharacters)
          throw new Error(`the model's reply is longer than ${options.maxReplyCharacters} characters`);
        streamed = true;
        push(piece);
      }
      await stream.result;
      if (text.trim() === '') throw new Error("the model's reply is empty");
      return { reply: text.trim(), followUpQuestions: [] };
    };
    const reply = (async (): Promise<BotReply> => {
      let result: BotReply;
      try {
        result = await answer(parsed, streamFromModel);
      } catch (error) {
        result = apology(parsed, error);
      }
      if (!streamed) push(result.message);
      else if (result.fallback === true) push(`\n${result.message}`);
      return result;
    })();
    let finished = false;
    reply.finally(() => {
      finished = true;
      wake?.();
    });
    async function* textStream() {
      let index = 0;
      while (true) {
        if (index < pieces.length) {
          yield pieces[index]!;
          index += 1;
          continue;
        }
        if (finished) return;
        await new Promise<void>((resolve) => {
          wake = resolve;
        });
        wake = undefined;
      }
    }
    return { textStream: textStream(), reply };
  }

  return {
    reply,
    streamReply,
    history: (conversationId) => [...(conversations.get(conversationId)?.turns ?? [])],
  };
}
