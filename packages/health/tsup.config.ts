import { defineConfig } from 'tsup';

export default defineConfig({
  entry: { index: 'src/index.ts', 'parallel/index': 'src/parallel/index.ts' },
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  sourcemap: true,
  target: 'node20',
  treeshake: true,
});
