import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { z } from "zod";
import { runCli } from "./run";
import { SAMPLES } from "../helpers";

const BROKEN = path.join(__dirname, "..", "fixtures", "broken");
const sample = (p: string) => path.join(SAMPLES, p);

const run = runCli;

/** A figure as the form states it and as computed: both keys always there, each may be null. */
const figure = <T extends z.ZodType>(t: T) => z.object({ stated: t.nullable(), computed: t.nullable() }).strict();

const ReportSchema = z
  .object({
    files: z.array(
      z.object({
        file: z.string(),
        error: z.string().optional(),
        sheets: z.array(
          z.object({
            sheet: z.string(),
            kind: z.enum(["self-evaluation", "self-evaluation-legacy", "targets", "none"]),
            budget: z.object({ rate: figure(z.number()), score: figure(z.number()) }).nullable(),
            total: figure(z.number()),
            grade: figure(z.string()),
            indicators: z.array(z.unknown()),
            findings: z.array(
              z.object({
                code: z.string(),
                severity: z.enum(["error", "warning", "info"]),
                cell: z.string().regex(/^[A-Z]{1,3}[1-9]\d*$/),
                message: z.string().min(1),
              }),
            ),
          }),
        ),
      }),
    ),
  });

describe("jixiao check", () => {
  test("an accepted form: readable Chinese summary, exit 0", async () => {
    const r = await run(["check", sample("selfeval/zhengwuyun.xlsx")]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("工作表「绩效自评表」：财政项目支出绩效自评表");
    // Stated and computed agree: one figure each.
    expect(r.out).toContain("预算执行率 92.04%；预算执行得分 9.20；总分 90.20；等级 优");
    expect(r.out).toContain("错误 0");
    expect(r.err).toBe(""); // no progress line for a single file
  });

  test("errors give exit 1 and name their cells", async () => {
    const r = await run(["check", sample("selfeval-defects/wrong-arithmetic.xlsx")]);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/H6\s+预算执行得分应为 8\.11（10\.00 × 81\.15%，截位保留两位小数），表中为 8\.12/);
    expect(r.out).toMatch(/G34\s+总分应为 91\.61/);
    // The header line tells the form's total from the computed one.
    expect(r.out).toMatch(/总分 92\.61（表内）· 核算 91\.61/);
  });

  test("--lang en-US reports in English", async () => {
    const r = await run(["check", sample("selfeval-defects/missing-reasons.xlsx"), "--lang", "en-US"]);
    expect(r.code).toBe(1);
    expect(r.out).toContain('Sheet "绩效自评表": project performance self-evaluation');
    expect(r.out).toMatch(/H25\s+row 25/);
    expect(r.out).not.toMatch(/未填写偏差原因/);
  });

  test("an unreadable file is said so in each language with that language's punctuation", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jixiao-lang-"));
    const file = path.join(dir, "empty.xlsx");
    fs.writeFileSync(file, "");
    const en = await run(["check", file, "--lang", "en-US"]);
    expect(en.out).toContain("  Cannot read: The file is empty.");
    expect(en.out).not.toContain("：");
    const zh = await run(["check", file]);
    expect(zh.out).toContain("  无法读取：文件是空的。");
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test("--json prints exactly one document of the promised shape", async () => {
    const files = ["selfeval/yiwangtongban.xlsx", "legacy/xuqiuce.xlsx", "targets/menhu-2024.xlsx", "selfeval-defects/bad-values.xlsx"].map(sample);
    const r = await run(["check", ...files, "--json"]);
    expect(r.code).toBe(1);
    const doc = ReportSchema.parse(JSON.parse(r.out));
    expect(doc.files.map((f) => f.sheets[0].kind)).toEqual(["self-evaluation", "self-evaluation-legacy", "targets", "self-evaluation"]);
    expect(doc.files[0].sheets[0]).toMatchObject({
      budget: { rate: { stated: 98.61, computed: 98.61 }, score: { stated: 9.86, computed: 9.86 } },
      total: { stated: 94.46, computed: 94.46 },
      grade: { stated: "优", computed: "优" },
    });
    expect(doc.files[1].sheets[0]).toMatchObject({ budget: null, total: { stated: 99, computed: 99 }, grade: { stated: "优秀", computed: "优秀" } });
    expect(doc.files[2].sheets[0]).toMatchObject({ budget: null, total: { stated: null, computed: null }, grade: { stated: null, computed: null } });
    expect(doc.files[3].sheets[0].findings.filter((f) => f.severity === "error").map((f) => f.cell).sort()).toEqual(["D17", "E16", "G14"]);
    // Progress goes to stderr, never into the JSON.
    expect(r.err).toContain("[4/4]");
  });

  test.each([
    ["missing.xlsx", /文件不存在/],
    ["not-a-workbook.xlsx", /不是 Excel 工作簿/],
    ["truncated.xlsx", /已损坏/],
    ["password-protected.xlsx", /设置了打开密码/],
  ])("%s cannot be read: clear message, exit 2, the other files still checked", async (name, message) => {
    const r = await run(["check", path.join(BROKEN, name), sample("targets/menhu-2024.xlsx"), "--json"]);
    expect(r.code).toBe(2);
    const doc = ReportSchema.parse(JSON.parse(r.out));
    expect(doc.files[0].error).toMatch(message);
    expect(doc.files[0].sheets).toEqual([]);
    expect(doc.files[1].sheets[0].kind).toBe("targets");
  });

  test("usage errors exit 2 with one line and a hint", async () => {
    expect((await run(["check"])).code).toBe(2);
    expect((await run(["frobnicate", "a.xlsx"])).code).toBe(2);
    const bad = await run(["check", "a.xlsx", "--rounding", "sideways"]);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain("--rounding truncate|half-up|up");
    const help = await run(["--help"]);
    expect(help.code).toBe(0);
    expect(help.out).toContain("jixiao check <文件 | 文件夹 | *.xlsx | ->");
  });

  test("--rounding changes the figures checked", async () => {
    const truncate = JSON.parse((await run(["check", sample("selfeval/shujuyunying.xlsx"), "--json"])).out);
    const halfUp = JSON.parse((await run(["check", sample("selfeval/shujuyunying.xlsx"), "--json", "--rounding", "half-up"])).out);
    expect(truncate.files[0].sheets[0].budget).toEqual({ rate: { stated: 81.15, computed: 81.15 }, score: { stated: 8.11, computed: 8.11 } });
    expect(halfUp.files[0].sheets[0].budget).toEqual({ rate: { stated: 81.15, computed: 81.16 }, score: { stated: 8.11, computed: 8.12 } });
    expect(halfUp.files[0].sheets[0].findings.map((f: { code: string }) => f.code)).toContain("budget-rate-mismatch");
  });

  test("--fix writes a filled copy and leaves the input's bytes alone", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jixiao-cli-"));
    const input = path.join(dir, "blank.xlsx");
    fs.copyFileSync(sample("selfeval-defects/blank-scores.xlsx"), input);
    const before = fs.readFileSync(input);
    const r = await run(["check", input, "--fix", "--json"]);
    expect(r.code).toBe(0);
    expect(fs.readFileSync(input).equals(before)).toBe(true);
    const out = path.join(dir, "blank.filled.xlsx");
    expect(fs.existsSync(out)).toBe(true);
    const doc = JSON.parse(r.out);
    expect(doc.files[0].sheets[0].written.map((w: { cell: string }) => w.cell)).toEqual(["G13", "G14", "G15", "G16", "G28", "G31", "F32"]);
    const again = await run(["check", out, "--json"]);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.out).files[0].sheets[0].total).toEqual(doc.files[0].sheets[0].total);
    // Refuses to write over its input.
    const same = await run(["check", input, "--fix", "--out", input]);
    expect(same.code).toBe(2);
    expect(fs.readFileSync(input).equals(before)).toBe(true);
  });
});

