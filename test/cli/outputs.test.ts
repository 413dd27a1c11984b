// A person's files are never changed, whatever the paths (links, folders, names given twice), and a
// copy appears whole or not at all (issue: nothing lost). Each case is built here in a fresh folder.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { runCli } from "./run";
import { freeName, planTargets, sameFile, writeWhole } from "../../src/cli/outputs";
import { visible } from "../../src/cli/report";
import { neutralise } from "../../src/cli/summaryCsv";
import { SAMPLES } from "../helpers";

const run = (args: string[]) => runCli(["check", "-q", ...args]);

let dir: string;
let input: string;
let original: Buffer;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "jixiao-out-"));
  input = path.join(dir, "blank.xlsx");
  fs.copyFileSync(path.join(SAMPLES, "selfeval-defects/blank-scores.xlsx"), input);
  original = fs.readFileSync(input);
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const unchanged = (p = input) => expect(fs.readFileSync(p).equals(original)).toBe(true);
const leftovers = () => fs.readdirSync(dir, { recursive: true }).map(String).filter((n) => n.endsWith(".tmp"));

describe("--out that reaches the input", () => {
  test("a symbolic link to the input is refused", async () => {
    const link = path.join(dir, "link.xlsx");
    fs.symlinkSync(input, link);
    const r = await run([input, "--fix", "--out", link]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("--out");
    expect(r.err).toContain("是要检查的文件之一");
    unchanged();
  });

  test("a hard link to the input is refused", async () => {
    const link = path.join(dir, "hard.xlsx");
    fs.linkSync(input, link);
    const r = await run([input, "--fix", "--out", link]);
    expect(r.code).toBe(2);
    unchanged();
    unchanged(link);
  });

  test("the input reached through a symlinked folder is refused", async () => {
    const alias = path.join(dir, "alias");
    fs.symlinkSync(dir, alias);
    const r = await run([input, "--fix", "--out", path.join(alias, "blank.xlsx")]);
    expect(r.code).toBe(2);
    unchanged();
  });

  test("sameFile: real paths and inodes, not strings", () => {
    fs.symlinkSync(input, path.join(dir, "s.xlsx"));
    expect(sameFile(input, path.join(dir, "s.xlsx"))).toBe(true);
    expect(sameFile(input, path.join(dir, ".", "blank.xlsx"))).toBe(true);
    expect(sameFile(input, path.join(dir, "other.xlsx"))).toBe(false);
  });
});

test("--csv naming an input is refused before anything is written", async () => {
  const r = await run([input, "--csv", input]);
  expect(r.code).toBe(2);
  expect(r.err).toContain("--csv");
  unchanged();
});

test("check a.xlsx a.filled.xlsx --fix: the second input is not overwritten by the first's copy", async () => {
  const second = path.join(dir, "blank.filled.xlsx");
  fs.copyFileSync(input, second);
  const r = await run([input, second, "--fix"]);
  expect(r.code).toBe(0);
  unchanged(second);
  expect(fs.existsSync(path.join(dir, "blank.filled (2).xlsx"))).toBe(true);
  expect(fs.existsSync(path.join(dir, "blank.filled.filled.xlsx"))).toBe(true);
});

test("an existing copy the person has since edited is kept: the new copy gets a free name", async () => {
  const edited = path.join(dir, "blank.filled.xlsx");
  fs.writeFileSync(edited, "the reasons I typed");
  const r = await run([input, "--fix"]);
  expect(r.code).toBe(0);
  expect(fs.readFileSync(edited, "utf8")).toBe("the reasons I typed");
  expect(r.out).toContain("blank.filled (2).xlsx");
  expect(fs.existsSync(path.join(dir, "blank.filled (2).xlsx"))).toBe(true);
});

test("an existing --out file is refused (exit 2) unless --force", async () => {
  const target = path.join(dir, "mine.xlsx");
  fs.writeFileSync(target, "keep me");
  const r = await run([input, "--fix", "--out", target]);
  expect(r.code).toBe(2);
  expect(r.out).toContain("--force");
  expect(fs.readFileSync(target, "utf8")).toBe("keep me");
  const forced = await run([input, "--fix", "--out", target, "--force"]);
  expect(forced.code).toBe(0);
  expect(fs.readFileSync(target).subarray(0, 2).toString()).toBe("PK");
  unchanged();
});

test("two inputs with the same name in different folders get two copies in the --out folder", async () => {
  fs.mkdirSync(path.join(dir, "a"));
  fs.mkdirSync(path.join(dir, "b"));
  fs.copyFileSync(input, path.join(dir, "a", "表.xlsx"));
  fs.copyFileSync(path.join(SAMPLES, "selfeval-defects/missing-reasons.xlsx"), path.join(dir, "b", "表.xlsx"));
  const out = path.join(dir, "out");
  const r = await run([path.join(dir, "a", "表.xlsx"), path.join(dir, "b", "表.xlsx"), "--fix", "--out", out]);
  expect(r.code).toBe(1);
  expect(fs.readdirSync(out).sort()).toEqual(["表.filled (2).xlsx", "表.filled.xlsx"]);
  const sizes = fs.readdirSync(out).map((f) => fs.statSync(path.join(out, f)).size);
  expect(sizes[0]).not.toBe(sizes[1]);
});

test("an --out folder that cannot be made: every file reported, no stack trace, exit 2", async () => {
  fs.writeFileSync(path.join(dir, "afile"), "x");
  const r = await run([input, path.join(SAMPLES, "selfeval/zhengwuyun.xlsx"), "--fix", "--out", path.join(dir, "afile", "sub")]);
  expect(r.code).toBe(2);
  expect(r.out.match(/未写出副本：/g)?.length).toBe(2);
  // The files are still checked and reported.
  expect(r.out).toContain("工作表「绩效自评表」");
  expect(r.out).not.toMatch(/at .*\.ts:\d+/);
});

describe("writeWhole", () => {
  test("a copy appears whole: a second writer of the same name fails and the first copy stays", () => {
    const target = path.join(dir, "copy.xlsx");
    writeWhole(target, Buffer.from("first"), false);
    expect(() => writeWhole(target, Buffer.from("second"), false)).toThrow(/exists and was not overwritten/);
    expect(fs.readFileSync(target, "utf8")).toBe("first");
    expect(leftovers()).toEqual([]);
  });

  test("a failed write leaves nothing at the destination and no temporary file", () => {
    const target = path.join(dir, "missing-folder", "copy.xlsx");
    let err: { zh?: string } = {};
    try {
      writeWhole(target, Buffer.from("x"), false);
    } catch (e) {
      err = e as { zh?: string };
    }
    expect(err.zh).toContain("文件夹不存在");
    expect(fs.existsSync(target)).toBe(false);
    expect(leftovers()).toEqual([]);
  });

  test("a full disk is reported as such (/dev/full)", () => {
    if (!fs.existsSync("/dev/full")) return;
    const e = (() => {
      try {
        fs.writeFileSync("/dev/full", "x");
      } catch (x) {
        return x as NodeJS.ErrnoException;
      }
      return null;
    })();
    expect(e?.code).toBe("ENOSPC");
  });
});

test("planTargets and freeName: names already taken in the run are not given twice", () => {
  const planned = planTargets([input, input.replace("blank", "blank2")], { suffix: ".filled.xlsx", force: false, many: true, out: path.join(dir, "o") });
  expect(new Set(planned.map((p) => p.target)).size).toBe(2);
  expect(freeName("/x/a.filled.xlsx", (c) => c === "/x/a.filled.xlsx" || c === "/x/a.filled (2).xlsx")).toBe("/x/a.filled (3).xlsx");
});

test("the same file named twice, and a file whose name starts with '-' after --", async () => {
  const dash = path.join(dir, "-表.xlsx");
  fs.copyFileSync(input, dash);
  const r = await run(["--json", "--", input, path.join(dir, ".", "blank.xlsx"), dash]);
  expect(r.code).toBe(1);
  const doc = JSON.parse(r.out);
  expect(doc.files.map((f: { file: string }) => path.basename(f.file))).toEqual(["blank.xlsx", "-表.xlsx"]);
});

describe("text from files cannot act", () => {
  test("CSV fields that a spreadsheet would run are neutralised (OWASP)", async () => {
    for (const bad of ["=HYPERLINK(\"http://x\")", "+1", "-1+2", "@SUM(A1)", "\tx", "\rx", "=cmd|' -C calc'!A0"]) expect(neutralise(bad)).toBe(`'${bad}`);
    expect(neutralise("绩效自评表")).toBe("绩效自评表");
    const evil = "=HYPERLINK(1).xlsx";
    fs.copyFileSync(input, path.join(dir, evil));
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      const r = await run([evil, "--csv", "sum.csv"]);
      expect(r.code).toBe(1);
    } finally {
      process.chdir(cwd);
    }
    const row = fs.readFileSync(path.join(dir, "sum.csv"), "utf8").split("\r\n")[1];
    expect(row.startsWith(`'${evil},`)).toBe(true);
  });

  test("control characters from cells are shown as escapes in the readable report; --json stays exact", async () => {
    // A sender's file name with an escape sequence in it (Linux allows it).
    const file = path.join(dir, "清屏\u001b[2J\u001b[H.xlsx");
    fs.copyFileSync(input, file);
    const r = await run([file]);
    expect(r.out).not.toContain("\u001b");
    expect(r.out).toContain("\\x1B[2J");
    const j = await run([file, "--json"]);
    expect(JSON.stringify(JSON.parse(j.out))).toContain("\\u001b[2J");
    expect(visible("a\u0007b\u009bc")).toBe("a\\x07b\\x9Bc");
  });
});

