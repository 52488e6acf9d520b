import { ChatConsole } from '../../src/components/chat-console';
import { currentDictionary } from '../../src/i18n/language';

/** Support: the live chat console against the bot and the escalation queue of its hand-overs. */
export default async function SupportPage() {
  const { dictionary } = await currentDictionary();
  return (
    <>
      <h1>{dictionary.support.title}</h1>
      <ChatConsole texts={dictionary.support.console} />
      <p className="muted">{dictionary.support.queueNote}</p>
    </>
  );
}
