import { createPgClient } from '@kizuna/postgres';
import { Redis } from 'ioredis';

/** Where the tests look for PostgreSQL: `DATABASE_URL`, else the local trust-auth server. */
export const testDatabaseUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
/** Where the tests look for Redis: `REDIS_URL`, else the local server. */
export const testRedisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
/** CI sets `KIZUNA_REQUIRE_SERVICES=1`: an unreachable server then fails the run instead of skipping. */
export const servicesRequired = process.env.KIZUNA_REQUIRE_SERVICES === '1';

function unreachable(what: string, where: string, error: unknown): false {
  const reason = error instanceof Error ? error.message : String(error);
  if (servicesRequired) {
    throw new Error(`${what} at ${where} is required (KIZUNA_REQUIRE_SERVICES=1) but unreachable: ${reason}`);
  }
  console.info(`${what} at ${where} unreachable (${reason}): skipping the ${what} tests.`);
  return false;
}

/** Whether the PostgreSQL of the tests answers (prints one line and returns false when not). */
export async function probePostgres(): Promise<boolean> {
  const client = createPgClient({ connectionString: testDatabaseUrl, connectionTimeoutMilliseconds: 3_000 });
  try {
    await client.query('select 1');
    return true;
  } catch (error) {
    return unreachable('PostgreSQL', testDatabaseUrl.replace(/\/\/[^@/]*@/, '//'), error);
  } finally {
    await client.close().catch(() => undefined);
  }
}

/** Whether the Redis of the tests answers (prints one line and returns false when not). */
export async function probeRedis(): Promise<boolean> {
  const redis = new Redis(testRedisUrl, {
    lazyConnect: true,
    connectTimeout: 3_000,
    maxRetriesPerRequest: 0,
  });
  redis.on('error', () => {});
  try {
    await redis.connect();
    await redis.ping();
    return true;
  } catch (error) {
    return unreachable('Redis', testRedisUrl, error);
  } finally {
    redis.disconnect();
  }
}

/** A name no other test run uses, for schemas and queue prefixes. */
export function uniqueName(prefix: string): string {
  return `${prefix}_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
}

/** Deletes every Redis key under a BullMQ prefix. */
export async function deleteRedisPrefix(prefix: string): Promise<void> {
  const redis = new Redis(testRedisUrl, { maxRetriesPerRequest: 1 });
  redis.on('error', () => {});
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length > 0) await redis.del(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
