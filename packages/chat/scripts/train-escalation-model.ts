// Trains the learned escalation model (round 9): the text model — logistic regression over the
// hashed text features of src/escalation/text-features.ts — and the combination of its log-odds with
// the rules' evidence (src/escalation/escalation-combination.ts), and writes both to
// src/escalation/learned-model-weights.ts. Training data: the in-repo evaluation set, the held-out
// batches and the JSON Lines files under data/ (not published: package.json "files" is dist only);
// never the frozen set, which is the final test. Deterministic: the same data give the same file.
//
//   npx tsx packages/chat/scripts/train-escalation-model.ts                  train, report out-of-fold, write
//   npx tsx packages/chat/scripts/train-escalation-model.ts --dry-run        the same without writing
//   npx tsx packages/chat/scripts/train-escalation-model.ts --leave-one-file-out
//        leave one writer out: for each data file, train on everything else and report precision and
//        recall on it at the threshold, then the mistakes summed over the files; writes nothing
//   npx tsx packages/chat/scripts/train-escalation-model.ts --evaluate <file.jsonl>...
//        also report precision and recall on outside labelled sets over a range of thresholds, and
//        the mistakes at the chosen threshold by category (how the threshold and the settings below
//        were chosen, on sets not in the repository); writes nothing
import { execFileSync } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { gatherEscalationEvidence } from '../src/escalation/classify-escalation';
import {
  combinationFeatureNames,
  combinedLogOdds,
  type EscalationEvidence,
  isHardEvidence,
  isPolicyQuestionOnly,
  writeCombinationFeatures,
} from '../src/escalation/escalation-combination';
import { escalationOptionsSchema } from '../src/escalation/escalation-options';
import { encodeModelWeights } from '../src/escalation/learned-model-encoding';
import { escalationHoldoutSet } from '../src/evaluation/escalation-holdout-set';
import { escalationEvaluationSet } from '../src/evaluation/escalation-set';
import {
  type CombinationExample,
  type FileCase,
  type FittedCombination,
  fitCombination,
  isAtRiskTextLabelled,
  isTextLabelled,
  type QuantisedTextModel,
  quantisedLogOdds,
  quantiseTextModel,
  readCasesFile,
  type TextModelSettings,
  textFeaturesOf,
  trainTextModel,
} from './escalation-training';

// Round 11: 2^14 buckets and weights of 3 or more of 15 steps (6,038 weights, 6.0 kB gzipped) —
// with 9,793 messages the weights under 5 steps that round 10 dropped carried 0.02 of F1 on the
// validation sets, and the smaller hash space encodes them in the size budget (see the chat guide).
// Round 14: learning rate 0.03 (was 0.1). Leave one writer out over the 15 data files
// (--leave-one-file-out), total mistakes at learning rate 0.01 / 0.02 / 0.03 / 0.05 / 0.07 / 0.1:
// 1288 / 1243 / 1226 / 1242 / 1265 / 1277 (precision 0.902 → 0.905, recall 0.878 → 0.884 at 0.03),
// and 5,149 weights instead of 7,116. Tried on the same measure and not kept (options left at their
// no-op defaults): features of fewer than 2 / 3 / 5 writers dropped (1281 / 1271 / 1293), naive-Bayes
// scaled features (1412), L2 3e-4 / 1e-3 / 3e-3 (1282 / 1278 / 1281), 10 / 12 / 15 / 20 / 30 epochs
// (1265 / 1267 / 1253 / 1261 / 1273), minimum level 2 / 4 (1282 / 1336), and a per-language intercept
// and text slope in the combination (1280).
const settings: TextModelSettings = {
  bucketBits: Number(process.env.BUCKET_BITS ?? 14),
  epochs: Number(process.env.EPOCHS ?? 40),
  learningRate: Number(process.env.LR ?? 0.03),
  l2: Number(process.env.L2 ?? 1e-4),
  quantisationLevels: Number(process.env.LEVELS ?? 15),
  minimumLevel: Number(process.env.MIN_LEVEL ?? 3),
  minimumMessages: Number(process.env.MIN_MESSAGES ?? 2),
  minimumWriters: Number(process.env.MIN_WRITERS ?? 1),
  naiveBayesSmoothing: Number(process.env.NB_SMOOTHING ?? 0),
};
/**
 * Round 15: the at-risk text model — the same features and training, on the messages of accounts at
 * risk that no hard rule escalates (label: escalate), 2^12 buckets. Leaving one writer out over 18
 * data files: 1,459 → 1,345 mistakes (precision 0.899 → 0.905, recall 0.894 → 0.905).
 */
