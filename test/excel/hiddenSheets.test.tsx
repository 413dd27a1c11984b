/** @jest-environment jsdom */
// The add-in, checking every sheet, reads a sheet Excel hides (Worksheet.visibility Hidden or
// VeryHidden) as any other and says it is hidden in its heading; a visible sheet's heading is as before.
import * as React from "react";
import { cleanup, render, screen } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import ExcelJS from "exceljs";
import { fromExcelJs } from "../../src/emulator";
import { SheetReport } from "../../src/taskpane/SheetReport";
import { translator } from "../../src/taskpane/strings";
import { sampleWorkbook } from "../emulator/load";
import { actionsFor } from "./setup";

afterEach(cleanup);

async function workbook(state: "hidden" | "veryHidden"): Promise<ExcelJS.Workbook> {
  const wb = await sampleWorkbook("selfeval/zhengwuyun.xlsx");
  wb.worksheets[0].state = state;
  wb.addWorksheet("说明").getCell("A1").value = "填表说明";
  return wb;
}

test.each(["hidden", "veryHidden"] as const)("checking all sheets: a %s sheet is checked, its result hidden; the visible one is not", async (state) => {
  const host = fromExcelJs(await workbook(state));
  const out = await actionsFor(host).check({ scope: "all" });
  expect(out.sheets.map((x) => [x.result.kind, x.result.hidden === true])).toEqual([
    ["self-evaluation", true],
    ["none", false],
  ]);
  const heading = (locale: "zh-CN" | "en-US") => {
    render(
      <FluentProvider theme={webLightTheme}>
        <SheetReport tr={translator(locale)} sheet={out.sheets[0]} showWritten={false} onSelect={() => undefined} />
      </FluentProvider>,
    );
    const text = screen.getByRole("heading", { level: 2 }).textContent;
    cleanup();
    return text;
  };
  expect(heading("zh-CN")).toBe(`工作表「${out.sheets[0].result.sheet}」（隐藏）`);
  expect(heading("en-US")).toBe(`Sheet "${out.sheets[0].result.sheet}" (hidden)`);
});
