import type { Finding } from "../../core/rules/types";
import type { Settings } from "../../core/settings";
import type { FileResult } from "../../xlsx/checkBytes";
import type { Job, Reply, Request } from "./protocol";

/** What the page's components ask of the checker; they never touch the workers or the adapter. */
export interface CheckService {
  check(name: string, file: Blob, settings: Settings): Promise<FileResult>;
  /** The filled copy; `extraFindings` (the cross-check's, by sheet) are marked in it too; `clean`: no marks and notes (the copy to submit). */
  fill(name: string, file: Blob, settings: Settings, extraFindings?: Record<string, Finding[]>, clean?: boolean): Promise<{ result: FileResult; bytes: Uint8Array | null }>;
  summary(files: FileResult[], settings: Settings): Promise<Uint8Array>;
}

declare const __JIXIAO_VERSION__: string;
declare const __JIXIAO_WORKER__: string;

/** As much of a Worker as the service uses (tests give their own). */
export interface WorkerLike {
  onmessage: ((e: MessageEvent) => void) | null;
  onerror: ((e: ErrorEvent) => void) | null;
  postMessage(message: unknown): void;
  terminate(): void;
}

interface Slot {
  worker: WorkerLike;
  busy: boolean;
  /** The worker said it started: a failure after that is the file's, not the page's. */
  ready: boolean;
  job?: { id: number; timer: ReturnType<typeof setTimeout> };
}

/** How long one file may take in a worker before the worker is stopped and the file reported. */
const FILE_TIMEOUT_MS = 120_000;

/**
 * A pool of workers, one per core up to four, each with the engine. Each file has a time limit; a
 * worker that runs past it or crashes (a file too large for its memory) is stopped and replaced, and
 * costs that file's row only, said so. Where a worker cannot start at all (a page opened from disk, a
 * policy that forbids them) the same code runs in the page, one file after another.
 */
export function createCheckService(opts: { workers?: number; inPage?: boolean; timeoutMs?: number; makeWorker?: () => WorkerLike } = {}): CheckService {
  const size = Math.max(1, Math.min(4, opts.workers ?? (typeof navigator !== "undefined" ? navigator.hardwareConcurrency || 2 : 2)));
  const timeoutMs = opts.timeoutMs ?? FILE_TIMEOUT_MS;
  const makeWorker = opts.makeWorker ?? (() => new Worker(__JIXIAO_WORKER__) as unknown as WorkerLike);
  const queue: Array<{ req: Request; resolve: (r: Reply) => void }> = [];
  const waiting = new Map<number, (r: Reply) => void>();
  const slots: Slot[] = [];
  let nextId = 1;
  let inPage = opts.inPage ?? (typeof Worker === "undefined" && !opts.makeWorker);
  let pageBusy = false;

  const runInPage = async (req: Request): Promise<Reply> => (await import(/* webpackChunkName: "runner" */ "./runner")).run(req);

  /** A worker stopped with a file in it: that file is answered with why, the worker replaced. */
  function drop(slot: Slot, why: "timeout" | "crashed"): void {
    const i = slots.indexOf(slot);
    if (i >= 0) slots.splice(i, 1);
    slot.worker.terminate();
    if (slot.job) {
      clearTimeout(slot.job.timer);
      const done = waiting.get(slot.job.id);
      waiting.delete(slot.job.id);
      done?.({ id: slot.job.id, ok: false, error: why });
    }
    pump();
  }

  function startWorker(): Slot | null {
    try {
      const worker = makeWorker();
      const slot: Slot = { worker, busy: false, ready: false };
      worker.onmessage = (e: MessageEvent<Reply | { ready: true }>) => {
        if ("ready" in e.data) {
          slot.ready = true;
          return;
        }
        if (slot.job) clearTimeout(slot.job.timer);
        slot.job = undefined;
        const done = waiting.get(e.data.id);
        waiting.delete(e.data.id);
        slot.busy = false;
        done?.(e.data);
        pump();
      };
      worker.onerror = (e) => {
        e.preventDefault?.();
        if (slot.ready) {
          drop(slot, "crashed");
          return;
        }
        // A worker that cannot load its script (opened from disk): everything runs in the page instead.
        inPage = true;
        slots.splice(slots.indexOf(slot), 1);
        worker.terminate();
        if (slot.job) clearTimeout(slot.job.timer);
        for (const [id, done] of [...waiting]) {
          waiting.delete(id);
          done({ id, ok: false, error: "worker-failed" });
        }
        pump();
      };
      return slot;
    } catch {
      inPage = true;
      return null;
    }
  }

  function pump(): void {
    while (queue.length > 0) {
      if (inPage) {
        // In the page, one file at a time, the page drawn between them: it stays usable.
        if (pageBusy) return;
        pageBusy = true;
        const { req, resolve } = queue.shift()!;
        setTimeout(() => {
          void runInPage(req)
            .then(resolve)
            .finally(() => {
              pageBusy = false;
              pump();
            });
        }, 0);
        return;
      }
      let slot = slots.find((s) => !s.busy);
      if (!slot && slots.length < size) {
        const started = startWorker();
        if (!started) continue;
        slots.push(started);
        slot = started;
      }
      if (!slot) return;
      const { req, resolve } = queue.shift()!;
      slot.busy = true;
      waiting.set(req.id, resolve);
      const s = slot;
      s.job = { id: req.id, timer: setTimeout(() => drop(s, "timeout"), timeoutMs) };
      slot.worker.postMessage(req);
    }
  }

  async function ask(job: Job): Promise<Reply> {
    const req = { ...job, id: nextId++ } as Request;
    const reply = await new Promise<Reply>((resolve) => {
      queue.push({ req, resolve });
      pump();
    });
    // A job a failing worker dropped is done again in the page.
    if (!reply.ok && reply.error === "worker-failed") return runInPage(req);
    return reply;
  }

  const unwrap = (r: Reply): Extract<Reply, { ok: true }> => {
    if (!r.ok) throw new Error(r.error);
    return r;
  };

  /** A file whose worker was stopped: a row that says why, in Chinese with English. */
  const stopped = (name: string, error: string): FileResult | null =>
    error === "timeout"
      ? { file: name, sheets: [], error: { zh: `文件过大或结构异常，已跳过：检查超过 ${Math.round(timeoutMs / 1000)} 秒`, en: `File too large or malformed, skipped: the check took more than ${Math.round(timeoutMs / 1000)} s` } }
      : error === "crashed"
        ? { file: name, sheets: [], error: { zh: "文件过大或结构异常，已跳过：检查进程因内存不足或出错而停止", en: "File too large or malformed, skipped: the check ran out of memory or failed" } }
        : null;

  return {
    async check(name, file, settings) {
      const reply = await ask({ type: "check", name, file, settings });
      if (!reply.ok) {
        const row = stopped(name, reply.error);
        if (row) return row;
      }
      return unwrap(reply).result!;
    },
    async fill(name, file, settings, extraFindings = {}, clean = false) {
      const r = unwrap(await ask({ type: "fill", name, file, settings, extraFindings, ...(clean ? { clean: true } : {}) }));
      return { result: r.result!, bytes: r.bytes ?? null };
    },
    async summary(files, settings) {
      return unwrap(await ask({ type: "summary", files, madeAt: new Date().toISOString(), version: __JIXIAO_VERSION__, settings })).bytes!;
    },
  };
}
