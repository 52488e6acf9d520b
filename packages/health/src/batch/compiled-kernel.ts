import type { BatchKernel, BatchKernelInput, BatchKernelOutput } from './batch-kernel';
import type { BatchPlan } from './batch-plan';

/** A finite number as a JavaScript literal (only numbers of the validated scorecard reach the code). */
function literal(value: number): string {
  if (!Number.isFinite(value)) throw new Error('non-finite scorecard number');
  return Object.is(value, -0) ? '-0' : String(value);
}

const symbols = { gte: '>=', gt: '>', lte: '<=', lt: '<' } as const;

/** What a compiled kernel is specialised for, besides the plan. */
export interface KernelShape {
  /** Which parts have a value column. */
  readonly present: readonly boolean[];
  /** Which carry-forward parts have a previous-points column. */
  readonly carried: readonly boolean[];
  readonly components: boolean;
  readonly componentRules: boolean;
}

const cache = new WeakMap<BatchPlan, Map<string, BatchKernel | null>>();

/**
 * The source of the kernel's loop body for one plan and shape: straight-line code with the
 * scorecard's numbers written in, the arithmetic of `scoreHealth` in the same order.
 */
function kernelSource(plan: BatchPlan, shape: KernelShape): string {
  const perComponent = shape.components || shape.componentRules;
  const componentCount = plan.componentWeights.length;
  const lines: string[] = [
    'const { count, values, carried } = input;',
    'const { scores, coverage, bandIndex, components, componentRuleFlags } = output;',
  ];
  const locals: string[] = [];
  plan.parts.forEach((_, index) => {
    if (shape.present[index]) locals.push(`v${index} = values[${index}]`);
    if (shape.carried[index]) locals.push(`r${index} = carried[${index}]`);
  });
  if (shape.components)
    for (let index = 0; index < componentCount; index += 1) locals.push(`o${index} = components[${index}]`);
  if (shape.componentRules) {
    for (let index = 0; index < plan.componentRules.length; index += 1) {
      locals.push(`g${index} = componentRuleFlags[${index}]`);
    }
  }
  if (locals.length > 0) lines.push(`const ${locals.join(', ')};`);
  lines.push('for (let i = 0; i < count; i += 1) {', 'let e = 0, a = 0, d = 0, f = 0;');
  if (perComponent) {
    for (let index = 0; index < componentCount; index += 1)
      lines.push(`let k${index} = 0, q${index} = 0, w${index} = 0;`);
  }
  plan.parts.forEach(({ part, componentIndex: c, policy, neutralPoints }, index) => {
    const weight = literal(part.maxPoints);
    const add = (points: string, counted: string) => {
      const sums = [`e += ${points};`, `a += ${counted};`];
      if (perComponent) sums.push(`k${c} += ${points};`, `q${c} += ${counted};`);
      return sums.join(' ');
    };
    let missing = '';
    if (policy === 'neutral') missing = add(literal(neutralPoints), weight);
    else if (policy === 'zero') missing = add('0', weight);
    else if (policy === 'carry-forward' && shape.carried[index]) {
      missing = `const t = r${index}[i]; if (t === t) { const p = Math.min(${weight}, Math.max(0, t)); ${add('p', weight)} f = 1; }`;
    }
    if (!shape.present[index]) {
      if (missing !== '') lines.push(`{ ${missing} }`);
      return;
    }
    lines.push(
      `{ const v = v${index}[i];`,
      `if (v !== v) { ${missing} } else {`,
      `if (v - v !== 0) throw invalid(${index}, i);`,
    );
    const withData = perComponent ? `d += ${weight}; w${c} += ${weight};` : `d += ${weight};`;
    if (part.kind === 'linear' && part.to !== part.from) {
      lines.push(
        `const p = ${weight} * Math.min(1, Math.max(0, (v - ${literal(part.from)}) / ${literal(part.to - part.from)}));`,
        `${add('p', weight)} ${withData}`,
      );
    } else if (part.kind === 'linear') {
      lines.push(`const p = v >= ${literal(part.from)} ? ${weight} : 0;`, `${add('p', weight)} ${withData}`);
    } else {
      const clamp = (points: number) => Math.min(part.maxPoints, Math.max(0, points));
      const bonus = part.otherwise === 'exclude';
      const fallback = part.otherwise === 'exclude' ? 0 : clamp(part.otherwise);
      // Steps in reverse, so the last assignment is the first step that holds. With whole-number points
      // the choice is arithmetic on the comparison (`true * x`), which V8 compiles without branches:
      // real customers' values are unpredictable and mispredicted branches cost more than the
      // comparisons. Whole numbers keep `p + (x − p)` exact.
      const whole = [fallback, ...part.steps.map((step) => clamp(step.points))].every(Number.isInteger);
      lines.push(`let p = ${literal(fallback)};${bonus ? ' let h = 0;' : ''}`);
      [...part.steps].reverse().forEach((step, stepIndex) => {
        let test = `(v ${symbols[step.op]} ${literal(step.value)})`;
        if (bonus) {
          lines.push(`const t${stepIndex} = ${test}; h |= t${stepIndex};`);
          test = `t${stepIndex}`;
        }
        const points = literal(clamp(step.points));
        lines.push(whole ? `p += ${test} * (${points} - p);` : `p = ${test} ? ${points} : p;`);
      });
      lines.push(`${add('p', bonus ? `h * ${weight}` : weight)} ${withData}`);
    }
    lines.push('} }');
  });
  lines.push(
    `coverage[i] = d / ${literal(plan.totalWeight)};`,
    'let score;',
    'if (a === 0 || (d === 0 && f === 0)) {',
  );
  lines.push(`score = ${literal(plan.neutralScore)};`);
  if (shape.components) {
    plan.neutralComponentPoints.forEach((points, index) => {
      lines.push(`o${index}[i] = ${literal(points)};`);
    });
  }
  if (shape.componentRules) {
    plan.componentRules.forEach(({ component, firesWhenNeutral }, index) => {
      if (firesWhenNeutral) lines.push(`g${index}[i] = w${component} > 0;`);
    });
  }
  lines.push(
    '} else {',
    'const scale = 100 / a;',
    'score = Math.round(e * scale * 1e6) / 1e6;',
    'if (score > 100) score = 100;',
  );
  if (shape.components) {
    for (let index = 0; index < componentCount; index += 1)
      lines.push(`o${index}[i] = Math.round(k${index} * scale * 1e6) / 1e6;`);
  }
  if (shape.componentRules) {
    plan.componentRules.forEach(({ component, below }, index) => {
      const weight = literal(plan.componentWeights[component]!);
      lines.push(
        `g${index}[i] = w${component} > 0 && q${component} > 0 && Math.round((k${component} / q${component}) * ${weight} * 1e6) / 1e6 < ${literal(below)};`,
      );
    });
  }
  lines.push(
    '}',
    'scores[i] = score;',
    // Bands ascend, so the band index is the number of upper bounds below the score.
    `bandIndex[i] = ${
      plan.scorecard.bands
        .slice(0, -1)
        .map((band) => `(score > ${literal(band.upTo)})`)
        .join(' + ') || '0'
    };`,
    '}',
  );
  return lines.join('\n');
}

/**
 * Compiles a plan into a specialised kernel (`new Function`), which V8 runs several times faster than
 * the interpreted loop. Returns `undefined` where code generation is not allowed (a strict
 * Content-Security-Policy); the caller then uses the interpreted kernel, which gives the same results.
 */
export function compiledKernel(plan: BatchPlan, shape: KernelShape): BatchKernel | undefined {
  const key = [
    shape.present.map(Number).join(''),
    shape.carried.map(Number).join(''),
    Number(shape.components),
    Number(shape.componentRules),
  ].join(':');
  let byShape = cache.get(plan);
  if (byShape === undefined) {
    byShape = new Map();
    cache.set(plan, byShape);
  }
  const known = byShape.get(key);
  if (known !== undefined) return known ?? undefined;
  let kernel: BatchKernel | null;
  try {
    kernel = new Function('input', 'output', 'invalid', kernelSource(plan, shape)) as (
      input: BatchKernelInput,
      output: BatchKernelOutput,
      invalid: (part: number, index: number) => Error,
    ) => void;
  } catch {
    kernel = null;
  }
  byShape.set(key, kernel);
  return kernel ?? undefined;
}
