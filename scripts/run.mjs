#!/usr/bin/env node
// The entry point behind `npm test`, `npm run demo` and `npm run check`.
// It must work on a machine that has only Node and npm: it finds pnpm (or runs the pinned one
// through npx), installs the workspace from the lockfile, builds the packages, then runs the task.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pinnedPnpm = 'pnpm@10.34.8';
const [task = 'test', ...rest] = process.argv.slice(2);
const passThrough = rest[0] === '--' ? rest.slice(1) : rest;

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: process.env, ...options });
  if (result.error) throw result.error;
  if (result.status !== 0) process.exit(result.status ?? 1);
}

function findPnpm() {
  const probe = spawnSync('pnpm', ['--version'], { cwd: root, encoding: 'utf8' });
  if (probe.status === 0 && probe.stdout.trim().startsWith('10.')) return ['pnpm', []];
  return ['npx', ['-y', pinnedPnpm]];
}

const [pnpmCommand, pnpmPrefix] = findPnpm();
const pnpm = (...args) => run(pnpmCommand, [...pnpmPrefix, ...args]);

function install() {
  const frozen = existsSync(join(root, 'pnpm-lock.yaml')) ? ['--frozen-lockfile'] : [];
  pnpm('install', ...frozen, '--reporter=append-only');
}

function build() {
  pnpm('-r', '--filter', './packages/*', 'run', 'build');
}

switch (task) {
  case 'test':
    install();
    build();
    pnpm('exec', 'vitest', 'run', ...passThrough);
    break;
  case 'demo':
    install();
    build();
    pnpm('--filter', '@kizuna/example-demo', 'run', 'demo', ...passThrough);
    break;
  case 'check':
    install();
    pnpm('exec', 'biome', 'ci', '.');
    build();
    pnpm(
      '-r',
      '--filter',
      './packages/*',
      '--filter',
      './examples/*',
      '--filter',
      './bench',
      '--filter',
      './docs',
      'run',
      'typecheck',
    );
    // publint and attw on every package; the size report with budgets and tree-shaking; the packed
    // tarballs installed and imported outside the workspace; the TypeDoc site with every export
    // documented and warnings as errors.
    run(process.execPath, [join(root, 'scripts/check-packages.mjs')]);
    run(process.execPath, [join(root, 'scripts/size-report.mjs')]);
    run(process.execPath, [join(root, 'scripts/pack-smoke.mjs')]);
    pnpm('exec', 'typedoc', '--treatWarningsAsErrors');
    break;
  default:
    console.error(`Unknown task "${task}". Use test, demo or check.`);
    process.exit(2);
}
