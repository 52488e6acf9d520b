/** One server-sent event: its name and parsed JSON data. */
export interface ServerSentEvent {
  readonly event: string;
  readonly data: unknown;
}

/**
 * Reads a `text/event-stream` body and calls `onEvent` for each complete event (`event:` and
 * `data:` lines, JSON data), as the pieces arrive.
 */
export async function readServerSentEvents(
  body: ReadableStream<Uint8Array>,
  onEvent: (event: ServerSentEvent) => void,
): Promise<void> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += decoder.decode(value, { stream: true });
    let boundary = buffer.indexOf('\n\n');
    while (boundary !== -1) {
      const block = buffer.slice(0, boundary);
      buffer = buffer.slice(boundary + 2);
      let name = 'message';
      const dataLines: string[] = [];
      for (const line of block.split('\n')) {
        if (line.startsWith('event:')) name = line.slice(6).trim();
        else if (line.startsWith('data:')) dataLines.push(line.slice(5).trim());
      }
      if (dataLines.length > 0) onEvent({ event: name, data: JSON.parse(dataLines.join('\n')) as unknown });
      boundary = buffer.indexOf('\n\n');
    }
  }
}
