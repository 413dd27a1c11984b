// What crosses from a worker to the main thread (issue 21 §2): in a batch's first pass, the file's
// digest (its report, summary rows and pairing keys), made in the worker — never the file's forms and
// evaluations. Run on the compiled worker (npm test builds it), against the digest the main thread
// would make of the full result.
import path from "node:path";
import { serialize } from "node:v8";
import { Worker } from "node:worker_threads";
import { digestParts } from "../../src/cli/batch";
import { checkWorkbook } from "../../src/xlsx/checkWorkbook";
import { SAMPLES } from "../helpers";

const SCRIPT = path.join(__dirname, "..", "..", "dist", "cli", "checkWorker.js");

function post(job: Record<string, unknown>): Promise<Record<string, unknown>> {
  const w = new Worker(SCRIPT);
  return new Promise((resolve, reject) => {
    w.on("message", (m) => {
      void w.terminate();
      resolve(m as Record<string, unknown>);
    });
    w.on("error", reject);
    w.postMessage({ id: 7, settings: {}, force: false, ...job });
  });
}

const FILE = path.join(SAMPLES, "selfeval/shujuyunying.xlsx");

test.each([
  ["text", false],
  ["json", true],
])("the worker posts the %s digest the main thread would make, and not the result", async (_kind, json) => {
  const opts = { lang: "zh-CN" as const, json: json as boolean, keepRows: true };
  const m = await post({ file: FILE, digest: opts, reportAs: "表.xlsx" });
  expect(m.id).toBe(7);
  expect(m.result).toBeUndefined();
  const full = await checkWorkbook(FILE);
  expect(m.digest).toEqual(digestParts({ ...full, file: "表.xlsx" }, opts));
  // Text and rows, no object graph of forms and evaluations: the report crosses as one string (in
  // --json, a string about as long as the result's own JSON; as text, a fraction of the result).
  expect(typeof (m.digest as { report: unknown }).report).toBe("string");
  expect(Object.keys(m.digest as object).sort()).toEqual(["failing", "file", "keys", "report", "rows"]);
  if (!json) expect(serialize(m.digest).length * 3).toBeLessThan(serialize(full).length);
});

test("without a digest asked for (the cross-check's second pass), the worker posts the whole result", async () => {
  const m = await post({ file: FILE });
  expect((m.result as { sheets: unknown[] }).sheets.length).toBeGreaterThan(0);
  expect(m.digest).toBeUndefined();
});

test("an error found before the check is reported with the file's digest", async () => {
  const plannedError = { zh: "输出文件不能是输入文件。", en: "The output cannot be an input." };
  const m = await post({ file: FILE, digest: { lang: "en-US", json: false, keepRows: false }, plannedError });
  expect((m.digest as { error: unknown }).error).toEqual(plannedError);
});
