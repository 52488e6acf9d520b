import { type HttpHandler, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll } from 'vitest';

/**
 * Starts an msw server for the tests of one file: `handlers` are the defaults, `use` adds handlers
 * for one test. Unhandled requests fail the test.
 */
export function createTestServer(handlers: readonly HttpHandler[] = []) {
  const server = setupServer(...handlers);
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => server.resetHandlers());
  afterAll(() => server.close());
  return { use: (...extra: HttpHandler[]) => server.use(...extra), http };
}
