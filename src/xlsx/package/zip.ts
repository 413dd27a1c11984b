/**
 * The zip container (APPNOTE 6.3.x) as a package needs it: the central directory read once, an
 * entry's bytes inflated when asked (node:zlib, or fflate in the browser: codec.ts), and a package
 * written back with every entry not changed copied as its compressed bytes — neither inflated nor
 * deflated again. Stored and deflated entries, zip64 sizes and offsets, data descriptors and bytes
 * prepended to the archive are read; encrypted entries and other methods are refused, as JSZip
 * refuses them.
 */
import { allocBytes, crc32, deflateRaw, inflateRaw } from "./codec";
import { centralDirectory, u16, u32, type ZipEntry } from "./centralDirectory";

export class ZipError extends Error {}

/**
 * How much an archive may inflate, by the sizes its entries declare (inflating never passes them):
 * `limit` bytes over every entry read, and the error to throw past it (the caller's words).
 */
export interface InflateGuard {
  limit: number;
  exceeded(entry: string, total: number): Error;
}

/** An opened archive: its entries by name, each inflated only when read. */
export class ZipArchive {
  /** Entries in the archive's order (a name written twice: the later one, where the first stood). */
  readonly entries: ZipEntry[];
  private readonly byName = new Map<string, ZipEntry>();
  /** The declared bytes of the entries read so far, held to the guard's limit. */
  private inflated = 0;

  constructor(
    private readonly bytes: Uint8Array,
    private readonly guard?: InflateGuard,
  ) {
    const list = centralDirectory(bytes);
    if (!list) throw new ZipError("End of central directory not found: not a zip file");
    const order: string[] = [];
    for (const e of list) {
      if (e.flags & 1) throw new ZipError("Encrypted zip are not supported");
      if (!e.dir && e.method !== 0 && e.method !== 8) throw new ZipError(`Corrupted zip: compression method ${e.method} unknown (${e.name})`);
      if (!this.byName.has(e.name)) order.push(e.name);
      this.byName.set(e.name, e);
    }
    this.entries = order.map((n) => this.byName.get(n)!);
  }

  get(name: string): ZipEntry | undefined {
    return this.byName.get(name);
  }

  /** The entry's data as stored (compressed when its method is deflate). */
  raw(e: ZipEntry): Uint8Array {
    const b = this.bytes;
    if (e.offset + 30 > b.length || u32(b, e.offset) !== 0x04034b50) throw new ZipError(`Corrupted zip: no local header for ${e.name}`);
    const start = e.offset + 30 + u16(b, e.offset + 26) + u16(b, e.offset + 28);
    if (start + e.compressedSize > b.length) throw new ZipError(`Corrupted zip: ${e.name} runs past the end of the file`);
    return b.subarray(start, start + e.compressedSize);
  }

  /** The entry's uncompressed bytes. */
  read(e: ZipEntry): Uint8Array {
    if (this.guard) {
      this.inflated += e.size;
      if (this.inflated > this.guard.limit) throw this.guard.exceeded(e.name, this.inflated);
    }
    const raw = this.raw(e);
    if (e.method === 0) {
      if (raw.length !== e.size) throw new ZipError(`Corrupted zip: ${e.name}: uncompressed data size mismatch`);
      return raw;
    }
    try {
      return inflateRaw(raw, e.size);
    } catch (err) {
      throw new ZipError(`Corrupted zip: ${e.name}: ${(err as Error).message}`);
    }
  }
}

/** What goes into a written archive: an entry copied as stored, or new data deflated here. */
export type ZipOut = { copy: ZipEntry; from: ZipArchive } | { name: string; data: Uint8Array; time: number; date: number };

const enc = new TextEncoder();

/**
 * Parts written smaller than this are stored (method 0), larger ones deflated (method 8). An ordinary
 * form's edited parts (its sheet, styles, the notes' comments and drawing, the content types) are
 * each under it, its sheet too once a fill has drafted a reason and put a note on each of its rows
 * (a 20-row form's sheet grows from some 8 KB to 20–40 KB). Deflating such a sheet took 100–110 µs
 * of a fill that added some 1.5 ms to its check (bench: a 20-row form whose every indicator falls
 * short without a reason; at 16 KB that fill was 2.1–3.0× its check), against a microsecond or two
 * to store it, for a copy some 20–50 KB larger. A part over it (a sheet of a few hundred rows) is
 * deflated, where the bytes saved outweigh the time.
 */
export const STORED_BELOW = 64 * 1024;