test("a folder or a * pattern stands for the workbooks in it (Windows passes patterns on unexpanded)", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jixiao-cli-"));
  fs.mkdirSync(path.join(dir, "二科"));
  fs.copyFileSync(sample("selfeval/zhengwuyun.xlsx"), path.join(dir, "政务云.xlsx"));
  fs.copyFileSync(sample("selfeval-defects/missing-reasons.xlsx"), path.join(dir, "二科", "缺说明.xlsx"));
  fs.copyFileSync(sample("targets/menhu-2024.xlsx"), path.join(dir, "门户-目标.xlsx"));
  fs.writeFileSync(path.join(dir, "~$政务云.xlsx"), "lock file of an open workbook");
  fs.writeFileSync(path.join(dir, "说明.txt"), "not a workbook");
  fs.copyFileSync(sample("targets/menhu-2024.xlsx"), path.join(dir, "政务云.filled.xlsx"));

  const folder = JSON.parse((await run(["check", dir, "--json", "-q"])).out);
  expect(folder.files.map((f: { file: string }) => path.relative(dir, f.file)).sort()).toEqual(
    [path.join("二科", "缺说明.xlsx"), "政务云.xlsx", "门户-目标.xlsx"].sort(),
  );
  const pattern = await run(["check", path.join(dir, "*目标.xlsx"), "--json"]);
  expect(JSON.parse(pattern.out).files.map((f: { file: string }) => path.basename(f.file))).toEqual(["门户-目标.xlsx"]);
  expect(pattern.code).toBe(0);
  // A pattern that matches nothing is reported, not silently dropped.
  const none = await run(["check", path.join(dir, "*.none.xlsx"), "--json"]);
  expect(none.code).toBe(2);
  expect(JSON.parse(none.out).files[0].error).toMatch(/文件不存在/);
});

