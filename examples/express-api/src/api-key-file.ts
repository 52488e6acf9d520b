import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import * as z from 'zod';
import { type ApiKeyScope, generateApiKey, type StoredApiKey, storedApiKeySchema } from './api-keys';

/** Reads the stored keys (hashes only) from a JSON file; `undefined` when it does not exist. */
export async function readApiKeyFile(path: string): Promise<StoredApiKey[] | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  return z.array(storedApiKeySchema).parse(JSON.parse(text));
}

/**
 * Adds a new key to the file (creating it, readable by the owner only) and returns the key's
 * plaintext, which is not kept anywhere: show it once.
 */
export async function addApiKeyToFile(
  path: string,
  options: { readonly name: string; readonly scope: ApiKeyScope; readonly requestsPerMinute?: number },
): Promise<{ readonly key: string; readonly stored: StoredApiKey }> {
  const existing = (await readApiKeyFile(path)) ?? [];
  const created = generateApiKey(options);
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, `${JSON.stringify([...existing, created.stored], null, 2)}\n`, { mode: 0o600 });
  await chmod(path, 0o600);
  return created;
}
