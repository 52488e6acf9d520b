#!/usr/bin/env node
// Runs publint and @arethetypeswrong/cli over every published @kizuna/* package.
// Packages must be built first (`npm run check` does that).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const packagesDirectory = join(root, 'packages');
const binaries = join(root, 'node_modules', '.bin');
let failures = 0;

for (const name of readdirSync(packagesDirectory).sort()) {
  const directory = join(packagesDirectory, name);
  const manifestPath = join(directory, 'package.json');
  if (!existsSync(manifestPath)) continue;
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  if (manifest.private) continue;
  for (const [tool, args] of [
    ['publint', ['--strict']],
    ['attw', ['--pack', '.', '--profile', 'node16']],
  ]) {
    console.log(`\n${manifest.name}: ${tool}`);
    const result = spawnSync(join(binaries, tool), args, { cwd: directory, stdio: 'inherit' });
    if (result.status !== 0) failures += 1;
  }
}

if (failures > 0) {
  console.error(`\n${failures} package check(s) failed.`);
  process.exit(1);
}
console.log('\nAll packages pass publint and @arethetypeswrong/cli.');
