// The command as a process: what a shell pipeline and the worker pool ask of it.
import { spawn } from "node:child_process";
import path from "node:path";
import { youngGenerationMb } from "../../src/cli/pool";

const CLI = path.resolve(__dirname, "../../dist/cli/jixiao.js");
const SAMPLES = path.resolve(__dirname, "../fixtures/samples");

describe("the command in a pipeline", () => {
  it("stops quietly when the reader of its report goes away (jixiao check --json 文件夹 | head)", async () => {
    // A shell's pipe (a spawned child's own stdout is a socket pair, which breaks otherwise). The report
    // (~180 KB) is larger than a pipe holds, and head leaves after 100 bytes.
    const q = (s: string) => `'${s.replace(/'/g, "'\\''")}'`;
    const child = spawn("sh", ["-c", `${q(process.execPath)} ${q(CLI)} check --json -q -j 1 ${q(SAMPLES)} | head -c 100 > /dev/null`], { stdio: ["ignore", "ignore", "pipe"] });
    let err = "";
    child.stderr.on("data", (d: Buffer) => (err += d.toString()));
    await new Promise((resolve) => child.on("close", resolve));
    expect(err).not.toMatch(/EPIPE|Unhandled|internal error|内部错误/);
  }, 60_000);
});

describe("the workers' memory", () => {
  it("keeps a small young generation, whatever --file-memory allows the old one", () => {
    expect(youngGenerationMb(2048)).toBe(48);
    expect(youngGenerationMb(8192)).toBe(48);
    expect(youngGenerationMb(256)).toBe(32);
    expect(youngGenerationMb(64)).toBe(16);
  });
});

describe("the worker started while the command loads", () => {
  // The compiled pool, whose worker script sits beside it.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const pool = require("../../dist/cli/pool.js") as typeof import("../../src/cli/pool");
  const sample = path.join(SAMPLES, "selfeval/zhengwuyun.xlsx");
  const settings = {};

  it("is taken by the pool when its limits are the pool's, and checks the first file", async () => {
    pool.prestartWorker(2048);
    expect(pool.prestartPending()).toBe(true);
    const [r] = await pool.checkInWorkers(pool.workerScript()!, [{ file: sample, settings, force: false }], { jobs: 1, timeoutMs: 60_000, memoryMb: 2048 });
    expect(pool.prestartPending()).toBe(false);
    expect("sheets" in r && r.sheets.length).toBeGreaterThan(0);
  }, 60_000);

  it("is let go when the options ask for other limits, and a worker with those checks instead", async () => {
    pool.prestartWorker(2048);
    const [r] = await pool.checkInWorkers(pool.workerScript()!, [{ file: sample, settings, force: false }], { jobs: 1, timeoutMs: 60_000, memoryMb: 512 });
    expect(pool.prestartPending()).toBe(false);
    expect("sheets" in r && r.sheets.length).toBeGreaterThan(0);
  }, 60_000);

  it("does not keep the process alive when nothing takes it (a usage error)", async () => {
    const child = spawn(process.execPath, [CLI, "check", "--no-such-option", SAMPLES], { stdio: "ignore" });
    const t0 = Date.now();
    const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
    expect(code).toBe(2);
    expect(Date.now() - t0).toBeLessThan(20_000);
  }, 30_000);
});
