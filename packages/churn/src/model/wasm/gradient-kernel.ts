import type { HistogramMemoryLayout } from './histogram-kernel';
import {
  emptyBlockType,
  f64Const,
  i32Const,
  localGet,
  localSet,
  localTee,
  memoryAccess,
  opcode,
  valueType,
  type WasmFunction,
} from './wasm-encoder';

/**
 * The gradient pass of `computeGradients` (`training-phases.ts`) over a kernel's memory, exported as
 * `gradients(positionFrom, positionTo, firstRow, minOdds, maxOdds) → i32`: for the training rows at
 * byte offsets `[positionFrom, positionTo)` of `trainRowsAddress` (row ids, less `firstRow`), it
 * clamps the odds to [minOdds, maxOdds] (writing back those it changes), takes 1 − p = 1 / (1 + o),
 * p = o·(1 − p), writes g = (label 1 ? −(1 − p) : p)·w and h = max(p(1 − p), 1e−16)·w, and sums
 * them in row order into `sumsAddress`; it returns how many odds it clamped. The same operations on
 * the same doubles in the same order as the JavaScript pass (`f64.max` is `Math.max` here: p(1 − p)
 * is never NaN or −0), so the same bits.
 */
export function gradientKernelFunction(layout: HistogramMemoryLayout): WasmFunction {
  const { trainRowsAddress, oddsAddress, weightsAddress, labelsAddress, gradientsAddress, sumsAddress } =
    layout;
  const positionFrom = 0;
  const positionTo = 1;
  const firstRow = 2;
  const minOdds = 3;
  const maxOdds = 4;
  // i32 locals 5–8, f64 locals 9–14.
  const cursor = 5;
  const row = 6;
  const rowByte = 7;
  const clamped = 8;
  const odds = 9;
  const complement = 10;
  const probability = 11;
  const weight = 12;
  const gradientSum = 13;
  const hessianSum = 14;
  const get = localGet;
  const set = localSet;
  const tee = localTee;
  const body: number[] = [];
  const emit = (...parts: readonly (readonly number[])[]) => {
    for (const part of parts) for (const byte of part) body.push(byte);
  };
  emit(get(positionFrom), set(cursor), get(positionFrom), get(positionTo), [opcode.i32LtU]);
  emit([opcode.if, emptyBlockType, opcode.loop, emptyBlockType]);
  // row = trainRows[cursor] − firstRow; o = odds[row]
  emit(
    get(cursor),
    memoryAccess(opcode.i32Load, 2, trainRowsAddress),
    get(firstRow),
    [opcode.i32Sub],
    tee(row),
  );
  emit(i32Const(3), [opcode.i32Shl], tee(rowByte), memoryAccess(opcode.f64Load, 3, oddsAddress), set(odds));
  // if (!(o >= min && o <= max)) { o = o < min ? min : max; odds[row] = o; clamped += 1 }
  emit(get(odds), get(minOdds), [opcode.f64Ge], get(odds), get(maxOdds), [opcode.f64Le, opcode.i32And]);
  emit([opcode.i32Eqz, opcode.if, emptyBlockType]);
  emit(get(minOdds), get(maxOdds), get(odds), get(minOdds), [opcode.f64Lt, opcode.select], set(odds));
  emit(get(rowByte), get(odds), memoryAccess(opcode.f64Store, 3, oddsAddress));
  emit(get(clamped), i32Const(1), [opcode.i32Add], set(clamped), [opcode.end]);
  // c = 1 / (1 + o); p = o·c; w
  emit(f64Const(1), f64Const(1), get(odds), [opcode.f64Add, opcode.f64Div], set(complement));
  emit(get(odds), get(complement), [opcode.f64Mul], set(probability));
  emit(get(rowByte), memoryAccess(opcode.f64Load, 3, weightsAddress), set(weight));
  // gradients[2 row] = (label 1 ? −c : p)·w, summed
  emit(get(rowByte), i32Const(1), [opcode.i32Shl]);
  emit(get(complement), [opcode.f64Neg], get(probability));
  emit(get(row), memoryAccess(opcode.i32Load8U, 0, labelsAddress), i32Const(1), [
    opcode.i32Eq,
    opcode.select,
  ]);
  emit(get(weight), [opcode.f64Mul], tee(odds), memoryAccess(opcode.f64Store, 3, gradientsAddress));
  emit(get(gradientSum), get(odds), [opcode.f64Add], set(gradientSum));
  // gradients[2 row + 1] = max(p·c, 1e−16)·w, summed
  emit(get(rowByte), i32Const(1), [opcode.i32Shl]);
  emit(get(probability), get(complement), [opcode.f64Mul], f64Const(1e-16), [opcode.f64Max]);
  emit(get(weight), [opcode.f64Mul], tee(odds), memoryAccess(opcode.f64Store, 3, gradientsAddress + 8));
  emit(get(hessianSum), get(odds), [opcode.f64Add], set(hessianSum));
  emit(get(cursor), i32Const(4), [opcode.i32Add], tee(cursor), get(positionTo), [
    opcode.i32LtU,
    opcode.brIf,
    0,
  ]);
  emit([opcode.end, opcode.end]);
  emit(i32Const(0), get(gradientSum), memoryAccess(opcode.f64Store, 3, sumsAddress));
  emit(i32Const(0), get(hessianSum), memoryAccess(opcode.f64Store, 3, sumsAddress + 8));
  emit(get(clamped));
  return {
    exportName: 'gradients',
    parameters: [valueType.i32, valueType.i32, valueType.i32, valueType.f64, valueType.f64],
    results: [valueType.i32],
    locals: [...Array(4).fill(valueType.i32), ...Array(6).fill(valueType.f64)],
    body,
  };
}
