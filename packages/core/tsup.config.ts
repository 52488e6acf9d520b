import { defineConfig } from 'tsup';

// `@kizuna/core/testing` runs under vitest, which is ESM only: package.json exports it for `import`
// alone, so its CommonJS build below is never reachable. `@kizuna/core/threads` is Node only (the
// engines' /parallel entries use it); the main entry never imports either.
export default defineConfig({
  entry: {
    index: 'src/index.ts',
    'testing/index': 'src/testing/index.ts',
    'threads/index': 'src/threads/index.ts',
  },
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  sourcemap: true,
  target: 'node20',
  treeshake: true,
});
