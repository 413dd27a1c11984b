// Limits that hold before any reader inflates a file (issue 15 §5, §12): a zip declaring gigabytes, an
// .ods whose repeats stand for a billion cells in a few kilobytes, refused in words, whatever the
// reader would have been (the package reader, ExcelJS, SheetJS).
import fs from "node:fs";
import path from "node:path";
import JSZip from "jszip";
import { checkWorkbookBytes } from "../../src/xlsx/checkBytes";
import { odsCellCount, zipEntries } from "../../src/xlsx/sizeCheck";
import { clearWorkbookBytes } from "../../src/xlsx/clearMarks";
import { ZipArchive } from "../../src/xlsx/package/zip";
import { readPackageSnapshots, UnreadHere } from "../../src/xlsx/readPackage";
import { SAMPLES } from "../helpers";

const sample = () => new Uint8Array(fs.readFileSync(path.join(SAMPLES, "selfeval/zhengwuyun.xlsx")));

/** The central directory's uncompressed size of every entry set to `size` (the data itself untouched). */
function declare(bytes: Uint8Array, size: number): Uint8Array {
  const out = new Uint8Array(bytes);
  for (let i = 0; i + 46 < out.length; i++) {
    if (out[i] === 0x50 && out[i + 1] === 0x4b && out[i + 2] === 0x01 && out[i + 3] === 0x02) {
      new DataView(out.buffer).setUint32(i + 24, size, true);
    }
  }
  return out;
}

test("zipEntries reads the names and sizes the central directory declares", () => {
  const entries = zipEntries(sample())!;
  expect(entries.map((e) => e.name)).toContain("xl/worksheets/sheet1.xml");
  expect(entries.find((e) => e.name === "xl/worksheets/sheet1.xml")!.size).toBeGreaterThan(1000);
  expect(zipEntries(new Uint8Array([1, 2, 3]))).toBeNull();
});

test("an .xlsx declaring 3.9 GB is refused before it is inflated, in Chinese with English", async () => {
  const { result } = await checkWorkbookBytes("bomb.xlsx", declare(sample(), 0xe8000000));
  expect(result.error?.zh).toMatch(/^文件解压后约 \d+ MB（其中 .+ 约 \d+ MB），超过每个文件可解压的 512 MB（每个文件可用内存 2048 MB 的四分之一），未读取。$/);
  expect(result.error?.en).toContain("unpacks to about");
});

test("the budget follows --file-memory: 64 MB refuses what 2048 MB takes", async () => {
  const bytes = declare(sample(), 20 * 1024 * 1024);
  expect((await checkWorkbookBytes("a.xlsx", bytes, { memoryMb: 64 })).result.error?.zh).toContain("可解压的 16 MB（每个文件可用内存 64 MB 的四分之一）");
  // Declared sizes past the data are not believed for anything but the budget: within it, the file is read as it is.
  const ok = await checkWorkbookBytes("a.xlsx", sample(), { memoryMb: 64 });
  expect(ok.result.error).toBeUndefined();
});

async function ods(rowsRepeated: number, colsRepeated: number): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file("mimetype", "application/vnd.oasis.opendocument.spreadsheet", { compression: "STORE" });
  zip.file("META-INF/manifest.xml", '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>');
  zip.file("styles.xml", '<?xml version="1.0" encoding="UTF-8"?><office:document-styles xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" office:version="1.2"/>');
  zip.file(
    "content.xml",
    `<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:spreadsheet><table:table table:name="表"><table:table-row><table:table-cell office:value-type="string"><text:p>一级指标</text:p></table:table-cell></table:table-row><table:table-row table:number-rows-repeated="${rowsRepeated}"><table:table-cell table:number-columns-repeated="${colsRepeated}" office:value-type="float" office:value="1"><text:p>1</text:p></table:table-cell><table:table-cell table:number-columns-repeated="16000"/></table:table-row></table:table></office:spreadsheet></office:body></office:document-content>`,
  );
  return zip.generateAsync({ type: "uint8array" });
}

