// The page's checking service (issue 15 §6): each file in a worker with a time limit; a worker that runs
// past it or crashes costs that file's row, said so, never the page or the other files.
import { createCheckService, type WorkerLike } from "../../src/web/services/checkService";
import type { Reply, Request } from "../../src/web/services/protocol";
import { resolveSettings } from "../../src/core/settings";

type Behaviour = "answer" | "hang" | "crash";

/** Workers that start, then answer, never answer, or crash, as the file they are given says. */
function fakeWorkers() {
  const made: Array<{ terminated: boolean }> = [];
  const makeWorker = (): WorkerLike => {
    const state = { terminated: false };
    made.push(state);
    const w: WorkerLike = {
      onmessage: null,
      onerror: null,
      postMessage(message: unknown) {
        const req = message as Request & { name: string };
        const how: Behaviour = req.name.startsWith("hang") ? "hang" : req.name.startsWith("crash") ? "crash" : "answer";
        if (how === "answer") {
          const reply: Reply = { id: req.id, ok: true, result: { file: req.name, sheets: [] } };
          setTimeout(() => w.onmessage?.({ data: reply } as MessageEvent), 5);
        } else if (how === "crash") setTimeout(() => w.onerror?.({ preventDefault() {} } as unknown as ErrorEvent), 5);
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
