// Checks files in worker threads, one per core but one by default, each file with a memory and a time limit.
// A worker that runs out of memory, takes too long or crashes is replaced; its file is reported as
// 文件过大或结构异常 with the reason, and the other files go on. Results keep the order of the files.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Worker } from "node:worker_threads";
import type { FileResult } from "../xlsx/checkWorkbook";
import type { DigestParts } from "./batch";
import type { WorkerJob } from "./checkWorker";
import { libraryReason } from "../xlsx/sniff";

interface PoolOptions {
  jobs: number;
  /** Per file. */
  timeoutMs: number;
  memoryMb: number;
  onStart?: (index: number) => void;
  /**
   * Each file's result as it comes, in any order. Given, the results are not kept: a batch holds
   * what it reports, not every file's forms.
   */
  onResult?: (index: number, result: FileResult | DigestParts) => void;
}

/** What a worker posts back: the file's result, or its digest when the job asked for one. */
export type Outcome = FileResult | DigestParts;

export const isDigest = (o: Outcome): o is DigestParts => "report" in o;

export const DEFAULT_TIMEOUT_S = 120;
export const DEFAULT_MEMORY_MB = 2048;

/**
 * One worker per core but one, and at least one: the main thread, and each worker's garbage collector
 * on threads of its own, want a core too. On 2 cores one worker checked 500 forms in 1.5–2.1 s against
 * 1.9–2.2 s with two (in every bench run), and four 50,000-row forms in the same time with 410 MB
 * against 620–690 MB.
 */
export function defaultJobs(cores = typeof os.availableParallelism === "function" ? os.availableParallelism() : os.cpus().length): number {
  return Math.max(1, cores - 1);
}

/**
 * The compiled worker beside this file: its one-file bundle (webpack.worker.js) when it is at least as
 * new as dist/cli/checkWorker.js (a build by tsc alone leaves the bundle behind: never run stale), or
 * that file; the one-file release's own file (src/cli/bundle.ts); absent when run from sources.
 */
export function workerScript(dir = __dirname): string | null {
  const bundled = (globalThis as { __jixiaoWorkerScript?: string }).__jixiaoWorkerScript;
  if (bundled) return bundled;
  const p = path.join(dir, "checkWorker.js");
  const one = path.join(dir, "checkWorker.bundle.js");
  try {
    const compiled = fs.statSync(p);
    try {
      if (fs.statSync(one).mtimeMs >= compiled.mtimeMs) return one;
    } catch {
      // no bundle: the compiled modules
    }
    return p;
  } catch {
    return null;
  }
}

/**
 * The worker's young generation, where a check's short-lived cells and strings are made. Measured
 * (issue 21): at 256 MB a 50,000-row form took 3.0–3.7 s and 510 MB, and 5,000 forms 8.8 s and 415 MB,
 * the scavenger copying large half-spaces and each worker's grown ones kept; at 48 MB, 2.3–2.6 s and
 * 285 MB, and 5,000 forms 6.8–7.0 s and 250 MB. Below 32 MB the scavenges come too often.
 */
export function youngGenerationMb(memoryMb: number): number {
  return Math.min(48, Math.max(16, Math.floor(memoryMb / 8)));
}

function newWorker(script: string, memoryMb: number): Worker {
  return new Worker(script, { resourceLimits: { maxOldGenerationSizeMb: memoryMb, maxYoungGenerationSizeMb: youngGenerationMb(memoryMb) } });
}

let prestarted: { worker: Worker; script: string; memoryMb: number } | null = null;

/**
 * A worker started while the command is still loading its own modules, so that both load at once (on
 * two cores a cold check of one form is about 0.1 s sooner). Unreferenced: if the command ends
 * without taking it (a usage error, no files), it does not keep the process alive.
 */
export function prestartWorker(memoryMb: number): void {
  const script = workerScript();
  if (!script || prestarted) return;
  const worker = newWorker(script, memoryMb);
  worker.unref();
  // An error before it is taken (it could not start) leaves the pool to start its own.
  worker.on("error", () => {
    if (prestarted?.worker === worker) prestarted = null;
  });
  prestarted = { worker, script, memoryMb };
}

/** Whether a prestarted worker waits to be taken (for the tests). */
export const prestartPending = (): boolean => prestarted !== null;

/** The prestarted worker, if it was started with these limits; otherwise it is let go. */
function takePrestarted(script: string, memoryMb: number): Worker | null {
  const p = prestarted;
  prestarted = null;
  if (!p) return null;
  p.worker.removeAllListeners("error");
  if (p.script !== script || p.memoryMb !== memoryMb) {
    void p.worker.terminate();
    return null;
  }
  p.worker.ref();
  return p.worker;
}

function skipped(file: string, why: { zh: string; en: string }): FileResult {
  return { file, sheets: [], error: { zh: `文件过大或结构异常，已跳过：${why.zh}`, en: `File too large or malformed, skipped: ${why.en}` } };
}

