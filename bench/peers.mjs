// The check against its peers and against the floor (issue 21 §1, §2, §7), each figure with the
// ratio it is judged by. Peers: ExcelJS and SheetJS merely loading the same file, in this process
// and in a process of their own. Floor: what no reader of the file can skip — its parts inflated with
// node:zlib, decoded, and every cell found by a minimal scan (written here, sharing nothing with jixiao).
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { isAscii } from "node:buffer";
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

export const ms = (t0) => Number(process.hrtime.bigint() - t0) / 1e6;
export const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** The floor: the zip's directory, the parts a form needs inflated and decoded (as the reader decodes them), each `<c>` and its `<v>` found. */
export function floorRead(bytes) {
  const u16 = (i) => bytes[i] | (bytes[i + 1] << 8);
  const u32 = (i) => (bytes[i] | (bytes[i + 1] << 8) | (bytes[i + 2] << 16) | (bytes[i + 3] << 24)) >>> 0;
  let eocd = bytes.length - 22;
  while (u32(eocd) !== 0x06054b50) eocd--;
  let p = u32(eocd + 16);
  const texts = [];
  for (let k = u16(eocd + 10); k > 0; k--) {
    const nameLen = u16(p + 28);
    const name = bytes.toString("latin1", p + 46, p + 46 + nameLen);
    const local = u32(p + 42);
    const start = local + 30 + u16(local + 26) + u16(local + 28);
    const data = bytes.subarray(start, start + u32(p + 20));
    if (/^xl\/(worksheets\/sheet\d+|sharedStrings|styles|workbook)\.xml$/.test(name)) {
      const part = u16(p + 10) === 8 ? zlib.inflateRawSync(data) : data;
      // Decoded as the reader decodes: ASCII (most sheets' XML) copied as Latin-1, else UTF-8.
      texts.push(isAscii(part) ? part.toString("latin1") : part.toString("utf8"));
    }
    p += 46 + nameLen + u16(p + 30) + u16(p + 32);
  }
  let cells = 0;
  let values = 0;
  for (const t of texts) {
    for (let i = t.indexOf("<c "); i >= 0; i = t.indexOf("<c ", i + 3)) {
      cells++;
      const end = t.indexOf("</c>", i);
      const v = t.indexOf("<v>", i);
      if (v >= 0 && end >= 0 && v < end) values += t.charCodeAt(v + 3);
    }
  }
  return { cells, values };
}

/** Median milliseconds of `fn` over `runs`, after one warm-up. */
export async function timed(fn, runs) {
  await fn();
  const xs = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    await fn();
    xs.push(ms(t0));
  }
  return median(xs);
}

/**
 * Median times of contenders run in-process, interleaved round by round (after `warm` rounds of each,
 * so that each one's code is compiled before it is timed): the machine's drift falls on all alike.
 */
export async function interleaved(contenders, rounds, warm = 3) {
  const names = Object.keys(contenders);
  for (let i = 0; i < warm; i++) for (const k of names) await contenders[k]();
  const xs = Object.fromEntries(names.map((k) => [k, []]));
  for (let i = 0; i < rounds; i++) {
    for (const k of names) {
      const t0 = process.hrtime.bigint();
      await contenders[k]();
      xs[k].push(ms(t0));
    }
  }
  return Object.fromEntries(names.map((k) => [k, median(xs[k])]));
}

/** Median wall time of a whole process, interleaving the contenders round by round so the machine's drift falls on all alike. */
function processes(contenders, rounds) {
  const times = Object.fromEntries(Object.keys(contenders).map((k) => [k, []]));
  for (let r = 0; r < rounds; r++) {
    for (const [k, args] of Object.entries(contenders)) {
      const t0 = process.hrtime.bigint();
      const res = spawnSync(process.execPath, args, { stdio: ["ignore", "ignore", "pipe"], maxBuffer: 1 << 26 });
      const t = ms(t0);
      if (res.status !== 0 && k !== "command") throw new Error(`${k}: ${res.stderr}`);
      times[k].push(t);
    }
  }
  return Object.fromEntries(Object.entries(times).map(([k, xs]) => [k, median(xs)]));
}

