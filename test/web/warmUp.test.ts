// The web worker's warm-up (src/web/services/warmUp.ts): while it waits for the first file it checks
// a bundled form, so that the reader's and the engine's code is compiled before the files come.
import fs from "node:fs";
import path from "node:path";
import { checkWorkbookBytes } from "../../src/xlsx/checkBytes";
import { bytesOfDataUrl, warmUp } from "../../src/web/services/warmUp";

const FORM = new Uint8Array(fs.readFileSync(path.join(__dirname, "../../src/web/services/warmUp.xlsx")));

test("the bundled form is a form the checker reads whole: warming up on it runs the reader and the engine", async () => {
  const { result } = await checkWorkbookBytes("warm-up.xlsx", FORM);
  expect(result.error).toBeUndefined();
  const forms = result.sheets.filter((s) => s.kind !== "none");
  expect(forms.length).toBeGreaterThan(0);
  expect(forms[0].form?.indicators.length).toBeGreaterThanOrEqual(5);
  expect(forms[0].figures?.total).not.toBeNull();
});

test("its data URL (as webpack inlines it) gives back its bytes", () => {
  const url = `data:application/vnd.openxmlformats-officedocument.spreadsheetml.sheet;base64,${Buffer.from(FORM).toString("base64")}`;
  expect(bytesOfDataUrl(url)).toEqual(FORM);
});

test("it runs its rounds while idle, and stops at the first file", async () => {
  expect(await warmUp(FORM, () => true, 3)).toBe(3);
  let asked = 0;
  // A file comes after the second round: no third is begun.
  expect(await warmUp(FORM, () => ++asked <= 2, 10)).toBe(2);
  expect(await warmUp(FORM, () => false, 10)).toBe(0);
});
