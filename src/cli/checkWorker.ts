// One file's check in a worker thread, so that a file past the memory or time limit (a merge over a
// million rows, a pathological zip) is reported and stops nothing else. Posts the FileResult back.
import { parentPort } from "node:worker_threads";
import type { Finding } from "../core/rules/types";
import type { SettingsInput } from "../core/settings";
import { checkWorkbook } from "../xlsx/checkWorkbook";
import { writeWhole } from "./outputs";

export interface WorkerJob {
  id: number;
  file: string;
  settings: SettingsInput;
  fixOut?: string;
  markOut?: string;
  /** With fixOut: no marks and notes in the copy. */
  clean?: boolean;
  force: boolean;
  /** The cross-check's findings, by sheet, to mark in the copy too. */
  extraFindings?: Record<string, Finding[]>;
  memoryMb?: number;
}

parentPort?.on("message", (job: WorkerJob) => {
  void (async () => {
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
      // Structured clone: an evaluation and its form share their indicator, and cross as one object.
      parentPort!.postMessage({ id: job.id, result });
    } catch (e) {
      parentPort!.postMessage({ id: job.id, crash: (e as Error).message ?? String(e) });
    }
  })();
});
