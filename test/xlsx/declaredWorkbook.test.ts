// A package Excel and LibreOffice open at all: its [Content_Types].xml there, well-formed, and
// declaring its main part a workbook (src/xlsx/package/workbook.ts checkDeclaredAsWorkbook). Without
// that, neither program loads the file (LibreOffice: "source file could not be loaded"), so it is
// refused as damaged, in words that say which — never checked as a form the bureau could open.
import fc from "fast-check";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import JSZip from "jszip";
import { declaredType, Package } from "../../src/xlsx/package/opc";
import { writeZip } from "../../src/xlsx/package/zip";
import { checkWorkbookBytes } from "../../src/xlsx/checkBytes";
import { clearWorkbookBytes } from "../../src/xlsx/clearMarks";
import { SAMPLES } from "../helpers";
import { soffice } from "./libreoffice";
import { execFileSync } from "node:child_process";

const MAIN = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";
const TYPES = "[Content_Types].xml";
const sample = () => new Uint8Array(fs.readFileSync(path.join(SAMPLES, "selfeval/zhengwuyun.xlsx")));

/** The sample with its content types rewritten by `edit` (or removed, for null). */
async function withTypes(edit: ((xml: string) => string) | null): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(sample());
  const xml = await zip.file(TYPES)!.async("string");
  if (edit === null) zip.remove(TYPES);
  else zip.file(TYPES, edit(xml));
  return zip.generateAsync({ type: "uint8array" });
}

const noOverride = (xml: string) => xml.replace(/<Override PartName="\/xl\/workbook\.xml"[^>]*\/>/, "");

/** Refused, each; LibreOffice opens none but the one cut after the workbook's entry (its parser keeps what it read before a fault). */
const REFUSED: Array<[string, ((xml: string) => string) | null, RegExp]> = [
  ["no [Content_Types].xml", null, /^工作簿已损坏：缺少内容类型清单 \[Content_Types\]\.xml，Excel 和 LibreOffice 都无法打开它，无法读取。请用生成该文件的程序重新导出或另存后再试。$/],
  ["an attribute written twice in it", (x) => x.replace("<Types ", '<Types a="1" a="2" '), /内容类型清单 \[Content_Types\]\.xml 不合规范（the attribute a written twice in <Types>）/],
  ["it cut short", (x) => x.slice(0, x.length - 20), /内容类型清单 \[Content_Types\]\.xml 不合规范/],
  ["a root that is not Types", (x) => x.replace(/Types/g, "Typez"), /不合规范（<Typez> is not <Types>）/],
  ["the workbook's Override taken out (xml's Default: application/xml)", noOverride, /没有把 xl\/workbook\.xml 声明为工作簿（application\/xml）/],
  ["the workbook's Override and xml's Default taken out", (x) => noOverride(x).replace(/<Default Extension="xml"[^>]*\/>/, ""), /没有把 xl\/workbook\.xml 声明为工作簿（未声明）/],
  ["the workbook declared a worksheet", (x) => x.replace(MAIN, "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"), /没有把 xl\/workbook\.xml 声明为工作簿/],
];

describe("a workbook whose content types no spreadsheet program would open it by", () => {
  test.each(REFUSED)("%s: refused as damaged, checked, filled and cleared alike", async (_what, edit, words) => {
    const bytes = await withTypes(edit);
    const { result } = await checkWorkbookBytes("x.xlsx", bytes);
    expect(result.error?.zh).toMatch(words);
    // Each says what to do: have the file written again.
    expect(result.error?.zh).toMatch(/请用生成该文件的程序重新导出或另存后再试。$/);
    expect(result.error?.en).toMatch(/^The workbook is damaged: .*(; neither Excel nor LibreOffice opens it|is not well-formed \(.*\))\. Export or save it again from the program that made it\.$/);
    expect(result.sheets).toEqual([]);
    const fixed = await checkWorkbookBytes("x.xlsx", bytes, { copy: "fill" });
    expect(fixed.result.error?.zh).toMatch(words);
    expect(fixed.copy).toBeUndefined();
    const cleared = await clearWorkbookBytes("x.xlsx", bytes);
    expect(cleared.error?.zh).toMatch(words);
    expect(cleared.bytes).toBeUndefined();
  });
});

