/**
 * Thanks for one fix, then a new problem (round 17): «ログインはできました、ありがとうございます。でも今度は
 * レポート一覧が0件のままで…», "The password reset worked, thanks, but now it says my account is
 * locked … I still can't get in", "The card change worked, thank you, but the failed payment is
 * still showing". The thanks closes the old topic, not the conversation: the customer is stuck on a
 * new problem, so the message is no resolution ({@link isResolution} of conversation-rules.ts) and
 * the conversation rules still read it. Three misses of `unresolved_turns` in round17
 * escalation-train13-ag. Read: a contrast («でも», «けど», «ただ», "but", "though") followed within a
 * short gap by «今度は», «まだ», «…のまま», «…ません» or "now", "still" (normalised text).
 */
const newProblem =
  /\b(?:but|though|however)\b[^?]{0,60}\b(?:now|still)\b|(?:でも|けど|ただ|しかし)[^?]{0,40}(?:今度は|まだ|のまま|ません|てない|できない)/u;

/** True when normalised text goes on, after its thanks, to a new or remaining problem. */
export function opensNewProblem(normalizedText: string): boolean {
  return newProblem.test(normalizedText);
}
