// A worker for the threads tests: answers each number plus workerData.add; 'throw' throws (an
// 'error' event), 'exit' exits with code 3, 'fail' answers an error report.
import { parentPort, workerData } from 'node:worker_threads';

const { add } = workerData as { add: number };
parentPort?.on('message', (value: number | 'throw' | 'exit' | 'fail') => {
  if (value === 'throw') throw new Error('the fixture threw');
  if (value === 'exit') process.exit(3);
  parentPort?.postMessage(value === 'fail' ? { error: 'bad job' } : { value: value + add });
});
