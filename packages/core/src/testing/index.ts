export { runStoreConformance, type StoreConformanceOptions } from './store-conformance';
