import fs from "node:fs";
import path from "node:path";
import fc from "fast-check";
import JSZip from "jszip";
import * as browser from "../../src/xlsx/package/codec.browser";
import * as native from "../../src/xlsx/package/codec";
import { STORED_BELOW, writeZip, ZipArchive, ZipError } from "../../src/xlsx/package/zip";
import { centralDirectory } from "../../src/xlsx/package/centralDirectory";
import { checkWorkbookBytes } from "../../src/xlsx/checkBytes";
import { SAMPLES } from "../helpers";

/**
 * The zip layer (src/xlsx/package/zip.ts) held to JSZip, the library it replaced: what either writes,
 * the other reads the same, over generated archives; the browser's codec (fflate) equal to Node's.
 */

const nameArb = fc
  .array(fc.constantFrom("xl", "worksheets", "sheet1.xml", "_rels", "绩效", "a b", "[Content_Types].xml", "é"), { minLength: 1, maxLength: 3 })
  .map((p) => p.join("/"));
const dataArb = fc.oneof(
  fc.uint8Array({ maxLength: 3000 }),
  fc.string({ maxLength: 2000 }).map((s) => new TextEncoder().encode(s.repeat(3))),
);
const archiveArb = fc.uniqueArray(fc.record({ name: nameArb, data: dataArb }), { selector: (e) => e.name, minLength: 1, maxLength: 6 });

const contents = (a: ZipArchive) => new Map(a.entries.filter((e) => !e.dir).map((e) => [e.name, Buffer.from(a.read(e)).toString("hex")]));

async function jszipContents(bytes: Uint8Array): Promise<Map<string, string>> {
  const z = await JSZip.loadAsync(bytes);
  const out = new Map<string, string>();
  for (const [n, f] of Object.entries(z.files)) if (!f.dir) out.set(n, Buffer.from(await f.async("uint8array")).toString("hex"));
  return out;
}

test("an archive JSZip writes (stored, deflated, with data descriptors, with a comment) reads the same here", async () => {
  await fc.assert(
    fc.asyncProperty(archiveArb, fc.constantFrom("STORE", "DEFLATE"), fc.boolean(), fc.boolean(), async (files, compression, streamFiles, comment) => {
      const z = new JSZip();
      for (const f of files) z.file(f.name, f.data);
      const bytes = await z.generateAsync({ type: "uint8array", compression: compression as "STORE" | "DEFLATE", streamFiles, ...(comment ? { comment: "评 comment" } : {}) });
      expect(contents(new ZipArchive(bytes))).toEqual(await jszipContents(bytes));
    }),
    { numRuns: 60 },
  );
});

test("an archive written here reads the same in JSZip, and copies keep their compressed bytes", async () => {
  await fc.assert(
    fc.asyncProperty(archiveArb, async (files) => {
      const made = writeZip(files.map((f) => ({ name: f.name, data: f.data, time: 0, date: 0x21 })));
      const back = await jszipContents(made);
      expect(back).toEqual(new Map(files.map((f) => [f.name, Buffer.from(f.data).toString("hex")])));
      // Copied entry by entry: the same compressed data, the same contents.
      const a = new ZipArchive(made);
      const copy = new ZipArchive(writeZip(a.entries.map((e) => ({ copy: e, from: a }))));
      expect(contents(copy)).toEqual(contents(a));
      for (const e of a.entries) expect(Buffer.from(copy.raw(copy.get(e.name)!)).equals(Buffer.from(a.raw(e)))).toBe(true);
    }),
    { numRuns: 60 },
  );
});

test("a part written under 64 KB is stored, a larger one deflated; JSZip reads both as written", async () => {
  const small = new TextEncoder().encode("<Relationships/>".repeat(4000));
  const large = new TextEncoder().encode("<row/>".repeat(12000));
  expect(small.length).toBeLessThan(STORED_BELOW);
  expect(large.length).toBeGreaterThanOrEqual(STORED_BELOW);
  const bytes = writeZip([
    { name: "small.xml", data: small, time: 0, date: 0x21 },
    { name: "large.xml", data: large, time: 0, date: 0x21 },
  ]);
  const a = new ZipArchive(bytes);
  expect(a.entries.map((e) => [e.name, e.method])).toEqual([
    ["small.xml", 0],
    ["large.xml", 8],
  ]);
  expect(a.get("large.xml")!.compressedSize).toBeLessThan(large.length / 10);
  const viaJszip = await jszipContents(bytes);
  expect(viaJszip.get("small.xml")).toBe(Buffer.from(small).toString("hex"));
  expect(viaJszip.get("large.xml")).toBe(Buffer.from(large).toString("hex"));
});

