'use client';

import { type FormEvent, useState } from 'react';
import { escalationReason } from '../i18n/engine-text';
import type { Language } from '../i18n/language';
import { readServerSentEvents } from './server-sent-events';

/** The texts of the console in the UI language. */
export interface ChatConsoleTexts {
  readonly customerId: string;
  readonly message: string;
  readonly send: string;
  readonly thinking: string;
  readonly customer: string;
  readonly bot: string;
  readonly handoff: string;
  readonly escalationQueue: string;
  readonly escalationEmpty: string;
  readonly reasons: string;
  readonly priority: string;
  readonly failed: string;
}

interface ChatLine {
  readonly id: number;
  readonly speaker: 'customer' | 'bot';
  text: string;
  kind?: string;
}

interface Escalation {
  readonly conversationId: string;
  readonly customerId: string;
  readonly priority: string;
  readonly reasons: readonly string[];
  readonly message: string;
}

interface BotReply {
  readonly type: string;
  readonly message: string;
  readonly conversationId: string;
  readonly escalation?: {
    readonly priority: string;
    readonly reasons: readonly { code?: string; evidence?: string }[];
  };
}

/**
 * The live support chat against the bot: the reply streams in sentence by sentence (server-sent
 * events through the dashboard's `/api/chat` proxy), and hand-overs to a person join the escalation
 * queue with their reasons.
 */
export function ChatConsole({
  texts,
  language,
}: {
  readonly texts: ChatConsoleTexts;
  readonly language: Language;
}) {
  const [lines, setLines] = useState<ChatLine[]>([]);
  const [escalations, setEscalations] = useState<Escalation[]>([]);
  const [conversationId, setConversationId] = useState<string | undefined>(undefined);
  const [customerId, setCustomerId] = useState('');
  const [message, setMessage] = useState('');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | undefined>(undefined);

  async function send(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const text = message.trim();
    if (text === '' || pending) return;
    setPending(true);
    setError(undefined);
    setMessage('');
    const botLineId = Date.now();
    setLines((current) => [
      ...current,
      { id: botLineId - 1, speaker: 'customer', text },
      { id: botLineId, speaker: 'bot', text: '' },
    ]);
    const appendToBot = (update: (line: ChatLine) => ChatLine) =>
      setLines((current) => current.map((line) => (line.id === botLineId ? update({ ...line }) : line)));
    try {
      const response = await fetch('/api/chat', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ message: text, customerId, conversationId }),
      });
      if (!response.ok || response.body === null) {
        const problem = (await response.json().catch(() => ({}))) as { detail?: string };
        throw new Error(problem.detail ?? response.statusText);
      }
      await readServerSentEvents(response.body, ({ event: name, data }) => {
        if (name === 'delta') {
          const piece = (data as { text?: string }).text ?? '';
          appendToBot((line) => ({ ...line, text: line.text + piece }));
        } else if (name === 'reply' || name === 'handoff') {
          const reply = data as BotReply;
          setConversationId(reply.conversationId);
          appendToBot((line) => ({ ...line, text: reply.message, kind: reply.type }));
          if (name === 'handoff')
            setEscalations((current) => [
              ...current,
              {
                conversationId: reply.conversationId,
                customerId,
                priority: reply.escalation?.priority ?? 'high',
                reasons: (reply.escalation?.reasons ?? []).map((reason) =>
                  [
                    reason.code === undefined ? undefined : escalationReason(reason.code, language),
                    reason.evidence,
                  ]
                    .filter(Boolean)
                    .join(': '),
                ),
                message: text,
              },
            ]);
        } else if (name === 'error') {
          throw new Error((data as { code?: string }).code ?? 'error');
        }
      });
    } catch (failure) {
      setError(`${texts.failed}: ${failure instanceof Error ? failure.message : String(failure)}`);
    } finally {
      setPending(false);
    }
  }

  return (
    <div className="grid">
      <section className="card" aria-labelledby="chat-title">
        <h2 id="chat-title">{texts.bot}</h2>
        <ol className="chat-log" aria-live="polite" data-testid="chat-log">
          {lines.map((line) => (
            <li key={line.id} className={`chat-${line.speaker}`} data-kind={line.kind}>
              <strong>{line.speaker === 'customer' ? texts.customer : texts.bot}:</strong>{' '}
              {line.text === '' && pending ? texts.thinking : line.text}
              {line.kind === 'escalation' ? <em> ({texts.handoff})</em> : null}
            </li>
          ))}
        </ol>
        <form onSubmit={send} className="chat-form">
          <label>
            {texts.customerId}
            <input
              value={customerId}
              onChange={(event) => setCustomerId(event.target.value)}
              name="customerId"
            />
          </label>
          <label>
            {texts.message}
            <textarea
              value={message}
              onChange={(event) => setMessage(event.target.value)}
              name="message"
              rows={3}
              required
            />
          </label>
          <button type="submit" disabled={pending}>
            {texts.send}
          </button>
        </form>
        {error === undefined ? null : (
          <p className="notice notice-error" role="alert">
            {error}
          </p>
        )}
      </section>
      <section className="card" aria-labelledby="queue-title" data-testid="escalation-queue">
        <h2 id="queue-title">{texts.escalationQueue}</h2>
        {escalations.length === 0 ? (
          <p className="muted">{texts.escalationEmpty}</p>
        ) : (
          <ul className="alert-list">
            {escalations.map((escalation) => (
              <li key={escalation.conversationId + escalation.message} data-escalation={escalation.priority}>
                <div>
                  <span className={`status priority-${escalation.priority}`}>{escalation.priority}</span>{' '}
                  {escalation.customerId || '—'}: {escalation.message}
                  <div className="muted">
                    {texts.reasons}: {escalation.reasons.join(' / ')}
                  </div>
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
