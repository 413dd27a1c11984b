// The batch's outputs made from digests (src/cli/batch.ts) are exactly what rendering every file's
// whole result at once gives: the readable report, the --json document, the cross-check's findings.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import fc from "fast-check";
import { crossCheckFiles } from "../../src/core/crossCheck";
import { resolveSettings } from "../../src/core/settings";
import { digest, jsonChunks, pairedGroups, Spool, textChunks, writeChunks, type FileDigest } from "../../src/cli/batch";
import type { Lang } from "../../src/cli/args";

/** The pieces the command writes, joined: what a reader of its output gets. */
const wholeText = (digests: FileDigest[], spool: Spool, lang: Lang) => [...textChunks(digests, spool, lang)].join("");
const wholeJson = (digests: FileDigest[], spool: Spool, skipped?: Array<{ path: string; reason: string }>) => [...jsonChunks(digests, spool, skipped)].join("");
import { toJson, toText } from "../../src/cli/report";
import { checkWorkbook, type FileResult } from "../../src/xlsx/checkWorkbook";
import { main } from "../../src/cli/jixiao";
import { writeCrossPair } from "../builders/crossPair";
import { SAMPLES } from "../helpers";

const sample = (rel: string) => path.join(SAMPLES, rel);

async function capture(argv: string[]): Promise<{ code: number; out: string }> {
  let out = "";
  const sink = { write: (s: string) => ((out += s), true) } as unknown as NodeJS.WritableStream;
  const code = await main(argv, { out: sink, err: { write: () => true } as unknown as NodeJS.WritableStream });
  return { code, out };
}

let dir: string;
let files: string[];
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "jixiao-batch-"));
  // A declaration and its self-evaluation with a changed target, in two files, among other forms.
  const { declared, stated } = await writeCrossPair(dir);
  files = [sample("selfeval/zhengwuyun.xlsx"), declared, sample("selfeval-defects/missing-reasons.xlsx"), stated, path.join(dir, "没有这个文件.xlsx")];
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function wholeResults(): Promise<FileResult[]> {
  const out: FileResult[] = [];
  for (const f of files) out.push(await checkWorkbook(f, { settings: {} }));
  return crossCheckFiles(out, resolveSettings({}));
}

test("the readable report is the one toText writes over every whole result, cross-check findings included", async () => {
  const expected = toText(await wholeResults(), "zh-CN");
  expect(expected).toMatch(/target-changed/);
  const r = await capture(["check", ...files, "-q"]);
  expect(r.code).toBe(2);
  expect(r.out).toBe(`${expected}\n`);
});

test("the --json document is JSON.stringify of the whole document, byte for byte", async () => {
  const doc = toJson(await wholeResults(), "en-US");
  const r = await capture(["check", ...files, "-q", "--json", "--lang", "en-US"]);
  expect(r.out).toBe(`${JSON.stringify(doc, null, 2)}\n`);
});

test("the --json pieces joined equal JSON.stringify, and the text pieces toText, for any number of files and any skipped list", async () => {
  const results = await wholeResults();
  fc.assert(
    fc.property(fc.subarray(results.map((_, i) => i)), fc.array(fc.record({ path: fc.string(), reason: fc.string() }), { maxLength: 3 }), (picked, skipped) => {
      const spool = new Spool();
      try {
        const chosen = picked.map((i) => results[i]);
        const digests = chosen.map((r) => digest(r, spool, "zh-CN", true, false));
        const doc = { ...toJson(chosen, "zh-CN"), ...(skipped.length > 0 ? { skipped } : {}) };
        expect(wholeJson(digests, spool, skipped)).toBe(JSON.stringify(doc, null, 2));
        const textDigests = chosen.map((r) => digest(r, spool, "zh-CN", false, false));
        expect(wholeText(textDigests, spool, "zh-CN")).toBe(toText(chosen, "zh-CN"));
      } finally {
        spool.close();
      }
    }),
    { numRuns: 40 },
  );
});

test("the report is written in runs as the spool is read, each waiting for a slow reader to take the last", async () => {
  const results = await wholeResults();
  const spool = new Spool();
  try {
    // Many files' reports: far more than one run.
    const digests = Array.from({ length: 800 }, (_, i) => digest(results[i % results.length], spool, "zh-CN", false, false));
    const whole = wholeText(digests, spool, "zh-CN");
    expect(whole.length).toBeGreaterThan(8 * 65_536);
    // A reader that takes one run, then asks to wait: every write after it must come after its drain.
    const got: string[] = [];
    const unread: string[] = [];
    let waiting = false;
    let listener: (() => void) | null = null;
    const sink = {
      write(s: string) {
        expect(waiting).toBe(false);
        unread.push(s);
        waiting = true;
        setTimeout(() => {
          got.push(...unread.splice(0));
          waiting = false;
          listener?.();
        }, 1);
        return false;
      },
      once(_e: "drain", l: () => void) {
        listener = l;
      },
    };
    const pulled: number[] = [];
    function* counted() {
      for (const c of textChunks(digests, spool, "zh-CN")) {
        pulled.push(c.length);
        yield c;
      }
    }
    await writeChunks(sink, counted());
    expect(got.join("")).toBe(whole);
    // Held at once: one run of about 64 KB and the piece that ended it, never the report.
    expect(Math.max(...got.map((s) => s.length))).toBeLessThan(65_536 + Math.max(...pulled));
    expect(got.length).toBeGreaterThan(8);
  } finally {
    spool.close();
  }
});

test("only the files the cross-check pairs are grouped (to be read again); the others never are", async () => {
  const spool = new Spool();
  try {
    const results: FileResult[] = [];
    for (const f of files) results.push(await checkWorkbook(f, { settings: {} }));
    const groups = pairedGroups(results.map((r) => digest(r, spool, "zh-CN", false, false)));
    expect(groups.map((g) => g.files)).toEqual([[1, 3]]);
    expect(groups[0].pairs).toHaveLength(1);
  } finally {
    spool.close();
  }
});

test("the spool gives back every report as put, in any order, whatever their sizes against its write runs and read window", () => {
  const text = fc.oneof(
    { weight: 6, arbitrary: fc.string({ unit: fc.constantFrom("a", "指", "标", "\n", "✓", "😀"), maxLength: 300 }) },
    { weight: 1, arbitrary: fc.integer({ min: 0, max: 3 * Spool.READ_WINDOW }).map((n) => "报".repeat(Math.floor(n / 3))) },
  );
  fc.assert(
    fc.property(fc.array(text, { minLength: 1, maxLength: 40 }), fc.array(fc.nat(), { maxLength: 60 }), (texts, order) => {
      const spool = new Spool();
      try {
        const refs = texts.map((t) => spool.put(t));
        // Read in the order put, then in a shuffled one (reports are read in the files' order, put in the workers').
        for (const [i, r] of refs.entries()) expect(spool.get(r)).toBe(texts[i]);
        for (const k of order) expect(spool.get(refs[k % refs.length])).toBe(texts[k % refs.length]);
        // Puts after gets are read too.
        const late = spool.put("后来的报告");
        expect(spool.get(late)).toBe("后来的报告");
        expect(spool.get(refs[0])).toBe(texts[0]);
      } finally {
        spool.close();
      }
    }),
    { numRuns: 60 },
  );
});
