import { parseArgs } from 'node:util';
import { addApiKeyToFile } from './api-key-file';
import { apiKeyScopeSchema } from './api-keys';

/**
 * `pnpm --filter @kizuna/example-express-api api-key --name dashboard --scope read`: adds a key to
 * the key file (`KIZUNA_API_KEYS_FILE`, default `.kizuna/api-keys.json`) and prints it once.
 */
const { values } = parseArgs({
  options: {
    name: { type: 'string', default: 'unnamed' },
    scope: { type: 'string', default: 'read' },
    'requests-per-minute': { type: 'string' },
    file: { type: 'string', default: process.env.KIZUNA_API_KEYS_FILE ?? '.kizuna/api-keys.json' },
  },
});
const scope = apiKeyScopeSchema.parse(values.scope);
const perMinute = values['requests-per-minute'];
const { key, stored } = await addApiKeyToFile(values.file, {
  name: values.name,
  scope,
  ...(perMinute === undefined ? {} : { requestsPerMinute: Number(perMinute) }),
});
console.log(
  `Added key "${stored.name}" (${stored.scope}) to ${values.file}. Keep it now; it is not stored:\n${key}`,
);