interface Placed {
  rawName: Uint8Array;
  data: Uint8Array;
  method: number;
  crc: number;
  size: number;
  flags: number;
  time: number;
  date: number;
  madeBy: number;
  internalAttr: number;
  externalAttr: number;
  /** Where its local header starts. */
  offset: number;
}

/**
 * An archive of the given entries, in order (no zip64: a package past 4 GB is never written). Its
 * entries are placed first, then written into one array of the archive's size: a small array and a
 * DataView made for each header were most of what writing a 20-entry copy cost (the view's
 * `.buffer` moves a small array's bytes off the heap).
 */
export function writeZip(items: ZipOut[]): Uint8Array {
  const placed: Placed[] = [];
  let offset = 0;
  let cdSize = 0;
  for (const it of items) {
    let p: Placed;
    if ("copy" in it) {
      const e = it.copy;
      p = {
        rawName: e.rawName,
        data: it.from.raw(e),
        method: e.method,
        crc: e.crc,
        size: e.size,
        // Sizes and CRC go in the local header: no data descriptor follows.
        flags: e.flags & 0x0806,
        time: e.time,
        date: e.date,
        madeBy: e.versionMadeBy,
        internalAttr: e.internalAttr,
        externalAttr: e.externalAttr,
        offset,
      };
    } else {
      // A small part is stored as it is (STORED_BELOW).
      const stored = it.data.length < STORED_BELOW;
      p = {
        rawName: enc.encode(it.name),
        data: stored ? it.data : deflateRaw(it.data),
        method: stored ? 0 : 8,
        crc: crc32(it.data),
        size: it.data.length,
        flags: /[^\x20-\x7e]/.test(it.name) ? 0x0800 : 0,
        time: it.time,
        date: it.date,
        madeBy: 20,
        internalAttr: 0,
        externalAttr: 0,
        offset,
      };
    }
    if (offset + p.data.length > 0xfffffff0 || p.size > 0xfffffff0) throw new ZipError("the package would need zip64");
    placed.push(p);
    offset += 30 + p.rawName.length + p.data.length;
    cdSize += 46 + p.rawName.length;
  }
  if (items.length > 0xfffe) throw new ZipError("the package would need zip64");
  // Every byte is written below (the fields a writer leaves zero, zero).
  const out = allocBytes(offset + cdSize + 22);
  const v = new DataView(out.buffer, out.byteOffset, out.byteLength);
  let at = 0;
  for (const p of placed) {
    v.setUint32(at, 0x04034b50, true);
    v.setUint16(at + 4, 20, true);
    v.setUint16(at + 6, p.flags, true);
    v.setUint16(at + 8, p.method, true);
    v.setUint16(at + 10, p.time, true);
    v.setUint16(at + 12, p.date, true);
    v.setUint32(at + 14, p.crc, true);
    v.setUint32(at + 18, p.data.length, true);
    v.setUint32(at + 22, p.size, true);
    v.setUint16(at + 26, p.rawName.length, true);
    v.setUint16(at + 28, 0, true);
    out.set(p.rawName, at + 30);
    at += 30 + p.rawName.length;
    out.set(p.data, at);
    at += p.data.length;
  }
  for (const p of placed) {
    v.setUint32(at, 0x02014b50, true);
    v.setUint16(at + 4, p.madeBy, true);
    v.setUint16(at + 6, 20, true);
    v.setUint16(at + 8, p.flags, true);
    v.setUint16(at + 10, p.method, true);
    v.setUint16(at + 12, p.time, true);
    v.setUint16(at + 14, p.date, true);
    v.setUint32(at + 16, p.crc, true);
    v.setUint32(at + 20, p.data.length, true);
    v.setUint32(at + 24, p.size, true);
    v.setUint16(at + 28, p.rawName.length, true);
    v.setUint16(at + 30, 0, true);
    v.setUint16(at + 32, 0, true);
    v.setUint16(at + 34, 0, true);
    v.setUint16(at + 36, p.internalAttr, true);
    v.setUint32(at + 38, p.externalAttr, true);
    v.setUint32(at + 42, p.offset, true);
    out.set(p.rawName, at + 46);
    at += 46 + p.rawName.length;
  }
  v.setUint32(at, 0x06054b50, true);
  v.setUint32(at + 4, 0, true);
  v.setUint16(at + 8, items.length, true);
  v.setUint16(at + 10, items.length, true);
  v.setUint32(at + 12, cdSize, true);
  v.setUint32(at + 16, offset, true);
  v.setUint16(at + 20, 0, true);
  return out;
}
