import { afterAll, describe, expect, it } from 'vitest';
import { documentationSamples } from './code-samples.ts';
import { prepareSamples } from './sample-runner.ts';

// Every ```ts block of the guides and READMEs is a program: it must type-check against the packages'
// source and run to the end without throwing. The docs never show code that does not work.

const samples = documentationSamples();
const prepared = prepareSamples('guides', samples);
afterAll(() => prepared.dispose());

describe('documentation samples', () => {
  it('finds the samples of every guide', () => {
    const guides = new Set(samples.map((sample) => sample.location.split(':')[0]));
    for (const guide of [
      'getting-started',
      'health',
      'churn',
      'chat',
      'funnel',
      'revenue',
      'noise',
      'storage',
      'security',
    ]) {
      expect(guides, `docs/guides/${guide}.md has no runnable sample`).toContain(`docs/guides/${guide}.md`);
    }
  });

  for (const sample of samples) {
    it(`${sample.location} compiles and runs`, async () => {
      expect(prepared.diagnostics(sample), `type errors in ${sample.location}`).toEqual([]);
      await prepared.run(sample);
    });
  }
});
