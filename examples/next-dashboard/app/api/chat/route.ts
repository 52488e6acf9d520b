import { apiConfiguration } from '../../../src/api/kizuna-client';

/**
 * The chat console's proxy: forwards a message to `POST /v1/chat/messages` with the server's API key
 * and `Accept: text/event-stream`, and streams the bot's events back to the browser unchanged. The
 * browser never sees the key.
 */
export async function POST(request: Request): Promise<Response> {
  let body: { message?: unknown; customerId?: unknown; conversationId?: unknown };
  try {
    body = (await request.json()) as typeof body;
  } catch {
    return Response.json({ detail: 'Send JSON.' }, { status: 400 });
  }
  if (typeof body.message !== 'string' || body.message.trim() === '')
    return Response.json({ detail: 'message is required.' }, { status: 400 });
  const forwarded: Record<string, string> = { message: body.message };
  if (typeof body.customerId === 'string' && body.customerId !== '') forwarded.customerId = body.customerId;
  if (typeof body.conversationId === 'string' && body.conversationId !== '')
    forwarded.conversationId = body.conversationId;
  const { url, key } = apiConfiguration();
  let upstream: Response;
  try {
    upstream = await fetch(`${url}/v1/chat/messages`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${key}`,
        'Content-Type': 'application/json',
        Accept: 'text/event-stream',
      },
      body: JSON.stringify(forwarded),
      cache: 'no-store',
    });
  } catch {
    return Response.json({ detail: `The API at ${url} does not answer.` }, { status: 502 });
  }
  if (!upstream.ok || upstream.body === null) {
    const problem = (await upstream.json().catch(() => ({}))) as { detail?: string };
    return Response.json(
      { detail: problem.detail ?? upstream.statusText },
      { status: upstream.status === 501 ? 501 : 502 },
    );
  }
  return new Response(upstream.body, {
    status: 200,
    headers: {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-cache, no-transform',
    },
  });
}
