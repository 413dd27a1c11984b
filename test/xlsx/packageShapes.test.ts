// Packages shaped to mislead (issue 15 §5, §8): a sheet outside the package, two sheets of one name,
// an array formula's range, a workbook part under another name, UTF-16 parts — each read as a
// spreadsheet reads it, or refused in words; never a wrong result and never a fill in the wrong place.
import fs from "node:fs";
import path from "node:path";
import JSZip from "jszip";
import { analyzeSheet } from "../../src/core/engine";
import { checkWorkbookBytes } from "../../src/xlsx/checkBytes";
import { readPackageSnapshots } from "../../src/xlsx/readPackage";
import { cellEdits } from "../../src/xlsx/package/sheetXml";
import { SAMPLES } from "../helpers";

const sample = () => new Uint8Array(fs.readFileSync(path.join(SAMPLES, "selfeval-defects/blank-scores.xlsx")));

async function edit(bytes: Uint8Array, change: (zip: JSZip) => Promise<void>): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  await change(zip);
  return zip.generateAsync({ type: "uint8array" });
}

const rels = "xl/_rels/workbook.xml.rels";

test("a sheet whose relationship climbs out of the package is a damaged workbook, said so (not 无绩效表)", async () => {
  const bytes = await edit(sample(), async (zip) => {
    zip.file(rels, (await zip.file(rels)!.async("string")).replace('Target="worksheets/sheet1.xml"', 'Target="../../../etc/sheet1.xml"'));
  });
  const { result } = await checkWorkbookBytes("a.xlsx", bytes);
  expect(result.error?.zh).toContain("指向工作簿之外");
  expect(result.sheets).toEqual([]);
});

test("a sheet whose relationship is external is refused alike", async () => {
  const bytes = await edit(sample(), async (zip) => {
    zip.file(rels, (await zip.file(rels)!.async("string")).replace('Target="worksheets/sheet1.xml"', 'Target="file:///C:/x.xlsx" TargetMode="External"'));
  });
  const { result } = await checkWorkbookBytes("a.xlsx", bytes);
  expect(result.error?.zh).toContain("指向工作簿之外");
});

test("near miss: ../ that stays inside the package resolves to its part", async () => {
  const bytes = await edit(sample(), async (zip) => {
    zip.file(rels, (await zip.file(rels)!.async("string")).replace('Target="worksheets/sheet1.xml"', 'Target="../xl/worksheets/sheet1.xml"'));
  });
  const { result } = await checkWorkbookBytes("a.xlsx", bytes);
  expect(result.error).toBeUndefined();
  expect(result.sheets[0].kind).toBe("self-evaluation");
});

test("two sheets of one name: checked, but no copy is written (a fill could land on the wrong one)", async () => {
  const bytes = await edit(sample(), async (zip) => {
    const wb = await zip.file("xl/workbook.xml")!.async("string");
    const m = /<sheet [^>]*\/>/.exec(wb)!;
    const second = m[0].replace(/sheetId="\d+"/, 'sheetId="99"').replace(/r:id="[^"]+"/, 'r:id="rId99"').replace(/name="([^"]+)"/, (_x, n: string) => `name="${n.toUpperCase() === n ? n.toLowerCase() : n}"`);
    zip.file("xl/workbook.xml", wb.replace(m[0], m[0] + second));
    zip.file(rels, (await zip.file(rels)!.async("string")).replace("</Relationships>", '<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'));
  });
  const { result, copy } = await checkWorkbookBytes("a.xlsx", bytes, { copy: "fill" });
  expect(copy).toBeUndefined();
  expect(result.error?.zh).toContain("无法安全编辑");
});

test("a write into an array formula's range is refused, result or not", () => {
  const xml = `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="5"><c r="G5"><f t="array" ref="G5:G8">A5:A8*2</f><v>2</v></c></row><row r="6"><c r="G6"/></row></sheetData></worksheet>`;
  const r = cellEdits(xml, [{ cell: "G6", value: 3 }, { cell: "G7", value: 4 }, { cell: "H6", value: 5 }], null, () => undefined);
  expect(r.skipped.sort()).toEqual(["G6", "G7"]);
  expect(r.written).toEqual(["H6"]);
});

test("a UTF-16 sheet read, and a fill writes it back as UTF-8 that reads the same", async () => {
  const bytes = await edit(sample(), async (zip) => {
    const s = (await zip.file("xl/worksheets/sheet1.xml")!.async("string")).replace(/encoding="UTF-8"/i, 'encoding="UTF-16"');
    const buf = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s, "utf16le")]);
    zip.file("xl/worksheets/sheet1.xml", buf);
  });
  const plain = await readPackageSnapshots(sample());
  expect(await readPackageSnapshots(bytes)).toEqual(plain);
  const { copy, result } = await checkWorkbookBytes("a.xlsx", bytes, { copy: "fill" });
  expect(result.error).toBeUndefined();
  const zip = await JSZip.loadAsync(copy!);
  const head = (await zip.file("xl/worksheets/sheet1.xml")!.async("string")).slice(0, 80);
  expect(head).toMatch(/encoding="UTF-8"/);
  const [after] = await readPackageSnapshots(copy!);
  expect(analyzeSheet(after).figures?.total).not.toBeNull();
});