/**
 * A job is sent to a worker while the one before it is still being checked, so that the worker starts
 * it the moment it posts that result: one at a time, a round trip through the main thread left each
 * worker idle about a sixth of a batch of ordinary forms. Only behind a small file (an ordinary form
 * is 10–30 KB): a job waiting behind a large one would wait there while another worker stands idle.
 */
export const AHEAD_BEHIND_BYTES = 64 * 1024;

/** Jobs a worker holds at most: the one it checks and, behind a small one, the next. */
const HELD = 2;

/** The size of a job's file; Infinity when it cannot be told (nothing is queued behind it). */
function sizeOf(file: string): number {
  try {
    return fs.statSync(file).size;
  } catch {
    return Infinity;
  }
}

/** A worker stopped and no longer listened to (an error it still raises is let pass). */
function letGo(w: Worker): Promise<number> {
  w.removeAllListeners();
  w.on("error", () => undefined);
  return w.terminate();
}

export async function checkInWorkers(script: string, jobs: Array<Omit<WorkerJob, "id">>, opts: PoolOptions): Promise<Outcome[]> {
  const results: Outcome[] = new Array(jobs.length);
  let next = 0;
  // Jobs sent to a worker that was stopped before it reached them: checked first by any worker.
  const again: number[] = [];
  const take = (): number | undefined => (again.length > 0 ? again.shift() : next < jobs.length ? next++ : undefined);
  const settle = (id: number, r: Outcome) => {
    if (opts.onResult) opts.onResult(id, r);
    else results[id] = r;
  };
  const sizes = new Map<number, number>();
  const small = (id: number) => {
    let n = sizes.get(id);
    if (n === undefined) sizes.set(id, (n = jobs[id].size ?? sizeOf(jobs[id].file)));
    return n <= AHEAD_BEHIND_BYTES;
  };
  const runner = (ready: (feed: (most: number) => void) => void) =>
    new Promise<void>((finished) => {
      let worker: Worker | null = null;
      /** The jobs this runner's worker holds, in the order it checks them: the first is being checked. */
      let held: number[] = [];
      let timer: NodeJS.Timeout | undefined;
      let closed = false;
      const startFirst = () => {
        clearTimeout(timer);
        if (held.length === 0) return;
        const id = held[0];
        opts.onStart?.(id);
        const s = Math.round(opts.timeoutMs / 1000);
        timer = setTimeout(() => stop({ zh: `检查超过 ${s} 秒`, en: `the check took more than ${s} s` }), opts.timeoutMs);
      };
      /** The worker is done for (out of memory, too slow, crashed): the file it checked is reported, the jobs after it go back. */
      const stop = (why: { zh: string; en: string }) => {
        clearTimeout(timer);
        if (worker) void letGo(worker);
        worker = null;
        const [id, ...rest] = held;
        held = [];
        again.unshift(...rest);
        if (id !== undefined) settle(id, skipped(jobs[id].file, why));
        feed(HELD);
      };
      const onMessage = (m: { id: number; result?: FileResult; digest?: DigestParts; crash?: string }) => {
        if (m.id !== held[0]) return;
        if (m.crash !== undefined) {
          stop({ zh: `读取时出错（${libraryReason(m.crash).zh}）`, en: `reading failed (${m.crash})` });
          return;
        }
        held.shift();
        settle(m.id, (m.result ?? m.digest)!);
        startFirst();
        feed(HELD);
      };
      /** Keeps the worker with a job, and with the next one too while the one it checks is small. */
      const feed = (most: number) => {
        if (closed) return;
        while (held.length < most && (held.length === 0 || small(held[held.length - 1]))) {
          const id = take();
          if (id === undefined) break;
          if (!worker) {
            const w = takePrestarted(script, opts.memoryMb) ?? newWorker(script, opts.memoryMb);
            w.on("message", onMessage);
            w.on("error", (e: Error & { code?: string }) => {
              const oom = e.code === "ERR_WORKER_OUT_OF_MEMORY";
              stop(oom ? { zh: `所需内存超过 ${opts.memoryMb} MB`, en: `it needs more than ${opts.memoryMb} MB of memory` } : { zh: `读取时出错（${libraryReason(e.message).zh}）`, en: e.message });
            });
            w.on("exit", (code) => stop({ zh: `检查进程意外退出（${code}）`, en: `the check stopped unexpectedly (${code})` }));
            worker = w;
          }
          held.push(id);
          worker.postMessage({ ...jobs[id], id } satisfies WorkerJob);
          if (held.length === 1) startFirst();
        }
        if (held.length === 0) {
          closed = true;
          const w = worker;
          worker = null;
          if (w) void letGo(w).then(() => finished());
          else finished();
        }
      };
      ready(feed);
    });
  // Every worker is given a job before any is given a second.
  const runners = Array.from({ length: Math.max(1, Math.min(opts.jobs, jobs.length)) }, () => {
    let feed: ((most: number) => void) | null = null;
    const done = runner((f) => (feed = f));
    return { done, feed: feed! };
  });
  for (const r of runners) r.feed(1);
  for (const r of runners) r.feed(HELD);
  await Promise.all(runners.map((r) => r.done));
  return results;
}
