import type { Finding } from "../../core/rules/types";
import type { Settings } from "../../core/settings";
import type { FileResult } from "../../xlsx/checkBytes";
import type { Job, Reply, Request } from "./protocol";

/** What the page's components ask of the checker; they never touch the workers or the adapter. */
export interface CheckService {
  check(name: string, file: Blob, settings: Settings): Promise<FileResult>;
  /** The filled copy; `extraFindings` (the cross-check's, by sheet) are marked in it too. */
  fill(name: string, file: Blob, settings: Settings, extraFindings?: Record<string, Finding[]>): Promise<{ result: FileResult; bytes: Uint8Array | null }>;
  summary(files: FileResult[], settings: Settings): Promise<Uint8Array>;
}

declare const __JIXIAO_VERSION__: string;
declare const __JIXIAO_WORKER__: string;

interface Slot {
  worker: Worker;
  busy: boolean;
}

/**
 * A pool of workers, one per core up to four, each with the engine and ExcelJS. Where a worker cannot
 * start (a page opened from disk, a policy that forbids them) the same code runs in the page.
 */
export function createCheckService(opts: { workers?: number; inPage?: boolean } = {}): CheckService {
  const size = Math.max(1, Math.min(4, opts.workers ?? (typeof navigator !== "undefined" ? navigator.hardwareConcurrency || 2 : 2)));
  const queue: Array<{ req: Request; resolve: (r: Reply) => void }> = [];
  const waiting = new Map<number, (r: Reply) => void>();
  const slots: Slot[] = [];
  let nextId = 1;
  let inPage = opts.inPage ?? typeof Worker === "undefined";

  const runInPage = async (req: Request): Promise<Reply> => (await import(/* webpackChunkName: "runner" */ "./runner")).run(req);

  function startWorker(): Slot | null {
    try {
      const worker = new Worker(__JIXIAO_WORKER__);
      const slot: Slot = { worker, busy: false };
      worker.onmessage = (e: MessageEvent<Reply | { ready: true }>) => {
        if ("ready" in e.data) return;
        const done = waiting.get(e.data.id);
        waiting.delete(e.data.id);
        slot.busy = false;
        done?.(e.data);
        pump();
      };
      worker.onerror = (e) => {
        // A worker that cannot load its script (opened from disk): everything runs in the page instead.
        e.preventDefault();
        inPage = true;
        slots.splice(slots.indexOf(slot), 1);
        worker.terminate();
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
        const { req, resolve } = queue.shift()!;
        void runInPage(req).then(resolve);
        continue;
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

  return {
    async check(name, file, settings) {
      return unwrap(await ask({ type: "check", name, file, settings })).result!;
    },
    async fill(name, file, settings, extraFindings = {}) {
      const r = unwrap(await ask({ type: "fill", name, file, settings, extraFindings }));
      return { result: r.result!, bytes: r.bytes ?? null };
    },
    async summary(files, settings) {
      return unwrap(await ask({ type: "summary", files, madeAt: new Date().toISOString(), version: __JIXIAO_VERSION__, settings })).bytes!;
    },
  };
}
