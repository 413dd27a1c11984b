/** codec.ts for the browser: the same functions with fflate and TextDecoder (no Node API). */
import { deflateSync, inflateSync } from "fflate";

export function inflateRaw(data: Uint8Array, size: number): Uint8Array {
  if (size === 0 && data.length === 0) return new Uint8Array(0);
  // One byte of room past the declared size: filling it is how an entry that says less than it holds is seen.
  const out = inflateSync(data, { out: new Uint8Array(size + 1) });
  if (out.length !== size) throw new RangeError(`inflated ${out.length > size ? "more" : "less"} than the declared ${size} bytes`);
  return out;
}

export function deflateRaw(data: Uint8Array): Uint8Array {
  return deflateSync(data, { level: 6 });
}

export function allocBytes(size: number): Uint8Array {
  return new Uint8Array(size);
}

const TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

export function crc32(data: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < data.length; i++) c = TABLE[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

export function decodeUtf8(bytes: Uint8Array): string {
  return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
}

export function encodeUtf8Pieces(pieces: readonly string[]): Uint8Array {
  let room = 0;
  for (const p of pieces) room += p.length * 3;
  const out = new Uint8Array(room);
  const enc = new TextEncoder();
  let at = 0;
  for (const p of pieces) at += enc.encodeInto(p, out.subarray(at)).written;
  return out.subarray(0, at);
}
