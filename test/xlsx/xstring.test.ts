// Excel's escape `_xHHHH_` (ECMA-376 Part 1 §22.9.2.19 ST_Xstring) in shared and inline strings:
// its four hex digits in either case, as LibreOffice decodes them (and as the fill's writer already
// escaped them); `_x005F_` stands for the underscore, keeping what follows literal.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import JSZip from "jszip";
import { decodeXstring } from "../../src/xlsx/package/xmlScan";
import { readPackageSnapshots } from "../../src/xlsx/readPackage";
import { SAMPLES } from "../helpers";
import { recalculatedCsvs, soffice } from "./libreoffice";

test("decodeXstring: upper and lower case; the escaped underscore", () => {
  expect(decodeXstring("a_x000D_b")).toBe("a\rb");
  expect(decodeXstring("a_x000d_b")).toBe("a\rb");
  expect(decodeXstring("_x4e2d__x6587_")).toBe("中文");
  expect(decodeXstring("_x005F_x000D_")).toBe("_x000D_");
  expect(decodeXstring("_x00g0_ _x12_ x000D_")).toBe("_x00g0_ _x12_ x000D_");
});

/** The sample form with its title (A1, the first shared string) written with an escape in lower case. */
async function titled(): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(fs.readFileSync(path.join(SAMPLES, "selfeval/zhengwuyun.xlsx")));
  const sst = await zip.file("xl/sharedStrings.xml")!.async("string");
  const next = sst.replace(/<si><t>([^<]+)<\/t><\/si>/, "<si><t>$1_x000a_副题</t></si>");
  expect(next).not.toBe(sst);
  zip.file("xl/sharedStrings.xml", next);
  return zip.generateAsync({ type: "uint8array" });
}

test("a shared string escaped in lower case reads as the character it stands for", async () => {
  const [s] = await readPackageSnapshots(await titled());
  expect(s.values[0][0]).toMatch(/\n副题$/);
});

const lo = soffice();
(lo ? test : test.skip)("LibreOffice reads the lower-case escape as the character too", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jixiao-xstring-lo-"));
  const file = path.join(dir, "t.xlsx");
  fs.writeFileSync(file, await titled());
  const [rows] = recalculatedCsvs([file], { asShown: false });
  const [s] = await readPackageSnapshots(fs.readFileSync(file));
  expect(rows[0][0]).toBe(s.values[0][0]);
  fs.rmSync(dir, { recursive: true, force: true });
}, 120_000);
