/** The reviewer's summary workbook (issue 10 §1): --summary 汇总.xlsx, read back with ExcelJS. */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { SAMPLES } from "../helpers";
import { runCli } from "./run";

const BROKEN = path.join(__dirname, "..", "fixtures", "broken");

async function made() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jixiao-summary-"));
  const inbox = path.join(dir, "收件");
  fs.mkdirSync(inbox);
  fs.copyFileSync(path.join(SAMPLES, "selfeval/zhengwuyun.xlsx"), path.join(inbox, "政务云.xlsx"));
  fs.copyFileSync(path.join(SAMPLES, "selfeval-defects/missing-reasons.xlsx"), path.join(inbox, "=HYPERLINK(1).xlsx"));
  fs.copyFileSync(path.join(BROKEN, "truncated.xlsx"), path.join(inbox, "损坏.xlsx"));
  const out = path.join(dir, "汇总.xlsx");
  const r = await runCli(["check", inbox, "--summary", out, "-q"]);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
  return { r, out, wb };
}

test("汇总: a row per form sheet and per unreadable file; numbers as numbers; 需修改 highlighted; 文件 a relative link", async () => {
  const { r, wb } = await made();
  expect(r.code).toBe(2);
  expect(r.out).toContain("汇总工作簿已写出");
  expect(wb.worksheets.map((w) => w.name)).toEqual(["汇总", "问题清单", "说明"]);
  const ws = wb.getWorksheet("汇总")!;
  expect(ws.getRow(1).values).toEqual([undefined, "文件", "工作表", "表格类型", "项目名称", "主管部门 / 实施单位", "预算执行率%(核算)", "预算执行得分(表内)", "预算执行得分(核算)", "总分(表内)", "总分(核算)", "等级(表内)", "等级(核算)", "错误", "警告", "结论", "说明"]);
  const rows = [2, 3, 4].map((i) => ws.getRow(i));
  const byFile = new Map(rows.map((row) => [String((row.getCell(1).value as { text?: string }).text ?? row.getCell(1).value), row]));
  const good = [...byFile.entries()].find(([k]) => k.includes("政务云"))![1];
  expect(good.getCell(9).value).toBe(90.2);
  expect(good.getCell(10).value).toBe(90.2);
  expect(typeof good.getCell(6).value).toBe("number");
  expect(good.getCell(15).value).toBe("可以提交");
  expect(good.getCell(5).value).toContain("上海市大数据中心");
  expect((good.getCell(1).value as { hyperlink: string }).hyperlink).toBe("收件/政务云.xlsx");
  const bad = [...byFile.entries()].find(([k]) => k.includes("HYPERLINK"))![1];
  expect(bad.getCell(15).value).toBe("需修改");
  expect((bad.getCell(1).fill as ExcelJS.FillPattern).fgColor?.argb).toBe("FFFFC7CE");
  const broken = [...byFile.entries()].find(([k]) => k.includes("损坏"))![1];
  expect(broken.getCell(15).value).toBe("无法读取");
  expect(String(broken.getCell(16).value)).toContain("损坏");
  expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
  expect(ws.autoFilter).toBeTruthy();
  expect(ws.getColumn(4).width).toBeGreaterThan(20);
});

test("问题清单: one row per finding, errors first; text from the workbooks is never a formula; 说明 says when, how and which version", async () => {
  const { wb } = await made();
  const list = wb.getWorksheet("问题清单")!;
  const severities: string[] = [];
  list.eachRow((row, i) => {
    if (i > 1) severities.push(String(row.getCell(4).value));
  });
  expect(severities.length).toBeGreaterThan(3);
  // Each code with what it is about, in Chinese, beside it.
  expect(list.getRow(1).values).toEqual([undefined, "文件", "工作表", "单元格", "严重程度", "问题类型", "代码", "说明"]);
  list.eachRow((row, i) => {
    if (i > 1) expect(String(row.getCell(5).value)).toMatch(/[\u4e00-\u9fff]/);
  });
  expect(severities.indexOf("警告")).toBeGreaterThan(severities.lastIndexOf("错误"));
  for (const w of wb.worksheets) w.eachRow((row) => row.eachCell((c) => expect(c.formula).toBeUndefined()));
  const about = wb.getWorksheet("说明")!;
  expect(String(about.getCell("B2").value)).toMatch(/^绩效自评助手 jixiao \d+\.\d+\.\d+/);
  // In the reviewer's local time and in words; the same options as JSON for programs, last.
  expect(String(about.getCell("B1").value)).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d（UTC[+−]\d\d:\d\d）$/);
  expect(String(about.getCell("B4").value)).toContain("取舍方式：截位保留两位小数");
  expect(String(about.getCell("B4").value)).toContain("合理性提示：关");
  expect(String(about.getCell("B4").value)).not.toContain("{");
  expect(about.getCell("A6").value).toBe("设置（机读）");
  expect(String(about.getCell("B6").value)).toContain('"rounding":"truncate"');
});

test("near miss: --summary naming an input is refused and nothing is written", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jixiao-summary-"));
  const f = path.join(dir, "a.xlsx");
  fs.copyFileSync(path.join(SAMPLES, "selfeval/zhengwuyun.xlsx"), f);
  const before = fs.readFileSync(f);
  const r = await runCli(["check", f, "--summary", f]);
  expect(r.code).toBe(2);
  expect(fs.readFileSync(f).equals(before)).toBe(true);
});

test("an earlier summary inside the checked folder is passed over and said so", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jixiao-summary-"));
  fs.copyFileSync(path.join(SAMPLES, "selfeval/zhengwuyun.xlsx"), path.join(dir, "a.xlsx"));
  const out = path.join(dir, "汇总.xlsx");
  await runCli(["check", dir, "--summary", out, "-q"]);
  const again = await runCli(["check", dir, "--summary", out, "-q", "--json", "--force"]);
  const doc = JSON.parse(again.out) as { files: Array<{ file: string }>; skipped?: Array<{ path: string; reason: string }> };
  expect(doc.files.map((f) => path.basename(f.file))).toEqual(["a.xlsx"]);
  expect(doc.skipped).toEqual([{ path: out, reason: "本程序写出的汇总工作簿" }]);
});
