import { defineProject } from 'vitest/config';
import { sourceAliases } from '../vitest.shared.ts';

export default defineProject({
  resolve: { alias: sourceAliases },
  test: {
    name: 'docs',
    include: ['test/**/*.test.ts'],
    // Samples run in their own working folder (process.chdir), which needs a child process.
    pool: 'forks',
    testTimeout: 120_000,
    // Type-checking every sample and building the TypeDoc site take a while on a loaded machine.
    hookTimeout: 600_000,
  },
});
