import { afterAll, describe, expect, it } from 'vitest';
import { type CodeSample, type ExampleSample, exampleSamples } from './code-samples.ts';
import { packageExports, prepareSamples } from './sample-runner.ts';

// Every TSDoc @example block is a program too. It may use its package's exports (and core's) without
// importing them, as a reader of that function's page would; anything else it must import itself.

const samples = exampleSamples();

const exportsByPackage = new Map<string, ReturnType<typeof packageExports>>();
function exportsOf(packageName: string) {
  let found = exportsByPackage.get(packageName);
  if (found === undefined) {
    found = packageExports(packageName);
    exportsByPackage.set(packageName, found);
  }
  return found;
}

/** `import { … } from '@kizuna/<package>'` for the exported names the example uses and does not import. */
function importsFor(sample: CodeSample): string {
  const example = sample as ExampleSample;
  const used = new Set(example.code.match(/[A-Za-z_$][\w$]*/g) ?? []);
  const imported = new Set(
    [...example.code.matchAll(/import\s+(?:type\s+)?\{([^}]*)\}/g)].flatMap((match) =>
      match[1]!.split(',').map((item) =>
        item
          .replace(/^\s*type\s+/, '')
          .split(/\s+as\s+/)
          .at(-1)!
          .trim(),
      ),
    ),
  );
  const declared = new Set(
    [...example.code.matchAll(/\b(?:const|let|function|class)\s+([A-Za-z_$][\w$]*)/g)].map((m) => m[1]!),
  );
  const lines: string[] = [];
  const taken = new Set<string>();
  for (const packageName of [example.packageName, 'core']) {
    const { values, types } = exportsOf(packageName);
    const pick = (names: Set<string>) =>
      [...names].filter(
        (name) => used.has(name) && !imported.has(name) && !declared.has(name) && !taken.has(name),
      );
    const valueNames = pick(values);
    const typeNames = pick(types);
    for (const name of [...valueNames, ...typeNames]) taken.add(name);
    if (valueNames.length > 0)
      lines.push(`import { ${valueNames.join(', ')} } from '@kizuna/${packageName}';`);
    if (typeNames.length > 0)
      lines.push(`import type { ${typeNames.join(', ')} } from '@kizuna/${packageName}';`);
  }
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}

const prepared = prepareSamples('examples', samples, importsFor);
afterAll(() => prepared.dispose());

describe('TSDoc @example blocks', () => {
  it('finds the examples of every package', () => {
    const packages = new Set(samples.map((sample) => sample.packageName));
    for (const name of ['core', 'health', 'churn', 'chat', 'funnel', 'noise'])
      expect(packages).toContain(name);
  });

  for (const sample of samples) {
    it(`${sample.location} compiles and runs`, async () => {
      expect(prepared.diagnostics(sample), `type errors in ${sample.location}`).toEqual([]);
      await prepared.run(sample);
    });
  }
});
