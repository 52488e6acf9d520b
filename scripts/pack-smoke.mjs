#!/usr/bin/env node
// Packs every published package as npm would publish it, installs the tarballs into a scratch
// project outside the workspace (dependencies from the npm registry), and imports each package
// through ESM and through CJS with a smoke call. Packages must be built first.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const scratch = mkdtempSync(join(tmpdir(), 'kizuna-pack-'));
const tarballs = join(scratch, 'tarballs');

function run(command, args, cwd) {
  const result = spawnSync(command, args, { cwd, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
  if (result.status !== 0) {
    console.error(result.stdout);
    throw new Error(`${command} ${args.join(' ')} failed in ${cwd}`);
  }
  return result.stdout;
}

const pnpmCommand = spawnSync('pnpm', ['--version']).status === 0 ? ['pnpm'] : ['npx', '-y', 'pnpm@10.34.8'];
const packages = [];
for (const name of readdirSync(join(root, 'packages')).sort()) {
  const directory = join(root, 'packages', name);
  if (!existsSync(join(directory, 'dist/index.js'))) continue;
  const manifest = JSON.parse(readFileSync(join(directory, 'package.json'), 'utf8'));
  if (manifest.private) continue;
  run(pnpmCommand[0], [...pnpmCommand.slice(1), 'pack', '--pack-destination', tarballs], directory);
  const file = readdirSync(tarballs).find((entry) => entry.startsWith(`kizuna-${name}-`));
  packages.push({ name: manifest.name, tarball: join(tarballs, file) });
}

const specs = Object.fromEntries(packages.map((entry) => [entry.name, `file:${entry.tarball}`]));
writeFileSync(
  join(scratch, 'package.json'),
  JSON.stringify(
    {
      name: 'kizuna-pack-smoke',
      private: true,
      dependencies: { ...specs, zod: '4.6.7', vitest: '4.1.12' },
      overrides: specs,
    },
    null,
    2,
  ),
);
console.log(`Installing ${packages.length} packed packages into ${scratch} ...`);
run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], scratch);

