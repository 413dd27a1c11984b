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
  postMessage(message: unknown, transfer?: Transferable[]): void;
  terminate(): void;
}

interface InFlight {
  req: Request;
  resolve: (r: Reply) => void;
  /** Set once the job is the worker's current one (its time limit runs from then). */
  timer?: ReturnType<typeof setTimeout>;
}

interface Slot {
  worker: WorkerLike;
  /** The worker said it started: a failure after that is the file's, not the page's. */
  ready: boolean;
  /** Posted to it and not yet answered, in the order it works them: the first is the one it is on. */
  jobs: InFlight[];
}

/**
 * Jobs posted to one worker at a time. A worker that finishes a file starts on the next at once,
 * without waiting for the page (busy drawing the rows) to hand it one.
 */
const DEPTH = 2;

/** How long one file may take in a worker before the worker is stopped and the file reported. */
const FILE_TIMEOUT_MS = 120_000;

/**
 * How many workers check files: one per core but the page's own, from one up to four. The page's
 * thread draws the rows and takes each result as it comes; a worker on every core left it none (on a
 * 2-core machine, 100 forms took 1.41–1.60 s with two workers, 1.25–1.47 s with one, and 1,000 forms
 * 4.6–4.8 s against 4.3 s).
 */
export function poolSize(cores: number | undefined, asked?: number): number {
  return Math.max(1, Math.min(4, asked ?? (cores && cores > 0 ? cores - 1 : 1)));
}

/**
 * A pool of workers, one per core but the page's up to four, each with the engine. Each file has a time limit; a
 * worker that runs past it or crashes (a file too large for its memory) is stopped and replaced, and
 * costs that file's row only, said so. Where a worker cannot start at all (a page opened from disk, a
 * policy that forbids them) the same code runs in the page, one file after another.
 */
export function createCheckService(opts: { workers?: number; inPage?: boolean; timeoutMs?: number; makeWorker?: () => WorkerLike; prestart?: boolean } = {}): CheckService {
  const size = poolSize(typeof navigator !== "undefined" ? navigator.hardwareConcurrency : undefined, opts.workers);
  const timeoutMs = opts.timeoutMs ?? FILE_TIMEOUT_MS;
  const makeWorker = opts.makeWorker ?? (() => new Worker(__JIXIAO_WORKER__) as unknown as WorkerLike);
  const queue: Array<{ req: Request; resolve: (r: Reply) => void }> = [];
  const slots: Slot[] = [];
  let nextId = 1;
  let inPage = opts.inPage ?? (typeof Worker === "undefined" && !opts.makeWorker);
  let pageBusy = false;

  const runInPage = async (req: Request): Promise<Reply> => (await import(/* webpackChunkName: "runner" */ "./runner")).run(req);

  /** The worker's current job gets its time limit. */
  function startClock(slot: Slot): void {
    const head = slot.jobs[0];
    if (head && head.timer === undefined) head.timer = setTimeout(() => drop(slot, "timeout"), timeoutMs);
  }

  /**
   * A worker stopped with a file in it: that file is answered with why, the worker replaced; the files
   * queued behind it, which it never began, go back to the front of the queue.
   */
  function drop(slot: Slot, why: "timeout" | "crashed"): void {
    const i = slots.indexOf(slot);
    if (i >= 0) slots.splice(i, 1);
    slot.worker.terminate();
    const [head, ...behind] = slot.jobs;
    slot.jobs = [];
    if (head) {
      clearTimeout(head.timer);
      head.resolve({ id: head.req.id, ok: false, error: why });
    }
    queue.unshift(...behind.map(({ req, resolve }) => ({ req, resolve })));
    pump();
  }

  function startWorker(): Slot | null {
    try {
      const worker = makeWorker();
      const slot: Slot = { worker, ready: false, jobs: [] };
      worker.onmessage = (e: MessageEvent<Reply | { ready: true }>) => {
        // A stopped worker's late answer is nobody's: its files were answered or queued again.
        if (!slots.includes(slot)) return;
        if ("ready" in e.data) {
          slot.ready = true;
          return;
        }
        const reply = e.data;
        const k = slot.jobs.findIndex((j) => j.req.id === reply.id);
        if (k < 0) return;
        const [job] = slot.jobs.splice(k, 1);
        clearTimeout(job.timer);
        startClock(slot);
        job.resolve(reply);
        pump();
      };
      worker.onerror = (e) => {
        e.preventDefault?.();
        if (!slots.includes(slot)) return;
        if (slot.ready) {
          drop(slot, "crashed");
          return;
        }
        // A worker that cannot load its script (opened from disk): everything runs in the page instead.
        inPage = true;
        slots.splice(slots.indexOf(slot), 1);
        worker.terminate();
        for (const j of slot.jobs) {
          clearTimeout(j.timer);
          j.resolve({ id: j.req.id, ok: false, error: "worker-failed" });
        }
        slot.jobs = [];
        pump();
      };
      return slot;
    } catch {
      inPage = true;
      return null;
    }
  }

  /** A job to its worker, the workbook's bytes read here and transferred; the request as it stands if they cannot be read. */
  function post(slot: Slot, job: InFlight): void {
    const { req } = job;
    if (req.type === "summary" || req.file instanceof ArrayBuffer) {
      slot.worker.postMessage(req);
      return;
    }
    req.file.arrayBuffer().then(
      (bytes) => {
        // Stopped, or answered, while the bytes were read: the job is no longer this worker's.
        if (!slot.jobs.includes(job)) return;
        slot.worker.postMessage({ ...req, file: bytes }, [bytes]);
      },
      () => slot.jobs.includes(job) && slot.worker.postMessage(req),
    );
  }

  /** The worker to give the next file: an idle one, else a new one while fewer than `size`, else the least loaded with room. */
  function slotForNext(): Slot | null {
    const idle = slots.find((s) => s.jobs.length === 0);
    if (idle) return idle;
    if (slots.length < size) {
      const started = startWorker();
      if (!started) return null;
      slots.push(started);
      return started;
    }
    let best: Slot | null = null;
    for (const s of slots) if (s.jobs.length < DEPTH && (!best || s.jobs.length < best.jobs.length)) best = s;
    return best;
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
      const slot = slotForNext();
      if (!slot) {
        if (inPage) continue;
        return;
      }
      const job: InFlight = queue.shift()!;
      slot.jobs.push(job);
      startClock(slot);
      post(slot, job);
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

  // The page's pool starts while the person chooses files: a worker's start (its script loaded and
  // compiled) is then behind it when the first file comes.
  if (opts.prestart && !inPage) {
    while (slots.length < size) {
      const started = startWorker();
      if (!started) break;
      slots.push(started);
    }
  }

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
