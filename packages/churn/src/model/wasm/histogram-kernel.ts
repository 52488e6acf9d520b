import { gradientKernelFunction } from './gradient-kernel';
import {
  alignToCacheLine,
  emptyBlockType,
  encodeModule,
  f64Const,
  i32Const,
  localGet,
  localSet,
  localTee,
  memoryAccess,
  opcode,
  valueType,
} from './wasm-encoder';

const pageBytes = 65_536;

/**
 * Where a training kernel keeps things in its memory: one thread's copy of the binned rows (and
 * bundle codes) of a range of row ids `[rowFrom, rowFrom + rowSpan)`, their gradients, the row
 * segment of one task and the histogram being built; for the gradient pass also the thread's
 * training positions and the rows' odds, weights and labels. Addresses are bytes; each part starts
 * on a cache line.
 */
export interface HistogramMemoryLayout {
  readonly nFeatures: number;
  readonly bundleCount: number;
  /** 2 (gradient, hessian) or 3 (and a row count) numbers per slot. */
  readonly stride: number;
  /** Numbers of the features' slots. */
  readonly histogramSize: number;
  /** Numbers of the features' slots and the bundle codes' slots after them. */
  readonly bufferSize: number;
  /** Row ids the memory holds, from the first one the caller passes. */
  readonly rowSpan: number;
  /** Most rows one task may hand over. */
  readonly segmentRows: number;
  /** The histogram (f64 × bufferSize) is at address 0. */
  readonly spareAddress: number;
  /** The sampled kernel's features, as byte offsets within a binned row (i32 × nFeatures). */
  readonly featuresAddress: number;
  /** The task's row ids (u32 × segmentRows). */
  readonly segmentAddress: number;
  /** Gradient and hessian of each row, interleaved (f64 × 2 × rowSpan). */
  readonly gradientsAddress: number;
  /** Row-major slots (u16 × nFeatures × rowSpan). */
  readonly binnedAddress: number;
  /** Row-major bundle codes (u16 × bundleCount × rowSpan). */
  readonly codesAddress: number;
  /** The thread's training row ids in training order (u32 × trainRowCount), for the gradients. */
  readonly trainRowsAddress: number;
  /** Odds, weights (f64 × rowSpan each) and labels (u8 × rowSpan) of the rows, for the gradients. */
  readonly oddsAddress: number;
  readonly weightsAddress: number;
  readonly labelsAddress: number;
  /** The gradient kernel's gradient sum and hessian sum (f64 × 2). */
  readonly sumsAddress: number;
  readonly memoryPages: number;
}

/** Lays out a thread's rows in a histogram kernel's memory (see {@link HistogramMemoryLayout}). */
export function histogramMemoryLayout(
  shape: Pick<HistogramMemoryLayout, 'nFeatures' | 'bundleCount' | 'stride' | 'histogramSize' | 'bufferSize'>,
  rowSpan: number,
  segmentRows: number,
  trainRowCount: number,
): HistogramMemoryLayout {
  const spareAddress = alignToCacheLine(shape.bufferSize * 8);
  const featuresAddress = alignToCacheLine(spareAddress + shape.histogramSize * 8);
  const segmentAddress = alignToCacheLine(featuresAddress + shape.nFeatures * 4);
  const gradientsAddress = alignToCacheLine(segmentAddress + segmentRows * 4);
  const binnedAddress = alignToCacheLine(gradientsAddress + rowSpan * 16);
  const codesAddress = alignToCacheLine(binnedAddress + rowSpan * shape.nFeatures * 2);
  const trainRowsAddress = alignToCacheLine(codesAddress + rowSpan * shape.bundleCount * 2);
  const gradientRows = trainRowCount === 0 ? 0 : rowSpan;
  const oddsAddress = alignToCacheLine(trainRowsAddress + trainRowCount * 4);
  const weightsAddress = alignToCacheLine(oddsAddress + gradientRows * 8);
  const labelsAddress = alignToCacheLine(weightsAddress + gradientRows * 8);
  const sumsAddress = alignToCacheLine(labelsAddress + gradientRows);
  const end = sumsAddress + 16;
  return {
    ...shape,
    rowSpan,
    segmentRows,
    spareAddress,
    featuresAddress,
    segmentAddress,
    gradientsAddress,
    binnedAddress,
    codesAddress,
    trainRowsAddress,
    oddsAddress,
    weightsAddress,
    labelsAddress,
    sumsAddress,
    memoryPages: Math.max(1, Math.ceil(end / pageBytes)),
  };
}

