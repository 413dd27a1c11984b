// Checks files in worker threads, one per core by default, each file with a memory and a time limit.
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

export function defaultJobs(): number {
  return Math.max(1, typeof os.availableParallelism === "function" ? os.availableParallelism() : os.cpus().length);
}

/**
 * The compiled worker beside this file (dist/cli/checkWorker.js), or the one-file release's own file
 * (src/cli/bundle.ts); absent when run from sources.
 */
export function workerScript(): string | null {
  const bundled = (globalThis as { __jixiaoWorkerScript?: string }).__jixiaoWorkerScript;
  if (bundled) return bundled;
  const p = path.join(__dirname, "checkWorker.js");
  return fs.existsSync(p) ? p : null;
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

export async function checkInWorkers(script: string, jobs: Array<Omit<WorkerJob, "id">>, opts: PoolOptions): Promise<Outcome[]> {
  const results: Outcome[] = new Array(jobs.length);
  let next = 0;
  const runner = async (): Promise<void> => {
    let worker: Worker | null = null;
    const fresh = () => takePrestarted(script, opts.memoryMb) ?? newWorker(script, opts.memoryMb);
    while (next < jobs.length) {
      const id = next++;
      const job = jobs[id];
      opts.onStart?.(id);
      worker ??= fresh();
      const w = worker;
      const result = await new Promise<Outcome>((resolve) => {
        let settled = false;
        const done = (r: Outcome, dead: boolean) => {
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          w.removeAllListeners("message");
          w.removeAllListeners("error");
          w.removeAllListeners("exit");
          if (dead) {
            void w.terminate();
            worker = null;
          }
          resolve(r);
        };
        const timer = setTimeout(
          () => done(skipped(job.file, { zh: `检查超过 ${Math.round(opts.timeoutMs / 1000)} 秒`, en: `the check took more than ${Math.round(opts.timeoutMs / 1000)} s` }), true),
          opts.timeoutMs,
        );
        w.on("message", (m: { id: number; result?: FileResult; digest?: DigestParts; crash?: string }) => {
          if (m.id !== id) return;
          if (m.result) done(m.result, false);
          else if (m.digest) done(m.digest, false);
          else done(skipped(job.file, { zh: `读取时出错（${libraryReason(m.crash ?? "").zh}）`, en: `reading failed (${m.crash})` }), true);
        });
        w.on("error", (e: Error & { code?: string }) => {
          const oom = e.code === "ERR_WORKER_OUT_OF_MEMORY";
          done(skipped(job.file, oom ? { zh: `所需内存超过 ${opts.memoryMb} MB`, en: `it needs more than ${opts.memoryMb} MB of memory` } : { zh: `读取时出错（${libraryReason(e.message).zh}）`, en: e.message }), true);
        });
        w.on("exit", (code) => done(skipped(job.file, { zh: `检查进程意外退出（${code}）`, en: `the check stopped unexpectedly (${code})` }), true));
        w.postMessage({ ...job, id } satisfies WorkerJob);
      });
      if (opts.onResult) opts.onResult(id, result);
      else results[id] = result;
    }
    if (worker) await (worker as Worker).terminate();
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(opts.jobs, jobs.length)) }, runner));
  return results;
}
