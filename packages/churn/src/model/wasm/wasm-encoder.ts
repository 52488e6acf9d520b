/**
 * A minimal WebAssembly binary encoder: just enough of the format (version 1) to write one module
 * with its own memory and a few exported functions over i32 and f64. We generate kernels at run
 * time, so there is no text format, no compiler and no dependency; the bytes follow the core
 * specification's binary format section by section.
 */

/** Value types (binary codes). */
export const valueType = { i32: 0x7f, f64: 0x7c } as const;

/** A value type code. */
export type ValueType = (typeof valueType)[keyof typeof valueType];

/** The instructions the kernels use (binary opcodes). */
export const opcode = {
  loop: 0x03,
  if: 0x04,
  end: 0x0b,
  brIf: 0x0d,
  return: 0x0f,
  select: 0x1b,
  localGet: 0x20,
  localSet: 0x21,
  localTee: 0x22,
  i32Load: 0x28,
  f64Load: 0x2b,
  i32Load8U: 0x2d,
  i32Load16U: 0x2f,
  f64Store: 0x39,
  i32Const: 0x41,
  f64Const: 0x44,
  i32Eqz: 0x45,
  i32Eq: 0x46,
  i32LtU: 0x49,
  f64Ne: 0x62,
  f64Lt: 0x63,
  f64Gt: 0x64,
  f64Le: 0x65,
  f64Ge: 0x66,
  i32Add: 0x6a,
  i32Sub: 0x6b,
  i32Mul: 0x6c,
  i32Shl: 0x74,
  i32And: 0x71,
  i32ShrU: 0x76,
  f64Neg: 0x9a,
  f64Add: 0xa0,
  f64Mul: 0xa2,
  f64Div: 0xa3,
  f64Max: 0xa5,
} as const;

/** The block type of a block, loop or if without results. */
export const emptyBlockType = 0x40;

/** Unsigned LEB128 of a non-negative integer below 2^32. */
export function unsignedLeb128(value: number): number[] {
  const bytes: number[] = [];
  let rest = value >>> 0;
  do {
    const low = rest & 0x7f;
    rest >>>= 7;
    bytes.push(rest === 0 ? low : low | 0x80);
  } while (rest !== 0);
  return bytes;
}

/** Signed LEB128 of a 32-bit integer. */
export function signedLeb128(value: number): number[] {
  const bytes: number[] = [];
  let rest = value | 0;
  for (;;) {
    const low = rest & 0x7f;
    rest >>= 7;
    // Done when the rest is all sign bits and the sign bit of this byte agrees with them.
    if ((rest === 0 && (low & 0x40) === 0) || (rest === -1 && (low & 0x40) !== 0)) {
      bytes.push(low);
      return bytes;
    }
    bytes.push(low | 0x80);
  }
}

/** `i32.const value`. */
export function i32Const(value: number): number[] {
  return [opcode.i32Const, ...signedLeb128(value)];
}

/** `f64.const value`: the 8 bytes of the double, little-endian, so the constant is exact. */
export function f64Const(value: number): number[] {
  const bytes = new Uint8Array(new Float64Array([value]).buffer);
  // Float64Array uses the platform's byte order; WebAssembly wants little-endian.
  const littleEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
  return [opcode.f64Const, ...(littleEndian ? bytes : bytes.reverse())];
}

/** `local.get`, `local.set` and `local.tee` of a local (any index). */
export const localGet = (local: number): number[] => [opcode.localGet, ...unsignedLeb128(local)];
export const localSet = (local: number): number[] => [opcode.localSet, ...unsignedLeb128(local)];
export const localTee = (local: number): number[] => [opcode.localTee, ...unsignedLeb128(local)];

/** Rounds a memory address up to a cache line (64 bytes). */
export function alignToCacheLine(address: number): number {
  return Math.ceil(address / 64) * 64;
}

/** A load or store with its memory argument: `alignLog2` (2 for i32, 3 for f64) and a byte offset. */
export function memoryAccess(instruction: number, alignLog2: number, offset: number): number[] {
  return [instruction, ...unsignedLeb128(alignLog2), ...unsignedLeb128(offset)];
}

/** One exported function of a module. */
export interface WasmFunction {
  readonly exportName: string;
  readonly parameters: readonly ValueType[];
  readonly results: readonly ValueType[];
  /** Locals after the parameters, one entry each. */
  readonly locals: readonly ValueType[];
  /** The body's instructions, without the final `end`. */
  readonly body: readonly number[];
}

/** A module: one memory of `memoryPages` pages of 64 KiB, exported as `memory`, and functions. */
export interface WasmModuleDescription {
  readonly memoryPages: number;
  readonly functions: readonly WasmFunction[];
}

function name(text: string): number[] {
  const bytes = Array.from(new TextEncoder().encode(text));
  return [...unsignedLeb128(bytes.length), ...bytes];
}

function vector(items: readonly (readonly number[])[]): number[] {
  return [...unsignedLeb128(items.length), ...items.flat()];
}

function section(id: number, content: readonly number[]): number[] {
  return [id, ...unsignedLeb128(content.length), ...content];
}

/** Runs of equal value types, as the code section declares locals. */
function localDeclarations(locals: readonly ValueType[]): number[][] {
  const runs: number[][] = [];
  let index = 0;
  while (index < locals.length) {
    let end = index;
    while (end < locals.length && locals[end] === locals[index]) end += 1;
    runs.push([...unsignedLeb128(end - index), locals[index]!]);
    index = end;
  }
  return runs;
}

/** Encodes a module (type, function, memory, export and code sections, in that order). */
export function encodeModule(description: WasmModuleDescription): Uint8Array {
  const { functions, memoryPages } = description;
  const typeEntries = functions.map((fn) => [
    0x60,
    ...unsignedLeb128(fn.parameters.length),
    ...fn.parameters,
    ...unsignedLeb128(fn.results.length),
    ...fn.results,
  ]);
  const functionIndices = functions.map((_, index) => unsignedLeb128(index));
  // Memory limits: flag 1 = minimum and maximum, both `memoryPages`, so views never detach.
  const memories = [[0x01, ...unsignedLeb128(memoryPages), ...unsignedLeb128(memoryPages)]];
  const exports = [
    [...name('memory'), 0x02, 0x00],
    ...functions.map((fn, index) => [...name(fn.exportName), 0x00, ...unsignedLeb128(index)]),
  ];
  const bodies = functions.map((fn) => {
    const body = [...vector(localDeclarations(fn.locals)), ...fn.body, opcode.end];
    return [...unsignedLeb128(body.length), ...body];
  });
  return Uint8Array.from([
    0x00,
    0x61,
    0x73,
    0x6d,
    0x01,
    0x00,
    0x00,
    0x00,
    ...section(1, vector(typeEntries)),
    ...section(3, vector(functionIndices)),
    ...section(5, vector(memories)),
    ...section(7, vector(exports)),
    ...section(10, vector(bodies)),
  ]);
}
