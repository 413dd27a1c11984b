// What the run's own files (--summary, --csv, a single --out) may land on, decided before anything is
// checked or written: never an input, a file passed over, a workbook in a checked folder, or another
// output of the same run. An existing summary or CSV is replaced only when its content shows it to be
// this program's own (the summary's 说明 sheet, the CSV's header) and only with --force.
import fs from "node:fs";
import { sameFile } from "./outputs";

interface Refusal {
  zh: string;
  en: string;
}

interface NamedOutputs {
  summary?: string;
  csv?: string;
  /** A single copy's name the person gave (--out with one input). */
  out?: string;
  force: boolean;
}

/** The 说明 sheet's second row, as summaryWorkbook writes it. */
const SUMMARY_VERSION_LABEL = "程序版本";
const SUMMARY_VERSION_PREFIX = "绩效自评助手 jixiao";
/** Larger files are not read to see whether they are a summary: a summary of 1,000 forms is well under it. */
const OWN_OUTPUT_MAX_BYTES = 64 * 1024 * 1024;

function sizeOf(p: string): number | null {
  try {
    const st = fs.statSync(p);
    return st.isFile() ? st.size : null;
  } catch {
    return null;
  }
}

/** Whether the file at `p` is a summary workbook this program wrote: its 说明 sheet says so. */
export async function isOwnSummary(p: string): Promise<boolean> {
  const size = sizeOf(p);
  if (size === null || size > OWN_OUTPUT_MAX_BYTES) return false;
  try {
    const { readPackageSnapshots } = await import("../xlsx/readPackage");
    const sheets = await readPackageSnapshots(new Uint8Array(fs.readFileSync(p)));
    const names = sheets.map((s) => s.name);
    const about = sheets.find((s) => s.name === "说明");
    if (!about || !names.includes("汇总") || !names.includes("问题清单")) return false;
    return about.values.some((row) => row[0] === SUMMARY_VERSION_LABEL && typeof row[1] === "string" && row[1].startsWith(SUMMARY_VERSION_PREFIX));
  } catch {
    return false;
  }
}

/** Whether the file at `p` is a CSV summary this program wrote: it starts with its byte-order mark and header. */
export function isOwnCsv(p: string, header: string | string[]): boolean {
  if (Array.isArray(header)) return header.some((h) => isOwnCsv(p, h));
  const size = sizeOf(p);
  if (size === null) return false;
  const want = Buffer.from(`\ufeff${header}\r\n`, "utf8");
  if (size < want.length) return false;
  const fd = fs.openSync(p, "r");
  try {
    const got = Buffer.alloc(want.length);
    fs.readSync(fd, got, 0, want.length, 0);
    return got.equals(want);
  } finally {
    fs.closeSync(fd);
  }
}

const exists = (p: string) => {
  try {
    fs.lstatSync(p);
    return true;
  } catch {
    return false;
  }
};

/**
 * Refuses (with the reason) any named output that would land on a workbook this run reads or passed
 * over, or on another named output; and an existing file that is not this program's own output of
 * that kind, or that is but without --force.
 */
export async function refuseOutputs(
  outs: NamedOutputs,
  inputs: readonly string[],
  passedOver: readonly string[],
  csvHeader: string | string[],
): Promise<Refusal | null> {
  const named: Array<[string, string]> = [];
  if (outs.summary !== undefined) named.push(["--summary", outs.summary]);
  if (outs.csv !== undefined) named.push(["--csv", outs.csv]);
  if (outs.out !== undefined) named.push(["--out", outs.out]);
  for (const [i, [flag, p]] of named.entries()) {
    if (inputs.some((f) => sameFile(f, p))) {
      return { zh: `${flag} ${p} 是要检查的文件之一，未做任何操作。`, en: `${flag} ${p} names one of the input files; nothing was done.` };
    }
    const over = passedOver.find((f) => sameFile(f, p));
    if (over !== undefined && !(flag === "--summary" && (await isOwnSummary(p)))) {
      return {
        zh: `${flag} ${p} 是所检查文件夹中的工作簿（已跳过的文件），不能覆盖，未做任何操作。`,
        en: `${flag} ${p} is a workbook in a checked folder (one passed over); it is never overwritten, and nothing was done.`,
      };
    }
    for (const [flag2, p2] of named.slice(i + 1)) {
      if (sameFile(p, p2)) return { zh: `${flag} 与 ${flag2} 指向同一个文件 ${p}，未做任何操作。`, en: `${flag} and ${flag2} name the same file ${p}; nothing was done.` };
    }
    if (!exists(p)) continue;
    if (flag === "--out") {
      // A copy's name the person gave: replaced only with --force (planTargets says so per file).
      continue;
    }
    const own = flag === "--summary" ? await isOwnSummary(p) : isOwnCsv(p, csvHeader);
    if (!own) {
      return {
        zh: `${flag} ${p} 已存在且不是本程序写出的汇总${flag === "--csv" ? "表" : "工作簿"}，不会覆盖，未做任何操作。请换一个文件名。`,
        en: `${flag} ${p} exists and is not a summary this program wrote; it is never overwritten, and nothing was done. Choose another name.`,
      };
    }
    if (!outs.force) {
      return {
        zh: `${flag} ${p} 已存在（本程序之前写出的汇总），未覆盖；如需覆盖请加 --force。未做任何操作。`,
        en: `${flag} ${p} exists (a summary this program wrote earlier) and was not overwritten; add --force to replace it. Nothing was done.`,
      };
    }
  }
  return null;
}
