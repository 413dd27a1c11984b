import fc from "fast-check";
import JSZip from "jszip";
import { precheck, WorkbookReadError } from "../../src/xlsx/sniff";
import { writeZip } from "../../src/xlsx/package/zip";

/**
 * precheck's "a zip without a workbook" (a renamed .docx or .zip) asks the central directory first
 * and scans the bytes only when it names none: the verdict must be the byte scan's, always.
 */

/** The verdict before: refused when a whole zip's bytes hold "xl/workbook" nowhere. */
function scanVerdict(bytes: Uint8Array): boolean {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const whole = buf.subarray(Math.max(0, buf.length - 65_557)).includes(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  return whole && !buf.includes("xl/workbook", 0, "latin1");
}

function refused(bytes: Uint8Array): boolean {
  try {
    precheck(bytes);
    return false;
  } catch (e) {
    if (e instanceof WorkbookReadError && e.en.includes("without an Excel workbook")) return true;
    throw e;
  }
}

const nameArb = fc.constantFrom("xl/workbook.xml", "xl/workbook.bin", "word/document.xml", "readme.txt", "xl/worksheets/sheet1.xml", "[Content_Types].xml", "媒体/图.png");
const dataArb = fc.oneof(
  fc.uint8Array({ maxLength: 400 }),
  fc.constantFrom("see xl/workbook.xml", "<Override PartName=\"/xl/workbook.xml\"/>", "hello").map((s) => new TextEncoder().encode(s)),
);
const entriesArb = fc.uniqueArray(fc.record({ name: nameArb, data: dataArb }), { selector: (e) => e.name, minLength: 1, maxLength: 5 });

test("refuses exactly what the byte scan refused, over zips of any entries, names and contents, damaged or with bytes before them", async () => {
  await fc.assert(
    fc.asyncProperty(entriesArb, fc.constantFrom("here", "jszip-store", "jszip-deflate"), fc.constantFrom("none", "prefix", "cd-broken", "cd-cut"), async (entries, writer, damage) => {
      let bytes: Uint8Array;
      if (writer === "here") bytes = writeZip(entries.map((e) => ({ name: e.name, data: e.data, time: 0, date: 33 })));
      else {
        const z = new JSZip();
        for (const e of entries) z.file(e.name, e.data);
        bytes = await z.generateAsync({ type: "uint8array", compression: writer === "jszip-store" ? "STORE" : "DEFLATE" });
      }
      if (damage === "prefix") bytes = new Uint8Array([...new TextEncoder().encode("PK stub, xl/workbook? no\n"), ...bytes]);
      else if (damage !== "none") {
        bytes = bytes.slice();
        const cd = Buffer.from(bytes).lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
        // The last directory entry's signature spoiled, or its name's length made to run past the end.
        if (cd >= 0 && damage === "cd-broken") bytes[cd + 1] = 0x00;
        if (cd >= 0 && damage === "cd-cut") bytes[cd + 29] = 0xff;
      }
      expect(refused(bytes)).toBe(scanVerdict(bytes));
    }),
    { numRuns: 400 },
  );
});

/** Counts the scans a search makes of it (the first-byte scan calls indexOf once a candidate). */
class Watched extends Uint8Array {
  static calls = 0;
  override indexOf(v: number, from?: number): number {
    Watched.calls++;
    return super.indexOf(v, from);
  }
}

test("a form with a large photo before its workbook part is not scanned through: the central directory names the workbook", () => {
  // Incompressible bytes (a photo), full of the byte "x" the scan stops at: some 8,000 stops in 2 MB.
  let s = 0x9e3779b9;
  const photo = new Uint8Array(2_000_000);
  for (let i = 0; i < photo.length; i++) {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    photo[i] = s & 0xff;
  }
  const bytes = writeZip([
    { name: "xl/media/image1.jpeg", data: photo, time: 0, date: 33 },
    { name: "xl/workbook.xml", data: new TextEncoder().encode("<workbook/>"), time: 0, date: 33 },
  ]);
  const watched = new Watched(bytes);
  Watched.calls = 0;
  precheck(watched);
  // The end record is looked for in the last 64 KB; nothing else is scanned.
  expect(Watched.calls).toBeLessThan(500);
  // The same bytes with the workbook named nowhere in the directory are scanned, and refused.
  const docx = writeZip([
    { name: "word/media/image1.jpeg", data: photo, time: 0, date: 33 },
    { name: "word/document.xml", data: new TextEncoder().encode("<w:document/>"), time: 0, date: 33 },
  ]);
  const watchedDocx = new Watched(docx);
  Watched.calls = 0;
  expect(refused(watchedDocx)).toBe(true);
  expect(Watched.calls).toBeGreaterThan(5_000);
});
