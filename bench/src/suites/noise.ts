import { unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  analyzeSignal,
  createAnalyzer,
  designFrequencyWeighting,
  designThirdOctaveBank,
  synthesizeRecording,
  timeConstants,
  timeWeightingFactor,
} from '@kizuna/noise';
import {
  type BenchRow,
  type BenchSuite,
  formatNumber,
  formatRatio,
  pythonHasModules,
  runPython,
} from '../bench-kit';
import { checkClassification } from '../noise/classification-check';
import { bankForScipy, type ScipyPipelineResult, scipyPipelineScript, sosRow } from '../noise/scipy-pipeline';

const sampleRate = 48_000;

/**
 * Warms each contender up once, then runs them in turn `rounds` times (alternating, so garbage left by
 * building the recording and machine load hit both alike); the median wall and CPU time of each, s.
 */
function measureAlternating(
  contenders: readonly (() => void)[],
  rounds = 3,
): { wall: number; cpu: number }[] {
  for (const run of contenders) run();
  const wall = contenders.map((): number[] => []);
  const cpu = contenders.map((): number[] => []);
  for (let round = 0; round < rounds; round += 1) {
    contenders.forEach((run, index) => {
      const cpuStart = process.cpuUsage();
      const wallStart = performance.now();
      run();
      wall[index]!.push((performance.now() - wallStart) / 1000);
      const used = process.cpuUsage(cpuStart);
      cpu[index]!.push((used.user + used.system) / 1e6);
    });
  }
  return contenders.map((_, index) => ({ wall: median(wall[index]!), cpu: median(cpu[index]!) }));
}

function median(values: readonly number[]): number {
  return [...values].sort((left, right) => left - right)[Math.floor(values.length / 2)]!;
}
const durationSeconds = 600;