const atRiskSettings: TextModelSettings = {
  ...settings,
  bucketBits: Number(process.env.RISK_BITS ?? 12),
  learningRate: Number(process.env.RISK_LR ?? 0.03),
};
/** The combination's L2 penalty. */
const combinationL2 = Number(process.env.COMBINATION_L2 ?? 1);
/** Combined log-odds at or above which a message without hard evidence escalates. */
const threshold = Number(process.env.THRESHOLD ?? 0);
const folds = 5;

/** Data files left out (a leave-one-writer-out check: EXCLUDE=name.jsonl,name.jsonl). */
const excludedFiles = new Set((process.env.EXCLUDE ?? '').split(',').filter((name) => name !== ''));
const dataDirectory = new URL('../data/', import.meta.url);
const dataFiles = readdirSync(dataDirectory)
  .filter((name) => name.endsWith('.jsonl') && !excludedFiles.has(name))
  .sort();
const sources: { readonly name: string; readonly cases: readonly FileCase[] }[] = [
  { name: 'in-repo set', cases: escalationEvaluationSet },
  { name: 'held-out batches', cases: escalationHoldoutSet },
  ...dataFiles.map((name) => ({ name, cases: readCasesFile(new URL(name, dataDirectory)) })),
];
const options = escalationOptionsSchema.parse({});

interface Prepared {
  readonly item: FileCase;
  readonly features: Uint32Array;
  /** Feature buckets of the recent customer turns. */
  readonly historyFeatures: readonly Uint32Array[];
  readonly evidence: EscalationEvidence;
  readonly hard: boolean;
  /** Feature buckets for the at-risk text model. */
  readonly atRiskFeatures: Uint32Array;
  readonly label: number;
  /** The index of the source in `sources` (its writer); -1 for an outside set. */
  readonly writer: number;
}

function prepare(cases: readonly FileCase[], writer: number): Prepared[] {
  return cases.map((item) => {
    const evidence = gatherEscalationEvidence(
      {
        message: item.message,
        history: item.history === undefined ? [] : [...item.history],
        ...(item.account === undefined ? {} : { account: item.account }),
      },
      options,
    );
    return {
      item,
      features: textFeaturesOf(item.message, settings.bucketBits),
      historyFeatures: evidence.recentCustomerTurns.map((turn) => textFeaturesOf(turn, settings.bucketBits)),
      evidence,
      hard: isHardEvidence(evidence),
      atRiskFeatures: textFeaturesOf(item.message, atRiskSettings.bucketBits),
      label: item.escalate ? 1 : 0,
      writer,
    };
  });
}

const textExamples = (rows: readonly Prepared[]) =>
  rows
    .filter((row) => isTextLabelled(row.item))
    .map(({ features, label, writer }) => ({ features, label, writer }));

const isAtRisk = (row: Prepared) => row.evidence.risk.length > 0;

/** The at-risk text model's examples: accounts at risk, no hard evidence. */
const atRiskExamples = (rows: readonly Prepared[]) =>
  rows
    .filter((row) => isAtRisk(row) && !row.hard && isAtRiskTextLabelled(row.item))
    .map(({ atRiskFeatures, label, writer }) => ({ features: atRiskFeatures, label, writer }));

