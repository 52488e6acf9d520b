import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';
import { type CodeSample, repositoryRoot } from './code-samples.ts';
import { writeSampleFixtures } from './sample-fixtures.ts';

/** Samples written to files, type-checked together, and ready to run one by one. */
export interface PreparedSamples {
  /** The type errors of one sample (empty when it compiles). */
  diagnostics(sample: CodeSample): string[];
  /** Runs one sample as a module in the scratch working folder; rejects when it throws. */
  run(sample: CodeSample): Promise<void>;
  /** Removes the samples' folder. */
  dispose(): void;
}

/** `@kizuna/x` → packages/x/src/index.ts and `@kizuna/x/y` → packages/x/src/y/index.ts, as in the tests. */
function sourcePaths(): Record<string, string[]> {
  const paths: Record<string, string[]> = {};
  for (const name of readdirSync(join(repositoryRoot, 'packages'))) {
    paths[`@kizuna/${name}`] = [`packages/${name}/src/index.ts`];
    paths[`@kizuna/${name}/*`] = [`packages/${name}/src/*/index.ts`];
  }
  // The worker README's sample imports the example app by its workspace name.
  paths['@kizuna/example-worker'] = ['examples/worker/src/index.ts'];
  return paths;
}

const compilerOptions: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  lib: ['lib.es2023.d.ts'],
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  strict: true,
  noUncheckedIndexedAccess: true,
  noImplicitOverride: true,
  isolatedModules: true,
  verbatimModuleSyntax: true,
  esModuleInterop: true,
  skipLibCheck: true,
  resolveJsonModule: true,
  allowImportingTsExtensions: true,
  noEmit: true,
  types: ['node'],
  typeRoots: [join(repositoryRoot, 'node_modules/@types')],
  baseUrl: repositoryRoot,
  paths: sourcePaths(),
};

/**
 * Writes every sample to `docs/.samples/<folder>-<pid>/`, type-checks them in one program against the
 * packages' source, and prepares a scratch working folder with the files the samples read. Samples
 * run with no API key and no database URL, as on a reader's fresh machine.
 */
export function prepareSamples(
  folder: string,
  samples: readonly CodeSample[],
  preamble: (sample: CodeSample) => string = () => '',
): PreparedSamples {
  // One folder per process, so two runs at once do not delete each other's files.
  const sampleFolder = join(repositoryRoot, 'docs/.samples', `${folder}-${process.pid}`);
  const workFolder = join(sampleFolder, 'work');
  rmSync(sampleFolder, { recursive: true, force: true });
  mkdirSync(sampleFolder, { recursive: true });
  writeSampleFixtures(workFolder);
  delete process.env.OPENAI_API_KEY;
  delete process.env.DATABASE_URL;
  const fileOf = (sample: CodeSample) => join(sampleFolder, `${sample.slug}.ts`);
  for (const sample of samples) {
    // `export {}` makes every sample a module, so top-level await and local names do not clash.
    writeFileSync(fileOf(sample), `${preamble(sample)}${sample.code}\nexport {};\n`);
  }
  const program = ts.createProgram(samples.map(fileOf), compilerOptions);
  const byFile = new Map<string, string[]>();
  for (const diagnostic of ts.getPreEmitDiagnostics(program)) {
    const file = diagnostic.file?.fileName;
    // Only the samples' own errors count; the packages are type-checked by their own projects.
    if (file !== undefined && !file.startsWith(sampleFolder)) continue;
    const key = file ?? '(program)';
    const { line } = diagnostic.file?.getLineAndCharacterOfPosition(diagnostic.start ?? 0) ?? { line: 0 };
    const text = `line ${line + 1}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}`;
    byFile.set(key, [...(byFile.get(key) ?? []), text]);
  }
  return {
    diagnostics: (sample) => [...(byFile.get('(program)') ?? []), ...(byFile.get(fileOf(sample)) ?? [])],
    async run(sample) {
      const previousFolder = process.cwd();
      process.chdir(workFolder);
      try {
        await import(pathToFileURL(fileOf(sample)).href);
      } finally {
        process.chdir(previousFolder);
      }
    },
    dispose: () => rmSync(sampleFolder, { recursive: true, force: true }),
  };
}

/** The names a package's index exports, split into values and types (read from its `export { … }` lists). */
export function packageExports(packageName: string): { values: Set<string>; types: Set<string> } {
  const index = readFileSync(join(repositoryRoot, 'packages', packageName, 'src/index.ts'), 'utf8');
  const values = new Set<string>();
  const types = new Set<string>();
  for (const match of index.matchAll(/export\s+(type\s+)?\{([^}]*)\}/g)) {
    const allTypes = match[1] !== undefined;
    for (const raw of match[2]!.split(',')) {
      const item = raw.replace(/\/\/.*$/gm, '').trim();
      if (item === '') continue;
      const isType = allTypes || item.startsWith('type ');
      const name = item
        .replace(/^type\s+/, '')
        .split(/\s+as\s+/)
        .at(-1)!
        .trim();
      (isType ? types : values).add(name);
    }
  }
  return { values, types };
}
