// A script for the threads tests: asks the echo worker once and then does nothing more. Its process
// must end by itself, since a channel's worker is ref'd only while it owes an answer.
import { createWorkerChannel, startEntryWorker } from './index';

const channel = createWorkerChannel<number, { value: number }>(
  startEntryWorker(import.meta.url, 'echo-worker.fixture', { workerData: { add: 1 } }),
);
const pending = channel.ask(41);
console.log(`owed ${channel.owed}`);
console.log(`answer ${(await pending).value}`);
