// A province's batch of large forms (issue 15 §5, §11): twelve forms of 100,000 rows in one call, each
// within its own limits, and every file gets its line: no "heap out of memory" for the run as a whole.
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { bigForm } from "../excel/bigSheet";

const run = promisify(execFile);
const CLI = path.join(__dirname, "..", "..", "dist", "cli", "jixiao.js");
/** Held after each file, measured after a garbage collection; twelve 100,000-row results held at once far exceed it. */
const PEAK_HEAP_MB = 600;

test("twelve 100,000-row forms in one call: every file has its line, and the run ends normally", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jixiao-batch-"));
  const bytes = new Uint8Array((await (await bigForm(100_000)).xlsx.writeBuffer()) as ArrayBuffer);
  const files = Array.from({ length: 12 }, (_, i) => path.join(dir, `表${i + 1}.xlsx`));
  for (const f of files) fs.writeFileSync(f, bytes);
  let out = "";
  let err = "";
  let code = 0;
  try {
    const r = await run(process.execPath, ["--expose-gc", CLI, "check", "-q", "-j", "2", ...files], { maxBuffer: 1 << 30, env: { ...process.env, JIXIAO_REPORT_HEAP: "1" } });
    out = r.stdout;
    err = r.stderr;
  } catch (e) {
    const x = e as { code: number; stdout: string; stderr: string };
    out = x.stdout;
    err = x.stderr;
    code = x.code;
    expect(x.stderr).not.toMatch(/heap out of memory/i);
  }
  // The batch keeps each file's report on disk and its rows, not its forms: what the main thread
  // holds after each file (measured after a collection) stays near one file's cost, whatever the count.
  const peak = Number(/peakHeapMb=(\d+)/.exec(err)?.[1]);
  console.log(`main-thread peak heap over 12 files: ${peak} MB`);
  expect(peak).toBeLessThan(PEAK_HEAP_MB);
  expect(code === 0 || code === 1).toBe(true);
  const lines = out.split("\n").filter((l) => l.startsWith("━━ "));
  expect(lines.map((l) => path.basename(l.slice(3)))).toEqual(files.map((f) => path.basename(f)));
  expect(out.match(/指标 100000 个/g)?.length).toBe(12);
  fs.rmSync(dir, { recursive: true, force: true });
}, 600_000);