// Each package: the import works in both module systems, and one real call gives the right answer.
const checks = {
  '@kizuna/core': `assert.equal(m.idempotencyKey(['a', 'b']), 'a:b'); const store = m.createMemoryStore(); assert.deepEqual(await store.listCustomerIds(), []);`,
  '@kizuna/health': `const health = m.scoreHealth({ usageRate: 1, daysSinceLastLogin: 1, reportViewRate: 1, featureAdoptionRate: 1, satisfactionRate: 1, openTickets: 0, escalatedTicketsLast90Days: 0, daysOverdue: 0 }, { scorecard: m.zenbuB2BScorecard }); assert.equal(health.score, 100); assert.equal(health.band, 'green');`,
  '@kizuna/churn': `assert.equal(m.rocAuc([0, 1, 0, 1], [0.1, 0.9, 0.2, 0.8]), 1);`,
  '@kizuna/chat': `assert.equal(m.classifyEscalation({ message: '弁護士に相談します' }).escalate, true); assert.equal(m.classifyEscalation({ message: '測定の予約はどこからできますか？' }).escalate, false);`,
  '@kizuna/funnel': `const funnel = m.computeFunnel([{ userId: 'u', name: 'a', timestamp: '2026-01-01T00:00:00Z' }, { userId: 'u', name: 'b', timestamp: '2026-01-02T00:00:00Z' }], { steps: ['a', 'b'] }); assert.deepEqual(funnel.steps.map((step) => step.count), [1, 1]);`,
  '@kizuna/noise': `const tone = m.sineWave({ sampleRate: 48000, durationSeconds: 1, frequencyHz: 1000, rmsPascals: 1 }); assert.ok(Math.abs(m.analyzeSignal(tone, { sampleRate: 48000, unit: 'pascal' }).lzeq - 93.98) < 0.01);`,
  '@kizuna/postgres': `const store = await m.createEmbeddedStore(); await store.putRecords('customer', [{ id: 'c1', name: 'A', segment: 'b2c', plan: 'p', createdAt: '2026-01-01T00:00:00Z' }]); assert.deepEqual(await store.listCustomerIds(), ['c1']); await store.close();`,
};
// Subpath exports must resolve from outside the workspace too (core/testing runs under vitest, an
// optional peer), and the /parallel entries must find their worker code inside the installed package.
const subpaths = {
  '@kizuna/core/testing': () => `assert.equal(typeof m.runStoreConformance, 'function');`,
  '@kizuna/chat/evaluation': () => `assert.ok(m.evaluateEscalation(m.escalationEvaluationSet).recall > 0.9);`,
  '@kizuna/health/parallel': () => `const pool = m.createUsageSignalPool({ threads: 2 });
  const asOf = Date.parse('2026-04-01T00:00:00Z');
  const events = { customerIndex: Int32Array.from({ length: 20000 }, (_, i) => i % 4), kind: new Uint8Array(20000), occurredAt: new Float64Array(20000).fill(asOf - 86400000) };
  const signals = await pool.usageSignalColumns(m.toSharedColumns(events), { customerCount: 4, monthlyMeasurementLimit: [10000, 10000, 10000, 10000], asOf });
  await pool.close();
  assert.deepEqual(Array.from(signals.usageRate), [0.5, 0.5, 0.5, 0.5]);`,
  '@kizuna/churn/parallel': (load) => `const churn = ${load('@kizuna/churn')};
  const rows = Array.from({ length: 400 }, (_, i) => [i % 7, (i * 13) % 11, i % 2]);
  const model = churn.trainGradientBoostedTrees({ features: rows, labels: rows.map((row) => (row[0] + row[2] > 4 ? 1 : 0)), nEstimators: 10 });
  const many = Array.from({ length: 20000 }, (_, i) => rows[i % rows.length]);
  const parallel = m.createParallelPredictor(model, { threads: 2, minRowsPerThread: 1000 });
  const both = await parallel.predictProbability(many);
  await parallel.close();
  assert.deepEqual(Array.from(both), Array.from(model.predictProbability(many)));
  // 20,000 rows make several row blocks, so the worker really trains its share.
  const trainer = m.createParallelTrainer({ threads: 2 });
  const input = { features: many, labels: many.map((row) => (row[0] + row[2] > 4 ? 1 : 0)), nEstimators: 5 };
  const trained = await trainer.train(input);
  await trainer.close();
  assert.deepEqual(trained.toJSON(), churn.trainGradientBoostedTrees(input).toJSON());`,
  '@kizuna/funnel/parallel': (load) => `const funnel = ${load('@kizuna/funnel')};
  const n = 20000;
  const columns = m.toSharedColumns({ user: Int32Array.from({ length: n }, (_, i) => i >> 1), name: Uint8Array.from({ length: n }, (_, i) => i & 1), names: ['a', 'b'], timestamp: Float64Array.from({ length: n }, (_, i) => (i & 1) * 60000) });
  const options = { steps: ['a', 'b'], window: { days: 1 } };
  const pool = m.createFunnelPool({ threads: 2, minEventsPerThread: 1000 });
  const both = await pool.computeFunnel(columns, options);
  await pool.close();
  assert.deepEqual(both.steps.map((step) => step.count), [10000, 10000]);
  assert.deepEqual(both, funnel.computeFunnel(columns, options));`,
};
/** Subpaths published for `import` only. Each check above is a function of how a module is loaded. */
const esmOnly = new Set(['@kizuna/core/testing']);
const names = packages.map((entry) => entry.name);
const body = (load) =>
  names
    .map(
      (name) => `{ const m = ${load(name)};
  assert.ok(Object.keys(m).length > 0, '${name} exports nothing');
  ${checks[name] ?? ''}
  console.log('  ok ${name}'); }`,
    )
    .join('\n') +
  Object.entries(subpaths)
    .filter(([subpath]) => names.includes(subpath.split('/').slice(0, 2).join('/')))
    .filter(([subpath]) => !(esmOnly.has(subpath) && load(subpath).startsWith('require')))
    .map(
      ([subpath, check]) => `\n{ const m = ${load(subpath)};
  ${check(load)}
  console.log('  ok ${subpath}'); }`,
    )
    .join('');
writeFileSync(
  join(scratch, 'smoke.mjs'),
  `import assert from 'node:assert/strict';\nconsole.log('ESM:');\n${body((name) => `await import('${name}')`)}\n`,
);
writeFileSync(
  join(scratch, 'smoke.cjs'),
  `const assert = require('node:assert/strict');\n(async () => {\nconsole.log('CJS:');\n${body((name) => `require('${name}')`)}\n})().catch((error) => { console.error(error); process.exit(1); });\n`,
);
process.stdout.write(run(process.execPath, ['smoke.mjs'], scratch));
process.stdout.write(run(process.execPath, ['smoke.cjs'], scratch));
rmSync(scratch, { recursive: true, force: true });
console.log('The packed packages work outside the workspace.');