/**
 * The module of the histogram kernels of one training run, the loops of `accumulateHistogram` in
 * `block-histograms.ts` over this memory. Every export takes `(rowCount, firstRow)`: it adds the
 * `rowCount` row ids at `segmentAddress`, less `firstRow` (the first row id the memory holds), into
 * the histogram at address 0, row after row in the segment's order, and each row's slots in the
 * same order as the JavaScript kernel, so every slot sees the same additions in the same order:
 *
 * - `bundled`: once per bundle code, 2 numbers per code;
 * - `allFeatures`: once per feature (stride 2);
 * - `allFeaturesPairs`: the same, two rows at a time, the second row of each pair into the spare
 *   histogram (zeroed first), which is then added slot by slot into the histogram;
 * - `sampled(rowCount, firstRow, featureCount)`: once per feature at `featuresAddress`, with a row
 *   count when the stride is 3;
 *
 * and `gradients`, the gradient pass (see `gradient-kernel.ts`).
 *
 * The feature and bundle loops of the first three are unrolled (their counts are constants of the
 * module), and the slots' addresses are constant offsets from the row's address.
 */
export function histogramKernelModule(layout: HistogramMemoryLayout): Uint8Array {
  const { nFeatures, bundleCount, stride, histogramSize } = layout;
  const { spareAddress, featuresAddress, segmentAddress, gradientsAddress, binnedAddress, codesAddress } =
    layout;
  // Locals: parameters rowCount (0), firstRow (1), featureCount (2, `sampled` only), then i32, then f64.
  const rowCount = 0;
  const firstRow = 1;
  const featureCount = 2;
  const get = localGet;
  const set = localSet;
  const tee = localTee;
  const add = [opcode.i32Add];

  interface Kernel {
    readonly body: number[];
    readonly i32Locals: number;
    readonly f64Locals: number;
  }

  /** Builds one function: `define` gets fresh locals and emits the body. */
  const kernel = (
    parameterCount: number,
    i32Count: number,
    f64Count: number,
    define: (emit: (...parts: readonly (readonly number[])[]) => void, i32: number[], f64: number[]) => void,
  ): Kernel => {
    const body: number[] = [];
    const emit = (...parts: readonly (readonly number[])[]) => {
      for (const part of parts) for (const byte of part) body.push(byte);
    };
    const i32 = Array.from({ length: i32Count }, (_, index) => parameterCount + index);
    const f64 = Array.from({ length: f64Count }, (_, index) => parameterCount + i32Count + index);
    define(emit, i32, f64);
    return { body, i32Locals: i32Count, f64Locals: f64Count };
  };

  /**
   * Loads row id `segment[cursor + at]` less firstRow, and sets `gradient`, `hessian` and `rowAddress`
   * (the row's offset in the binned rows or codes, `bytesPerRow` each).
   */
  const loadRow = (
    cursor: number,
    at: number,
    bytesPerRow: number,
    row: number,
    rowAddress: number,
    gradient: number,
    hessian: number,
  ) => [
    ...get(cursor),
    ...memoryAccess(opcode.i32Load, 2, segmentAddress + at),
    ...get(firstRow),
    opcode.i32Sub,
    ...tee(row),
    ...i32Const(16),
    opcode.i32Mul,
    ...tee(rowAddress),
    ...memoryAccess(opcode.f64Load, 3, gradientsAddress),
    ...set(gradient),
    ...get(rowAddress),
    ...memoryAccess(opcode.f64Load, 3, gradientsAddress + 8),
    ...set(hessian),
    ...get(row),
    ...i32Const(bytesPerRow),
    opcode.i32Mul,
    ...set(rowAddress),
  ];

  /** `histogram[at] += gradient; histogram[at + 8] += hessian` at byte `at` from `base`. */
  const addPair = (slot: number, base: number, gradient: number, hessian: number) => [
    ...get(slot),
    ...get(slot),
    ...memoryAccess(opcode.f64Load, 3, base),
    ...get(gradient),
    opcode.f64Add,
    ...memoryAccess(opcode.f64Store, 3, base),
    ...get(slot),
    ...get(slot),
    ...memoryAccess(opcode.f64Load, 3, base + 8),
    ...get(hessian),
    opcode.f64Add,
    ...memoryAccess(opcode.f64Store, 3, base + 8),
  ];

  /** Slot byte address of code `position` of the row at `rowAddress` (codes at `codes`), 16 bytes per slot. */
  const slotOf = (rowAddress: number, codes: number, position: number, slot: number) => [
    ...get(rowAddress),
    ...memoryAccess(opcode.i32Load16U, 1, codes + 2 * position),
    ...i32Const(4),
    opcode.i32Shl,
    ...set(slot),
  ];

  /**
   * `for (cursor = 0; cursor < end; cursor += step) body` over the segment (byte cursor), as a
   * do-while behind a check that it runs at least once.
   */
  const segmentLoop = (cursor: number, end: number, step: number, loopBody: readonly number[]) => [
    ...i32Const(0),
    ...set(cursor),
    ...get(end),
    opcode.if,
    emptyBlockType,
    opcode.loop,
    emptyBlockType,
    ...loopBody,
    ...get(cursor),
    ...i32Const(step),
    opcode.i32Add,
    ...tee(cursor),
    ...get(end),
    opcode.i32LtU,
    opcode.brIf,
    0,
    opcode.end,
    opcode.end,
  ];

  /** One row at a time, once per code of `width` codes at `codes` (bundles or all features). */
  const everyCodeKernel = (width: number, codes: number) =>
    kernel(2, 5, 2, (emit, [cursor, end, row, rowAddress, slot], [gradient, hessian]) => {
      const rowBody: number[] = [...loadRow(cursor!, 0, 2 * width, row!, rowAddress!, gradient!, hessian!)];
      for (let position = 0; position < width; position += 1) {
        rowBody.push(
          ...slotOf(rowAddress!, codes, position, slot!),
          ...addPair(slot!, 0, gradient!, hessian!),
        );
      }
      emit(get(rowCount), i32Const(4), [opcode.i32Mul], set(end!));
      emit(segmentLoop(cursor!, end!, 4, rowBody));
    });

  const pairsKernel = kernel(
    2,
    8,
    4,
    (emit, [cursor, end, row, firstAddress, secondAddress, slot, tail, sweepEnd], [g1, h1, g2, h2]) => {
      // spare = 0 over the features' slots.
      emit(i32Const(histogramSize * 8), set(sweepEnd!));
      emit(
        segmentLoop(cursor!, sweepEnd!, 8, [
          ...get(cursor!),
          ...f64Const(0),
          ...memoryAccess(opcode.f64Store, 3, spareAddress),
        ]),
      );
      // Pairs of rows: the first into the histogram, the second into the spare.
      const pairBody: number[] = [
        ...loadRow(cursor!, 0, 2 * nFeatures, row!, firstAddress!, g1!, h1!),
        ...loadRow(cursor!, 4, 2 * nFeatures, row!, secondAddress!, g2!, h2!),
      ];
      for (let feature = 0; feature < nFeatures; feature += 1) {
        pairBody.push(
          ...slotOf(firstAddress!, binnedAddress, feature, slot!),
          ...addPair(slot!, 0, g1!, h1!),
          ...slotOf(secondAddress!, binnedAddress, feature, slot!),
          ...addPair(slot!, spareAddress, g2!, h2!),
        );
      }
      emit(get(rowCount), i32Const(1), [opcode.i32ShrU], i32Const(8), [opcode.i32Mul], set(end!));
      emit(segmentLoop(cursor!, end!, 8, pairBody));
      // The last row of an odd count, alone, into the histogram.
      emit(get(rowCount), i32Const(1), [opcode.i32And], set(tail!));
      emit(get(tail!), [opcode.if, emptyBlockType]);
      emit(get(end!), set(cursor!));
      emit(loadRow(cursor!, 0, 2 * nFeatures, row!, firstAddress!, g1!, h1!));
      for (let feature = 0; feature < nFeatures; feature += 1) {
        emit(slotOf(firstAddress!, binnedAddress, feature, slot!), addPair(slot!, 0, g1!, h1!));
      }
      emit([opcode.end]);
      // histogram += spare, slot by slot.
      emit(
        segmentLoop(cursor!, sweepEnd!, 8, [
          ...get(cursor!),
          ...get(cursor!),
          ...memoryAccess(opcode.f64Load, 3, 0),
          ...get(cursor!),
          ...memoryAccess(opcode.f64Load, 3, spareAddress),
          opcode.f64Add,
          ...memoryAccess(opcode.f64Store, 3, 0),
        ]),
      );
    },
  );

  const sampledKernel = kernel(
    3,
    7,
    2,
    (emit, [cursor, end, row, rowAddress, slot, position, positionEnd], [g, h]) => {
      const slotBytes = stride * 8;
      const rowBody: number[] = [
        ...loadRow(cursor!, 0, 2 * nFeatures, row!, rowAddress!, g!, h!),
        ...i32Const(0),
        ...set(position!),
        opcode.loop,
        emptyBlockType,
        // slot = binned[row][features[position]] × stride × 8
        ...get(position!),
        ...memoryAccess(opcode.i32Load, 2, featuresAddress),
        ...get(rowAddress!),
        ...add,
        ...memoryAccess(opcode.i32Load16U, 1, binnedAddress),
        ...i32Const(slotBytes),
        opcode.i32Mul,
        ...set(slot!),
        ...addPair(slot!, 0, g!, h!),
        ...(stride === 3
          ? [
              ...get(slot!),
              ...get(slot!),
              ...memoryAccess(opcode.f64Load, 3, 16),
              ...f64Const(1),
              opcode.f64Add,
              ...memoryAccess(opcode.f64Store, 3, 16),
            ]
          : []),
        ...get(position!),
        ...i32Const(4),
        opcode.i32Add,
        ...tee(position!),
        ...get(positionEnd!),
        opcode.i32LtU,
        opcode.brIf,
        0,
        opcode.end,
      ];
      emit(get(featureCount), i32Const(4), [opcode.i32Mul], set(positionEnd!));
      emit(get(rowCount), i32Const(4), [opcode.i32Mul], set(end!));
      // Every tree samples at least one feature, so the feature loop runs at least once.
      emit(segmentLoop(cursor!, end!, 4, rowBody));
    },
  );

  const toFunction = (exportName: string, parameterCount: number, built: Kernel) => ({
    exportName,
    parameters: Array.from({ length: parameterCount }, () => valueType.i32),
    results: [],
    locals: [
      ...Array.from({ length: built.i32Locals }, () => valueType.i32),
      ...Array.from({ length: built.f64Locals }, () => valueType.f64),
    ],
    body: built.body,
  });
  return encodeModule({
    memoryPages: layout.memoryPages,
    functions: [
      toFunction('bundled', 2, everyCodeKernel(bundleCount, codesAddress)),
      toFunction('allFeatures', 2, everyCodeKernel(nFeatures, binnedAddress)),
      toFunction('allFeaturesPairs', 2, pairsKernel),
      toFunction('sampled', 3, sampledKernel),
      gradientKernelFunction(layout),
    ],
  });
}
