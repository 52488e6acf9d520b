import type { TelcoData } from './telco-data';

/**
 * A large data set from Telco for the scaling bench: rows repeat the 7,043 customers with the three
 * continuous features (tenure, monthly and total charges) jittered by a deterministic ±5 %, so the
 * histogram learner sees many distinct values. Same rows every run.
 */
export function largeTelco(
  telco: TelcoData,
  nRows: number,
): { values: Float64Array; rows: number[][]; labels: number[] } {
  const nFeatures = telco.featureNames.length;
  const values = new Float64Array(nRows * nFeatures);
  const rows: number[][] = [];
  const labels: number[] = [];
  let state = 12345;
  const next = () => {
    state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
    return state / 4_294_967_296;
  };
  for (let row = 0; row < nRows; row += 1) {
    const source = telco.rows[row % telco.rows.length]!;
    const copy = source.map((value, column) => (column < 3 ? value * (0.95 + 0.1 * next()) : value));
    values.set(copy, row * nFeatures);
    rows.push(copy);
    labels.push(telco.labels[row % telco.labels.length]!);
  }
  return { values, rows, labels };
}
