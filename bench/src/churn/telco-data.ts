import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The Telco churn folder: `shared/` sits beside the repository checkout. */
export const telcoDirectory = join(
  dirname(fileURLToPath(import.meta.url)),
  '../../../../shared/data/telco-churn',
);

/** The 13 numeric Telco features with labels and the fixed 80/20 split. */
export interface TelcoData {
  readonly featureNames: readonly string[];
  readonly rows: readonly number[][];
  readonly labels: readonly number[];
  readonly isTest: readonly boolean[];
}

/** Reads telco_num13.csv and telco_split_80_20.csv; `null` when the files are absent. */
export function loadTelco(): TelcoData | null {
  const dataPath = join(telcoDirectory, 'telco_num13.csv');
  const splitPath = join(telcoDirectory, 'telco_split_80_20.csv');
  if (!existsSync(dataPath) || !existsSync(splitPath)) return null;
  const split = new Map<string, string>();
  for (const line of readFileSync(splitPath, 'utf8').trim().split('\n').slice(1)) {
    const [id, part] = line.split(',');
    split.set(id!, part!.trim());
  }
  const lines = readFileSync(dataPath, 'utf8').trim().split('\n');
  const header = lines[0]!.split(',');
  const featureNames = header.slice(1, -1);
  const rows: number[][] = [];
  const labels: number[] = [];
  const isTest: boolean[] = [];
  for (const line of lines.slice(1)) {
    const cells = line.split(',');
    rows.push(cells.slice(1, -1).map(Number));
    labels.push(Number(cells[cells.length - 1]));
    isTest.push(split.get(cells[0]!) === 'test');
  }
  return { featureNames, rows, labels, isTest };
}
