import { createEscalationClassifier, type EscalationDecision, type EscalationInput } from '@kizuna/chat';
import {
  type EscalationCase,
  escalationEvaluationSet,
  escalationFrozenSet,
  escalationHoldoutSet,
  evaluateEscalation,
} from '@kizuna/chat/evaluation';
import { type BenchRow, type BenchSuite, formatNumber } from '../bench-kit';
import { faqSearchRows } from '../chat/faq-search';

const rulesOnly = createEscalationClassifier({ learnedModel: false });
const rulesAndModel = createEscalationClassifier();

function qualityRow(
  name: string,
  cases: readonly EscalationCase[],
  classify: (input: EscalationInput) => EscalationDecision,
): BenchRow {
  const result = evaluateEscalation(cases, classify);
  return {
    set: name,
    cases: result.cases,
    precision: result.precision.toFixed(3),
    recall: result.recall.toFixed(3),
    f1: result.f1.toFixed(3),
    'false alarms': result.falsePositives,
    missed: result.falseNegatives,
  };
}

/** Messages per second of CPU time and of wall time, best of several rounds after a warm-up. */
function throughput(classify: (input: EscalationInput) => EscalationDecision): {
  readonly wall: number;
  readonly cpu: number;
} {
  const inputs = escalationEvaluationSet.map((item) => ({
    message: item.message,
    history: item.history === undefined ? [] : [...item.history],
    ...(item.account === undefined ? {} : { account: item.account }),
  }));
  let wall = 0;
  let cpu = 0;
  for (let round = 0; round < 12; round += 1) {
    const cpuBefore = process.cpuUsage();
    const start = performance.now();
    let messages = 0;
    for (let repeat = 0; repeat < 30; repeat += 1) {
      for (const input of inputs) {
        classify(input);
        messages += 1;
      }
    }
    const elapsed = performance.now() - start;
    const used = process.cpuUsage(cpuBefore);
    if (round < 4) continue; // warm-up: regular expressions tier up
    wall = Math.max(wall, (messages / elapsed) * 1000);
    cpu = Math.max(cpu, (messages / ((used.user + used.system) / 1000)) * 1000);
  }
  return { wall, cpu };
}

// The longest messages the classifier accepts (20,000 characters), made of the units that reviews
// found to slow a rule down: many matches of one rule in one message.
const longUnits: readonly string[] = [
  '返金きゃんせるで。',
  '返金無しで。',
  '返金確認できました。ありがとうございます。',
  'is fee extra; ',
  'The refund came through, thanks! ',
  '他社も検討しましたが、戻ってきました。',
  '前にも聞いたんですけど、',
];

/** CPU milliseconds for one 20,000-character message of each unit, worst of several runs after a warm-up. */
function longMessageRows(classify: (input: EscalationInput) => EscalationDecision): BenchRow[] {
  const account = { healthBand: 'red', daysUntilRenewal: 40 } as const;
  return longUnits.map((unit) => {
    const message = unit.repeat(Math.ceil(20_000 / unit.length)).slice(0, 20_000);
    classify({ message, account });
    let worst = 0;
    for (let run = 0; run < 5; run += 1) {
      const before = process.cpuUsage();
      classify({ message, account });
      const used = process.cpuUsage(before);
      worst = Math.max(worst, (used.user + used.system) / 1000);
    }
    return { 'repeated unit': JSON.stringify(unit), 'CPU ms (worst of 5)': worst.toFixed(1) };
  });
}

