import type { SecondOrderSection, ThirdOctaveBankDesign } from '@kizuna/noise';

/** The pipeline both sides run, as data for the Python side. */
export interface ScipyPipelineInput {
  readonly path: string;
  readonly sampleRate: number;
  readonly weightingA: readonly number[][];
  readonly fastFactor: number;
  readonly settleSamples: number;
  readonly pointSamples: number;
  readonly stages: readonly {
    readonly bands: readonly number[][][];
    readonly antiAlias: readonly number[][];
  }[];
  readonly repeats: number;
}

/** What the Python side measured. */
export interface ScipyPipelineResult {
  readonly seconds: number[];
  /** CPU time of each run (time.process_time), s: steadier than wall time on a busy machine. */
  readonly cpuSeconds: number[];
  readonly laeq: number;
  readonly lafmax: number;
  readonly percentiles: number[];
  readonly bands: number[];
  readonly stepSeconds: Record<string, number>;
}

/** One second-order section as a scipy `sos` row. */
export function sosRow(section: SecondOrderSection): number[] {
  return [section.b0, section.b1, section.b2, 1, section.a1, section.a2];
}

/** The bank as nested scipy `sos` arrays, stage by stage. */
export function bankForScipy(bank: ThirdOctaveBankDesign): ScipyPipelineInput['stages'] {
  return bank.stages.map((stage) => ({
    bands: stage.bands.map((band) => band.sections.map(sosRow)),
    antiAlias: stage.antiAlias.map(sosRow),
  }));
}

/**
 * The reference pipeline in scipy 1.10 + numpy: A weighting (sosfilt), Fast time weighting (lfilter
 * on p²), LAeq, LAFmax, L5…L95 from the Fast level every 0.1 s after settling, and the multirate
 * 1/3-octave bank (sosfilt per band, sosfilt anti-alias then [1::2] per stage) with the same
 * coefficients Kizuna uses. Reads the float32 samples from a file, times itself with perf_counter.
 */
export const scipyPipelineScript = `
import json, sys, time
import numpy as np
from scipy import signal

spec = json.loads(sys.stdin.read())
x = np.fromfile(spec['path'], dtype=np.float32).astype(np.float64)
p0 = 20e-6
def run():
    steps = {}
    t = time.perf_counter()
    a = signal.sosfilt(np.array(spec['weightingA']), x)
    squared = a * a
    steps['A weighting'] = time.perf_counter() - t; t = time.perf_counter()
    alpha = spec['fastFactor']
    fast = signal.lfilter([alpha], [1.0, alpha - 1.0], squared)
    steps['Fast time weighting'] = time.perf_counter() - t; t = time.perf_counter()
    laeq = 10 * np.log10(np.mean(squared) / p0**2)
    lafmax = 10 * np.log10(np.max(fast) / p0**2)
    n = spec['pointSamples']
    ends = np.arange(n - 1, len(x), n)
    ends = ends[ends + 1 >= spec['settleSamples']]
    samples = np.sort(10 * np.log10(fast[ends] / p0**2))
    count = len(samples)
    percentiles = [float(samples[count - min(count, max(1, int(np.ceil(q / 100 * count))))]) for q in (5, 10, 50, 90, 95)]
    steps['LAeq, LAFmax, L5…L95'] = time.perf_counter() - t; t = time.perf_counter()
    bands = []
    current = x
    decimation = 1
    for stage in spec['stages']:
        for sos in stage['bands']:
            y = signal.sosfilt(np.array(sos), current)
            bands.append(float(10 * np.log10(np.sum(y * y) * decimation / len(x) / p0**2)))
        if len(stage['antiAlias']) > 0:
            current = signal.sosfilt(np.array(stage['antiAlias']), current)[1::2]
            decimation *= 2
    steps['1/3-octave bank (multirate)'] = time.perf_counter() - t
    return laeq, lafmax, percentiles, bands, steps
seconds = []
cpu_seconds = []
for _ in range(spec['repeats']):
    start = time.perf_counter()
    cpu_start = time.process_time()
    laeq, lafmax, percentiles, bands, steps = run()
    seconds.append(time.perf_counter() - start)
    cpu_seconds.append(time.process_time() - cpu_start)
print(json.dumps({'seconds': seconds, 'cpuSeconds': cpu_seconds, 'laeq': laeq, 'lafmax': lafmax, 'percentiles': percentiles, 'bands': bands, 'stepSeconds': steps}))
`;