test("folder mode says what it passed over and why: lock files, earlier copies, a folder it cannot open", async () => {
  fs.writeFileSync(path.join(dir, "~$blank.xlsx"), "lock");
  fs.copyFileSync(input, path.join(dir, "blank.filled (2).xlsx"));
  fs.mkdirSync(path.join(dir, "locked"));
  const real = fs.readdirSync;
  // As root every folder opens; an unreadable one is what a network share gives.
  const spy = jest.spyOn(fs, "readdirSync").mockImplementation(((p: fs.PathLike, o?: unknown) => {
    if (String(p).endsWith("locked")) throw Object.assign(new Error("EACCES: permission denied"), { code: "EACCES" });
    return (real as (p: fs.PathLike, o?: unknown) => unknown)(p, o);
  }) as typeof fs.readdirSync);
  try {
    const r = await run([dir]);
    expect(r.code).toBe(1);
    expect(r.out).toContain("未检查 3 项");
    expect(r.out).toContain("Excel 的临时锁定文件");
    expect(r.out).toContain("本程序之前写出的副本");
    expect(r.out).toContain("无法打开文件夹（EACCES）");
    const j = await run([dir, "--json"]);
    expect(JSON.parse(j.out).skipped).toHaveLength(3);
  } finally {
    spy.mockRestore();
  }
});