/** The chat package: escalation quality on the labelled sets, classifier throughput, FAQ search latency. */
const suite: BenchSuite = {
  name: 'chat',
  async run() {
    const withModel = throughput(rulesAndModel);
    const withoutModel = throughput(rulesOnly);
    return [
      {
        title: 'Escalation classifier quality (targets: recall ≥ 0.97, precision ≥ 0.95)',
        rows: [
          qualityRow('in-repo evaluation set', escalationEvaluationSet, rulesAndModel),
          qualityRow('held-out batches (since corrected against)', escalationHoldoutSet, rulesAndModel),
          qualityRow('frozen final-test set (rules and model)', escalationFrozenSet, rulesAndModel),
          qualityRow('frozen final-test set (rules alone)', escalationFrozenSet, rulesOnly),
        ],
        notes: [
          'The in-repo set and the held-out batches were used to write the rules and to train the learned model: their figures are not estimates for unseen text.',
          'Estimates for unseen text are the first measurements of each held-out batch (src/evaluation/escalation-holdout-set.ts): batches 1–22 (rules alone) recall 0.41–0.90, mean 0.60; ' +
            'with the learned model, batch 23 recall 0.89 (model trained without it), 24: 0.73, 25: 0.80, 26: 0.83, 27: 0.73, at precision 0.95–1.00; ' +
            'round 2 (hard negatives and mild escalations): batch 28 precision 0.80, recall 0.78; batch 29 (after the round-2 rules) precision 0.85, recall 0.64; ' +
            'round 3: batch 30 (new styles: indirect, Kansai, typos, non-native English, mixed ja/en, sarcasm) precision 0.94, recall 0.81; batch 31 (after the round-3 rules) precision 1.00, recall 0.72; batch 32 (mostly hard negatives, after the round-4 rules) precision 0.79, recall 0.79; batch 33 (after the round-5 rules) precision 0.90, recall 0.73; ' +
            'round 7: batch 34 (whole conversations and account context, written before the round-7 changes) precision 0.61, recall 0.52 (6 of 9 false alarms were unresolved_turns on conversations making progress); ' +
            'round 8: batch 35 (dev3, 300 messages by a writer who never saw the classifier) precision 0.921, recall 0.848 (rules alone 0.929/0.793). ' +
            'Round 9 (the combination of rules and a model trained on 2,400 more messages by three writers): blind3, 600 messages outside the repository used for model selection only, precision 0.869 → 0.912, recall 0.822 → 0.931; out of fold over the 5,168 training messages 0.929/0.935. Round 10 (conversation and tense features in the combination, 2,225 more messages by three more writers, threshold −0.25): blind3 0.912/0.931 → 0.921/0.913, blind4 (measured for round 9 at 0.925/0.900 by the lead, then used for model selection) → 0.938/0.903; out of fold over 7,393 messages 0.917/0.919. Round 11 (2,400 more messages by three more writers, 2^14 buckets with weights of 3 or more steps kept, an account at risk times the text model probability, threshold 0): blind3 0.921/0.913 → 0.947/0.916, blind4 0.938/0.903 → 0.961/0.913, blind5 (measured for round 10 at 0.927/0.948 by the lead, then used for model selection) → 0.961/0.955; out of fold over 9,793 messages 0.932/0.910; blind6 (600 messages, never used) 0.944/0.929. Rounds 12 and 13 (4,800 more messages by six more writers; legal words that are no legal step, quiet churn signals for accounts at risk, back references, softened English imperatives, then the fixes of a review): blind7, 600 messages by two more writers, never used to write rules or train: round 11 0.883/0.880, round 12 0.922/0.890, round 13 0.916/0.899; round 14 (the text model at learning rate 0.03, chosen by leaving out the file of each of the 15 writers in turn: 1,279 → 1,226 mistakes) 0.920/0.905; out of fold over 14,593 messages 0.925/0.903. Round 15 (an at-risk text model, rules for false alarms and the fixes of a review, 7,200 more messages by nine more writers): blind8, 600 messages by two more writers, never used to write rules or train, round 14 0.915/0.912 → round 15 0.922/0.928; out of fold over 21,793 messages 0.917/0.904. Round 16 (rules for the false alarms of 3,700 more messages by five more writers, mostly Japanese, and the fixes of a review; leaving one writer out over 28 files 2,384 → 2,182 mistakes): blind9, 600 messages by two more writers, never used to write rules or train, round 15 0.920/0.960 → round 16 0.933/0.960; out of fold over 25,493 messages 0.914/0.907. Round 17 (rules for the false alarms and misses of 3,000 more messages by four more writers, and the fixes of a review; leaving one writer out over 33 files 2,684 → 2,369 mistakes, over the 29 older files 2,255 → 2,185): blind10 and blind11, 600 messages each by two more writers each, never used to write rules or train, round 16 0.909/0.960 and 0.860/0.932 → round 17 0.922/0.944 and 0.890/0.945; out of fold over 28,493 messages 0.915/0.913. Round 18 (rules for the false alarms and misses of 2,600 more messages by four more writers, and the fixes of a review; leaving one writer out over 37 files 2,687 → 2,464 mistakes before the fixes): blind12, 600 messages by two more writers with many hard negatives, never used to write rules or train, round 17 0.851/0.928 → round 18 0.867/0.938; out of fold over 31,093 messages 0.919/0.919.',
          'The frozen set (src/evaluation/escalation-frozen-set.ts) was written before the learned model and never used to write rules or train; its first measurement, with the classifier as it was, was precision 1.000, recall 0.869; measured once more when the learned model was done: precision 1.000, recall 0.963 (rules alone still 0.869); after round 2: precision 1.000, recall 0.963 (rules alone 0.879); after round 3: precision 1.000, recall 0.972 (rules alone 0.907); after rounds 7 and 8: the same; after round 9: precision 1.000, recall 0.981; after round 10: precision 0.990, recall 0.972 (1 false alarm, 3 misses); after round 11: precision 1.000, recall 0.963 (4 misses); after rounds 12 and 13: precision 1.000, recall 0.972 (3 misses); after rounds 15 and 16: the same; after round 17: precision 1.000, recall 0.991; after round 18: precision 1.000, recall 0.981.',
        ],
      },
      {
        title: 'Escalation classifier throughput (target ≥ 50,000 messages/s)',
        rows: [
          {
            operation: 'classifyEscalation over the evaluation set (history and account included)',
            'messages/s (wall)': formatNumber(withModel.wall),
            'messages/s (CPU time)': formatNumber(withModel.cpu),
          },
          {
            operation: 'the same with the learned model off (rules alone)',
            'messages/s (wall)': formatNumber(withoutModel.wall),
            'messages/s (CPU time)': formatNumber(withoutModel.cpu),
          },
        ],
        notes: ['Best round after warm-up. Wall time is noisy on a shared machine; CPU time is steadier.'],
      },
      {
        title: 'Escalation classifier on long messages (20,000 characters, an account at risk)',
        rows: longMessageRows(rulesAndModel),
        notes: [
          'Each message repeats one unit that a review found to slow a rule down (many matches of one rule in one message); a rule that reads the rest of the message for every match grows with the square of the length. Review r15 found 150 ms here and review r16 200–325 ms (refund withdrawals, then read once per message).',
        ],
      },
      ...(await faqSearchRows()),
    ];
  },
};

export default suite;
