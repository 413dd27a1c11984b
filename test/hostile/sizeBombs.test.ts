// Limits that hold before any reader inflates a file (issue 15 §5, §12): a zip declaring gigabytes, an
// .ods whose repeats stand for a billion cells in a few kilobytes, refused in words, whatever the
// reader would have been (the package reader, ExcelJS, SheetJS).
import fs from "node:fs";
import path from "node:path";
import JSZip from "jszip";
import { checkWorkbookBytes } from "../../src/xlsx/checkBytes";
import { odsCellCount, zipEntries } from "../../src/xlsx/sizeCheck";
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
  expect(result.error?.zh).toMatch(/文件解压后约 \d+ MB.*超出每个文件可用的内存（2048 MB）/);
  expect(result.error?.en).toContain("unpacks to about");
});

test("the budget follows --file-memory: 64 MB refuses what 2048 MB takes", async () => {
  const bytes = declare(sample(), 20 * 1024 * 1024);
  expect((await checkWorkbookBytes("a.xlsx", bytes, { memoryMb: 64 })).result.error?.zh).toContain("（64 MB）");
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