test("an .ods whose repeats stand for a billion cells is refused, as the .xls reader refuses its size", async () => {
  const { result } = await checkWorkbookBytes("bomb.ods", await ods(1_000_000, 1000));
  expect(result.error?.zh).toContain("工作表过大");
});

test("near miss: repeats of empty cells cost nothing, and a modest repeat is read", async () => {
  expect(odsCellCount('<r xmlns:table="t" xmlns:office="o"><table:table-row table:number-rows-repeated="1000000"><table:table-cell table:number-columns-repeated="16384"/></table:table-row></r>', 1e9)).toBe(0);
  const { result } = await checkWorkbookBytes("ok.ods", await ods(50, 20));
  expect(result.error).toBeUndefined();
});

/** The sample with `extra` entries added (stored as JSZip deflates them), and its sheet edited. */
async function withEntries(extra: Record<string, Uint8Array | string>, editSheet: (xml: string) => string = (x) => x): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(sample());
  const sheet = "xl/worksheets/sheet1.xml";
  zip.file(sheet, editSheet(await zip.file(sheet)!.async("string")));
  for (const [name, data] of Object.entries(extra)) zip.file(name, data);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

/**
 * Pasted bitmaps (a screenshot pasted as BMP is some 20 MB; they deflate to almost nothing): three of
 * 10 MB, past the 16 MB a file may unpack with 64 MB of memory, as 30 of 20 MB are past 2048 MB's 512.
 */
const bitmaps = () => Object.fromEntries(Array.from({ length: 3 }, (_, k) => [`xl/media/image${k + 1}.bmp`, new Uint8Array(10_000_000).fill(k)]));
const memoryMb = 64;

describe("pictures the package reader never inflates", () => {
  test("a form with pasted bitmaps declared past the budget is checked as without them, and its copy keeps them as stored", async () => {
    const bytes = await withEntries(bitmaps());
    expect(zipEntries(bytes)!.reduce((a, e) => a + e.size, 0)).toBeGreaterThan(30_000_000);
    const plain = await checkWorkbookBytes("a.xlsx", sample(), { memoryMb });
    expect(plain.result.sheets[0].findings.length).toBeGreaterThan(0);
    const { result } = await checkWorkbookBytes("a.xlsx", bytes, { memoryMb });
    expect(result.error).toBeUndefined();
    expect(result.sheets.map((s) => s.findings)).toEqual(plain.result.sheets.map((s) => s.findings));
    const filled = await checkWorkbookBytes("a.xlsx", bytes, { copy: "fill", memoryMb });
    expect(filled.result.error).toBeUndefined();
    const copy = new ZipArchive(filled.copy!);
    const original = new ZipArchive(bytes);
    for (const e of original.entries.filter((x) => x.name.startsWith("xl/media/"))) {
      expect(Buffer.from(copy.raw(copy.get(e.name)!)).equals(Buffer.from(original.raw(e)))).toBe(true);
      expect(copy.get(e.name)!.crc).toBe(e.crc);
    }
  });

  test("a part the reader does read is held to the budget whatever its name: a sheet named as a picture and declaring 3.9 GB is refused", async () => {
    const zip = await JSZip.loadAsync(sample());
    zip.file("xl/media/sheet1.xml", await zip.file("xl/worksheets/sheet1.xml")!.async("uint8array"));
    zip.remove("xl/worksheets/sheet1.xml");
    const rels = "xl/_rels/workbook.xml.rels";
    zip.file(rels, (await zip.file(rels)!.async("string")).replace("worksheets/sheet1.xml", "media/sheet1.xml"));
    const moved = await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
    // As named, the sheet reads (the reader follows the relationship); declared 3.9 GB, the reader's guard refuses it before inflating.
    expect((await checkWorkbookBytes("a.xlsx", moved)).result.sheets[0].kind).toBe("self-evaluation");
    const out = new Uint8Array(moved);
    const view = new DataView(out.buffer);
    for (let i = 0; i + 46 < out.length; i++) {
      if (view.getUint32(i, true) !== 0x02014b50) continue;
      const name = Buffer.from(out.subarray(i + 46, i + 46 + view.getUint16(i + 28, true))).toString();
      if (name === "xl/media/sheet1.xml") view.setUint32(i + 24, 0xe8000000, true);
    }
    const { result } = await checkWorkbookBytes("a.xlsx", out);
    expect(result.error?.zh).toMatch(/^文件解压后至少 \d+ MB（读到 xl\/media\/sheet1\.xml 时），超过每个文件可解压的 512 MB/);
    expect(result.error?.en).toContain("on reaching xl/media/sheet1.xml");
    const cleared = await clearWorkbookBytes("a.xlsx", out);
    expect(cleared.error?.zh).toContain("读到 xl/media/sheet1.xml 时");
  });

  test("a form the package reader leaves to ExcelJS, which inflates everything, is held to the whole declared size", async () => {
    // A shared formula's dependent with no master before it (the package reader leaves such a sheet to ExcelJS).
    const odd = (xml: string) => xml.replace("</sheetData>", '<row r="300"><c r="A300"><f t="shared" si="77"/><v>2</v></c></row></sheetData>');
    const small = await withEntries({}, odd);
    const read = await checkWorkbookBytes("a.xlsx", small, { memoryMb });
    expect(read.result.error).toBeUndefined();
    expect(read.result.sheets[0].kind).toBe("self-evaluation");
    await expect(readPackageSnapshots(small)).rejects.toBeInstanceOf(UnreadHere);
    const { result } = await checkWorkbookBytes("a.xlsx", await withEntries(bitmaps(), odd), { memoryMb });
    expect(result.error?.zh).toMatch(/^文件解压后约 \d+ MB（其中 xl\/media\/image\d+\.bmp 约 10 MB），超过每个文件可解压的 16 MB/);
  });
});