const prepared = sources.flatMap((source, index) => prepare(source.cases, index));
const policyRule = process.env.POLICY_RULE !== '0';
const largestHistoryLogOdds = (model: QuantisedTextModel, row: Prepared) =>
  row.historyFeatures.reduce(
    (largest, features) => Math.max(largest, quantisedLogOdds(model, features)),
    Number.NEGATIVE_INFINITY,
  );
/** Combination features held at zero (an ablation: DROP=name,name). */
const dropped = new Set((process.env.DROP ?? '').split(',').filter((name) => name !== ''));

/** The log-odds the combination reads for one row: the message's, the recent turns' and the at-risk model's. */
interface RowScores {
  readonly text: number;
  readonly history: number;
  /** 0 for a row whose account is not at risk. */
  readonly atRisk: number;
}

interface Trained {
  readonly textModel: QuantisedTextModel;
  readonly atRiskModel: QuantisedTextModel;
  readonly fitted: FittedCombination;
  /** Out-of-fold log-odds of the training rows: each scored by models that did not see it. */
  readonly outOfFold: readonly RowScores[];
}

/** Scores a row with trained models. */
function scoreRow(textModel: QuantisedTextModel, atRiskModel: QuantisedTextModel, row: Prepared): RowScores {
  return {
    text: quantisedLogOdds(textModel, row.features),
    history: largestHistoryLogOdds(textModel, row),
    atRisk: isAtRisk(row) ? quantisedLogOdds(atRiskModel, row.atRiskFeatures) : 0,
  };
}

/** The whole training: out-of-fold text log-odds, the combination fitted on them, the final text model. */
function train(rows: readonly Prepared[]): Trained {
  const outOfFold = new Array<RowScores>(rows.length);
  for (let fold = 0; fold < folds; fold += 1) {
    const training = rows.filter((_, index) => index % folds !== fold);
    const model = quantiseTextModel(trainTextModel(textExamples(training), settings), settings);
    const atRiskModel = quantiseTextModel(
      trainTextModel(atRiskExamples(training), atRiskSettings),
      atRiskSettings,
    );
    rows.forEach((row, index) => {
      if (index % folds === fold) outOfFold[index] = scoreRow(model, atRiskModel, row);
    });
  }
  const combinationExamples: CombinationExample[] = rows.flatMap((row, index) =>
    row.hard || (policyRule && isPolicyQuestionOnly(row.evidence))
      ? []
      : [
          {
            evidence: row.evidence,
            textLogOdds: outOfFold[index]!.text,
            historyTextLogOdds: outOfFold[index]!.history,
            atRiskLogOdds: outOfFold[index]!.atRisk,
            label: row.label,
          },
        ],
  );
  const fitted = fitCombination(combinationExamples, combinationL2, dropped);
  const textModel = quantiseTextModel(trainTextModel(textExamples(rows), settings), settings);
  const atRiskModel = quantiseTextModel(trainTextModel(atRiskExamples(rows), atRiskSettings), atRiskSettings);
  return { textModel, atRiskModel, fitted, outOfFold };
}

const features = new Float64Array(combinationFeatureNames.length);
function decides(fitted: FittedCombination, row: Prepared, scores: RowScores, at: number): boolean {
  if (row.hard) return true;
  if (policyRule && isPolicyQuestionOnly(row.evidence)) return false;
  writeCombinationFeatures(row.evidence, scores.text, scores.history, features, scores.atRisk);
  return combinedLogOdds({ ...fitted, threshold: at }, features) >= at;
}

interface Tally {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
}

function count(
  fitted: FittedCombination,
  rows: readonly Prepared[],
  scores: readonly RowScores[],
  at: number,
  tally: Tally = { truePositives: 0, falsePositives: 0, falseNegatives: 0 },
): Tally {
  rows.forEach((row, index) => {
    const decision = decides(fitted, row, scores[index]!, at);
    if (decision && row.label === 1) tally.truePositives += 1;
    else if (decision) tally.falsePositives += 1;
    else if (row.label === 1) tally.falseNegatives += 1;
  });
  return tally;
}

