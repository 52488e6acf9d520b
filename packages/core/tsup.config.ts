import { defineConfig } from 'tsup';

const common = { dts: true, sourcemap: true, target: 'node20', treeshake: true } as const;

export default defineConfig([
  { ...common, entry: { index: 'src/index.ts' }, format: ['esm', 'cjs'], clean: true },
  // The conformance suite runs under vitest, which is ESM only, so `@kizuna/core/testing` is too.
  { ...common, entry: { 'testing/index': 'src/testing/index.ts' }, format: ['esm'] },
]);
