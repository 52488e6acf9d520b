import type { BenchSection } from '../bench-kit';

/** FAQ search latency over 10,000 entries; filled in once the FAQ index lands. */
export async function faqSearchRows(): Promise<readonly BenchSection[]> {
  return [];
}
