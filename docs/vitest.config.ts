import { fileURLToPath } from 'node:url';
import { defineProject } from 'vitest/config';
import { sourceAliases } from '../vitest.shared.ts';

// The worker README's sample imports the example app by its workspace name.
const workerSource = fileURLToPath(new URL('../examples/worker/src/index.ts', import.meta.url));

export default defineProject({
  resolve: { alias: [{ find: /^@kizuna\/example-worker$/, replacement: workerSource }, ...sourceAliases] },
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