test("a workbook with macros (.xlsm) gets an .xlsm copy that keeps its VBA project byte for byte", async () => {
  const JSZip = (await import("jszip")).default;
  const zip = await JSZip.loadAsync(fs.readFileSync(input));
  const types = await zip.file("[Content_Types].xml")!.async("string");
  zip.file(
    "[Content_Types].xml",
    types
      .replace("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml", "application/vnd.ms-excel.sheet.macroEnabled.main+xml")
      .replace("</Types>", '<Override PartName="/xl/vbaProject.bin" ContentType="application/vnd.ms-office.vbaProject"/></Types>'),
  );
  const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
  zip.file("xl/_rels/workbook.xml.rels", rels.replace("</Relationships>", '<Relationship Id="rIdVba" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/></Relationships>'));
  const vba = new Uint8Array(4096).map((_, i) => (i * 7919) % 256);
  zip.file("xl/vbaProject.bin", vba);
  const xlsm = path.join(dir, "宏.xlsm");
  fs.writeFileSync(xlsm, await zip.generateAsync({ type: "nodebuffer" }));
  const r = await run([xlsm, "--fix", "--json"]);
  const doc = JSON.parse(r.out);
  expect(doc.files[0].error).toBeUndefined();
  expect(doc.files[0].sheets[0].kind).toBe("self-evaluation");
  const copy = path.join(dir, "宏.filled.xlsm");
  expect(doc.files[0].out).toBe(copy);
  const back = await JSZip.loadAsync(fs.readFileSync(copy));
  expect(Buffer.from(await back.file("xl/vbaProject.bin")!.async("uint8array")).equals(Buffer.from(vba))).toBe(true);
  expect(await back.file("[Content_Types].xml")!.async("string")).toContain("macroEnabled.main+xml");
  expect(await back.file("xl/_rels/workbook.xml.rels")!.async("string")).toContain("vbaProject.bin");
  expect(doc.files[0].sheets[0].written.length).toBeGreaterThan(0);
});

test("an .xltx template's copy stays a template: its extension and its content type", async () => {
  const JSZip = (await import("jszip")).default;
  const zip = await JSZip.loadAsync(fs.readFileSync(input));
  const types = await zip.file("[Content_Types].xml")!.async("string");
  zip.file("[Content_Types].xml", types.replace("spreadsheetml.sheet.main+xml", "spreadsheetml.template.main+xml"));
  const xltx = path.join(dir, "模板.xltx");
  fs.writeFileSync(xltx, await zip.generateAsync({ type: "nodebuffer" }));
  const r = await run([xltx, "--fix"]);
  expect(r.code).toBe(0);
  const copy = path.join(dir, "模板.filled.xltx");
  expect(fs.existsSync(copy)).toBe(true);
  const out = await JSZip.loadAsync(fs.readFileSync(copy));
  const outTypes = await out.file("[Content_Types].xml")!.async("string");
  expect(outTypes).toContain("spreadsheetml.template.main+xml");
  expect(outTypes).not.toContain("spreadsheetml.sheet.main+xml");
});

test("--version is package.json's", async () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, "../../package.json"), "utf8")) as { version: string };
  const r = await runCli(["--version"]);
  expect(r.out.trim()).toBe(`jixiao ${pkg.version}`);
});

test("planning copies looks inputs up instead of comparing them pairwise: file-system calls grow linearly (issue 21 §5)", () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "jixiao-plan-"));
  try {
    const make = (n: number) => {
      const d = fs.mkdtempSync(path.join(root, "in-"));
      return Array.from({ length: n }, (_, i) => {
        const f = path.join(d, `表${i}.xlsx`);
        fs.writeFileSync(f, "x");
        return f;
      });
    };
    const calls = (files: string[]) => {
      const real = jest.spyOn(fs.realpathSync, "native");
      const stat = jest.spyOn(fs, "statSync");
      try {
        const planned = planTargets(files, { suffix: ".filled.xlsx", force: false, many: true });
        expect(planned.every((p) => p.target && !p.error)).toBe(true);
        return real.mock.calls.length + stat.mock.calls.length;
      } finally {
        real.mockRestore();
        stat.mockRestore();
      }
    };
    const small = calls(make(50));
    const large = calls(make(200));
    // Four times the files, about four times the calls (pairwise comparing made it sixteen).
    expect(large / small).toBeLessThan(5);
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
});
