import { defineConfig } from 'tsup';

export default defineConfig({
  entry: {
    index: 'src/index.ts',
    // Node-only: usage signals on worker threads; the worker script is loaded beside it.
    'parallel/index': 'src/parallel/index.ts',
    'parallel/worker': 'src/parallel/worker.ts',
  },
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  sourcemap: true,
  target: 'node20',
  treeshake: true,
  // import.meta.url in the CommonJS build, to find the worker script.
  shims: true,
});