function describeTally({ truePositives, falsePositives, falseNegatives }: Tally): string {
  const precision = truePositives / Math.max(1, truePositives + falsePositives);
  const recall = truePositives / Math.max(1, truePositives + falseNegatives);
  return `precision ${precision.toFixed(3)} recall ${recall.toFixed(3)} (${falsePositives} false alarms, ${falseNegatives} missed)`;
}

function measure(
  fitted: FittedCombination,
  rows: readonly Prepared[],
  scores: readonly RowScores[],
  at: number,
): string {
  return describeTally(count(fitted, rows, scores, at));
}

/** The rows of each source, in the order of `sources`. */
const rowsOfSource: Prepared[][] = [];
{
  let start = 0;
  for (const source of sources) {
    rowsOfSource.push(prepared.slice(start, start + source.cases.length));
    start += source.cases.length;
  }
}

if (process.argv.includes('--leave-one-file-out')) {
  // Leave one writer out: for each data file, train on everything else (the in-repo sets included)
  // and measure on that file at the threshold; the totals sum the mistakes over the files.
  const total: Tally = { truePositives: 0, falsePositives: 0, falseNegatives: 0 };
  console.log(`leave one file out, threshold ${threshold}:`);
  sources.forEach((source, sourceIndex) => {
    if (!source.name.endsWith('.jsonl')) return;
    const trained = train(rowsOfSource.filter((_, index) => index !== sourceIndex).flat());
    const rows = rowsOfSource[sourceIndex]!;
    const scores = rows.map((row) => scoreRow(trained.textModel, trained.atRiskModel, row));
    const tally = count(trained.fitted, rows, scores, threshold);
    total.truePositives += tally.truePositives;
    total.falsePositives += tally.falsePositives;
    total.falseNegatives += tally.falseNegatives;
    console.log(`  ${source.name}: ${describeTally(tally)}`);
  });
  console.log(`  total: ${describeTally(total)}, ${total.falsePositives + total.falseNegatives} mistakes`);
  process.exit(0);
}

const { textModel, atRiskModel, fitted, outOfFold } = train(prepared);

let offset = 0;
console.log(`out of fold (${folds} folds; the combination fitted on all), threshold ${threshold}:`);
console.log(`  all ${prepared.length} cases: ${measure(fitted, prepared, outOfFold, threshold)}`);
for (const source of sources) {
  const rows = prepared.slice(offset, offset + source.cases.length);
  console.log(
    `  ${source.name}: ${measure(
      fitted,
      rows,
      outOfFold.slice(offset, offset + source.cases.length),
      threshold,
    )}`,
  );
  offset += source.cases.length;
}
console.log(
  `combination: intercept ${fitted.intercept.toFixed(3)}; ${combinationFeatureNames
    .map((name, index) => `${name} ${fitted.coefficients[index]!.toFixed(3)}`)
    .join(', ')}`,
);

// Every file after --evaluate (up to the next option) is an outside set.
const evaluateAt = process.argv.indexOf('--evaluate');
const evaluateFiles: string[] = [];
if (evaluateAt >= 0)
  for (const argument of process.argv.slice(evaluateAt + 1)) {
    if (argument.startsWith('--')) break;
    evaluateFiles.push(argument);
  }
