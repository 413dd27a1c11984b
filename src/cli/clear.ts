// `jixiao clear`: copies with the add-in's marks and notes taken away, nothing else changed.
import { clearWorkbookBytes, type SheetCleared } from "../xlsx/clearMarks";
import { readBytes } from "../xlsx/checkWorkbook";
import { WorkbookReadError } from "../xlsx/sniff";
import type { CliOptions } from "./args";
import { copiesOf, expandInputs, uniqueFiles, type Skipped } from "./inputs";
import { planTargets, writeWhole } from "./outputs";
import { visible } from "./report";

interface Cleared {
  file: string;
  out?: string;
  sheets: SheetCleared[];
  error?: { zh: string; en: string };
}

/** What was taken away from one file, in a line. */
function lineOf(r: Cleared, zh: boolean): string {
  const name = visible(r.file);
  if (r.error) return zh ? `${name}：${r.error.zh}` : `${name}: ${r.error.en}`;
  const marks = r.sheets.reduce((a, s) => a + s.marks, 0);
  const notes = r.sheets.reduce((a, s) => a + s.notes, 0);
  const locked = r.sheets.filter((s) => s.protected).map((s) => visible(s.sheet));
  const what =
    marks + notes === 0
      ? zh
        ? "没有本程序的标记或批注，副本与原文件内容相同"
        : "no marks or notes of this program; the copy holds the same as the original"
      : zh
        ? `去掉标记 ${marks} 处、批注 ${notes} 条`
        : `${marks} mark(s) and ${notes} note(s) removed`;
  const lockedText = locked.length === 0 ? "" : zh ? `；工作表「${locked.join("」「")}」受保护，未改动` : `; sheet(s) ${locked.join(", ")} protected, left as they are`;
  return zh ? `${name} → ${visible(r.out ?? "")}：${what}${lockedText}` : `${name} → ${visible(r.out ?? "")}: ${what}${lockedText}`;
}

/** Where the command writes (command.ts's Io, which imports this module). */
interface Out {
  out: { write(s: string): unknown };
  err: { write(s: string): unknown };
}

export async function clearAll(opts: CliOptions, io: Out, skipped: Skipped[], stdin: { path: string; name: string } | null): Promise<number> {
  // A folder's filled and marked copies are what there is to clear; only the cleared ones are passed over.
  const files = uniqueFiles(expandInputs(opts.files, skipped, copiesOf(["cleared"])));
  const many = files.length > 1;
  const planned = planTargets(files, { suffix: ".cleared.xlsx", out: opts.out, force: opts.force, many, avoid: skipped.map((x) => x.path) });
  const zh = opts.lang === "zh-CN";
  const results: Cleared[] = [];
  for (const [i, p] of planned.entries()) {
    if (many && !opts.quiet) io.err.write(zh ? `[${i + 1}/${planned.length}] 正在去掉标记 ${visible(p.file)}\n` : `[${i + 1}/${planned.length}] clearing ${visible(p.file)}\n`);
    const shown = stdin && p.file === stdin.path ? stdin.name : p.file;
    if (p.error || !p.target) {
      results.push({ file: shown, sheets: [], error: p.error ?? { zh: "未能确定副本的位置。", en: "No place for the copy." } });
      continue;
    }
    let bytes: Buffer;
    try {
      bytes = await readBytes(p.file);
    } catch (e) {
      if (!(e instanceof WorkbookReadError)) throw e;
      results.push({ file: shown, sheets: [], error: { zh: e.zh, en: e.en } });
      continue;
    }
    const r = await clearWorkbookBytes(p.file, new Uint8Array(bytes), opts.fileMemoryMb);
    if (!r.bytes) {
      results.push({ file: shown, sheets: r.sheets, ...(r.error ? { error: r.error } : {}) });
      continue;
    }
    try {
      writeWhole(p.target, r.bytes, opts.force && !p.derived);
      results.push({ file: shown, out: p.target, sheets: r.sheets });
    } catch (e) {
      const m = e as { zh?: string; en?: string; message?: string };
      results.push({ file: shown, sheets: r.sheets, error: { zh: m.zh ?? `未能写出副本：${m.message}`, en: m.en ?? `The copy could not be written: ${m.message}` } });
    }
  }
  if (opts.json) {
    const pick = (m: { zh: string; en: string }) => (zh ? m.zh : m.en);
    const doc = {
      files: results.map((r) => ({ file: r.file, ...(r.out ? { out: r.out } : {}), sheets: r.sheets, ...(r.error ? { error: pick(r.error) } : {}) })),
      ...(skipped.length > 0 ? { skipped: skipped.map((x) => ({ path: x.path, reason: pick(x.reason) })) } : {}),
    };
    io.out.write(`${JSON.stringify(doc, null, 2)}\n`);
  } else {
    for (const r of results) io.out.write(`${lineOf(r, zh)}\n`);
    if (skipped.length > 0) {
      io.out.write(zh ? `未处理 ${skipped.length} 项：\n` : `Not cleared (${skipped.length}):\n`);
      for (const x of skipped) io.out.write(visible(`  ${x.path}：${zh ? x.reason.zh : x.reason.en}`) + "\n");
    }
  }
  return results.some((r) => r.error) ? 2 : 0;
}
