/** A funnel stage as the marketing dashboard sends it. */
export interface FunnelStage {
  readonly stage: string;
  readonly count: number;
  readonly conversionFromPrevious: number | null;
}

/**
 * The bottleneck of a funnel: the stage with the lowest conversion from the previous stage, among
 * stages whose previous stage had anyone in it; `undefined` when no conversion is known.
 */
export function bottleneckStage(stages: readonly FunnelStage[]): string | undefined {
  let lowest: FunnelStage | undefined;
  for (const stage of stages) {
    if (stage.conversionFromPrevious === null) continue;
    if (lowest === undefined || stage.conversionFromPrevious < (lowest.conversionFromPrevious ?? 1))
      lowest = stage;
  }
  return lowest?.stage;
}
