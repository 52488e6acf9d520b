import { readdirSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BenchSection, BenchSuite } from './bench-kit';

/**
 * Runs every suite in src/suites (or those named on the command line: `pnpm bench health churn`)
 * and prints the results as markdown tables. Benchmarks are not run by CI: run them on a quiet
 * machine.
 */
const suitesDirectory = join(dirname(fileURLToPath(import.meta.url)), 'suites');
const selected = process.argv.slice(2).filter((argument) => !argument.startsWith('-'));

function toMarkdown(section: BenchSection): string {
  const lines = [`### ${section.title}`, ''];
  if (section.rows.length > 0) {
    const columns = [...new Set(section.rows.flatMap((row) => Object.keys(row)))];
    lines.push(`| ${columns.join(' | ')} |`, `| ${columns.map(() => '---').join(' | ')} |`);
    for (const row of section.rows)
      lines.push(`| ${columns.map((column) => String(row[column] ?? '')).join(' | ')} |`);
  }
  for (const note of section.notes ?? []) lines.push('', `> ${note}`);
  return `${lines.join('\n')}\n`;
}

async function main() {
  const files = readdirSync(suitesDirectory)
    .filter((file) => file.endsWith('.ts'))
    .sort();
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  console.log(
    `# Kizuna benchmarks\n\nNode ${process.version}, ${cpus().length} × ${cpu}, ${new Date().toISOString()}\n`,
  );
  let failures = 0;
  for (const file of files) {
    const fileName = file.replace(/\.ts$/, '');
    if (selected.length > 0 && !selected.includes(fileName)) continue;
    let suite: BenchSuite;
    try {
      // One suite that cannot load (a package not built) must not stop the others.
      suite = (await import(pathToFileURL(join(suitesDirectory, file)).href)).default as BenchSuite;
    } catch (error) {
      failures += 1;
      console.log(
        `## ${fileName}\n\n> suite failed to load: ${error instanceof Error ? error.message : String(error)}\n`,
      );
      continue;
    }
    console.log(`## ${suite.name}\n`);
    try {
      for (const section of await suite.run()) console.log(toMarkdown(section));
    } catch (error) {
      failures += 1;
      console.log(
        `> suite failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
      );
    }
  }
  if (failures > 0) process.exitCode = 1;
}

await main();
