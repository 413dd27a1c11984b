// The worker pool (src/cli/pool.ts) with a stand-in worker (poolWorker/worker.js) whose files say
// what to do: each file's result in order; the next job sent while a small file is checked, none
// behind a large one; a worker stopped (past the time limit, out of memory, exited, crashed) reports
// its file, and the jobs it held go to a fresh worker, none lost or checked twice.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { AHEAD_BEHIND_BYTES, checkInWorkers, defaultJobs, workerScript, type Outcome } from "../../src/cli/pool";

const SCRIPT = path.join(__dirname, "poolWorker/worker.js");
let dir: string;
let n = 0;

beforeAll(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), "jixiao-pool-"))));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A file saying what the worker does with it; `large` pads it past the size jobs are sent behind. */
function file(what: string, large = false): string {
  const p = path.join(dir, `${n++}.txt`);
  fs.writeFileSync(p, large ? `${what}\n${" ".repeat(AHEAD_BEHIND_BYTES)}` : what);
  return p;
}

type Answer = { file: string; waiting: number; threadId: number; error?: { zh: string } };
const run = async (files: string[], opts: { jobs?: number; timeoutMs?: number; memoryMb?: number } = {}) => {
  const started: number[] = [];
  const results = (await checkInWorkers(
    SCRIPT,
    files.map((f) => ({ file: f, settings: {}, force: false })),
    { jobs: opts.jobs ?? 1, timeoutMs: opts.timeoutMs ?? 20_000, memoryMb: opts.memoryMb ?? 64, onStart: (i) => started.push(i) },
  )) as unknown as Array<Outcome & Answer>;
  return { results, started };
};

test("small files: each result in its place, the next job already in the worker when one is done", async () => {
  const files = Array.from({ length: 6 }, () => file("ok 100"));
  const { results, started } = await run(files);
  expect(results.map((r) => r.file)).toEqual(files);
  expect(started).toEqual([0, 1, 2, 3, 4, 5]);
  expect(results.map((r) => r.waiting)).toEqual([1, 1, 1, 1, 1, 0]);
  expect(new Set(results.map((r) => r.threadId)).size).toBe(1);
});

test("nothing is sent behind a large file: a job waits in the main thread, free for any worker", async () => {
  // The second file is checked long enough (100 ms) for the job sent ahead behind it to arrive on a
  // loaded machine: at 1 ms it could be done before the message came, and read as nothing sent ahead.
  const files = [file("ok 30", true), file("ok 100"), file("ok 1")];
  const { results } = await run(files);
  expect(results.map((r) => r.file)).toEqual(files);
  expect(results.map((r) => r.waiting)).toEqual([0, 1, 0]);
  // With two workers the small files go to the other while the large one is checked.
  const two = await run([file("ok 300", true), file("ok 1"), file("ok 1"), file("ok 1")], { jobs: 2 });
  expect(two.results[0].threadId).not.toBe(two.results[1].threadId);
  expect(two.results.slice(1).every((r) => r.threadId === two.results[1].threadId)).toBe(true);
});

test("every worker gets a job before any gets a second", async () => {
  const { results } = await run([file("ok 50"), file("ok 50")], { jobs: 2 });
  expect(results[0].threadId).not.toBe(results[1].threadId);
  expect(results.every((r) => r.waiting === 0)).toBe(true);
});

test.each([
  ["hang", { timeoutMs: 400 }, "超过 0 秒"],
  ["exit", {}, "意外退出（3）"],
  ["crash", {}, "读取时出错"],
  ["oom", { memoryMb: 16 }, "所需内存超过 16 MB"],
])("a worker stopped by a file that does %s: that file reported, the jobs it held checked by a fresh one", async (what, opts, reason) => {
  const files = [file("ok 1"), file(what), file("ok 1"), file("ok 1")];
  const { results, started } = await run(files, opts);
  expect(results.map((r) => r.file)).toEqual(files);
  expect(results[1].error?.zh).toContain(reason);
  for (const i of [0, 2, 3]) expect(results[i].error).toBeUndefined();
  // The file after it was sent ahead to the stopped worker, and checked again by the next one.
  expect(results[2].threadId).not.toBe(results[0].threadId);
  expect(started).toEqual([0, 1, 2, 3]);
}, 30_000);

test("by default one worker per core but one, and at least one", () => {
  expect([1, 2, 3, 4, 8, 0].map((n) => defaultJobs(n))).toEqual([1, 1, 2, 3, 7, 1]);
  expect(defaultJobs()).toBeGreaterThanOrEqual(1);
});

test("the worker is its one-file bundle when that is at least as new as the compiled worker, never a stale one", () => {
  const d = fs.mkdtempSync(path.join(dir, "dist-"));
  expect(workerScript(d)).toBeNull();
  const compiled = path.join(d, "checkWorker.js");
  const bundle = path.join(d, "checkWorker.bundle.js");
  fs.writeFileSync(compiled, "");
  expect(workerScript(d)).toBe(compiled);
  fs.writeFileSync(bundle, "");
  fs.utimesSync(compiled, new Date(2026, 0, 1), new Date(2026, 0, 1));
  fs.utimesSync(bundle, new Date(2026, 0, 2), new Date(2026, 0, 2));
  expect(workerScript(d)).toBe(bundle);
  // tsc run alone afterwards: the bundle holds the modules as they were.
  fs.utimesSync(compiled, new Date(2026, 0, 3), new Date(2026, 0, 3));
  expect(workerScript(d)).toBe(compiled);
});

test("the built command's worker is the bundle, and it checks a form as the compiled modules do", async () => {
  const built = path.join(__dirname, "../../dist/cli");
  expect(workerScript(built)).toBe(path.join(built, "checkWorker.bundle.js"));
  const sample = path.join(__dirname, "../fixtures/samples/selfeval/zhengwuyun.xlsx");
  const job = { file: sample, settings: {}, force: false };
  const viaBundle = await checkInWorkers(path.join(built, "checkWorker.bundle.js"), [job], { jobs: 1, timeoutMs: 60_000, memoryMb: 512 });
  const viaModules = await checkInWorkers(path.join(built, "checkWorker.js"), [job], { jobs: 1, timeoutMs: 60_000, memoryMb: 512 });
  expect(viaBundle).toEqual(viaModules);
  expect((viaBundle[0] as { sheets: Array<{ figures: { total: number } }> }).sheets[0].figures.total).toBe(90.2);
}, 60_000);
