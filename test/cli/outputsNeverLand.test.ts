// No output of a run ever lands on a workbook or on another output of the same run (issue 15 §1):
// each case of the issue rebuilt in a fresh folder, every file in it hashed before and after.
import { execFileSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { runCli } from "./run";
import { isOwnCsv, isOwnSummary } from "../../src/cli/outputGuard";
import { CSV_HEADER } from "../../src/cli/summaryCsv";
import { SAMPLES } from "../helpers";

const FORM = path.join(SAMPLES, "selfeval/zhengwuyun.xlsx");
const OTHER = path.join(SAMPLES, "selfeval/guanlijingfei.xlsx");
const XLS = path.join(__dirname, "..", "fixtures", "converted", "selfeval", "yunweibaozhang.xls");

let dir: string;
let inbox: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "jixiao-land-"));
  inbox = path.join(dir, "收到");
  fs.mkdirSync(inbox);
  fs.copyFileSync(FORM, path.join(inbox, "a.xlsx"));
  fs.copyFileSync(OTHER, path.join(inbox, "b.xlsx"));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Every regular file under the folder with its content hash. */
function hashes(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const rel of fs.readdirSync(dir, { recursive: true }).map(String).sort()) {
    const p = path.join(dir, rel);
    const st = fs.lstatSync(p);
    if (st.isFile()) out[rel] = crypto.createHash("sha256").update(fs.readFileSync(p)).digest("hex");
  }
  return out;
}

const run = (args: string[]) => runCli(["check", "-q", ...args]);

/** The run is refused, exit 2, with its reason naming the flag, and not one file changed or added. */
async function refusedUntouched(args: string[], flag: string) {
  const before = hashes();
  const r = await run(args);
  expect(r.code).toBe(2);
  expect(r.err).toContain(flag);
  expect(r.out).toBe("");
  expect(hashes()).toEqual(before);
}

describe("--summary never replaces a form", () => {
  test("a form inside the checked folder (issue case 1)", async () => {
    await refusedUntouched([inbox, "--summary", path.join(inbox, "b.xlsx")], "--summary");
  });

  test("the same through a pattern", async () => {
    await refusedUntouched([path.join(inbox, "*.xlsx"), "--summary", path.join(inbox, "b.xlsx")], "--summary");
  });

  test("the same with an .xls form", async () => {
    fs.copyFileSync(XLS, path.join(inbox, "c.xls"));
    await refusedUntouched([inbox, "--summary", path.join(inbox, "c.xls")], "--summary");
  });

  test("a form outside the checked folder, even with --force", async () => {
    const elsewhere = path.join(dir, "别的表.xlsx");
    fs.copyFileSync(FORM, elsewhere);
    await refusedUntouched([inbox, "--summary", elsewhere, "--force"], "--summary");
  });

  test("a summary with the same sheet names but not written by jixiao", async () => {
    const ExcelJS = (await import("exceljs")).default;
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("汇总").addRow(["我自己的表"]);
    wb.addWorksheet("问题清单");
    wb.addWorksheet("说明").addRow(["备注", "手工整理"]);
    const mine = path.join(dir, "汇总.xlsx");
    fs.writeFileSync(mine, new Uint8Array(await wb.xlsx.writeBuffer()));
    expect(await isOwnSummary(mine)).toBe(false);
    await refusedUntouched([inbox, "--summary", mine, "--force"], "--summary");
  });

  test("an earlier summary of jixiao's is replaced only with --force", async () => {
    const out = path.join(dir, "汇总.xlsx");
    expect((await run([inbox, "--summary", out])).code).toBe(0);
    expect(await isOwnSummary(out)).toBe(true);
    await refusedUntouched([inbox, "--summary", out], "--force");
    const forced = await run([inbox, "--summary", out, "--force"]);
    expect(forced.code).toBe(0);
    expect(await isOwnSummary(out)).toBe(true);
  });
});

describe("--csv never replaces a workbook or a file that is not its own", () => {
  test("an earlier copy passed over in the checked folder (issue case 2)", async () => {
    fs.copyFileSync(FORM, path.join(inbox, "a.filled.xlsx"));
    await refusedUntouched([inbox, "--csv", path.join(inbox, "a.filled.xlsx")], "--csv");
  });

  test("an Excel lock file passed over in the checked folder", async () => {
    fs.writeFileSync(path.join(inbox, "~$a.xlsx"), "lock");
    await refusedUntouched([inbox, "--csv", path.join(inbox, "~$a.xlsx"), "--force"], "--csv");
  });

  test("some other existing file, even with --force", async () => {
    const notes = path.join(dir, "notes.csv");
    fs.writeFileSync(notes, "项目,金额\r\n一,1\r\n");
    await refusedUntouched([inbox, "--csv", notes, "--force"], "--csv");
  });

  test("its own earlier CSV: only with --force", async () => {
    const csv = path.join(dir, "汇总.csv");
    expect((await run([inbox, "--csv", csv])).code).toBe(0);
    expect(isOwnCsv(csv, CSV_HEADER.join(","))).toBe(true);
    await refusedUntouched([inbox, "--csv", csv], "--force");
    expect((await run([inbox, "--csv", csv, "--force"])).code).toBe(0);
  });
});

