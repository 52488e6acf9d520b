import type { NextFunction, Request, Response } from 'express';
import { describe, expect, it } from 'vitest';
import { ApiProblem } from '../problem-details';
import { limitRequestsPerKey } from './rate-limit';

function fakeResponse(key: { id: string; requestsPerMinute: number } | undefined) {
  const headers = new Map<string, string>();
  return {
    headers,
    response: {
      locals: { apiKey: key },
      setHeader: (name: string, value: string) => headers.set(name, value),
    } as unknown as Response,
  };
}

describe('limitRequestsPerKey', () => {
  it('lets each key make its requests per minute, then answers 429 until its window ends', () => {
    let clock = 1_000_000;
    const limit = limitRequestsPerKey({ now: () => clock });
    const call = (key: { id: string; requestsPerMinute: number }) => {
      const { headers, response } = fakeResponse(key);
      let passed: unknown = 'not called';
      limit({} as Request, response, ((error?: unknown) => {
        passed = error;
      }) as NextFunction);
      return { headers, error: passed };
    };
    const ops = { id: 'ops', requestsPerMinute: 2 };
    expect(call(ops)).toMatchObject({ error: undefined });
    const second = call(ops);
    expect(second.error).toBeUndefined();
    expect(second.headers.get('RateLimit-Policy')).toBe('"per-key";q=2;w=60');
    expect(second.headers.get('RateLimit')).toBe('"per-key";r=0;t=60');
    clock += 15_000;
    const third = call(ops);
    expect(third.error).toBeInstanceOf(ApiProblem);
    expect(third.error).toMatchObject({ code: 'RATE_LIMITED', headers: { 'Retry-After': '45' } });
    // Another key has its own window.
    expect(call({ id: 'dashboard', requestsPerMinute: 2 }).error).toBeUndefined();
    // 60 s after the window opened, a new one starts.
    clock += 45_000;
    const fresh = call(ops);
    expect(fresh.error).toBeUndefined();
    expect(fresh.headers.get('RateLimit')).toBe('"per-key";r=1;t=60');
  });
});
