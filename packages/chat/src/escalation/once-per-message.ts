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
    if (text !== lastText) lastResult = read(text);
    // Review r17: kept even when equal, so that the next call compares the same string object (at once)
    // rather than an equal copy of the message character by character: the rules may read two equal
    // copies of a message one after the other, and a compare of copies on every match is quadratic.
    lastText = text;
    return lastResult;
  };
}

/**
 * Where the last match of `pattern` starts in a message (-1 for none), found once per message:
 * "is there one after this match" is then a comparison, not a new reading of the rest of the
 * message for each match.
 */
export function lastMatchStart(pattern: RegExp): (text: string) => number {
  const global = new RegExp(pattern.source, 'gu');
  return oncePerMessage((text) => {
    let last = -1;
    global.lastIndex = 0;
    for (let match = global.exec(text); match !== null; match = global.exec(text)) last = match.index;
    return last;
  });
}
