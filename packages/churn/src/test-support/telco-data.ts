import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// Test-only: the public Telco churn sample beside the checkout (../shared/data/telco-churn). Tests
// that need it are skipped, with a note, when it is absent.
const directory = fileURLToPath(new URL('../../../../../shared/data/telco-churn/', import.meta.url));

/** The 13 numeric Telco features, labels and the fixed 80/20 split. */
export interface TelcoData {
  readonly featureNames: readonly string[];
  readonly trainRows: number[][];
  readonly trainLabels: number[];
  readonly testRows: number[][];
  readonly testLabels: number[];
}

/** Loads the Telco data, or returns `null` when the files are absent. */
export function loadTelcoData(): TelcoData | null {
  const dataPath = `${directory}telco_num13.csv`;
  const splitPath = `${directory}telco_split_80_20.csv`;
  if (!existsSync(dataPath) || !existsSync(splitPath)) {
    console.warn(`Telco data not found at ${directory}: skipping the tests that use it`);
    return null;
  }
  const isTest = new Set(
    readFileSync(splitPath, 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => line.split(','))
      .filter((cells) => cells[1]?.trim() === 'test')
      .map((cells) => cells[0]!),
  );
  const lines = readFileSync(dataPath, 'utf8').trim().split('\n');
  const featureNames = lines[0]!.split(',').slice(1, -1);
  const data: TelcoData = { featureNames, trainRows: [], trainLabels: [], testRows: [], testLabels: [] };
  for (const line of lines.slice(1)) {
    const cells = line.split(',');
    const row = cells.slice(1, -1).map(Number);
    const label = Number(cells[cells.length - 1]);
    if (isTest.has(cells[0]!)) {
      data.testRows.push(row);
      data.testLabels.push(label);
    } else {
      data.trainRows.push(row);
      data.trainLabels.push(label);
    }
  }
  return data;
}