test("bytes before the archive (a self-extracting stub) shift every offset, and the archive still reads", async () => {
  const z = new JSZip();
  z.file("a.xml", "<a/>".repeat(50));
  z.file("b.xml", "<b/>");
  const bytes = await z.generateAsync({ type: "uint8array", compression: "DEFLATE" });
  const stub = new Uint8Array(1000).fill(0x4d);
  const shifted = new Uint8Array([...stub, ...bytes]);
  expect(contents(new ZipArchive(shifted))).toEqual(await jszipContents(bytes));
});

/** A zip rewritten with zip64 records: sizes and offsets as all ones, the real ones in the extra field and the zip64 end record. */
function asZip64(bytes: Uint8Array): Uint8Array {
  const entries = centralDirectory(bytes)!;
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const cdStart = v.getUint32(bytes.length - 22 + 16, true);
  const head = bytes.subarray(0, cdStart);
  const cds: Uint8Array[] = [];
  for (const e of entries) {
    const cd = new Uint8Array(46 + e.rawName.length + 4 + 24);
    const c = new DataView(cd.buffer);
    c.setUint32(0, 0x02014b50, true);
    c.setUint16(4, 45, true);
    c.setUint16(6, 45, true);
    c.setUint16(8, e.flags, true);
    c.setUint16(10, e.method, true);
    c.setUint32(16, e.crc, true);
    c.setUint32(20, 0xffffffff, true);
    c.setUint32(24, 0xffffffff, true);
    c.setUint16(28, e.rawName.length, true);
    c.setUint16(30, 28, true);
    c.setUint32(42, 0xffffffff, true);
    cd.set(e.rawName, 46);
    const x = 46 + e.rawName.length;
    c.setUint16(x, 1, true);
    c.setUint16(x + 2, 24, true);
    c.setBigUint64(x + 4, BigInt(e.size), true);
    c.setBigUint64(x + 12, BigInt(e.compressedSize), true);
    c.setBigUint64(x + 20, BigInt(e.offset), true);
    cds.push(cd);
  }
  const cdSize = cds.reduce((a, c) => a + c.length, 0);
  const rec = new Uint8Array(56 + 20 + 22);
  const r = new DataView(rec.buffer);
  r.setUint32(0, 0x06064b50, true);
  r.setBigUint64(4, 44n, true);
  r.setBigUint64(24, BigInt(entries.length), true);
  r.setBigUint64(32, BigInt(entries.length), true);
  r.setBigUint64(40, BigInt(cdSize), true);
  r.setBigUint64(48, BigInt(cdStart), true);
  r.setUint32(56, 0x07064b50, true);
  r.setBigUint64(56 + 8, BigInt(cdStart + cdSize), true);
  r.setUint32(56 + 16, 1, true);
  r.setUint32(76, 0x06054b50, true);
  r.setUint16(76 + 8, 0xffff, true);
  r.setUint16(76 + 10, 0xffff, true);
  r.setUint32(76 + 12, 0xffffffff, true);
  r.setUint32(76 + 16, 0xffffffff, true);
  return new Uint8Array([...head, ...cds.flatMap((c) => [...c]), ...rec]);
}

test("zip64 sizes and offsets are read from the extra field and the zip64 end record", async () => {
  const z = new JSZip();
  z.file("xl/workbook.xml", "<workbook/>".repeat(20));
  z.file("绩效.xml", "<x/>");
  const bytes = await z.generateAsync({ type: "uint8array", compression: "DEFLATE" });
  const z64 = asZip64(bytes);
  expect(contents(new ZipArchive(z64))).toEqual(await jszipContents(bytes));
  expect(contents(new ZipArchive(z64))).toEqual(await jszipContents(z64));
});

test("what JSZip refuses is refused: no archive, an encrypted entry, an unknown method, an entry that holds more than it declares", async () => {
  expect(() => new ZipArchive(new Uint8Array([1, 2, 3]))).toThrow(ZipError);
  const z = new JSZip();
  z.file("a.xml", "<a>" + "x".repeat(500) + "</a>");
  const good = await z.generateAsync({ type: "uint8array", compression: "DEFLATE" });
  const cd = centralDirectory(good)!;
  const cdAt = new DataView(good.buffer).getUint32(good.length - 22 + 16, true);
  const patched = (at: number, value: number, width: 2 | 4) => {
    const b = good.slice();
    const v = new DataView(b.buffer);
    if (width === 2) v.setUint16(at, value, true);
    else v.setUint32(at, value, true);
    return b;
  };
  expect(() => new ZipArchive(patched(cdAt + 8, cd[0].flags | 1, 2))).toThrow(/Encrypted/);
  expect(() => new ZipArchive(patched(cdAt + 10, 12, 2))).toThrow(/method 12/);
  const lying = new ZipArchive(patched(cdAt + 24, cd[0].size - 10, 4));
  expect(() => lying.read(lying.entries[0])).toThrow(ZipError);
  await expect(JSZip.loadAsync(patched(cdAt + 24, cd[0].size - 10, 4)).then((j) => j.file("a.xml")!.async("string"))).rejects.toThrow(/size mismatch/);
});

