import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import * as z from 'zod';

/**
 * What a key may do. Scopes are ordered: `admin` includes `write`, which includes `read`.
 * - `read`: every GET route (snapshots, health, churn, alerts, dashboards, ...).
 * - `write`: ingesting records, marking alerts done, chat messages and noise analyses.
 * - `admin`: running the pipeline now and listing the configured keys.
 */
export const apiKeyScopeSchema = z.enum(['read', 'write', 'admin']);

/** `'read' | 'write' | 'admin'`. */
export type ApiKeyScope = z.infer<typeof apiKeyScopeSchema>;

const scopeRank: Record<ApiKeyScope, number> = { read: 0, write: 1, admin: 2 };

/** True when a key with `granted` may call a route that needs `required`. */
export function scopeAllows(granted: ApiKeyScope, required: ApiKeyScope): boolean {
  return scopeRank[granted] >= scopeRank[required];
}

/**
 * A configured API key as it is stored: never the key itself, only its SHA-256 hash. Keys are 256
 * random bits, so a fast hash is enough (there is nothing to brute-force, unlike a password) and the
 * check stays cheap on every request.
 */
export const storedApiKeySchema = z.object({
  /** The public part of the key (`kz_<id>_...`), used to find the hash; also the rate-limit bucket. */
  id: z.string().regex(/^[a-z0-9]{8,32}$/, { error: 'expected 8–32 lowercase letters or digits' }),
  /** A label for people: who or what uses the key. */
  name: z.string().min(1).default('unnamed'),
  scope: apiKeyScopeSchema,
  /** Hex SHA-256 of the whole key. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/, { error: 'expected a hex SHA-256 digest' }),
  /** Requests per minute this key may make. @defaultValue 600 */
  requestsPerMinute: z.number().int().positive().default(600),
});

/** A stored API key (hash only). */
export type StoredApiKey = z.infer<typeof storedApiKeySchema>;

/** A stored API key as you may write it (defaults optional). */
export type StoredApiKeyInput = z.input<typeof storedApiKeySchema>;

/** The key an authenticated request was made with, without its hash. */
export interface AuthenticatedKey {
  readonly id: string;
  readonly name: string;
  readonly scope: ApiKeyScope;
  readonly requestsPerMinute: number;
}

/** Looks keys up by their plaintext; see {@link createApiKeyRing}. */
export interface ApiKeyRing {
  /** The key matching `presented`, or `undefined` (unknown id, wrong secret, malformed). */
  verify(presented: string): AuthenticatedKey | undefined;
  /** The configured keys without their hashes, for the admin listing. */
  list(): readonly AuthenticatedKey[];
}

const keyPattern = /^kz_([a-z0-9]{8,32})_([A-Za-z0-9_-]{20,128})$/;

function sha256(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}

/**
 * Holds the stored keys and checks presented ones: finds the entry by the key's public id, then
 * compares SHA-256 digests in constant time.
 *
 * @throws ZodError when an entry is malformed or two entries share an id
 */
export function createApiKeyRing(keys: readonly StoredApiKeyInput[]): ApiKeyRing {
  const parsed = z
    .array(storedApiKeySchema)
    .refine((entries) => new Set(entries.map((entry) => entry.id)).size === entries.length, {
      error: 'two API keys share an id',
    })
    .parse(keys);
  const byId = new Map(parsed.map((entry) => [entry.id, entry]));
  const publicView = (entry: StoredApiKey): AuthenticatedKey => ({
    id: entry.id,
    name: entry.name,
    scope: entry.scope,
    requestsPerMinute: entry.requestsPerMinute,
  });
  // Keys already verified, by the presented text: a key is sent with every request and hashing it
  // each time was a measurable share of a health read. Only valid keys are kept, so the map holds at
  // most one entry per configured key (no growth from random guesses).
  const verified = new Map<string, AuthenticatedKey>();
  return {
    verify(presented) {
      const known = verified.get(presented);
      if (known !== undefined) return known;
      const match = keyPattern.exec(presented);
      if (match === null) return undefined;
      const entry = byId.get(match[1]!);
      if (entry === undefined) return undefined;
      const expected = Buffer.from(entry.sha256, 'hex');
      if (!timingSafeEqual(sha256(presented), expected)) return undefined;
      const key = publicView(entry);
      verified.set(presented, key);
      return key;
    },
    list() {
      return parsed.map(publicView);
    },
  };
}

/**
 * Creates a new random key and the entry to store for it. Show `key` to its owner once; keep only
 * `stored`.
 *
 * @example
 * ```ts
 * const { key, stored } = generateApiKey({ name: 'dashboard', scope: 'read' });
 * // key: 'kz_3f9a0c1d2e4b5a69_Vq...'; stored.sha256: 'e3b0...'
 * ```
 */
export function generateApiKey(options: {
  readonly name: string;
  readonly scope: ApiKeyScope;
  readonly requestsPerMinute?: number;
}): { readonly key: string; readonly stored: StoredApiKey } {
  const id = randomBytes(8).toString('hex');
  const key = `kz_${id}_${randomBytes(32).toString('base64url')}`;
  const stored = storedApiKeySchema.parse({
    id,
    name: options.name,
    scope: options.scope,
    sha256: sha256(key).toString('hex'),
    ...(options.requestsPerMinute === undefined ? {} : { requestsPerMinute: options.requestsPerMinute }),
  });
  return { key, stored };
}