test("--csv writes one row per sheet that Excel opens in Chinese", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jixiao-cli-"));
  const csv = path.join(dir, "汇总.csv");
  const files = [sample("selfeval/zhengwuyun.xlsx"), sample("selfeval-defects/missing-reasons.xlsx"), path.join(BROKEN, "truncated.xlsx")];
  const r = await run(["check", ...files, "--csv", csv, "-q"]);
  expect(r.code).toBe(2);
  expect(r.out).toContain(`汇总表已写出：${csv}`);
  const bytes = fs.readFileSync(csv);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = bytes.toString("utf8").slice(1).trim().split("\r\n");
  expect(lines[0]).toBe("文件,工作表,表格类型,项目名称,主管部门 / 实施单位,预算执行率%(核算),预算执行得分(表内),预算执行得分(核算),总分(表内),总分(核算),等级(表内),等级(核算),错误,警告,结论,说明");
  expect(lines[1].split(",").slice(1, 5)).toEqual(["绩效自评表", "财政项目支出绩效自评表", "上海市政务云基础设施服务项目", "上海市大数据中心"]);
  expect(lines[1].split(",").slice(5, 15)).toEqual(["92.04", "9.20", "9.20", "90.20", "90.20", "优", "优", "0", "7", "可以提交"]);
  expect(lines[2].split(",").slice(12, 15)).toEqual(["2", "7", "需修改"]);
  expect(lines[3]).toMatch(/truncated\.xlsx,,,,,,,,,,,,,,无法读取,工作簿已损坏/);
});

test("--mark writes a marked copy: marks and notes, no value filled", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jixiao-cli-"));
  const out = path.join(dir, "marked.xlsx");
  const r = await run(["check", sample("selfeval-defects/blank-scores.xlsx"), "--mark", "--out", out]);
  expect(r.code).toBe(1);
  const { loadWorkbook } = await import("../../src/xlsx/readWorkbook");
  const ws = (await loadWorkbook(fs.readFileSync(out))).worksheets[0];
  expect(ws.getCell("G13").value).toBeNull();
  expect(JSON.stringify(ws.getCell("G13").note)).toContain("未填写得分");
  const cfs = (ws as unknown as { conditionalFormattings: Array<{ ref: string }> }).conditionalFormattings;
  expect(cfs.map((c) => c.ref)).toEqual(expect.arrayContaining(["G13", "G14", "G15", "G16", "G28", "G31", "F32"]));
});

test("the built command runs as `node dist/cli/jixiao.js`", async () => {
  const bin = path.join(__dirname, "..", "..", "dist", "cli", "jixiao.js");
  expect(fs.existsSync(bin)).toBe(true);
  const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "..", "package.json"), "utf8"));
  expect(pkg.bin.jixiao).toBe("dist/cli/jixiao.js");
  const { stdout } = await promisify(execFile)(process.execPath, [bin, "check", sample("selfeval/guanlijingfei.xlsx"), "--json"]);
  expect(JSON.parse(stdout).files[0].sheets[0].total).toEqual({ stated: 98.74, computed: 98.74 });
});

