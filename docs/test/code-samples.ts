import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const repositoryRoot = fileURLToPath(new URL('../../', import.meta.url));

/** One TypeScript code sample found in the documentation. */
export interface CodeSample {
  /** Where it is, for the test name: `docs/guides/health.md:42`. */
  readonly location: string;
  /** A file-name-safe unique name. */
  readonly slug: string;
  /** The sample's code. */
  readonly code: string;
}

/**
 * The Markdown files whose samples must run: the guides, the architecture page and every README a
 * reader sees (root, packages, examples).
 */
export function documentationFiles(): string[] {
  const files = [join(repositoryRoot, 'README.md'), join(repositoryRoot, 'docs/architecture.md')];
  const guides = join(repositoryRoot, 'docs/guides');
  for (const name of readdirSync(guides).sort()) {
    if (name.endsWith('.md')) files.push(join(guides, name));
  }
  for (const folder of ['packages', 'examples']) {
    for (const name of readdirSync(join(repositoryRoot, folder)).sort()) {
      const readme = join(repositoryRoot, folder, name, 'README.md');
      if (existsSync(readme)) files.push(readme);
    }
  }
  return files;
}

const opening = /^(\s*)```(ts|typescript)\b(.*)$/;

/**
 * The ```ts blocks of one Markdown file, each a complete program. Two words in the info string change
 * that: `fragment` (```ts fragment) marks an excerpt that cannot run alone, which is left out;
 * `continued` (```ts continued) marks a block that goes on from the previous sample of the same file,
 * so it runs after that sample's code, as a reader following the guide would run it.
 */
export function markdownSamples(file: string): CodeSample[] {
  const lines = readFileSync(file, 'utf8').split('\n');
  const where = relative(repositoryRoot, file);
  const samples: CodeSample[] = [];
  for (let index = 0; index < lines.length; index += 1) {
    const match = opening.exec(lines[index]!);
    if (!match) continue;
    const indent = match[1]!.length;
    const fragment = /\bfragment\b/.test(match[3]!);
    const continued = /\bcontinued\b/.test(match[3]!);
    const start = index + 1;
    let end = start;
    while (end < lines.length && !/^\s*```\s*$/.test(lines[end]!)) end += 1;
    if (end === lines.length) throw new Error(`${where}:${start}: a code block is never closed`);
    if (!fragment) {
      const code = lines
        .slice(start, end)
        .map((line) => line.slice(Math.min(indent, line.length - line.trimStart().length)))
        .join('\n');
      const previous = samples.at(-1);
      if (continued && !previous) {
        throw new Error(`${where}:${start}: a \`continued\` block needs a runnable block before it`);
      }
      samples.push({
        location: `${where}:${start}`,
        slug: `${where.replace(/[^a-zA-Z0-9]+/g, '-')}-${start}`,
        code: continued ? `${previous!.code}\n${code}` : code,
      });
    }
    index = end;
  }
  return samples;
}

/** Every runnable sample of the documentation. */
export function documentationSamples(): CodeSample[] {
  return documentationFiles().flatMap(markdownSamples);
}

/** The package source files whose TSDoc `@example` blocks must run (tests and test support excluded). */
function packageSourceFiles(folder: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) {
      if (!/^(test-support|test-utils|testing-support)$/.test(entry.name))
        files.push(...packageSourceFiles(path));
    } else if (
      entry.name.endsWith('.ts') &&
      !entry.name.endsWith('.test.ts') &&
      !entry.name.endsWith('.d.ts')
    ) {
      files.push(path);
    }
  }
  return files.sort();
}

/** A TSDoc `@example` block, with the package it documents. */
export interface ExampleSample extends CodeSample {
  /** The package directory name: `health` for `@kizuna/health`. */
  readonly packageName: string;
}

/**
 * The fenced ```ts blocks under `@example` tags in the packages' TSDoc comments. Like the guides'
 * samples they are programs; the package's own exports (and core's) are imported for them, since an
 * example on `scoreHealth` should not have to repeat `import { scoreHealth } from '@kizuna/health'`.
 * A block marked ```ts fragment is left out.
 */
export function exampleSamples(): ExampleSample[] {
  const samples: ExampleSample[] = [];
  for (const packageName of readdirSync(join(repositoryRoot, 'packages')).sort()) {
    const source = join(repositoryRoot, 'packages', packageName, 'src');
    if (!existsSync(source)) continue;
    for (const file of packageSourceFiles(source)) {
      const lines = readFileSync(file, 'utf8').split('\n');
      const where = relative(repositoryRoot, file);
      let inExample = false;
      for (let index = 0; index < lines.length; index += 1) {
        const text = lines[index]!.replace(/^\s*\*\s?/, '');
        if (/^\s*\/\*\*/.test(lines[index]!) || /\*\/\s*$/.test(lines[index]!)) inExample = false;
        if (/^@example\b/.test(text)) {
          inExample = true;
          continue;
        }
        if (/^@\w+/.test(text)) inExample = false;
        const match = /^```(ts|typescript)\b(.*)$/.exec(text);
        if (!inExample || !match) continue;
        const start = index + 1;
        let end = start;
        while (end < lines.length && !/^\s*\*\s?```\s*$/.test(lines[end]!)) end += 1;
        if (end === lines.length) throw new Error(`${where}:${start}: an @example block is never closed`);
        if (!/\bfragment\b/.test(match[2]!)) {
          samples.push({
            packageName,
            location: `${where}:${start}`,
            slug: `${where.replace(/[^a-zA-Z0-9]+/g, '-')}-${start}`,
            code: lines
              .slice(start, end)
              .map((line) => line.replace(/^\s*\*( |$)/, ''))
              .join('\n'),
          });
        }
        index = end;
      }
    }
  }
  return samples;
}
