/**
 * Wraps a reading of the whole message so that it runs once per message: ignore functions run once
 * per match or clause, and a long message with many matches would otherwise be scanned once per match
 * (quadratic). Only the last message is remembered, which is enough because the rules go through one
 * message at a time.
 */
export function oncePerMessage<Result>(read: (text: string) => Result): (text: string) => Result {
  let lastText: string | undefined;
  let lastResult: Result;
  return (text) => {
    if (text !== lastText) {
      lastResult = read(text);
      lastText = text;
    }
    return lastResult;
  };
}
