// The web checker's worker: the engine and ExcelJS off the page's thread, so the page stays usable
// while a hundred workbooks are checked.
import type { Request } from "./protocol";
import { run } from "./runner";
import warmUpForm from "./warmUp.xlsx";
import { bytesOfDataUrl, warmUp } from "./warmUp";

/** The worker's global scope, as far as used (the DOM library's types describe a window, not a worker). */
interface WorkerScope {
  onmessage: ((e: MessageEvent<Request>) => void) | null;
  postMessage(message: unknown, transfer?: Transferable[]): void;
}
const scope = self as unknown as WorkerScope;

/** No file has come yet: the worker warms up meanwhile. */
let idle = true;

scope.onmessage = (e: MessageEvent<Request>) => {
  idle = false;
  void run(e.data).then((reply) => {
    const transfer = "bytes" in reply && reply.bytes ? [reply.bytes.buffer as ArrayBuffer] : [];
    scope.postMessage(reply, transfer);
  });
};
scope.postMessage({ ready: true });
void warmUp(bytesOfDataUrl(warmUpForm), () => idle);
