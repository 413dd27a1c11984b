// The command as people type it (issue 18 §2): `jixiao 文件.xlsx`, a mistyped option answered in one
// line naming the nearest one, `-` for a workbook on standard input.
import fs from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { main } from "../../src/cli/jixiao";
import { nearestOption } from "../../src/cli/args";
import { Capture, runCli } from "./run";
import { SAMPLES } from "../helpers";

const FORM = path.join(SAMPLES, "selfeval/zhengwuyun.xlsx");

test("jixiao 文件.xlsx is jixiao check 文件.xlsx", async () => {
  const a = await runCli([FORM, "--json"]);
  const b = await runCli(["check", FORM, "--json"]);
  expect(a.code).toBe(0);
  expect(a.out).toBe(b.out);
});

test.each([
  [["check", FORM, "--fxi"], "未知选项 --fxi，是否要用 --fix？"],
  [["check", FORM, "--sumary", "x.xlsx"], "是否要用 --summary？"],
  [["check", FORM, "--jobs"], "选项 --jobs 后面缺少值"],
  [["check", FORM, "--json=1"], "选项 --json 不带值"],
  [["chek", FORM], "未知命令 chek"],
  [["check", FORM, "--zzzzzz"], "未知选项 --zzzzzz（unknown option --zzzzzz）"],
])("%j: one line and a hint, exit 2", async (args, said) => {
  const r = await runCli(args as string[]);
  expect(r.code).toBe(2);
  expect(r.out).toBe("");
  const lines = r.err.trimEnd().split("\n");
  expect(lines).toHaveLength(2);
  expect(lines[0]).toContain(said);
  expect(lines[1]).toContain("jixiao --help");
});

test("nearestOption finds what was meant, and nothing for what is far", () => {
  expect(nearestOption("--fxi")).toBe("--fix");
  expect(nearestOption("--file-timout")).toBe("--file-timeout");
  expect(nearestOption("--qiuet")).toBe("--quiet");
  expect(nearestOption("--banana")).toBeNull();
});

test("jixiao check - reads a workbook from standard input, named - in the report", async () => {
  const out = new Capture();
  const err = new Capture();
  const stdin = Readable.from([fs.readFileSync(FORM)]);
  const code = await main(["check", "-", "--json"], { out, err, stdin });
  expect(code).toBe(0);
  const doc = JSON.parse(out.data) as { files: Array<{ file: string; sheets: Array<{ total: number }> }> };
  expect(doc.files[0].file).toBe("-");
  expect(doc.files[0].sheets[0].total).toEqual({ stated: 90.2, computed: 90.2 });
});

test("- with --fix and no -o is refused: there is no file to put a copy beside", async () => {
  const out = new Capture();
  const err = new Capture();
  const code = await main(["check", "-", "--fix"], { out, err, stdin: Readable.from([fs.readFileSync(FORM)]) });
  expect(code).toBe(2);
  expect(err.data).toContain("-o");
});

test("the help names -v, --version and -o, and every format", async () => {
  const r = await runCli(["--help"]);
  for (const w of ["-v, --version", "-o", ".xltx", ".xltm", ".xls", ".ods", ".et"]) expect(r.out).toContain(w);
});
