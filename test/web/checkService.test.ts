// The page's checking service (issue 15 §6): each file in a worker with a time limit; a worker that runs
// past it or crashes costs that file's row, said so, never the page or the other files.
import { createCheckService, poolSize, type WorkerLike } from "../../src/web/services/checkService";
import type { Reply, Request } from "../../src/web/services/protocol";
import { resolveSettings } from "../../src/core/settings";

type Behaviour = "answer" | "hang" | "crash";

/**
 * Workers that start, then answer, never answer, or crash, as the file they are given says; as a real
 * worker, one message at a time, in the order posted (a file behind a hanging one waits for ever).
 */
function fakeWorkers() {
  const made: Array<{ terminated: boolean; received: string[]; answered: string[]; postedWhileBusy: number }> = [];
  const makeWorker = (): WorkerLike => {
    const state = { terminated: false, received: [] as string[], answered: [] as string[], postedWhileBusy: 0 };
    made.push(state);
    const inbox: Array<Request & { name: string }> = [];
    let working = false;
    const work = () => {
      if (working || state.terminated) return;
      const req = inbox.shift();
      if (!req) return;
      working = true;
      const how: Behaviour = req.name.startsWith("hang") ? "hang" : req.name.startsWith("crash") ? "crash" : "answer";
      if (how === "answer") {
        const reply: Reply = { id: req.id, ok: true, result: { file: req.name, sheets: [] } };
        setTimeout(() => {
          working = false;
          if (state.terminated) return;
          state.answered.push(req.name);
          w.onmessage?.({ data: reply } as MessageEvent);
          work();
        }, 5);
      } else if (how === "crash") setTimeout(() => !state.terminated && w.onerror?.({ preventDefault() {} } as unknown as ErrorEvent), 5);
    };
    const w: WorkerLike = {
      onmessage: null,
      onerror: null,
      postMessage(message: unknown) {
        const req = message as Request & { name: string };
        state.received.push(req.name);
        if (working) state.postedWhileBusy++;
        inbox.push(req);
        work();
      },
      terminate() {
        state.terminated = true;
      },
    };
    setTimeout(() => w.onmessage?.({ data: { ready: true } } as MessageEvent), 0);
    return w;
  };
  return { makeWorker, made };
}

const blob = () => new Blob(["x"]);
const settings = resolveSettings({});

test("a file past the time limit is its own row; the files after it are checked", async () => {
  const { makeWorker, made } = fakeWorkers();
  const service = createCheckService({ workers: 1, timeoutMs: 1000, makeWorker });
  await new Promise((r) => setTimeout(r, 10));
  const results = await Promise.all(["a.xlsx", "hang.xlsx", "b.xlsx"].map((n) => service.check(n, blob(), settings)));
  expect(results.map((r) => [r.file, r.error?.zh ?? "ok"])).toEqual([
    ["a.xlsx", "ok"],
    ["hang.xlsx", "文件过大或结构异常，已跳过：检查超过 1 秒"],
    ["b.xlsx", "ok"],
  ]);
  // The stopped worker was terminated and replaced.
  expect(made.length).toBe(2);
  expect(made[0].terminated).toBe(true);
});

test("a worker that crashes on a file costs that row only", async () => {
  const { makeWorker } = fakeWorkers();
  const service = createCheckService({ workers: 2, timeoutMs: 5000, makeWorker });
  await new Promise((r) => setTimeout(r, 10));
  const results = await Promise.all(["crash.ods", "a.xlsx", "b.xlsx", "c.xlsx"].map((n) => service.check(n, blob(), settings)));
  expect(results[0].error?.zh).toContain("检查进程因内存不足或出错而停止");
  expect(results.slice(1).map((r) => r.error)).toEqual([undefined, undefined, undefined]);
});

test("a worker is given the next file before it finishes the last, and a file queued behind a stopped one is checked by its replacement", async () => {
  const { makeWorker, made } = fakeWorkers();
  const service = createCheckService({ workers: 1, timeoutMs: 300, makeWorker });
  await new Promise((r) => setTimeout(r, 10));
  const names = ["a.xlsx", "b.xlsx", "hang.xlsx", "c.xlsx", "crash.xlsx", "d.xlsx", "e.xlsx"];
  const results = await Promise.all(names.map((n) => service.check(n, blob(), settings)));
  expect(results.map((r) => r.file)).toEqual(names);
  const said = (zh: string) => (zh.includes("检查超过") ? "timeout" : zh.includes("内存不足或出错") ? "crashed" : zh);
  expect(results.map((r) => (r.error ? said(r.error.zh) : "ok"))).toEqual(["ok", "ok", "timeout", "ok", "crashed", "ok", "ok"]);
  // Two files in flight at once: the first worker was given b while still on a.
  expect(made[0].received.slice(0, 2)).toEqual(["a.xlsx", "b.xlsx"]);
  expect(made[0].postedWhileBusy).toBeGreaterThan(0);
  // c, queued behind the hanging file, went to the worker that replaced it; d behind the crash likewise.
  expect(made.length).toBe(3);
  expect(made[1].received).toContain("c.xlsx");
  expect(made[2].received).toContain("d.xlsx");
  // Each file was checked to the end once: none answered twice, none lost.
  expect(made.flatMap((m) => m.answered).sort()).toEqual(["a.xlsx", "b.xlsx", "c.xlsx", "d.xlsx", "e.xlsx"]);
});

