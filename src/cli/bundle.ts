// The release's command as one file (webpack.cli.js → release cli/jixiao.cjs): the same file is the
// command in the main thread and the per-file check in each worker thread, so nothing has to lie
// beside it.
import { isMainThread } from "node:worker_threads";

(globalThis as { __jixiaoWorkerScript?: string }).__jixiaoWorkerScript = __filename;

if (isMainThread) {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  (require("./jixiao") as typeof import("./jixiao")).runCli();
} else {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require("./checkWorker");
}