test("a fill that meets the limit in what only a copy reads (the notes it rewrites) reports the sheets checked and writes no copy", async () => {
  // A marked copy holds notes; its comments part moved under xl/media (not counted before reading:
  // the guard counts it when read) and declared 3.9 GB. A check never reads it; a fill must.
  const zip = await JSZip.loadAsync((await checkWorkbookBytes("a.xlsx", sample(), { copy: "mark" })).copy!);
  const comments = Object.keys(zip.files).find((n) => /comments\d*\.xml$/.test(n))!;
  zip.file("xl/media/notes.xml", await zip.file(comments)!.async("uint8array"));
  zip.remove(comments);
  for (const rels of Object.keys(zip.files).filter((n) => n.endsWith(".rels"))) {
    zip.file(rels, (await zip.file(rels)!.async("string")).replace(`../${comments.slice(3)}`, "../media/notes.xml"));
  }
  const out = new Uint8Array(await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" }));
  const view = new DataView(out.buffer);
  const declare = () => {
    for (let i = 0; i + 46 < out.length; i++) {
      if (view.getUint32(i, true) !== 0x02014b50) continue;
      if (Buffer.from(out.subarray(i + 46, i + 46 + view.getUint16(i + 28, true))).toString() === "xl/media/notes.xml") view.setUint32(i + 24, 0xe8000000, true);
    }
  };
  // As moved, the fill reads the notes there and writes its copy.
  expect((await checkWorkbookBytes("a.xlsx", out, { copy: "fill" })).copy).toBeDefined();
  declare();
  const checked = await checkWorkbookBytes("a.xlsx", out);
  expect(checked.result.error).toBeUndefined();
  const filled = await checkWorkbookBytes("a.xlsx", out, { copy: "fill" });
  expect(filled.copy).toBeUndefined();
  expect(filled.result.sheets.map((s) => s.findings)).toEqual(checked.result.sheets.map((s) => s.findings));
  expect(filled.result.error?.zh).toMatch(/^文件解压后至少 \d+ MB（读到 xl\/media\/notes\.xml 时），超过每个文件可解压的 512 MB（每个文件可用内存 2048 MB 的四分之一），未写出副本。$/);
  expect(filled.result.error?.en).toMatch(/: no copy was written\.$/);
});
