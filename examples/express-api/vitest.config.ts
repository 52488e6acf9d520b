import { defineProject } from 'vitest/config';
import { sourceAliases } from '../../vitest.shared.ts';

export default defineProject({
  resolve: { alias: sourceAliases },
  test: {
    name: 'express-api',
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // Every test file loads the whole app (all engines); sharing the module graph between files in
    // a worker saves most of the import time. The files share no mutable module state.
    isolate: false,
  },
});
