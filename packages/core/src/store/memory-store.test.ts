import { runStoreConformance } from '../testing/store-conformance';
import { createMemoryStore } from './memory-store';

runStoreConformance(async () => createMemoryStore(), { name: 'createMemoryStore conformance' });
