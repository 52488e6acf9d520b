import { createFaqIndex, type FaqEntryInput } from '@kizuna/chat';
import { faqCalibrationSet } from '@kizuna/chat/evaluation';
import { noiseServiceFaq } from '@kizuna/chat/faq-data';
import { type BenchSection, formatNumber } from '../bench-kit';

const places = [
  '東京',
  '横浜',
  '大阪',
  '名古屋',
  '京都',
  '神戸',
  '千葉',
  '埼玉',
  '川崎',
  '札幌',
  '福岡',
  '仙台',
];
const buildings = [
  'マンション',
  'アパート',
  '戸建て',
  '事務所',
  '店舗',
  'シェアハウス',
  '寮',
  'テナントビル',
];
const topics = [
  '足音',
  '話し声',
  '楽器',
  '工事',
  '室外機',
  '犬の鳴き声',
  '洗濯機',
  'ドアの開閉',
  '車',
  '子どもの声',
];

/**
 * 10,000 FAQ entries built deterministically from the shipped FAQ: each variant prefixes a base
 * question with a place, a kind of building and a noise topic, so the index has realistic
 * vocabulary and long postings for common bigrams.
 */
export function syntheticFaq(size: number): FaqEntryInput[] {
  return Array.from({ length: size }, (_, index) => {
    const base = noiseServiceFaq[index % noiseServiceFaq.length]!;
    const place = places[index % places.length]!;
    const building = buildings[Math.floor(index / 7) % buildings.length]!;
    const topic = topics[Math.floor(index / 13) % topics.length]!;
    return {
      id: `${base.id}-${index}`,
      question: `${place}の${building}で${topic}の件：${base.question}`,
      answer: base.answer,
      alternativeQuestions: (base.alternativeQuestions ?? []).map(
        (question) => `${place}${building} ${question}`,
      ),
      tags: [...(base.tags ?? []), place],
    };
  });
}

function percentile(sorted: readonly number[], fraction: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)]!;
}

/** FAQ search latency over 10,000 entries (target: p99 under 2 ms). */
export async function faqSearchRows(): Promise<readonly BenchSection[]> {
  const entries = syntheticFaq(10_000);
  const buildStart = performance.now();
  const index = createFaqIndex(entries);
  const buildMs = performance.now() - buildStart;
  const queries = faqCalibrationSet.map((item) => item.query);
  for (let warm = 0; warm < 500; warm += 1) index.search(queries[warm % queries.length]!);
  const times: number[] = [];
  const cpuTimes: number[] = [];
  for (let run = 0; run < 3_000; run += 1) {
    const query = queries[run % queries.length]!;
    const cpuBefore = process.cpuUsage();
    const start = performance.now();
    index.search(query);
    times.push(performance.now() - start);
    const cpu = process.cpuUsage(cpuBefore);
    cpuTimes.push((cpu.user + cpu.system) / 1000);
  }
  times.sort((left, right) => left - right);
  cpuTimes.sort((left, right) => left - right);
  return [
    {
      title: 'FAQ search, 10,000 entries (target: p99 < 2 ms)',
      rows: [
        {
          operation: 'createFaqIndex (10,000 entries)',
          'p50 ms': '',
          'p99 ms': '',
          'p99 ms (CPU time)': '',
          'total ms': formatNumber(buildMs),
        },
        {
          operation: 'search (top 5, 3,000 queries)',
          'p50 ms': formatNumber(percentile(times, 0.5)),
          'p99 ms': formatNumber(percentile(times, 0.99)),
          'p99 ms (CPU time)': formatNumber(percentile(cpuTimes, 0.99)),
          'total ms': formatNumber(times.reduce((sum, time) => sum + time, 0)),
        },
      ],
      notes: [
        'Queries are the labelled calibration queries, cycled. Wall-time p99 on a shared, loaded machine is ' +
          'dominated by the scheduler; the CPU-time column (process.cpuUsage, microsecond resolution) is the cost of the search itself.',
      ],
    },
  ];
}
