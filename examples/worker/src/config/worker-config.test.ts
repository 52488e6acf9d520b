import { describe, expect, it } from 'vitest';
import { parseCommandLine } from './command-line';
import { parseWorkerEnvironment, storeLocationOf } from './worker-config';

describe('parseWorkerEnvironment', () => {
  it('runs embedded on PGlite with every default when nothing is set', () => {
    const environment = parseWorkerEnvironment({});
    expect(storeLocationOf(environment)).toEqual({
      kind: 'embedded',
      dataDir: '.kizuna/worker-data',
      schema: 'kizuna',
    });
    expect(environment.WORKER_SHARD_SIZE).toBe(2_000);
    expect(environment.SLACK_WEBHOOK_URL).toBeUndefined();
  });

  it('turns numeric variables into numbers and uses DATABASE_URL for the server store', () => {
    const environment = parseWorkerEnvironment({
      DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/test',
      WORKER_BATCH_SIZE: '100',
      OUTBOX_LEASE_MILLISECONDS: '5000',
      WORKER_INTERVAL_MINUTES: '',
    });
    expect(environment.WORKER_BATCH_SIZE).toBe(100);
    expect(environment.OUTBOX_LEASE_MILLISECONDS).toBe(5_000);
    expect(environment.WORKER_INTERVAL_MINUTES).toBe(60);
    expect(storeLocationOf(environment).kind).toBe('server');
  });

  it('names every bad variable', () => {
    expect(() =>
      parseWorkerEnvironment({
        WORKER_SHARD_SIZE: 'many',
        SLACK_WEBHOOK_URL: 'not a url',
        LOG_LEVEL: 'loud',
      }),
    ).toThrow(/WORKER_SHARD_SIZE[\s\S]*SLACK_WEBHOOK_URL|SLACK_WEBHOOK_URL[\s\S]*WORKER_SHARD_SIZE/);
  });
});

describe('parseCommandLine', () => {
  it('defaults to a scheduled run on the memory queue with one consumer', () => {
    expect(parseCommandLine([])).toMatchObject({
      once: false,
      queue: 'memory',
      workers: 1,
      role: 'all',
      seed: 0,
    });
  });

  it('reads --once, --queue, --workers, --role and --as-of', () => {
    expect(
      parseCommandLine([
        '--once',
        '--queue',
        'bullmq',
        '--workers',
        '3',
        '--role',
        'coordinator',
        '--as-of',
        '2026-04-01T00:00:00Z',
      ]),
    ).toMatchObject({
      once: true,
      queue: 'bullmq',
      workers: 3,
      role: 'coordinator',
      asOf: '2026-04-01T00:00:00.000Z',
    });
  });

  it('ignores the `--` a package manager passes through', () => {
    expect(parseCommandLine(['--', '--once', '--seed', '10'])).toMatchObject({ once: true, seed: 10 });
  });

  it('refuses a worker role on the in-process queue, an unknown queue and an unknown option', () => {
    expect(() => parseCommandLine(['--role', 'worker'])).toThrow(/role/);
    expect(() => parseCommandLine(['--queue', 'kafka'])).toThrow(/queue/);
    expect(() => parseCommandLine(['--fast'])).toThrow(/fast/);
  });
});