describe("copies", () => {
  test("--fix --force without --out moves to a free name instead of replacing an edited copy (issue case 3)", async () => {
    const a = path.join(inbox, "a.xlsx");
    const edited = path.join(inbox, "a.filled.xlsx");
    fs.copyFileSync(OTHER, edited);
    const before = hashes();
    const r = await run([a, "--fix", "--force"]);
    expect(r.code).toBe(0);
    const after = hashes();
    for (const [k, v] of Object.entries(before)) expect(after[k]).toBe(v);
    expect(Object.keys(after)).toContain(path.join("收到", "a.filled (2).xlsx"));
  });

  test("folder mode with --force: every existing copy is kept", async () => {
    fs.copyFileSync(OTHER, path.join(inbox, "a.filled.xlsx"));
    fs.copyFileSync(FORM, path.join(inbox, "b.filled.xlsx"));
    const before = hashes();
    expect((await run([inbox, "--fix", "--force"])).code).toBe(0);
    const after = hashes();
    for (const [k, v] of Object.entries(before)) expect(after[k]).toBe(v);
    expect(Object.keys(after).filter((k) => k.includes("(2)"))).toHaveLength(2);
  });

  test("--out and --summary naming one file are refused (issue case 4)", async () => {
    const s = path.join(dir, "s.xlsx");
    await refusedUntouched([path.join(inbox, "a.xlsx"), "--fix", "--out", s, "--summary", s], "--summary");
  });

  test("--out and --csv naming one file are refused", async () => {
    const s = path.join(dir, "s.xlsx");
    await refusedUntouched([path.join(inbox, "a.xlsx"), "--fix", "--out", s, "--csv", s], "--csv");
  });

  test("--summary and --csv naming one file are refused", async () => {
    const s = path.join(dir, "s.csv");
    await refusedUntouched([inbox, "--summary", s, "--csv", s], "--csv");
  });

  test("--out naming a copy passed over in the checked folder is refused, even with --force", async () => {
    const one = path.join(dir, "单");
    fs.mkdirSync(one);
    fs.copyFileSync(FORM, path.join(one, "a.xlsx"));
    const edited = path.join(one, "a.filled.xlsx");
    fs.copyFileSync(OTHER, edited);
    await refusedUntouched([one, "--fix", "--out", edited, "--force"], "--out");
  });

  test("a copy in an --out folder moves aside from the summary's name", async () => {
    const outDir = path.join(dir, "副本");
    const summary = path.join(outDir, "a.filled.xlsx");
    const r = await run([inbox, "--fix", "--out", outDir, "--summary", summary]);
    expect(r.code).toBe(0);
    expect(await isOwnSummary(summary)).toBe(true);
    expect(fs.existsSync(path.join(outDir, "a.filled (2).xlsx"))).toBe(true);
    expect(await isOwnSummary(path.join(outDir, "a.filled (2).xlsx"))).toBe(false);
  });
});

describe("what is not a regular file is never opened", () => {
  const fifoOk = process.platform !== "win32";

  (fifoOk ? test : test.skip)("a FIFO matched by a pattern is listed and the run ends", async () => {
    execFileSync("mkfifo", [path.join(inbox, "管道.xlsx")]);
    const r = await runCli(["check", "-q", "--json", path.join(inbox, "*.xlsx")]);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out) as { files: Array<{ file: string }>; skipped: Array<{ path: string; reason: string }> };
    expect(doc.files.map((f) => path.basename(f.file))).toEqual(["a.xlsx", "b.xlsx"]);
    expect(doc.skipped.map((s) => path.basename(s.path))).toEqual(["管道.xlsx"]);
    expect(doc.skipped[0].reason).toContain("不是普通文件");
  });

  (fifoOk ? test : test.skip)("in a folder: a FIFO is listed, a linked workbook is checked, a linked folder is listed", async () => {
    execFileSync("mkfifo", [path.join(inbox, "管道.xlsx")]);
    const away = path.join(dir, "别处");
    fs.mkdirSync(away);
    fs.copyFileSync(FORM, path.join(away, "c.xlsx"));
    fs.symlinkSync(path.join(away, "c.xlsx"), path.join(inbox, "c-link.xlsx"));
    fs.symlinkSync(away, path.join(inbox, "folder-link.xlsx"));
    fs.symlinkSync(path.join(dir, "nowhere.xlsx"), path.join(inbox, "broken.xlsx"));
    const r = await runCli(["check", "-q", "--json", inbox]);
    const doc = JSON.parse(r.out) as { files: Array<{ file: string }>; skipped: Array<{ path: string; reason: string }> };
    expect(doc.files.map((f) => path.basename(f.file)).sort()).toEqual(["a.xlsx", "b.xlsx", "c-link.xlsx"]);
    const skipped = Object.fromEntries(doc.skipped.map((s) => [path.basename(s.path), s.reason]));
    expect(Object.keys(skipped).sort()).toEqual(["broken.xlsx", "folder-link.xlsx", "管道.xlsx"]);
    expect(skipped["管道.xlsx"]).toContain("不是普通文件");
    expect(skipped["folder-link.xlsx"]).toContain("文件夹");
  });
});

describe("limits are whole numbers within what the machine can keep", () => {
  const cases: Array<[string, string, boolean]> = [
    ["--file-timeout", "2147484", false],
    ["--file-timeout", "86401", false],
    ["--file-timeout", "86400", true],
    ["--file-timeout", "0", false],
    ["--file-timeout", "1.5", false],
    ["--file-timeout", "1e3", false],
    ["--file-timeout", "0x10", false],
    ["--file-memory", "63", false],
    ["--file-memory", "65537", false],
    ["--file-memory", "512", true],
    ["--jobs", "0", false],
    ["--jobs", "257", false],
    ["--jobs", "2", true],
  ];
  test.each(cases)("%s %s accepted: %s", async (flag, value, ok) => {
    const { parseCli } = await import("../../src/cli/args");
    const parse = () => parseCli(["check", "a.xlsx", flag, value]);
    if (ok) expect(parse).not.toThrow();
    else expect(parse).toThrow(new RegExp(`${flag}.*${value.replace(/[.+]/g, "\\$&")}`));
  });
});