const r2 = (x) => x.toFixed(2);

/**
 * One file's figures: in-process (check, floor, ExcelJS load, SheetJS read) and whole-process (the
 * command, ExcelJS and SheetJS each in a process of their own, and Node's own start).
 */
export async function peers({ root, file, label, runs, warm, rounds, out, checkWorkbook }) {
  const bytes = fs.readFileSync(file);
  const ExcelJS = require("exceljs");
  const XLSX = require("@e965/xlsx");
  // Interleaved round by round after warm rounds of each, as the fill's pair is: timed one after the
  // other after a single warm-up, the floor's small loop was measured half-compiled and in the
  // collector's wake of the readers before it (9.5–19 ms for what takes 5 ms warm), which made the
  // check look within 3× of it when it was not.
  const inproc = await interleaved(
    {
      check: () => checkWorkbook(file),
      floor: () => floorRead(fs.readFileSync(file)),
      exceljs: () => new ExcelJS.Workbook().xlsx.load(fs.readFileSync(file)),
      sheetjs: () => XLSX.read(fs.readFileSync(file), { cellFormula: true, cellNF: true, cellText: true }),
    },
    runs,
    warm,
  );
  const cli = path.join(root, "dist/cli/jixiao.js");
  const checkRequire = JSON.stringify(path.join(root, "dist/xlsx/checkWorkbook.js"));
  const exceljsRequire = JSON.stringify(require.resolve("exceljs"));
  const sheetjsRequire = JSON.stringify(require.resolve("@e965/xlsx"));
  const whole = processes(
    {
      node: ["-e", ""],
      command: [cli, "check", "-q", "--jobs", "1", file],
      // The same check once, in a process of its own and no worker: what a cold start costs the check itself.
      cold: ["-e", `require(${checkRequire}).checkWorkbook(${JSON.stringify(file)}).then(()=>{})`],
      exceljs: ["-e", `const E=require(${exceljsRequire});new E.Workbook().xlsx.readFile(${JSON.stringify(file)}).then(()=>{})`],
      sheetjs: ["-e", `require(${sheetjsRequire}).readFile(${JSON.stringify(file)},{cellFormula:true,cellNF:true,cellText:true})`],
    },
    rounds,
  );
  out(
    `${label} (${(bytes.length / 1024).toFixed(0)} KiB), in-process: check ${inproc.check.toFixed(0)} ms · floor ${inproc.floor.toFixed(1)} ms · ExcelJS load ${inproc.exceljs.toFixed(0)} ms · SheetJS read ${inproc.sheetjs.toFixed(0)} ms`,
  );
  const fl = inproc.check / inproc.floor;
  out(
    `  check/floor ${r2(fl)} (goal ≤ 3) ${fl <= 3 ? "✓" : "✗"} · check/exceljs ${r2(inproc.check / inproc.exceljs)} · check/sheetjs ${r2(inproc.check / inproc.sheetjs)}`,
  );
  const overhead = whole.command / (1.2 * inproc.check + whole.node);
  out(
    `  whole process: command ${whole.command.toFixed(0)} ms · ExcelJS ${whole.exceljs.toFixed(0)} ms · SheetJS ${whole.sheetjs.toFixed(0)} ms · Node's start ${whole.node.toFixed(0)} ms — command/exceljs ${r2(whole.command / whole.exceljs)} ${whole.command < whole.exceljs ? "✓" : "✗"} · command/sheetjs ${r2(whole.command / whole.sheetjs)} ${whole.command < whole.sheetjs ? "✓" : "✗"} · command/(1.2×check + start) ${r2(overhead)} (goal ≤ 1) ${overhead <= 1 ? "✓" : "✗"}`,
  );
  out(
    `  the check cold, in a process of its own without a worker: ${whole.cold.toFixed(0)} ms — the command over it ${r2(whole.command / whole.cold)}× (what the command adds: its worker, its report; the rest of its time over 1.2×check + start is the cold start of the check itself)`,
  );
  return { inproc, whole };
}
