// One file's check in a worker thread, so that a file past the memory or time limit (a merge over a
// million rows, a pathological zip) is reported and stops nothing else. Posts the FileResult back.
import { parentPort } from "node:worker_threads";
import type { Finding } from "../core/rules/types";
import type { SettingsInput } from "../core/settings";
import { checkWorkbook } from "../xlsx/checkWorkbook";
import type { Message } from "../core/rules/types";
import { digestParts, type DigestOptions } from "./batch";
import { writeWhole } from "./outputs";

export interface WorkerJob {
  id: number;
  file: string;
  /** In bytes, where the command's listing of its files told it (the pool's business, not the check's). */
  size?: number;
  settings: SettingsInput;
  fixOut?: string;
  markOut?: string;
  /** With fixOut: no marks and notes in the copy. */
  clean?: boolean;
  force: boolean;
  /** The cross-check's findings, by sheet, to mark in the copy too. */
  extraFindings?: Record<string, Finding[]>;
  memoryMb?: number;
  /**
   * Post the file's digest (its report, summary rows and pairing keys), not its result: what the
   * batch keeps, made here, so that the forms and evaluations never cross to the main thread.
   */
  digest?: DigestOptions;
  /** The name the report gives the file (standard input's "-"). */
  reportAs?: string;
  /** An error found before the check (its copy could not be planned), reported with it. */
  plannedError?: Message;
}

// The pool sends the next job while this one runs (no idle round trip between files): the jobs wait
// here and are checked one at a time, so that each has the worker, its memory and its time alone.
const queue: WorkerJob[] = [];
let busy = false;

parentPort?.on("message", (job: WorkerJob) => {
  queue.push(job);
  if (!busy) void drain();
});

async function drain(): Promise<void> {
  busy = true;
  for (let job = queue.shift(); job; job = queue.shift()) await run(job);
  busy = false;
}

async function run(job: WorkerJob): Promise<void> {
  try {
    const result = await checkWorkbook(job.file, {
      settings: job.settings,
      ...(job.fixOut ? { fixOut: job.fixOut } : {}),
      ...(job.markOut ? { markOut: job.markOut } : {}),
      ...(job.clean ? { clean: true } : {}),
      ...(job.extraFindings ? { extraFindings: job.extraFindings } : {}),
      ...(job.memoryMb ? { memoryMb: job.memoryMb } : {}),
      writeCopy: (target, bytes) => writeWhole(target, bytes, job.force),
    });
    if (job.digest) {
      let r = job.plannedError && !result.error ? { ...result, error: job.plannedError } : result;
      if (job.reportAs) r = { ...r, file: job.reportAs };
      parentPort!.postMessage({ id: job.id, digest: digestParts(r, job.digest) });
      return;
    }
    // Structured clone: an evaluation and its form share their indicator, and cross as one object.
    parentPort!.postMessage({ id: job.id, result });
  } catch (e) {
    parentPort!.postMessage({ id: job.id, crash: (e as Error).message ?? String(e) });
  }
}
