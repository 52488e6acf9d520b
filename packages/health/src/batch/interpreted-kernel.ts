import type { BatchKernel } from './batch-kernel';
import type { BatchPlan } from './batch-plan';

const operatorCodes = { gte: 0, gt: 1, lte: 2, lt: 3 } as const;

/**
 * The batch kernel as a plain loop over the plan: the reference the compiled kernel is tested against,
 * and the path where code generation is not allowed. Same arithmetic in the same order as
 * `scoreHealth`; nothing is allocated per customer.
 */
export function interpretedKernel(plan: BatchPlan): BatchKernel {
  const partCount = plan.parts.length;
  const componentCount = plan.componentWeights.length;
  const kinds = new Uint8Array(partCount); // 0 linear, 1 flat linear, 2 steps
  const weights = new Float64Array(partCount);
  const componentOf = new Int32Array(partCount);
  const policies = new Uint8Array(partCount); // 0 exclude, 1 neutral, 2 zero, 3 carry-forward
  const neutralPoints = new Float64Array(partCount);
  const from = new Float64Array(partCount);
  const span = new Float64Array(partCount);
  const otherwise = new Float64Array(partCount);
  const bonus = new Uint8Array(partCount);
  const stepStart = new Int32Array(partCount + 1);
  const stepOperators: number[] = [];
  const stepLimits: number[] = [];
  const stepPoints: number[] = [];
  plan.parts.forEach(({ part, componentIndex, policy, neutralPoints: neutral }, index) => {
    const clamp = (points: number) => Math.min(part.maxPoints, Math.max(0, points));
    weights[index] = part.maxPoints;
    componentOf[index] = componentIndex;
    policies[index] = ['exclude', 'neutral', 'zero', 'carry-forward'].indexOf(policy);
    neutralPoints[index] = neutral;
    stepStart[index] = stepLimits.length;
    if (part.kind === 'linear') {
      kinds[index] = part.to === part.from ? 1 : 0;
      from[index] = part.from;
      span[index] = part.to - part.from;
    } else {
      kinds[index] = 2;
      for (const step of part.steps) {
        stepOperators.push(operatorCodes[step.op]);
        stepLimits.push(step.value);
        stepPoints.push(clamp(step.points));
      }
      bonus[index] = part.otherwise === 'exclude' ? 1 : 0;
      otherwise[index] = part.otherwise === 'exclude' ? 0 : clamp(part.otherwise);
    }
    stepStart[index + 1] = stepLimits.length;
  });
  const operators = Uint8Array.from(stepOperators);
  const limits = Float64Array.from(stepLimits);
  const pointsOfStep = Float64Array.from(stepPoints);
  const uppers = Float64Array.from(plan.scorecard.bands.map((band) => band.upTo));
  const lastBand = uppers.length - 1;
  const { totalWeight, neutralScore, componentRules, componentWeights, neutralComponentPoints } = plan;
  const earnedByComponent = new Float64Array(componentCount);
  const availableByComponent = new Float64Array(componentCount);
  const dataByComponent = new Float64Array(componentCount);

  return (input, output, invalid) => {
    const { count, values, carried } = input;
    const { scores, coverage, bandIndex, components, componentRuleFlags } = output;
    const perComponent = components.length > 0 || componentRuleFlags.length > 0;
    for (let index = 0; index < count; index += 1) {
      let earned = 0;
      let available = 0;
      let withData = 0;
      let carriedAny = false;
      if (perComponent) {
        earnedByComponent.fill(0);
        availableByComponent.fill(0);
        dataByComponent.fill(0);
      }
      for (let part = 0; part < partCount; part += 1) {
        const column = values[part]!;
        const value = column === null ? Number.NaN : column[index]!;
        const weight = weights[part]!;
        let points = 0;
        let counts = true;
        if (Number.isNaN(value)) {
          const policy = policies[part];
          if (policy === 0) continue;
          if (policy === 1) points = neutralPoints[part]!;
          else if (policy === 3) {
            const previous = carried[part]?.[index] ?? Number.NaN;
            if (Number.isNaN(previous)) continue;
            points = Math.min(weight, Math.max(0, previous));
            carriedAny = true;
          }
        } else {
          if (value - value !== 0) throw invalid(part, index);
          const kind = kinds[part];
          if (kind === 0) {
            points = weight * Math.min(1, Math.max(0, (value - from[part]!) / span[part]!));
          } else if (kind === 1) {
            points = value >= from[part]! ? weight : 0;
          } else {
            let step = stepStart[part]!;
            const end = stepStart[part + 1]!;
            for (; step < end; step += 1) {
              const limit = limits[step]!;
              const operator = operators[step];
              const holds =
                operator === 0
                  ? value >= limit
                  : operator === 1
                    ? value > limit
                    : operator === 2
                      ? value <= limit
                      : value < limit;
              if (holds) break;
            }
            if (step < end) points = pointsOfStep[step]!;
            else if (bonus[part] === 1) counts = false;
            else points = otherwise[part]!;
          }
          withData += weight;
          if (perComponent) dataByComponent[componentOf[part]!]! += weight;
        }
        if (!counts) continue;
        earned += points;
        available += weight;
        if (perComponent) {
          earnedByComponent[componentOf[part]!]! += points;
          availableByComponent[componentOf[part]!]! += weight;
        }
      }
      coverage[index] = withData / totalWeight;
      let score: number;
      if (available === 0 || (withData === 0 && !carriedAny)) {
        score = neutralScore;
        for (let component = 0; component < components.length; component += 1) {
          components[component]![index] = neutralComponentPoints[component]!;
        }
        for (let rule = 0; rule < componentRuleFlags.length; rule += 1) {
          const { component, firesWhenNeutral } = componentRules[rule]!;
          componentRuleFlags[rule]![index] = firesWhenNeutral && dataByComponent[component]! > 0 ? 1 : 0;
        }
      } else {
        const scale = 100 / available;
        score = Math.round(earned * scale * 1e6) / 1e6;
        if (score > 100) score = 100;
        for (let component = 0; component < components.length; component += 1) {
          components[component]![index] = Math.round(earnedByComponent[component]! * scale * 1e6) / 1e6;
        }
        for (let rule = 0; rule < componentRuleFlags.length; rule += 1) {
          const { component, below } = componentRules[rule]!;
          const componentAvailable = availableByComponent[component]!;
          componentRuleFlags[rule]![index] =
            dataByComponent[component]! > 0 &&
            componentAvailable > 0 &&
            Math.round(
              (earnedByComponent[component]! / componentAvailable) * componentWeights[component]! * 1e6,
            ) /
              1e6 <
              below
              ? 1
              : 0;
        }
      }
      scores[index] = score;
      let band = 0;
      while (band < lastBand && score > uppers[band]!) band += 1;
      bandIndex[index] = band;
    }
  };
}