/** Noise: the full recording analysis on 10 minutes of 48 kHz audio, side by side with scipy 1.10. */
const suite: BenchSuite = {
  name: 'noise',
  async run() {
    // A realistic recording: a 30 dB room, footsteps, voices and a passing car (seeded).
    const recording = Float32Array.from(
      synthesizeRecording({
        sampleRate,
        durationSeconds,
        backgroundLaeq: 30,
        seed: 2026,
        sounds: [
          { kind: 'footsteps', startSeconds: 60, durationSeconds: 8, laeq: 52 },
          { kind: 'voices', startSeconds: 200, durationSeconds: 20, laeq: 48 },
          { kind: 'traffic', startSeconds: 400, durationSeconds: 15, laeq: 50 },
        ],
      }),
    );
    const options = { sampleRate, unit: 'pascal' as const, startTime: '2026-11-20T13:00:00Z' };
    let analysis = analyzeSignal(recording, options);
    const chunk = sampleRate;
    const [oneShot, streaming] = measureAlternating([
      () => {
        analysis = analyzeSignal(recording, options);
      },
      () => {
        const analyzer = createAnalyzer(options);
        for (let offset = 0; offset < recording.length; offset += chunk)
          analyzer.push(recording.subarray(offset, offset + chunk));
        analyzer.finish();
      },
    ]) as [{ wall: number; cpu: number }, { wall: number; cpu: number }];
    const rows: BenchRow[] = [
      {
        implementation: 'Kizuna analyzeSignal (one call)',
        'median s': formatNumber(oneShot.wall),
        'median CPU s': formatNumber(oneShot.cpu),
        'audio seconds per second': formatNumber(durationSeconds / oneShot.wall),
      },
      {
        implementation: 'Kizuna createAnalyzer (1 s chunks)',
        'median s': formatNumber(streaming.wall),
        'median CPU s': formatNumber(streaming.cpu),
        'audio seconds per second': formatNumber(durationSeconds / streaming.wall),
      },
    ];
    const notes = [
      `10 min of synthetic 48 kHz audio (${recording.length.toLocaleString('en-US')} samples). Kizuna does more than the scipy pipeline: also C weighting, Slow, the 0.1 s history, time bands, events and their classification.`,
      'The scipy pipeline is A weighting (sosfilt) + Fast (lfilter on p²) + LAeq/LAFmax/L5…L95 + the same multirate 31-band 1/3-octave bank (sosfilt per band, anti-alias + [1::2] per octave), with Kizuna’s own coefficients so the numbers can be compared.',
      'Timings are noisy on a shared machine: run on a quiet one for a fair ratio.',
    ];
    const accuracy: BenchRow[] = [];
    if (!pythonHasModules(['numpy', 'scipy'])) {
      notes.push('scipy reference skipped: /usr/bin/python3 with numpy and scipy is not available.');
    } else {
      const path = join(tmpdir(), `kizuna-noise-bench-${process.pid}.f32`);
      writeFileSync(path, new Uint8Array(recording.buffer, recording.byteOffset, recording.byteLength));
      try {
        const bank = designThirdOctaveBank(sampleRate);
        const result = runPython<ScipyPipelineResult>(scipyPipelineScript, {
          path,
          sampleRate,
          weightingA: designFrequencyWeighting('A', sampleRate).map(sosRow),
          fastFactor: timeWeightingFactor('fast', sampleRate),
          settleSamples: Math.ceil(5 * timeConstants.fast * sampleRate),
          pointSamples: sampleRate / 10,
          stages: bankForScipy(bank),
          repeats: 3,
        });
        const scipySeconds = median(result.seconds);
        const scipyCpu = median(result.cpuSeconds);
        rows.push({
          implementation: 'scipy 1.10 + numpy (same pipeline, fewer outputs)',
          'median s': formatNumber(scipySeconds),
          'median CPU s': formatNumber(scipyCpu),
          'audio seconds per second': formatNumber(durationSeconds / scipySeconds),
        });
        notes.push(
          `Speed ratio, scipy ÷ Kizuna (above 1: Kizuna is faster): wall time ${formatRatio(scipySeconds / oneShot.wall)} one call, ${formatRatio(scipySeconds / streaming.wall)} streaming; CPU time ${formatRatio(scipyCpu / oneShot.cpu)} one call, ${formatRatio(scipyCpu / streaming.cpu)} streaming.`,
          `scipy steps (last run): ${Object.entries(result.stepSeconds)
            .map(([step, seconds]) => `${step} ${formatNumber(seconds)} s`)
            .join(', ')}.`,
        );
        // scipy returns the bands stage by stage (highest octave first).
        const stageOrder = bank.stages.flatMap((stage) =>
          stage.bands.map((bankBand) => bank.bands.indexOf(bankBand.band)),
        );
        const bandDifferences = stageOrder.map((bandIndex, position) =>
          Math.abs(analysis.thirdOctave[bandIndex]!.leq - result.bands[position]!),
        );
        const percentileKeys = ['l5', 'l10', 'l50', 'l90', 'l95'] as const;
        accuracy.push(
          {
            quantity: 'LAeq',
            Kizuna: analysis.laeq.toFixed(3),
            scipy: result.laeq.toFixed(3),
            '|difference| dB': formatNumber(Math.abs(analysis.laeq - result.laeq)),
          },
          {
            quantity: 'LAFmax',
            Kizuna: analysis.lafmax.toFixed(3),
            scipy: result.lafmax.toFixed(3),
            '|difference| dB': formatNumber(Math.abs(analysis.lafmax - result.lafmax)),
          },
          ...percentileKeys.map((key, index) => ({
            quantity: key.toUpperCase(),
            Kizuna: analysis.percentiles[key].toFixed(3),
            scipy: result.percentiles[index]!.toFixed(3),
            '|difference| dB': formatNumber(Math.abs(analysis.percentiles[key] - result.percentiles[index]!)),
          })),
          {
            quantity: '31 band levels (largest difference)',
            Kizuna: '',
            scipy: '',
            '|difference| dB': formatNumber(Math.max(...bandDifferences)),
          },
        );
      } finally {
        unlinkSync(path);
      }
    }
    const classification = checkClassification([10, 11, 12, 13, 14, 15, 16, 17]);
    return [
      { title: 'Recording analysis, 10 min at 48 kHz', rows, notes },
      {
        title:
          'Event classification on synthetic recordings (seeds 10–17 × 5 kinds, not used to write the rules)',
        rows: [
          {
            correct: `${classification.correct} / ${classification.total}`,
            mistakes:
              Object.entries(classification.confusions)
                .map(([confusion, count]) => `${confusion} (${count})`)
                .join(', ') || 'none',
          },
        ],
        notes: [
          'Synthetic sounds only: real recordings are harder; treat the kind as an estimate to confirm by listening.',
        ],
      },
      ...(accuracy.length > 0
        ? [{ title: 'Agreement with scipy on the same recording', rows: accuracy }]
        : []),
    ];
  },
};

export default suite;
