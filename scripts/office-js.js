#!/usr/bin/env node
// A current office.js for the offline build, in two steps, for IT:
//
//   1. On a machine with internet access (Node.js 20):
//        node scripts/office-js.js download <folder>
//      downloads Microsoft's CDN library (office.js and the files it loads for Excel) into <folder>.
//   2. Copy <folder> to the build machine, then:
//        npm run office-js:import -- <folder>
//      checks it and copies it into vendor/office-js/, which `npm run build` then serves as
//      dist/office-js/ instead of the npm package's 2022 runtime.
//
// Why: the npm package @microsoft/office-js is a 2022 build (16.0.15407) without Worksheet.notes
// (ExcelApi 1.18) and without mergeUndoGroup (1.20). Microsoft supports only the CDN library and
// allows local copies for internal deployments; a copy must be refreshed from time to time.
"use strict";
const fs = require("node:fs");
const path = require("node:path");

const ROOT = path.resolve(__dirname, "..");
const CDN_BASE = "https://appsforoffice.microsoft.com/lib/1/hosted/";
const VENDOR_DIR = path.join(ROOT, "vendor", "office-js");
const PACKAGE_DIST = path.join(ROOT, "node_modules", "@microsoft", "office-js", "dist");
/** Files that must be there for Excel on Windows, Mac and the web. */
const REQUIRED = ["office.js", "excel-win32-16.01.js", "excel-mac-16.00.js", "excel-web-16.00.js"];
const SOURCE_FILE = "jixiao-office-js.json";

/** The build number office.js states (16.0.NNNNN), or null. */
function libraryVersion(officeJs) {
  const all = [...String(officeJs).matchAll(/16\.0\.(\d{4,5})/g)].map((m) => Number(m[1])).filter((n) => n > 0);
  return all.length > 0 ? `16.0.${Math.max(...all)}` : null;
}

function listFiles(dir, prefix = "") {
  const out = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...listFiles(path.join(dir, e.name), rel));
    else out.push(rel);
  }
  return out;
}

/** What to download: the npm package's file list (release builds only) and every .js that office.js names. */
function wantedFiles(packageFiles, officeJsText = "") {
  const names = new Set(packageFiles.filter((f) => f.endsWith(".js") && !f.endsWith(".debug.js")));
  for (const m of String(officeJsText).matchAll(/["']([a-z0-9_-]+(?:\/[a-z0-9_-]+)*\.js)["']/gi)) {
    if (!m[1].endsWith(".debug.js")) names.add(m[1]);
  }
  names.add("office.js");
  return [...names].sort();
}

/** Check a downloaded folder: the files Excel needs, and a library newer than the npm package's. */
function checkFolder(dir) {
  const problems = [];
  for (const f of REQUIRED) if (!fs.existsSync(path.join(dir, f))) problems.push(`缺少 ${f} (missing ${f})`);
  let version = null;
  if (fs.existsSync(path.join(dir, "office.js"))) {
    const text = fs.readFileSync(path.join(dir, "office.js"), "utf8");
    if (text.length < 10_000) problems.push("office.js 不完整 (office.js is truncated)");
    version = libraryVersion(text);
  }
  return { ok: problems.length === 0, problems, version, files: fs.existsSync(dir) ? listFiles(dir).length : 0 };
}

async function download(dir, { base = CDN_BASE, fetchImpl = fetch, log = console.log } = {}) {
  fs.mkdirSync(dir, { recursive: true });
  const get = async (rel) => {
    const res = await fetchImpl(new URL(rel, base));
    if (!res.ok) return null;
    return Buffer.from(await res.arrayBuffer());
  };
  const office = await get("office.js");
  if (!office) throw new Error(`无法下载 office.js (cannot download office.js from ${base})`);
  fs.writeFileSync(path.join(dir, "office.js"), office);
  const packageFiles = fs.existsSync(PACKAGE_DIST) ? listFiles(PACKAGE_DIST) : REQUIRED;
  const missing = [];
  let count = 1;
  for (const rel of wantedFiles(packageFiles, office.toString("utf8"))) {
    if (rel === "office.js") continue;
    const body = await get(rel);
    if (!body) {
      missing.push(rel);
      continue;
    }
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), body);
    count++;
  }
  const version = libraryVersion(office.toString("utf8"));
  fs.writeFileSync(path.join(dir, SOURCE_FILE), JSON.stringify({ source: base, downloaded: new Date().toISOString(), version, files: count }, null, 2));
  log(`已下载 ${count} 个文件到 ${dir}（office.js ${version ?? "版本未知"}）；${missing.length} 个在 CDN 上不存在，已跳过。`);
  log(`Downloaded ${count} files to ${dir} (office.js ${version ?? "unknown version"}); ${missing.length} not on the CDN, skipped.`);
  return { count, missing, version };
}

function importFolder(dir, { target = VENDOR_DIR, log = console.log } = {}) {
  const check = checkFolder(dir);
  if (!check.ok) throw new Error(`${dir} 不是可用的 office.js 文件夹 (not a usable office.js folder):\n  ${check.problems.join("\n  ")}`);
  fs.rmSync(target, { recursive: true, force: true });
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.cpSync(dir, target, { recursive: true });
  const source = path.join(target, SOURCE_FILE);
  const info = fs.existsSync(source) ? JSON.parse(fs.readFileSync(source, "utf8")) : {};
  fs.writeFileSync(source, JSON.stringify({ ...info, version: check.version, imported: new Date().toISOString(), files: check.files }, null, 2));
  log(`已导入 office.js ${check.version ?? ""}（${check.files} 个文件）到 ${target}；运行 npm run build 后生效。`);
  log(`Imported office.js ${check.version ?? ""} (${check.files} files) into ${target}; it takes effect with npm run build.`);
  return check;
}

async function main(argv) {
  const [cmd, dir, ...rest] = argv;
  const from = rest.indexOf("--from") >= 0 ? rest[rest.indexOf("--from") + 1] : undefined;
  if (cmd === "download" && dir) await download(path.resolve(dir), from ? { base: from } : {});
  else if (cmd === "import" && dir) importFolder(path.resolve(dir));
  else {
    console.error("用法 usage:\n  node scripts/office-js.js download <文件夹 folder> [--from <url>]\n  node scripts/office-js.js import <文件夹 folder>");
    process.exitCode = 2;
  }
}

module.exports = { CDN_BASE, VENDOR_DIR, REQUIRED, libraryVersion, listFiles, wantedFiles, checkFolder, download, importFolder };

if (require.main === module) {
  main(process.argv.slice(2)).catch((e) => {
    console.error(e.message);
    process.exitCode = 1;
  });
}
