import Link from 'next/link';
import { completeAlert } from '../../src/actions/complete-alert';
import { getCustomerProfiles, listHandOverAlerts } from '../../src/api/kizuna-client';
import { ChatConsole } from '../../src/components/chat-console';
import { UnavailableNotice } from '../../src/components/unavailable-notice';
import { formatDateTime } from '../../src/format/formatting';
import { escalationReason } from '../../src/i18n/engine-text';
import { currentDictionary } from '../../src/i18n/language';
import { handOvers } from '../../src/views/hand-overs';

/**
 * Support: the hand-over list (chats the bot passed to a person, with the reasons and the words
 * that triggered them, from the outbox), and the live chat console against the bot.
 */
export default async function SupportPage() {
  const { language, dictionary } = await currentDictionary();
  const text = dictionary.support;
  const alerts = await listHandOverAlerts();
  const list = alerts.kind === 'ok' ? handOvers(alerts.data) : [];
  const profiles = await getCustomerProfiles(
    list.flatMap((handOver) => (handOver.customerId === undefined ? [] : [handOver.customerId])),
  );
  const nameOf = (customerId: string) =>
    (profiles.kind === 'ok' ? profiles.data.get(customerId)?.name : undefined) ?? customerId;
  return (
    <>
      <h1>{text.title}</h1>
      <section className="card" aria-labelledby="handovers-title" data-testid="handovers">
        <h2 id="handovers-title">{text.handOversTitle}</h2>
        {alerts.kind !== 'ok' ? (
          <UnavailableNotice result={alerts} dictionary={dictionary} />
        ) : list.length === 0 ? (
          <p className="muted">{text.handOversEmpty}</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th scope="col">{text.handedOverAt}</th>
                <th scope="col">{dictionary.common.customer}</th>
                <th scope="col">{dictionary.common.priority}</th>
                <th scope="col">{text.console.reasons}</th>
                <th scope="col">{text.status}</th>
              </tr>
            </thead>
            <tbody>
              {list.map((handOver) => (
                <tr key={handOver.idempotencyKey} data-handover={handOver.idempotencyKey}>
                  <td>{formatDateTime(handOver.at, language)}</td>
                  <td>
                    {handOver.customerId === undefined ? (
                      '–'
                    ) : (
                      <Link href={`/customers/${encodeURIComponent(handOver.customerId)}`}>
                        {nameOf(handOver.customerId)}
                      </Link>
                    )}
                  </td>
                  <td>
                    <span className={`status priority-${handOver.priority}`}>
                      {dictionary.priority[handOver.priority] ?? handOver.priority}
                    </span>
                  </td>
                  <td>
                    <ul className="plain-list">
                      {handOver.reasons.map((reason) => (
                        <li key={reason.code} data-reason={reason.code}>
                          {escalationReason(reason.code, language)}
                          {reason.evidence === undefined ? null : (
                            <span className="muted"> 「{reason.evidence}」</span>
                          )}
                        </li>
                      ))}
                    </ul>
                    {handOver.lastMessage === undefined ? null : (
                      <div className="muted">{handOver.lastMessage}</div>
                    )}
                  </td>
                  <td>
                    {handOver.done ? (
                      text.handOverDone
                    ) : (
                      <form action={completeAlert}>
                        <input type="hidden" name="idempotencyKey" value={handOver.idempotencyKey} />
                        <button
                          type="submit"
                          aria-label={`${text.takeOver}: ${handOver.customerId === undefined ? '' : nameOf(handOver.customerId)}`}
                        >
                          {text.takeOver}
                        </button>
                      </form>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <h2>{text.consoleTitle}</h2>
      <ChatConsole texts={text.console} language={language} />
      <p className="muted">{text.queueNote}</p>
    </>
  );
}
