#!/usr/bin/env node
// Runs publint and @arethetypeswrong/cli over every published @kizuna/* package.
// Packages must be built first (`npm run check` does that).
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const packagesDirectory = join(root, 'packages');
const binaries = join(root, 'node_modules', '.bin');
let failures = 0;

// publint packs with pnpm; on a machine without pnpm, put a shim for the pinned one on PATH.
const environment = { ...process.env };
if (spawnSync('pnpm', ['--version']).status !== 0) {
  const shimDirectory = mkdtempSync(join(tmpdir(), 'kizuna-pnpm-'));
  const shim = join(shimDirectory, 'pnpm');
  writeFileSync(shim, '#!/bin/sh\nexec npx -y pnpm@10.34.8 "$@"\n');
  chmodSync(shim, 0o755);
  environment.PATH = `${shimDirectory}${delimiter}${environment.PATH ?? ''}`;
}

/** Subpaths exported for `import` only (like `@kizuna/core/testing`, which needs ESM-only vitest): attw skips their CJS check. */
function esmOnlyEntrypoints(manifest) {
  const subpaths = Object.entries(manifest.exports ?? {})
    .filter(([, target]) => typeof target === 'object' && target.import && !target.require && !target.default)
    .map(([subpath]) => subpath);
  return subpaths.length === 0 ? [] : ['--exclude-entrypoints', ...subpaths];
}

for (const name of readdirSync(packagesDirectory).sort()) {
  const directory = join(packagesDirectory, name);
  const manifestPath = join(directory, 'package.json');
  if (!existsSync(manifestPath)) continue;
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  if (manifest.private) continue;
  for (const [tool, args] of [
    ['publint', ['--strict']],
    ['attw', ['--pack', '.', '--profile', 'node16', ...esmOnlyEntrypoints(manifest)]],
  ]) {
    console.log(`\n${manifest.name}: ${tool}`);
    const result = spawnSync(join(binaries, tool), args, {
      cwd: directory,
      stdio: 'inherit',
      env: environment,
    });
    if (result.status !== 0) failures += 1;
  }
}

if (failures > 0) {
  console.error(`\n${failures} package check(s) failed.`);
  process.exit(1);
}
console.log('\nAll packages pass publint and @arethetypeswrong/cli.');