test("the time limit runs from when a worker starts a file, not from when it was queued behind another", async () => {
  const { makeWorker } = fakeWorkers();
  // Each answer takes 5 ms; twenty files on one worker take 100 ms, past a 60 ms limit had it run from posting.
  const service = createCheckService({ workers: 1, timeoutMs: 60, makeWorker });
  await new Promise((r) => setTimeout(r, 10));
  const results = await Promise.all(Array.from({ length: 20 }, (_, i) => service.check(`f${i}.xlsx`, blob(), settings)));
  expect(results.filter((r) => r.error)).toEqual([]);
});

test("a worker that answers its second file before its first (the real worker does not wait for one run to end before starting the next) gives each file its own answer", async () => {
  // As check.worker.ts: each message starts its run at once; a slow first file answers after a fast second.
  const makeWorker = (): WorkerLike => {
    const w: WorkerLike = {
      onmessage: null,
      onerror: null,
      postMessage(message: unknown) {
        const req = message as Request & { name: string };
        const reply: Reply = { id: req.id, ok: true, result: { file: req.name, sheets: [] } };
        setTimeout(() => w.onmessage?.({ data: reply } as MessageEvent), req.name.startsWith("slow") ? 80 : 5);
      },
      terminate() {},
    };
    setTimeout(() => w.onmessage?.({ data: { ready: true } } as MessageEvent), 0);
    return w;
  };
  const service = createCheckService({ workers: 1, timeoutMs: 1000, makeWorker });
  await new Promise((r) => setTimeout(r, 10));
  const order: string[] = [];
  const names = ["slow.xlsx", "a.xlsx", "b.xlsx"];
  const results = await Promise.all(names.map((n) => service.check(n, blob(), settings).then((r) => (order.push(r.file), r))));
  expect(results.map((r) => [r.file, r.error])).toEqual(names.map((n) => [n, undefined]));
  // a was answered while slow was still running, and b was given the worker in its place.
  expect(order.indexOf("a.xlsx")).toBeLessThan(order.indexOf("slow.xlsx"));
});

test("one worker per core but the page's own, from one up to four; a number asked for is taken", () => {
  expect([undefined, 0, 1, 2, 3, 4, 8, 16].map((cores) => poolSize(cores))).toEqual([1, 1, 1, 1, 2, 3, 4, 4]);
  expect(poolSize(2, 3)).toBe(3);
  expect(poolSize(8, 9)).toBe(4);
  expect(poolSize(8, 0)).toBe(1);
});

test("the pool starts no more workers than its size, however many files wait (4 cores: 3 workers)", async () => {
  const { makeWorker, made } = fakeWorkers();
  const g = globalThis as unknown as { navigator?: unknown };
  const before = Object.getOwnPropertyDescriptor(g, "navigator");
  Object.defineProperty(g, "navigator", { value: { hardwareConcurrency: 4 }, configurable: true });
  try {
    const service = createCheckService({ timeoutMs: 5000, makeWorker });
    await new Promise((r) => setTimeout(r, 10));
    const names = Array.from({ length: 12 }, (_, i) => `f${i}.xlsx`);
    const results = await Promise.all(names.map((n) => service.check(n, blob(), settings)));
    expect(results.map((r) => r.file)).toEqual(names);
    expect(made.length).toBe(3);
  } finally {
    if (before) Object.defineProperty(g, "navigator", before);
    else delete g.navigator;
  }
});

test("prestarted, the pool's workers start before any file is chosen, and the files go to them", async () => {
  const { makeWorker, made } = fakeWorkers();
  const service = createCheckService({ workers: 2, timeoutMs: 5000, makeWorker, prestart: true });
  expect(made.length).toBe(2);
  await new Promise((r) => setTimeout(r, 10));
  const results = await Promise.all(["a.xlsx", "b.xlsx", "c.xlsx", "d.xlsx"].map((n) => service.check(n, blob(), settings)));
  expect(results.map((r) => r.file)).toEqual(["a.xlsx", "b.xlsx", "c.xlsx", "d.xlsx"]);
  expect(made.length).toBe(2);
  expect(made.every((w) => w.answered.length > 0)).toBe(true);
  // Without prestart, none starts until a file comes.
  const lazy = fakeWorkers();
  createCheckService({ workers: 2, makeWorker: lazy.makeWorker });
  expect(lazy.made.length).toBe(0);
});
