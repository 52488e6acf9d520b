// A worker for the startEntryWorker test: answers each number plus workerData.add.
import { parentPort, workerData } from 'node:worker_threads';

const { add } = workerData as { add: number };
parentPort?.on('message', (value: number) => parentPort?.postMessage(value + add));
