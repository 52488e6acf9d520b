/**
 * A conservative token estimate without a tokenizer: one token per non-ASCII character (Japanese
 * is close to one token per character in current tokenizers, often less) and one per four ASCII
 * characters, plus 4 per message for the chat framing. Used for input caps before any request.
 *
 * @example
 * ```ts
 * const messages = [{ role: 'user', content: '返金してください' }];
 * console.log(estimateTokens(messages)); // 12
 * ```
 */
export function estimateTokens(messages: readonly { readonly content: string }[]): number {
  let tokens = 0;
  for (const message of messages) {
    let ascii = 0;
    let wide = 0;
    for (let index = 0; index < message.content.length; index += 1) {
      if (message.content.charCodeAt(index) < 128) ascii += 1;
      else wide += 1;
    }
    tokens += 4 + wide + Math.ceil(ascii / 4);
  }
  return tokens;
}
