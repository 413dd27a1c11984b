/**
 * Deflate, inflate and CRC-32 with Node's zlib (native, the floor's own inflate). The browser build
 * (the web checker, the playground) aliases this module to codec.browser.ts, which does the same with
 * fflate; test/xlsx/zip.test.ts holds the two equal.
 */
import { isAscii } from "node:buffer";
import zlib from "node:zlib";

/** An entry's raw deflate data inflated; `size` is what the zip declares, and the output may not pass it. */
export function inflateRaw(data: Uint8Array, size: number): Uint8Array {
  if (size === 0 && data.length === 0) return new Uint8Array(0);
  // Into one buffer a byte longer than the declared size, where the data could make that much
  // (deflate makes at most 1,032 bytes of one): zlib's 16 KB pieces were joined by copying them all
  // again (62 ms in a profile of a cold worker reading a 50,000-row sheet's 14 MB, though no whole
  // run measured faster above the noise). A size no data of that length could make is
  // inflated in pieces, to fail on what the data does make, not on a buffer of the size it claims.
  const whole = size <= data.length * 1032 + 64;
  const out = zlib.inflateRawSync(data, whole ? { maxOutputLength: Math.max(1, size), chunkSize: Math.max(64, size + 1) } : { maxOutputLength: Math.max(1, size) });
  if (out.length !== size) throw new RangeError(`inflated other than the declared ${size} bytes`);
  return out;
}

/**
 * Level 1: the parts a fill writes are small (a sheet of a few KB, its notes, styles, relationships),
 * and deflating them at level 6 was about a quarter of what a fill adds to a check, for some 7 % fewer bytes.
 */
export function deflateRaw(data: Uint8Array): Uint8Array {
  return zlib.deflateRawSync(data, { level: 1 });
}

/**
 * A byte array of `size` whose every byte the caller writes: not zeroed first, and of its own memory
 * (never a view into Node's shared pool, so its buffer is the array alone). A written package's
 * `new Uint8Array(size)` was a third of writeZip (some 25 µs of a 50 KB copy's).
 */
export function allocBytes(size: number): Uint8Array {
  const b = Buffer.allocUnsafeSlow(size);
  return new Uint8Array(b.buffer, b.byteOffset, b.length);
}

export function crc32(data: Uint8Array): number {
  return zlib.crc32(data) >>> 0;
}

/**
 * UTF-8 bytes as text. ASCII (most sheets' XML: their words stand in the shared strings) reads alike
 * as UTF-8 and as Latin-1, and Node makes Latin-1 text of a large part by copying it, not decoding it:
 * a 50,000-row sheet's 14 MB in about 1.5 ms here, against 50 ms by TextDecoder. Bytes that are not
 * UTF-8 throw (a TypeError), never read as U+FFFD.
 */
export function decodeUtf8(bytes: Uint8Array): string {
  if (isAscii(bytes)) return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1");
  return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
}

/**
 * The UTF-8 bytes of the pieces' join, written piece by piece into one buffer: the join of a large
 * edited sheet is never made (a fresh string of megabytes costs more here than encoding it). No piece
 * may end within a surrogate pair (Package joins such a piece to the next).
 */
export function encodeUtf8Pieces(pieces: readonly string[]): Uint8Array {
  // One write a piece into a buffer grown when a piece may not fit (three bytes a UTF-16 unit at
  // most): measuring each piece first was a second call for each of a filled sheet's ten thousand.
  let units = 0;
  for (const p of pieces) units += p.length;
  let out = Buffer.allocUnsafe(Math.max(64, units + (units >> 2)));
  let at = 0;
  for (const p of pieces) {
    if (out.length - at < p.length * 3) {
      const grown = Buffer.allocUnsafe(Math.max(at + p.length * 3, out.length * 2));
      out.copy(grown, 0, 0, at);
      out = grown;
    }
    at += out.write(p, at, "utf8");
  }
  return out.subarray(0, at);
}