test("a finding the fill puts right gets this host's hint (--fix); the engine's message names no host", async () => {
  const file = path.join(SAMPLES, "selfeval-defects/blank-scores.xlsx");
  const r = await run(["check", file]);
  const line = r.out.split("\n").find((l) => l.includes("[missing-score]") && l.includes("建议"))!;
  expect(line).toMatch(/分。可用 --fix 自动填入（写出副本）。 \[missing-score\]$/);
  const en = await run(["check", file, "--lang", "en-US", "--json"]);
  const doc = JSON.parse(en.out);
  const f = doc.files[0].sheets[0].findings.find((x: { code: string; message: string }) => x.code === "missing-score" && x.message.includes("suggest"));
  expect(f.message).toMatch(/ --fix writes it \(in a copy\)\.$/);
  // A finding the fill cannot put right gets no hint.
  expect(r.out.split("\n").filter((l) => l.includes("[missing-explanation]")).every((l) => !l.includes("--fix"))).toBe(true);
});

test("the command's zod is the functions the project names, in one file: no thread of the command loads zod's package (its locales, its JSON Schema code)", async () => {
  const dist = path.join(__dirname, "..", "..", "dist");
  const probe = `
    require(${JSON.stringify(path.join(dist, "cli", "command.js"))});
    require(${JSON.stringify(path.join(dist, "cli", "checkWorker.js"))});
    const z = require(${JSON.stringify(path.join(dist, "core", "zod.js"))});
    const sep = require("path").sep;
    process.stdout.write(JSON.stringify({ zod: Object.keys(require.cache).filter((k) => k.includes(sep + "node_modules" + sep + "zod" + sep)), names: Object.keys(z).sort() }));
  `;
  const r = await promisify(execFile)(process.execPath, ["-e", probe]);
  const { zod, names } = JSON.parse(r.stdout) as { zod: string[]; names: string[] };
  expect(zod).toEqual([]);
  // The same functions as the module the sources import (src/core/zod.ts), which re-exports zod/mini's.
  const src = await import("../../src/core/zod");
  expect(names).toEqual(Object.keys(src).sort());
  expect(names).toContain("object");
  // And they work: the command's settings read through them.
  const { resolveSettings } = (await import(path.join(dist, "core", "settings.js"))) as typeof import("../../src/core/settings");
  expect(resolveSettings({ rounding: "half-up" }).rounding).toBe("half-up");
  expect(() => resolveSettings({ rounding: "sideways" } as never)).toThrow();
});

test("--version and --help load nothing of the checker (no zod, no engine, no reader): a cold start is module loading", async () => {
  const bin = path.join(__dirname, "..", "..", "dist", "cli", "jixiao.js");
  const probe = `
    const Module = require("module");
    const loaded = [];
    const load = Module._load;
    Module._load = function (request) { loaded.push(request); return load.apply(this, arguments); };
    process.argv = [process.argv[0], ${JSON.stringify(bin)}, process.env.ARG];
    require(${JSON.stringify(bin)}).runCli();
    setTimeout(() => process.stderr.write(JSON.stringify(loaded)), 50);
  `;
  for (const arg of ["--version", "--help"]) {
    const r = await promisify(execFile)(process.execPath, ["-e", probe], { env: { ...process.env, ARG: arg } });
    const loaded = JSON.parse(r.stderr) as string[];
    expect(r.stdout).toMatch(arg === "--version" ? /^jixiao \d+\.\d+\.\d+\n$/ : /用法 Usage/);
    expect(loaded.filter((m) => /zod|exceljs|engine|command|crossCheck|xlsx/.test(m))).toEqual([]);
  }
  // Anything else loads the command.
  const check = await promisify(execFile)(process.execPath, ["-e", probe], { env: { ...process.env, ARG: "--fxi" } }).catch((e: { stderr: string }) => e);
  expect(JSON.parse(check.stderr.slice(check.stderr.lastIndexOf("["))) as string[]).toContain("./command");
});
