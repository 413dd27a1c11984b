// The web checker's worker: the engine and ExcelJS off the page's thread, so the page stays usable
// while a hundred workbooks are checked.
import type { Request } from "./protocol";
import { run } from "./runner";

/** The worker's global scope, as far as used (the DOM library's types describe a window, not a worker). */
interface WorkerScope {
  onmessage: ((e: MessageEvent<Request>) => void) | null;
  postMessage(message: unknown, transfer?: Transferable[]): void;
}
const scope = self as unknown as WorkerScope;

scope.onmessage = (e: MessageEvent<Request>) => {
  void run(e.data).then((reply) => {
    const transfer = "bytes" in reply && reply.bytes ? [reply.bytes.buffer as ArrayBuffer] : [];
    scope.postMessage(reply, transfer);
  });
};
scope.postMessage({ ready: true });