test("the browser's codec (fflate) and Node's (zlib) agree: each inflates the other's deflate, and the CRCs match", () => {
  fc.assert(
    fc.property(dataArb, (data) => {
      expect(browser.crc32(data)).toBe(native.crc32(data));
      expect(Buffer.from(browser.inflateRaw(native.deflateRaw(data), data.length)).equals(Buffer.from(data))).toBe(true);
      expect(Buffer.from(native.inflateRaw(browser.deflateRaw(data), data.length)).equals(Buffer.from(data))).toBe(true);
      if (data.length > 0) {
        expect(() => browser.inflateRaw(native.deflateRaw(data), data.length - 1)).toThrow();
        expect(() => native.inflateRaw(native.deflateRaw(data), data.length - 1)).toThrow();
      }
      // More than the data makes: into one buffer of the size claimed, where the data could make it,
      // else in pieces; refused alike.
      expect(() => native.inflateRaw(native.deflateRaw(data), data.length + 1)).toThrow(/declared/);
      expect(() => browser.inflateRaw(native.deflateRaw(data), data.length + 1)).toThrow();
      expect(() => native.inflateRaw(native.deflateRaw(data), 0x7fffffff)).toThrow(/declared/);
    }),
    { numRuns: 200 },
  );
});

test("a part's UTF-8 reads alike by Node's codec (ASCII copied as Latin-1) and the browser's (TextDecoder), whatever its bytes, or is refused alike", () => {
  const ascii = fc.array(fc.integer({ min: 0, max: 0x7f }), { maxLength: 300 }).map((a) => Uint8Array.from(a));
  const text = fc.string({ unit: "binary", maxLength: 100 }).map((t) => new TextEncoder().encode(t));
  const bytes = fc.uint8Array({ maxLength: 200 });
  const withBom = text.map((t) => Uint8Array.from([0xef, 0xbb, 0xbf, ...t]));
  fc.assert(
    fc.property(fc.oneof(ascii, text, bytes, withBom), fc.nat(8), (data, skip) => {
      // At any offset into a larger buffer, as a part is a view into the inflated data.
      const big = new Uint8Array(data.length + skip);
      big.set(data, skip);
      const view = big.subarray(skip);
      // Or both throw, where the bytes are no UTF-8 (never read with U+FFFD in their place).
      const either = (fn: () => string) => {
        try {
          return fn();
        } catch (e) {
          return (e as Error).name === "TypeError" ? "thrown" : e;
        }
      };
      expect(either(() => native.decodeUtf8(view))).toBe(either(() => browser.decodeUtf8(view)));
      expect(either(() => native.decodeUtf8(view))).toBe(either(() => new TextDecoder("utf-8", { fatal: true }).decode(view)));
    }),
    { numRuns: 1000 },
  );
  // A large ASCII part (kept outside V8's heap) reads as its bytes.
  const large = new TextEncoder().encode('<c r="A1"><v>1</v></c>'.repeat(100_000));
  expect(native.decodeUtf8(large)).toBe(new TextDecoder().decode(large));
});

test("checking and filling a workbook inflate each of its parts once at most, and the parts not edited keep their compressed bytes", async () => {
  const file = path.join(SAMPLES, "selfeval-defects/missing-reasons.xlsx");
  const bytes = new Uint8Array(fs.readFileSync(file));
  const spy = jest.spyOn(ZipArchive.prototype, "read");
  try {
    const { copy, result } = await checkWorkbookBytes(file, bytes, { copy: "fill" });
    expect(result.error).toBeUndefined();
    const names = spy.mock.calls.map(([e]) => e.name);
    expect(names.length).toBeGreaterThan(3);
    expect(names.filter((n, i) => names.indexOf(n) !== i)).toEqual([]);
    const before = new ZipArchive(bytes);
    const after = new ZipArchive(copy!);
    const edited = new Set(names.filter((n) => Buffer.from(after.read(after.get(n)!)).compare(Buffer.from(before.read(before.get(n)!))) !== 0));
    expect(edited.size).toBeGreaterThan(0);
    for (const e of before.entries) if (!edited.has(e.name)) expect(Buffer.from(after.raw(after.get(e.name)!)).equals(Buffer.from(before.raw(e)))).toBe(true);
  } finally {
    spy.mockRestore();
  }
});
