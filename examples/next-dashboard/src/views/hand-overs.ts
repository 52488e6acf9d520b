import type { AlertEntry } from '../api/api-types';

/** A chat the bot handed over to a person. */
export interface HandOver {
  readonly idempotencyKey: string;
  readonly customerId: string | undefined;
  /** When it was handed over. */
  readonly at: string;
  readonly priority: AlertEntry['action']['priority'];
  /** The escalation reasons with the words that showed them. */
  readonly reasons: readonly { readonly code: string; readonly evidence: string | undefined }[];
  /** The customer's latest words, as the bot summarised them for the person taking over. */
  readonly lastMessage: string | undefined;
  /** Someone marked it taken over. */
  readonly done: boolean;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

/**
 * The hand-over list: the outbox's `chat_handover` actions (the support bot's hand-overs), open
 * ones first, newest first, each with its reason codes and the evidence the classifier found.
 */
export function handOvers(entries: readonly AlertEntry[]): HandOver[] {
  return entries
    .filter((entry) => entry.action.type === 'chat_handover')
    .map((entry) => {
      const payload = entry.action.payload ?? {};
      const detailed = Array.isArray(payload.reasons) ? payload.reasons.filter(isRecord) : [];
      const reasons = entry.action.reasons.map((code) => {
        const evidence = detailed.find((reason) => reason.code === code)?.evidence;
        return { code, evidence: typeof evidence === 'string' && evidence !== '' ? evidence : undefined };
      });
      const summary = typeof payload.summary === 'string' ? payload.summary : undefined;
      const quoted = summary?.match(/「([^」]*)」(?!.*「)/)?.[1] ?? summary?.match(/"([^"]*)"(?!.*")/)?.[1];
      return {
        idempotencyKey: entry.action.idempotencyKey,
        customerId: entry.action.customerId,
        at: entry.action.dueAt,
        priority: entry.action.priority,
        reasons,
        lastMessage: quoted,
        done: entry.done !== null,
      };
    })
    .sort((left, right) => Number(left.done) - Number(right.done) || right.at.localeCompare(left.at));
}
