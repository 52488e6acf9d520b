#!/usr/bin/env node
// Prints the minified + gzip size of every published package (its own code, dependencies excluded)
// and checks it against a budget; then checks tree-shaking: a bundle that imports one function of a
// package must be much smaller than the whole package. Packages must be built first.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
/** Budgets in bytes (minified + gzip, own code only). */
const budgets = {
  core: 20_000,
  postgres: 30_000,
  health: 30_000,
  churn: 30_000,
  // Over the 30 kB engine budget: the escalation classifier's bilingual lexicon and learned weights
  // are data. Raised from 55 kB to 60 kB in round 9, when the learned model trained on 5,168 messages
  // (2,960 weights, +4.3 kB) lifted an independent blind set from P 0.879 / R 0.850 to 0.925 / 0.900;
  // pruning the weights back under 55 kB cost about 20 more misses on the validation set. Raised to
  // 64 kB in round 12 (63.2 kB: legal context, at-risk concern families, 7,030 weights), which lifted
  // an unseen blind set from P 0.883 / R 0.880 to 0.922 / 0.890; 65 kB in round 13 (64.1 kB: legal
  // words as places, professions and jokes, softened imperatives; 41 fewer leave-one-file-out mistakes);
  // back to 64 kB in round 14, whose text model (learning rate 0.03) keeps 5,149 weights (63.2 kB).
  // 72 kB in round 15 (70.2 kB): the at-risk text model (about 1,750 weights, 1.7 kB gzipped) took
  // 132 of 1,701 leave-one-writer-out mistakes away over 20 writers' files, and the round-15 rules
  // (done or taken-back requests, rebooking, policy and price questions, conversations that move on,
  // settled legal steps, and the narrowing that a review of them asked for; +5 kB) 82 more; an
  // unseen blind set of two writers went from P 0.915 / R 0.912 to 0.922 / 0.928.
  // 80 kB in round 16 (78.3 kB): the rules for the false alarms that 3,700 messages by five new
  // writers showed (Japanese progress in conversations, refunds done or taken back, the Japanese
  // lawyer review, settled disputes, reported speech and sources, own apologies, persons not
  // requested, mailing lists) and the narrowing of a review of them (+8 kB) took the
  // leave-one-writer-out mistakes over 28 files from 2,384 to 2,182; a new blind set of two writers
  // went from P 0.920 / R 0.960 to 0.933 / 0.960.
  // 98 kB in round 17 (96.8 kB): the rules for the false alarms and misses of 3,000 messages by four
  // new writers (legal words as places, professions and product questions, matters long over, threat
  // words that threaten no one, requests done or taken back, other people's questions, sarcasm and
  // flat complaints, hazards, conversations moving on, answers that missed the question, a terse
  // reply after a stuck turn) and the narrowing of a review of them (+17 kB) took the
  // leave-one-writer-out mistakes over 33 files from 2,684 to 2,369 (over the 29 older files 2,255
  // to 2,185); two new blind sets of two writers each went from P 0.909 / R 0.960 and 0.860 / 0.932
  // to 0.922 / 0.944 and 0.890 / 0.945. Left to do: the patterns are long alternations that gzip
  // poorly; a pass that merges them would win some of this back.
  // 95.7 kB was measured before the complaint prefilter (affect-prefilter.ts, for speed) came in.
  // 100 kB in round 18 (98.4 kB): the pattern gate (pattern-gate.ts, required-literals.ts), which
  // lets a message run only the lexicon and affect rules whose required words it holds, for the
  // issue's 50,000 messages per CPU-second (+2.8 kB, less 1.2 kB for the hand-written complaint
  // prefilter it replaces).
  // 113 kB at the end of round 18 (111.2 kB): the round's rules for the false alarms and misses of
  // 2,600 messages by four new writers (the service's own mediation and lawyer review, professions
  // and places, stories and reports, requests taken back or shouted by others, refunds chased,
  // explanations accepted, feeling idioms, conversations moving on) and the fixes of a review of
  // them (+12.8 kB). They took the false alarms on the new writers' files from 264 to 132 and the
  // misses from 73 to 19 before retraining, leaving one writer out over 37 files from 2,687 to 2,464
  // mistakes, and a new blind set from P 0.851 / R 0.928 to 0.867 / 0.938. The long alternations
  // still gzip poorly; merging them is left to do.
  chat: 113_000,
  funnel: 30_000,
  noise: 30_000,
};
/** One export per package for the tree-shaking check. */
const probes = {
  core: 'idempotencyKey',
  health: 'scoreHealth',
  churn: 'rocAuc',
  chat: 'classifyEscalation',
  funnel: 'computeFunnel',
  noise: 'readWav',
  postgres: 'createPostgresStore',
};

async function gzippedSize(contents, resolveDir, external) {
  const result = await build({
    stdin: { contents, resolveDir, loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'node',
    write: false,
    external,
    logLevel: 'silent',
  });
  return gzipSync(result.outputFiles[0].contents).length;
}

const rows = [];
let failures = 0;
for (const name of readdirSync(join(root, 'packages')).sort()) {
  const directory = join(root, 'packages', name);
  const manifestPath = join(directory, 'package.json');
  if (!existsSync(manifestPath) || !existsSync(join(directory, 'dist/index.js'))) continue;
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  const external = [
    ...Object.keys(manifest.dependencies ?? {}),
    ...Object.keys(manifest.peerDependencies ?? {}),
    'node:*',
  ];
  const whole = await gzippedSize(`export * from './dist/index.js';`, directory, external);
  const probe = probes[name];
  const dist = readFileSync(join(directory, 'dist/index.js'), 'utf8');
  let single = Number.NaN;
  if (probe && new RegExp(`\\b${probe}\\b`).test(dist)) {
    single = await gzippedSize(
      `import { ${probe} } from './dist/index.js'; console.log(${probe});`,
      directory,
      external,
    );
  }
  const budget = budgets[name] ?? 30_000;
  const overBudget = whole > budget;
  // Tree-shaking works when one import costs visibly less than the whole package.
  const treeShaken = Number.isNaN(single) || single <= whole - 500 || whole < 2_000;
  if (overBudget || !treeShaken) failures += 1;
  rows.push(
    `| ${manifest.name} | ${(whole / 1000).toFixed(1)} kB | ${(budget / 1000).toFixed(0)} kB | ${
      Number.isNaN(single) ? '–' : `${probe}: ${(single / 1000).toFixed(1)} kB`
    } | ${overBudget ? 'over budget' : !treeShaken ? 'not tree-shaken' : 'ok'} |`,
  );
}
console.log('| package | min+gzip | budget | one import | status |\n| --- | --- | --- | --- | --- |');
console.log(rows.join('\n'));
if (failures > 0) {
  console.error(`\n${failures} package(s) over budget or not tree-shakeable.`);
  process.exit(1);
}
