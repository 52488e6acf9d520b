import { defineProject } from 'vitest/config';
import { sourceAliases } from '../../vitest.shared.ts';

export default defineProject({
  resolve: { alias: sourceAliases },
  test: {
    name: 'next-dashboard',
    testTimeout: 180_000,
    // Seeding the API, `next build` and `next start` on a loaded machine take minutes.
    hookTimeout: 900_000,
  },
});
