import { defineConfig } from 'tsup';

export default defineConfig({
  entry: {
    index: 'src/index.ts',
    'evaluation/index': 'src/evaluation/index.ts',
    'faq-data/index': 'src/faq-data/index.ts',
    'openai/index': 'src/openai/index.ts',
  },
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  sourcemap: true,
  target: 'node20',
  treeshake: true,
});
