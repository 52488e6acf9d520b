import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  emptyBlockType,
  encodeModule,
  f64Const,
  i32Const,
  memoryAccess,
  opcode,
  signedLeb128,
  unsignedLeb128,
  valueType,
} from './wasm-encoder';

/** The WebAssembly API (the ES typings do not declare it). */
const webAssembly = (
  globalThis as unknown as {
    WebAssembly: {
      validate(bytes: Uint8Array): boolean;
      Module: new (bytes: Uint8Array) => object;
      Instance: new (module: object, imports: object) => { exports: Record<string, unknown> };
    };
  }
).WebAssembly;

/** Decodes LEB128 bytes back (the reference for the property tests). */
function decode(bytes: readonly number[], signed: boolean): number {
  let result = 0n;
  let shift = 0n;
  for (const byte of bytes) {
    result |= BigInt(byte & 0x7f) << shift;
    shift += 7n;
  }
  if (signed && (bytes.at(-1)! & 0x40) !== 0) result -= 1n << shift;
  return Number(result);
}

describe('LEB128', () => {
  it('encodes the specification examples by hand', () => {
    // 624,485 = 0b100110_0001110_1100101 → 0xE5 0x8E 0x26.
    expect(unsignedLeb128(624_485)).toEqual([0xe5, 0x8e, 0x26]);
    expect(unsignedLeb128(0)).toEqual([0]);
    expect(unsignedLeb128(127)).toEqual([0x7f]);
    expect(unsignedLeb128(128)).toEqual([0x80, 0x01]);
    // −123,456 → 0xC0 0xBB 0x78; 63 fits one byte, 64 needs a second (its bit 6 would read as a sign).
    expect(signedLeb128(-123_456)).toEqual([0xc0, 0xbb, 0x78]);
    expect(signedLeb128(63)).toEqual([0x3f]);
    expect(signedLeb128(64)).toEqual([0xc0, 0x00]);
    expect(signedLeb128(-64)).toEqual([0x40]);
    expect(signedLeb128(-65)).toEqual([0xbf, 0x7f]);
  });

  it('round-trips every 32-bit integer in the fewest bytes', () => {
    fc.assert(
      fc.property(fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }), (value) => {
        const signed = signedLeb128(value);
        expect(decode(signed, true)).toBe(value);
        expect(signed.length).toBeLessThanOrEqual(5);
        const unsigned = unsignedLeb128(value >>> 0);
        expect(decode(unsigned, false)).toBe(value >>> 0);
        expect(unsigned.length).toBe(Math.max(1, Math.ceil((32 - Math.clz32(value >>> 0)) / 7)));
      }),
    );
  });
});

describe('encodeModule', () => {
  it('writes a module WebAssembly accepts: store(address, x) keeps x + 0.5 if x > 1, else 0.5; count(n) loops n times', () => {
    const store = {
      exportName: 'store',
      parameters: [valueType.i32, valueType.f64],
      results: [],
      locals: [],
      // memory[address + 8] = x > 1 ? x + 0.5 : 0.5
      body: [
        opcode.localGet,
        0,
        opcode.localGet,
        1,
        ...f64Const(0.5),
        opcode.f64Add,
        ...f64Const(0.5),
        opcode.localGet,
        1,
        ...f64Const(1),
        opcode.f64Gt,
        opcode.select,
        ...memoryAccess(opcode.f64Store, 3, 8),
      ],
    };
    const count = {
      exportName: 'count',
      parameters: [valueType.i32],
      results: [valueType.i32],
      locals: [valueType.i32, valueType.i32],
      // do { total += 3; i += 1 } while (i < n); return total
      body: [
        opcode.loop,
        emptyBlockType,
        opcode.localGet,
        2,
        ...i32Const(3),
        opcode.i32Add,
        opcode.localSet,
        2,
        opcode.localGet,
        1,
        ...i32Const(1),
        opcode.i32Add,
        opcode.localTee,
        1,
        opcode.localGet,
        0,
        opcode.i32LtU,
        opcode.brIf,
        0,
        opcode.end,
        opcode.localGet,
        2,
      ],
    };
    const bytes = encodeModule({ memoryPages: 1, functions: [store, count] });
    expect(Array.from(bytes.subarray(0, 8))).toEqual([0x00, 0x61, 0x73, 0x6d, 1, 0, 0, 0]);
    expect(webAssembly.validate(bytes)).toBe(true);
    const { exports } = new webAssembly.Instance(new webAssembly.Module(bytes), {});
    const memory = exports.memory as { buffer: ArrayBuffer };
    expect(memory.buffer.byteLength).toBe(65_536);
    const doubles = new Float64Array(memory.buffer);
    const run = exports.store as (address: number, value: number) => void;
    run(0, 2);
    run(8, 1);
    run(16, Number.NaN);
    expect(Array.from(doubles.subarray(1, 4))).toEqual([2.5, 0.5, 0.5]);
    expect((exports.count as (n: number) => number)(4)).toBe(12);
  });

  it('f64.const keeps every double exactly, −0 and NaN bits included', () => {
    fc.assert(
      fc.property(fc.double(), (value) => {
        const bytes = f64Const(value);
        expect(bytes[0]).toBe(opcode.f64Const);
        expect(bytes.slice(1)).toEqual(Array.from(new Uint8Array(Float64Array.of(value).buffer)));
        expect(new Float64Array(Uint8Array.from(bytes.slice(1)).buffer)[0]).toBe(value);
      }),
    );
  });
});
