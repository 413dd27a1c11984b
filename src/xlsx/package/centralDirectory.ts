/**
 * A zip's central directory (APPNOTE 6.3.x), read without inflating anything: the entries' names,
 * sizes and places. Apart from the archive (zip.ts, which inflates and writes) so that what only asks
 * what a file holds (src/xlsx/sniff.ts, the size check) loads no codec.
 */

export interface ZipEntry {
  name: string;
  /** The name's bytes as written, kept for the copy. */
  rawName: Uint8Array;
  method: number;
  flags: number;
  crc: number;
  compressedSize: number;
  /** The uncompressed size the central directory declares. */
  size: number;
  /** Where the entry's local header starts. */
  offset: number;
  time: number;
  date: number;
  versionMadeBy: number;
  internalAttr: number;
  externalAttr: number;
  dir: boolean;
}

export const u16 = (b: Uint8Array, i: number) => b[i] | (b[i + 1] << 8);
export const u32 = (b: Uint8Array, i: number) => (b[i] | (b[i + 1] << 8) | (b[i + 2] << 16) | (b[i + 3] << 24)) >>> 0;
const u64 = (b: Uint8Array, i: number) => u32(b, i) + u32(b, i + 4) * 2 ** 32;
/** Made when first needed: a module that only imports this one loads where TextDecoder is not (the task pane's tests). */
let utf8: { decode(bytes: Uint8Array): string } | undefined;

/** The end-of-central-directory record's position (in the last 22 + 65,535 bytes), or -1. */
function findEnd(bytes: Uint8Array): number {
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65_535); i--) if (u32(bytes, i) === 0x06054b50) return i;
  return -1;
}

/**
 * Where the central directory stands (its first entry, how many it declares, where it ends, and by how
 * much bytes before the archive shift every offset it gives); null when the bytes have no end record.
 */
function directorySpan(bytes: Uint8Array): { start: number; count: number; end: number; shift: number } | null {
  const eocd = findEnd(bytes);
  if (eocd < 0) return null;
  let count = u16(bytes, eocd + 10);
  let cdSize = u32(bytes, eocd + 12);
  let cdOffset = u32(bytes, eocd + 16);
  let cdEnd = eocd;
  if ((count === 0xffff || cdOffset === 0xffffffff || cdSize === 0xffffffff) && eocd >= 20 && u32(bytes, eocd - 20) === 0x07064b50) {
    const rec = u64(bytes, eocd - 12);
    const at = rec + 56 <= bytes.length && u32(bytes, rec) === 0x06064b50 ? rec : -1;
    if (at >= 0) {
      count = u64(bytes, at + 32);
      cdSize = u64(bytes, at + 40);
      cdOffset = u64(bytes, at + 48);
      cdEnd = at;
    }
  }
  // Bytes before the archive shift every offset by the same amount: where the directory really ends tells how much.
  const shift = cdEnd - (cdOffset + cdSize) > 0 && u32(bytes, cdOffset) !== 0x02014b50 ? cdEnd - (cdOffset + cdSize) : 0;
  return { start: cdOffset + shift, count, end: cdEnd, shift };
}

/**
 * The central directory's bytes as they stand (names, extra fields, comments), for a search that
 * needs no entry decoded; null when the bytes have no end record.
 */
export function directoryBytes(bytes: Uint8Array): Uint8Array | null {
  const span = directorySpan(bytes);
  return span === null || span.start > span.end ? null : bytes.subarray(span.start, span.end);
}

/**
 * The entries the central directory lists, in its order; null when the bytes have no end record.
 * Offsets are corrected for bytes prepended to the archive (a self-extracting stub, a mail header).
 */
export function centralDirectory(bytes: Uint8Array): ZipEntry[] | null {
  const span = directorySpan(bytes);
  if (span === null) return null;
  const { count, shift } = span;
  const out: ZipEntry[] = [];
  let p = span.start;
  for (let k = 0; k < count && p + 46 <= bytes.length; k++) {
    if (u32(bytes, p) !== 0x02014b50) break;
    const nameLen = u16(bytes, p + 28);
    const extraLen = u16(bytes, p + 30);
    const commentLen = u16(bytes, p + 32);
    const rawName = bytes.subarray(p + 46, p + 46 + nameLen);
    let compressedSize = u32(bytes, p + 20);
    let size = u32(bytes, p + 24);
    let offset = u32(bytes, p + 42);
    // The zip64 extended information (extra id 1) holds, in this order, the fields written as all ones.
    let e = p + 46 + nameLen;
    const end = e + extraLen;
    while (e + 4 <= end) {
      const id = u16(bytes, e);
      const len = u16(bytes, e + 2);
      if (id === 1) {
        let q = e + 4;
        const limit = q + len;
        if (size === 0xffffffff && q + 8 <= limit) {
          size = u64(bytes, q);
          q += 8;
        }
        if (compressedSize === 0xffffffff && q + 8 <= limit) {
          compressedSize = u64(bytes, q);
          q += 8;
        }
        if (offset === 0xffffffff && q + 8 <= limit) offset = u64(bytes, q);
        break;
      }
      e += 4 + len;
    }
    const name = (utf8 ??= new TextDecoder("utf-8")).decode(rawName);
    out.push({
      name,
      rawName,
      flags: u16(bytes, p + 8),
      method: u16(bytes, p + 10),
      time: u16(bytes, p + 12),
      date: u16(bytes, p + 14),
      crc: u32(bytes, p + 16),
      compressedSize,
      size,
      offset: offset + shift,
      versionMadeBy: u16(bytes, p + 4),
      internalAttr: u16(bytes, p + 36),
      externalAttr: u32(bytes, p + 38),
      dir: name.endsWith("/"),
    });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}
