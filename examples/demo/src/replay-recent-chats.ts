import { createFaqIndex, createOfflineModel, createSupportBot } from '@kizuna/chat';
// The demo's package does not list @kizuna/chat yet (adding it changes the lockfile, which the lead
// owns): the public entry is imported from the workspace source, exactly what `@kizuna/chat` exports.
import { noiseServiceFaq } from '@kizuna/chat/faq-data';
import { createManualClock, type Notifier, type Store } from '@kizuna/core';
import type { DemoDataset } from './generate/generate-dataset';

/** What the replay did. */
export interface ChatReplay {
  readonly messages: number;
  readonly handOvers: number;
  readonly faqAnswers: number;
}

/**
 * Plays the customers' chat messages of the last `days` days before `asOf` through the support bot
 * (`@kizuna/chat`, offline model, the noise-service FAQ), as if the bot had been answering them
 * live: each at its own time, in its own conversation. Hand-overs go to the store's outbox at the
 * moment they happened (a notifier that enqueues), so the API lists them with their reasons and
 * the pipeline delivers them like any other action. The interactions themselves are already in the
 * dataset, so the bot is not given the store.
 */
export async function replayRecentChats(
  store: Store,
  dataset: DemoDataset,
  asOf: string,
  days = 30,
): Promise<ChatReplay> {
  const from = new Date(Date.parse(asOf) - days * 86_400_000).toISOString();
  const names = new Map(dataset.customer.map((customer) => [customer.id, customer.name]));
  const clock = createManualClock(from);
  const outbox: Notifier = {
    name: 'outbox',
    async send(action) {
      await store.enqueueActions([action], { now: action.dueAt });
      return { notifier: 'outbox', attempts: 1 };
    },
  };
  const bot = createSupportBot({
    model: createOfflineModel(),
    faq: createFaqIndex(noiseServiceFaq),
    notifier: outbox,
    clock,
  });
  const messages = dataset.interaction
    .filter(
      (interaction) =>
        interaction.channel === 'chat' &&
        interaction.direction === 'inbound' &&
        interaction.conversationId !== undefined &&
        interaction.occurredAt >= from &&
        interaction.occurredAt < asOf,
    )
    .sort((left, right) => left.occurredAt.localeCompare(right.occurredAt));
  let handOvers = 0;
  let faqAnswers = 0;
  for (const message of messages) {
    clock.set(Date.parse(message.occurredAt));
    const name = names.get(message.customerId);
    const reply = await bot.reply({
      conversationId: message.conversationId!,
      message: message.text,
      customer: { id: message.customerId, ...(name === undefined ? {} : { name }) },
    });
    if (reply.type === 'escalation' && reply.escalation?.notified === true) handOvers += 1;
    if (reply.type === 'faq') faqAnswers += 1;
  }
  return { messages: messages.length, handOvers, faqAnswers };
}
