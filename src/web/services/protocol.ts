import type { Finding } from "../../core/rules/types";
import type { Settings } from "../../core/settings";
import type { FileResult } from "../../xlsx/checkBytes";

/** What the page asks of the checking worker (src/web/services/check.worker.ts) and what it answers. */
/**
 * `file`: the workbook as chosen, or its bytes, read by the page and transferred (a chosen file cloned
 * to a worker costs the page a round trip to the browser's blob registry each, ~3 ms).
 */
export type Request =
  | { id: number; type: "check"; name: string; file: Blob | ArrayBuffer; settings: Settings }
  | { id: number; type: "fill"; name: string; file: Blob | ArrayBuffer; settings: Settings; extraFindings: Record<string, Finding[]>; clean?: boolean }
  | { id: number; type: "summary"; files: FileResult[]; madeAt: string; version: string; settings: Settings };

export type Reply =
  | { id: number; ok: true; result?: FileResult; bytes?: Uint8Array }
  | { id: number; ok: false; error: string };

/** A request without its id: what the service is asked. */
export type Job = Request extends infer R ? (R extends { id: number } ? Omit<R, "id"> : never) : never;