for (const path of evaluateFiles) {
  const rows = prepare(readCasesFile(path), -1);
  const scores = rows.map((row) => scoreRow(textModel, atRiskModel, row));
  console.log(`${path} (${rows.length} cases):`);
  for (const at of [-1.5, -1.25, -1, -0.75, -0.5, -0.25, 0, 0.25, 0.5])
    console.log(`  threshold ${at}: ${measure(fitted, rows, scores, at)}`);
  // Mistakes by category at the chosen threshold (counts only: the messages are not for writing rules).
  const missed = new Map<string, number>();
  const falseAlarms = new Map<string, number>();
  rows.forEach((row, index) => {
    const decision = decides(fitted, row, scores[index]!, threshold);
    const tally =
      row.label === 1 && !decision ? missed : row.label === 0 && decision ? falseAlarms : undefined;
    const category = row.item.category ?? 'none';
    tally?.set(category, (tally.get(category) ?? 0) + 1);
  });
  const list = (tally: Map<string, number>) =>
    [...tally]
      .sort((left, right) => right[1] - left[1] || left[0].localeCompare(right[0]))
      .map(([category, count]) => `${category} ${count}`)
      .join(', ');
  console.log(`  at ${threshold}, missed by category: ${list(missed)}`);
  console.log(`  at ${threshold}, false alarms by category: ${list(falseAlarms)}`);
}

const encoded = encodeModelWeights(textModel.levels);
const atRiskEncoded = encodeModelWeights(atRiskModel.levels);
const nonZero = (levels: Int8Array) => levels.reduce((sum, level) => sum + (level === 0 ? 0 : 1), 0);
const kept = nonZero(textModel.levels);
const atRiskKept = nonZero(atRiskModel.levels);
console.log(
  `text model: ${kept} weights, ${encoded.length} characters, ${gzipSync(encoded).length} bytes gzipped`,
);
console.log(
  `at-risk text model: ${atRiskKept} weights, ${atRiskEncoded.length} characters, ${gzipSync(atRiskEncoded).length} bytes gzipped`,
);
if (!process.argv.includes('--dry-run') && evaluateFiles.length === 0) {
  const file = `// Generated by scripts/train-escalation-model.ts from ${prepared.length} labelled messages: the in-repo
// evaluation set, the held-out batches and ${dataFiles.join(', ')}. Do not edit: retrain.

/** The learned escalation model's quantised weights (see {@link scoreLearnedEscalation}). */
export const learnedModelWeights = {
  /** Hash bits of the text features: the model has 2 ** bucketBits weights. */
  bucketBits: ${settings.bucketBits},
  /** Log-odds of one quantisation step. */
  scale: ${textModel.scale.toPrecision(6)},
  /** Log-odds of a message with no known feature. */
  bias: ${textModel.bias.toPrecision(6)},
  /** The text model's own verdict: log-odds at or above which \`scoreLearnedEscalation\` says "escalate". */
  threshold: 0,
  /** ${kept} non-zero weights in the compact text form of learned-model-encoding.ts. */
  weights:
    '${encoded}',
  /**
   * The at-risk text model (learnedAtRiskLogOdds): the same features, trained on the messages of
   * accounts at risk that no hard rule escalates; ${atRiskKept} non-zero weights.
   */
  atRisk: {
    bucketBits: ${atRiskSettings.bucketBits},
    scale: ${atRiskModel.scale.toPrecision(6)},
    bias: ${atRiskModel.bias.toPrecision(6)},
    weights:
      '${atRiskEncoded}',
  },
  /** The combination of the text model and the rules' evidence (escalation-combination.ts). */
  combination: {
    intercept: ${fitted.intercept.toPrecision(6)},
    /** ${combinationFeatureNames.join(', ')}. */
    coefficients: [${fitted.coefficients.map((value) => value.toPrecision(6)).join(', ')}],
    /** Chosen on an outside validation set (see the chat guide). */
    threshold: ${threshold},
  },
} as const;
`;
  const weightsFile = fileURLToPath(new URL('../src/escalation/learned-model-weights.ts', import.meta.url));
  writeFileSync(weightsFile, file);
  // In the house format, so `npm run check` passes on what the script wrote.
  const biome = fileURLToPath(new URL('../../../node_modules/.bin/biome', import.meta.url));
  execFileSync(biome, ['format', '--write', weightsFile], { stdio: 'ignore' });
  console.log('wrote src/escalation/learned-model-weights.ts');
}
