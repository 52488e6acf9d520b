import { roundPoints, scoreFromPoints } from '../scorecards/evaluate-part';
import type { MissingDataPolicy, Scorecard, ScoringPart } from '../scorecards/scorecard';

/** One part of a scorecard, flattened for the batch kernels. */
export interface BatchPart {
  readonly part: ScoringPart;
  readonly componentIndex: number;
  /** `componentId.partId`: the key of the part's previous points, read by `carry-forward`. */
  readonly key: string;
  readonly policy: MissingDataPolicy;
  /** The part's neutral points: `neutralPoints`, else half its weight, at most its weight. */
  readonly neutralPoints: number;
}

/** A recommendation rule on a component's normalised points. */
export interface ComponentRule {
  /** Index of the rule in the scorecard's `recommendations`. */
  readonly rule: number;
  readonly component: number;
  readonly below: number;
  /** Whether the rule fires when every part is neutral (the no-data fallback) and the component had data. */
  readonly firesWhenNeutral: boolean;
}

/** A scorecard compiled to flat data: what both batch kernels read. */
export interface BatchPlan {
  readonly scorecard: Scorecard;
  readonly parts: readonly BatchPart[];
  /** Configured weight of each component: the sum of its parts' `maxPoints`, in part order. */
  readonly componentWeights: readonly number[];
  /** Sum of every part's `maxPoints`, in part order. */
  readonly totalWeight: number;
  /** The score when every part is neutral (nothing known), exactly as `scoreHealth` computes it. */
  readonly neutralScore: number;
  /** Each component's contribution when every part is neutral. */
  readonly neutralComponentPoints: readonly number[];
  readonly componentRules: readonly ComponentRule[];
}

const plans = new WeakMap<Scorecard, BatchPlan>();

/** Flattens a validated scorecard for the batch kernels (cached per scorecard object). */
export function batchPlan(scorecard: Scorecard): BatchPlan {
  const known = plans.get(scorecard);
  if (known !== undefined) return known;
  const parts: BatchPart[] = [];
  const componentWeights: number[] = [];
  const neutralEarned: number[] = [];
  let totalWeight = 0;
  let neutralTotal = 0;
  scorecard.components.forEach((component, componentIndex) => {
    let weight = 0;
    let neutral = 0;
    for (const part of component.parts) {
      const neutralPoints = Math.min(part.maxPoints, part.neutralPoints ?? part.maxPoints / 2);
      parts.push({
        part,
        componentIndex,
        key: `${component.id}.${part.id}`,
        policy: part.missingData ?? component.missingData ?? scorecard.missingData,
        neutralPoints,
      });
      weight += part.maxPoints;
      neutral += neutralPoints;
      totalWeight += part.maxPoints;
      neutralTotal += neutralPoints;
    }
    componentWeights.push(weight);
    neutralEarned.push(neutral);
  });
  const neutralScale = 100 / totalWeight;
  const componentRules: ComponentRule[] = [];
  scorecard.recommendations.forEach((recommendation, rule) => {
    const when = recommendation.when;
    if (!('component' in when)) return;
    const component = scorecard.components.findIndex((candidate) => candidate.id === when.component);
    if (component === -1) return;
    const weight = componentWeights[component]!;
    const neutralNormalised = roundPoints((neutralEarned[component]! / weight) * weight);
    componentRules.push({
      rule,
      component,
      below: when.below,
      firesWhenNeutral: neutralNormalised < when.below,
    });
  });
  const plan: BatchPlan = {
    scorecard,
    parts,
    componentWeights,
    totalWeight,
    neutralScore: scoreFromPoints(neutralTotal, totalWeight),
    neutralComponentPoints: neutralEarned.map((earned) => roundPoints(earned * neutralScale)),
    componentRules,
  };
  plans.set(scorecard, plan);
  return plan;
}
