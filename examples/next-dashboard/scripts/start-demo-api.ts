import { startDemoApi } from '../tests/support/demo-api';

/**
 * Development helper: the Express API on a small seeded dataset, for `next dev`.
 * Run from the repository root:
 * `node_modules/.bin/tsx --tsconfig examples/express-api/tsconfig.json examples/next-dashboard/scripts/start-demo-api.ts`
 */
const port = Number(process.env.PORT ?? 4010);
const api = await startDemoApi({ port });
console.log(`Demo API on ${api.url} (${api.scored} customers scored). For the dashboard:`);
console.log(`KIZUNA_API_URL=${api.url} KIZUNA_API_KEY=${api.key} KIZUNA_AS_OF=${api.asOf}`);
