import { fileURLToPath } from 'node:url';

const packages = fileURLToPath(new URL('./packages/', import.meta.url));

/**
 * Tests import `@kizuna/*` from source, so a change is tested without a rebuild:
 * `@kizuna/x` → packages/x/src/index.ts and `@kizuna/x/y` → packages/x/src/y/index.ts.
 */
export const sourceAliases = [
  { find: /^@kizuna\/([a-z]+)\/([a-z-]+)$/, replacement: `${packages}$1/src/$2/index.ts` },
  { find: /^@kizuna\/([a-z]+)$/, replacement: `${packages}$1/src/index.ts` },
];
