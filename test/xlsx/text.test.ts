// The displayed text of a cell is built once (core displayText) for the .xlsx reader and the
// emulator alike: a boolean reads TRUE/FALSE on both paths, as Excel shows it.
import { snapshotOf } from "../../src/xlsx/readWorkbook";
import { fromExcelJs, toSnapshot } from "../../src/emulator";
import { tinyWorkbook } from "../emulator/load";

test("booleans, numbers and text read the same through ExcelJS and through the emulator", () => {
  const wb = tinyWorkbook((ws) => {
    ws.getCell("A1").value = true;
    ws.getCell("B1").value = false;
    ws.getCell("C1").value = 0.5;
    ws.getCell("C1").numFmt = "0.0%";
    ws.getCell("D1").value = "达成指标";
  });
  const viaXlsx = snapshotOf(wb.worksheets[0]);
  const viaEmulator = toSnapshot(fromExcelJs(wb).sheet("Sheet1"));
  expect(viaXlsx.text).toEqual([["TRUE", "FALSE", "50.0%", "达成指标"]]);
  expect(viaEmulator.text).toEqual(viaXlsx.text);
});
