import { apiConfiguration } from '../../../src/api/kizuna-client';

/** Largest upload the proxy forwards (the API accepts up to 64 MiB). */
const maxUploadBytes = 64 * 1024 * 1024;

/**
 * The noise upload's proxy: forwards the WAV body and the query (area type, calibration, start
 * time, location) to `POST /v1/noise/analyses` with the server's API key and returns its JSON.
 */
export async function POST(request: Request): Promise<Response> {
  const incoming = new URL(request.url);
  const query = new URLSearchParams();
  for (const name of ['areaType', 'pascalsPerFullScale', 'startedAt', 'location']) {
    const value = incoming.searchParams.get(name);
    if (value !== null && value !== '') query.set(name, value);
  }
  const body = await request.arrayBuffer();
  if (body.byteLength === 0) return Response.json({ detail: 'Choose a WAV file.' }, { status: 400 });
  if (body.byteLength > maxUploadBytes)
    return Response.json({ detail: 'The file is over 64 MiB.' }, { status: 413 });
  const { url, key } = apiConfiguration();
  let upstream: Response;
  try {
    upstream = await fetch(`${url}/v1/noise/analyses?${query}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'audio/wav', Accept: 'application/json' },
      body,
      cache: 'no-store',
    });
  } catch {
    return Response.json({ detail: `The API at ${url} does not answer.` }, { status: 502 });
  }
  const payload = (await upstream.json().catch(() => ({}))) as Record<string, unknown>;
  if (upstream.ok) return Response.json(payload);
  const errors = Array.isArray(payload.errors)
    ? (payload.errors as { path?: string; message?: string }[]).map(
        (error) => `${error.path}: ${error.message}`,
      )
    : [];
  return Response.json(
    { detail: [payload.detail ?? upstream.statusText, ...errors].join(' ') },
    { status: upstream.status === 501 ? 501 : upstream.status >= 500 ? 502 : upstream.status },
  );
}