describe("content types as OPC allows them to be written: read", () => {
  const READ: Array<[string, (xml: string) => string]> = [
    ["the workbook declared by xml's Default, without an Override", (x) => noOverride(x).replace('<Default Extension="xml" ContentType="application/xml"/>', `<Default Extension="XML" ContentType="${MAIN}"/>`)],
    ["its part name in other case (names compare in any case, OPC §9.1.1.1)", (x) => x.replace('PartName="/xl/workbook.xml"', 'PartName="/XL/Workbook.XML"')],
    ["a macro-enabled workbook's type, in its own case", (x) => x.replace(MAIN, "application/vnd.ms-excel.sheet.macroEnabled.main+xml")],
    ["a template's type", (x) => x.replace(MAIN, "application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml")],
    ["with a prefix and comments", (x) => x.replace("<Types ", "<!-- 类型 --><ct:Types xmlns:ct=\"http://schemas.openxmlformats.org/package/2006/content-types\" ").replace(/<(Default|Override) /g, "<ct:$1 ").replace("</Types>", "</ct:Types>")],
  ];
  test.each(READ)("%s", async (_what, edit) => {
    const { result } = await checkWorkbookBytes("x.xlsx", await withTypes(edit));
    expect(result.error).toBeUndefined();
    expect(result.sheets[0].kind).toBe("self-evaluation");
  });
});

test("declaredType: the Override of the part, else its extension's Default, in any order and case; over generated entries", async () => {
  const entry = fc.oneof(
    fc.record({ kind: fc.constant("Default" as const), ext: fc.constantFrom("xml", "XML", "rels", "bin"), type: fc.constantFrom("a/1", "a/2", "a/3") }),
    fc.record({ kind: fc.constant("Override" as const), part: fc.constantFrom("/xl/workbook.xml", "/XL/WORKBOOK.xml", "/xl/book.xml", "/xl/workbook.xml.bak"), type: fc.constantFrom("b/1", "b/2") }),
  );
  await fc.assert(
    fc.asyncProperty(fc.array(entry, { maxLength: 6 }), async (entries) => {
      const xml = `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">${entries
        .map((e) => (e.kind === "Default" ? `<Default Extension="${e.ext}" ContentType="${e.type}"/>` : `<Override PartName="${e.part}" ContentType="${e.type}"/>`))
        .join("")}</Types>`;
      const pkg = await Package.open(writeZip([{ name: TYPES, data: new TextEncoder().encode(xml), time: 0, date: 0x21 }]));
      // What OPC says, written plainly: the first Override naming the part, else the first Default of its extension.
      const override = entries.find((e) => e.kind === "Override" && e.part.toLowerCase() === "/xl/workbook.xml");
      const byDefault = entries.find((e) => e.kind === "Default" && e.ext.toLowerCase() === "xml");
      expect(await declaredType(pkg, "xl/workbook.xml")).toBe((override ?? byDefault)?.type);
    }),
    { numRuns: 500 },
  );
  expect(await declaredType(await Package.open(writeZip([{ name: "a.xml", data: new Uint8Array([60, 97, 47, 62]), time: 0, date: 0x21 }])), "a.xml")).toBeNull();
});

const lo = soffice();
(lo ? test : test.skip)("LibreOffice opens none of the refused but the one cut short, and the sample as it is", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jixiao-types-lo-"));
  const files: string[] = [];
  fs.writeFileSync(path.join(dir, "plain.xlsx"), sample());
  for (const [k, [, edit]] of REFUSED.entries()) {
    const f = path.join(dir, `refused${k}.xlsx`);
    fs.writeFileSync(f, await withTypes(edit));
    files.push(f);
  }
  try {
    execFileSync(lo!, [`-env:UserInstallation=file://${path.join(dir, "profile")}`, "--headless", "--norestore", "--convert-to", "csv", "--outdir", path.join(dir, "out"), path.join(dir, "plain.xlsx"), ...files], { stdio: "pipe", timeout: 150_000 });
  } catch {
    // soffice exits with an error when a file could not be loaded; what it wrote is looked at below.
  }
  expect(fs.existsSync(path.join(dir, "out", "plain.csv"))).toBe(true);
  expect(files.filter((f) => fs.existsSync(path.join(dir, "out", path.basename(f, ".xlsx") + ".csv"))).map((f) => REFUSED[Number(/refused(\d+)/.exec(f)![1])][0])).toEqual(["it cut short"]);
  fs.rmSync(dir, { recursive: true, force: true });
}, 180_000);
