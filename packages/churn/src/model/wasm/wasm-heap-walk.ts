import type { HeapLayout } from '../tree-ensemble';
import {
  type HeapWalkMemoryLayout,
  heapWalkKernelModule,
  heapWalkMemoryLayout,
  kernelRowGroup,
} from './heap-walk-kernel';

/**
 * Larger models stay on the JavaScript kernels: a kernel's memory is allocated whole for each
 * thread, and a model this large (e.g. 10,000 depth-8 trees are 59 MiB) is rare.
 */
const maxMemoryBytes = 64 * 1024 * 1024;

/**
 * The part of the WebAssembly JavaScript API used here. The ES library typings do not declare it
 * (it comes with the DOM and Node typings), and it may be absent at run time, so it is looked up on
 * `globalThis` when a kernel is compiled.
 */
interface WebAssemblyApi {
  readonly Module: new (bytes: Uint8Array) => object;
  readonly Instance: new (module: object, imports: object) => { readonly exports: Record<string, unknown> };
}

/** The heap-walk kernel of one model, compiled once; each thread instantiates its own. */
export interface CompiledHeapWalk {
  readonly api: WebAssemblyApi;
  readonly module: object;
  readonly memoryLayout: HeapWalkMemoryLayout;
  readonly heap: HeapLayout;
}

/**
 * Compiles the kernel of a model for blocks of up to `blockRows` rows. `null` when WebAssembly is
 * missing or refuses to compile (a browser page whose Content Security Policy forbids it, a runtime
 * without it) or when the model is too large or has no trees: the caller then keeps the JavaScript kernels.
 * Compilation is synchronous: the module is small (1.7 KB for depth 5, under 4 KB up to depth 12),
 * within what browsers compile synchronously on the main thread.
 */
export function compileHeapWalk(
  heap: HeapLayout,
  nFeatures: number,
  baseScore: number,
  blockRows: number,
): CompiledHeapWalk | null {
  // A model without trees (a loaded file may have none) scores its base score: the JavaScript
  // kernels do that already, and the kernel's tree loop always runs at least once.
  if (heap.nTrees === 0) return null;
  const api = (globalThis as { WebAssembly?: WebAssemblyApi }).WebAssembly;
  if (typeof api !== 'object' || api === null) return null;
  const memoryLayout = heapWalkMemoryLayout(heap.depth, heap.nTrees, nFeatures, blockRows);
  if (memoryLayout.memoryPages * 65_536 > maxMemoryBytes) return null;
  try {
    return { api, module: new api.Module(heapWalkKernelModule(memoryLayout, baseScore)), memoryLayout, heap };
  } catch {
    return null;
  }
}

/** An instance of a {@link CompiledHeapWalk} with the model in its memory. */
export interface WasmHeapWalk {
  /**
   * Writes the raw scores of rows `blockStart … blockEnd − 1` (at most `blockRows`, absolute indices
   * into the row-major `values` and `scores`) into `scores`, or returns `false`, writing nothing,
   * when one of those rows has a NaN.
   */
  score(values: Float64Array, blockStart: number, blockEnd: number, scores: Float64Array): boolean;
}

/**
 * Instantiates a compiled kernel and copies the model's trees into its memory (see
 * {@link HeapWalkMemoryLayout}); `null` when instantiation fails (no memory for it, say).
 */
export function instantiateHeapWalk(compiled: CompiledHeapWalk): WasmHeapWalk | null {
  let exports: Record<string, unknown>;
  try {
    exports = new compiled.api.Instance(compiled.module, {}).exports;
  } catch {
    return null;
  }
  const { memoryLayout, heap } = compiled;
  const { nFeatures, treeBytes } = memoryLayout;
  const memory = exports.memory as { readonly buffer: ArrayBuffer };
  const kernel = exports.score as (rowCount: number, groupCount: number) => number;
  // The memory has a fixed size (minimum = maximum), so these views never detach.
  const doubles = new Float64Array(memory.buffer);
  const integers = new Int32Array(memory.buffer);
  const { depth, nTrees, feature, threshold, leaf } = heap;
  const internal = (1 << depth) - 1;
  const leafCount = 1 << depth;
  for (let tree = 0; tree < nTrees; tree += 1) {
    const base = tree * treeBytes;
    // Heap slot s (from 0) is node h = s + 1 of the kernel's numbering.
    for (let slot = 0; slot < internal; slot += 1) {
      const address = base + 16 * (slot + 1);
      doubles[address / 8] = threshold[tree * internal + slot]!;
      integers[address / 4 + 2] = feature[tree * internal + slot]! * 8;
    }
    doubles.set(leaf.subarray(tree * leafCount, (tree + 1) * leafCount), (base + 16 * leafCount) / 8);
  }
  const rowsAt = memoryLayout.rowsAddress / 8;
  const scoresAt = memoryLayout.scoresAddress / 8;
  return {
    score(values, blockStart, blockEnd, scores) {
      const rowCount = blockEnd - blockStart;
      doubles.set(values.subarray(blockStart * nFeatures, blockEnd * nFeatures), rowsAt);
      if (kernel(rowCount, Math.ceil(rowCount / kernelRowGroup)) !== 0) return false;
      scores.set(doubles.subarray(scoresAt, scoresAt + rowCount), blockStart);
      return true;
    },
  };
}
