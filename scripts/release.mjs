#!/usr/bin/env node
// One release for IT (README "发布 Release"): everything an isolated network needs, in one zip.
//
//   npm run release -- --base-url https://jixiao.example.gov.cn/addin/ [--share \\server\share] [--out release]
//
// release/jixiao-<version>.zip holds:
//   addin/   the add-in for that address: pages, bundles, icons, manifest.xml, office.js trimmed to what
//            Excel loads (zh-CN and en-US strings, no debug builds), no source maps; trust-catalog.cmd
//            (and TrustNetworkShareCatalog.reg with --share) for the network-share catalog; 部署说明.txt
//   web/     the offline web checker (from a web server or from disk)
//   cli/     jixiao.cjs, the command as one file for a plain `node`, with jixiao.cmd and jixiao
//   VERSION and SHA256SUMS
// Offline once `npm ci` has run. Refuses localhost, and a zip over 12 MB.
import { execFileSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import JSZip from "jszip";

const require = createRequire(import.meta.url);
const { checkBaseUrl } = require("./manifest-url.js");
const { catalogCmd, checkShare } = require("./deploy-files.js");
const { listFiles: unsorted } = require("./office-js.js");
const listFiles = (dir) => unsorted(dir).sort();

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const VERSION = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")).version;
export const MAX_ZIP_BYTES = 12 * 1024 * 1024;
/** The office.js files Excel loads: office.js, Excel's host scripts, zh-CN and en-US strings; no debug builds. */
export function keepOfficeJs(rel) {
  if (/\.debug\.js$/.test(rel)) return false;
  const parts = rel.split("/");
  if (parts.length === 1) return /^(office|o15apptofilemappingtable|es6-promise)\.js$/.test(rel) || /^excel[-a-z0-9.]*\.js$/.test(rel);
  const [dir, file] = [parts[0], parts.at(-1)];
  if (dir === "zh-cn" || dir === "en-us") return file === "office_strings.js";
  return dir === "ariatelemetry" || dir === "agaveerrorux";
}

function webpack(args, env = {}) {
  execFileSync(process.execPath, [path.join(ROOT, "node_modules", "webpack", "bin", "webpack.js"), ...args], {
    cwd: ROOT,
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, ...env, OFFICE_JS_CDN: "" },
  });
}

function commit() {
  try {
    return execFileSync("git", ["rev-parse", "HEAD"], { cwd: ROOT, stdio: ["ignore", "pipe", "ignore"] }).toString().trim();
  } catch {
    return "unknown";
  }
}

const CLI_CMD = ["@echo off", 'node "%~dp0jixiao.cjs" %*', ""].join("\r\n");
const CLI_SH = ['#!/bin/sh', 'exec node "$(dirname "$0")/jixiao.cjs" "$@"', ""].join("\n");

function guide(baseUrl, share) {
  return [
    `绩效自评助手 jixiao ${VERSION} —— 部署说明 Deployment guide`,
    "",
    `本发布包为以下地址构建 Built for: ${baseUrl}`,
    "",
    "一、放到内网网站 Put the add-in on an intranet web server",
    `  把 addin\\ 目录的全部内容复制到 HTTPS 网站，使 ${baseUrl}manifest.xml 可以访问（证书须为各电脑信任）。`,
    `  Copy everything in addin\\ to an HTTPS site so that ${baseUrl}manifest.xml is served (a certificate the PCs trust).`,
    "  不要对 assets\\ 下的图标返回 Cache-Control: no-cache / no-store（Office 会缓存功能区图标）。",
    "  Do not send Cache-Control: no-cache / no-store for the icons under assets\\ (Office caches ribbon icons).",
    "",
    "二、把加载项交给用户（任选其一）Give the add-in to the users (one of)",
    "  1. 网络共享目录（仅 Windows 版 Excel；微软不支持用于生产环境）",
    "     Network-share catalog (Excel on Windows only; Microsoft does not support it for production):",
    "     把 addin\\manifest.xml 放入只读共享目录，然后在每位用户的电脑上（先关闭 Office）运行：",
    "     put addin\\manifest.xml in a read-only share, then on each user's PC (Office closed) run:",
    "       trust-catalog.cmd \\\\服务器\\共享目录",
    share ? `     或双击 TrustNetworkShareCatalog.reg（已写入 ${share}）。 Or run TrustNetworkShareCatalog.reg (made for ${share}).` : "     （用 --share 生成发布包时另附 TrustNetworkShareCatalog.reg。 With --share the release adds a .reg file.）",
    "     注册表 Registry: HKCU\\Software\\Microsoft\\Office\\16.0\\WEF\\TrustedCatalogs\\{id}: Id={id}, Url=共享目录 share, Flags=1",
    "     然后：插入 → 我的加载项 → 共享文件夹 → 绩效自评助手。 Then Insert → My Add-ins → Shared Folder.",
    "  2. SharePoint Server 本地应用目录（仅 Windows；不显示功能区按钮，从 插入 → 我的加载项 → 我的组织 打开任务窗格）",
    "     On-premises SharePoint app catalog (Windows only; no ribbon group: open the pane from My Add-ins → My Organization).",
    "  3. Microsoft 365 集中部署（需要联网租户；世纪互联租户使用“集中部署”）",
    "     Microsoft 365 Centralized Deployment (a connected tenant; 21Vianet tenants use Centralized Deployment).",
    "",
    "三、网页检查工具 The offline web checker",
    `  web\\ 可放在同一网站（如 ${baseUrl}web/），也可复制到共享盘后直接打开 web\\index.html。`,
    "  Serve web\\ from the same site, or copy it to a shared drive and open web\\index.html.",
    "",
    "四、命令行 The command (no Excel needed)",
    "  需要 Node.js 20 或更高版本，无需安装其他内容、无需联网。 Needs Node.js 20 or later, nothing else, no network.",
    "    cli\\jixiao.cmd check \"D:\\收到的自评表\" --summary \"D:\\汇总.xlsx\"",
    "    cli/jixiao check ./收到的自评表 --summary ./汇总.xlsx",
    "",
    "五、核对收到的文件 Check what you received",
    "  Windows: certutil -hashfile <文件 file> SHA256，与 SHA256SUMS 中的值比较。 Compare with SHA256SUMS.",
    "  Linux:   sha256sum -c SHA256SUMS",
    "",
  ]
    .join("\r\n");
}

export async function release({ baseUrl, share, out = path.join(ROOT, "release"), log = console.log }) {
  const base = checkBaseUrl(baseUrl);
  if (/^https:\/\/(localhost|127\.|\[::1\])/i.test(base)) throw new Error(`发布包不能指向本机地址（the release cannot point at localhost）：${base}`);
  const unc = share ? checkShare(share) : null;
  const build = path.join(ROOT, "release-build");
  fs.rmSync(build, { recursive: true, force: true });
  log("== add-in");
  webpack(["--mode", "production", "--output-path", path.join(build, "addin")], { ADDIN_BASE_URL: base, CATALOG_SHARE: unc ?? "" });
  log("== web checker");
  webpack(["--config", "webpack.web.js", "--mode", "production", "--output-path", path.join(build, "web")]);
  log("== command (one file)");
  webpack(["--config", "webpack.cli.js", "--env", `out=${path.join(build, "cli")}`]);

  const zip = new JSZip();
  const files = new Map();
  const add = (name, data, mode) => {
    files.set(name, Buffer.isBuffer(data) ? data : Buffer.from(data));
    zip.file(name, data, { date: new Date("2026-01-01T00:00:00Z"), ...(mode ? { unixPermissions: mode } : {}) });
  };
  for (const rel of listFiles(path.join(build, "addin"))) {
    if (rel.endsWith(".map")) continue;
    if (rel.startsWith("office-js/") && !keepOfficeJs(rel.slice("office-js/".length))) continue;
    add(`addin/${rel}`, fs.readFileSync(path.join(build, "addin", rel)));
  }
  add("addin/trust-catalog.cmd", catalogCmd());
  add("addin/部署说明.txt", `\ufeff${guide(base, unc)}`);
  for (const rel of listFiles(path.join(build, "web"))) {
    if (!rel.endsWith(".map")) add(`web/${rel}`, fs.readFileSync(path.join(build, "web", rel)));
  }
  add("cli/jixiao.cjs", fs.readFileSync(path.join(build, "cli", "jixiao.cjs")), 0o100755);
  if (fs.existsSync(path.join(build, "cli", "jixiao.cjs.LICENSE.txt"))) add("cli/jixiao.cjs.LICENSE.txt", fs.readFileSync(path.join(build, "cli", "jixiao.cjs.LICENSE.txt")));
  add("cli/jixiao.cmd", CLI_CMD);
  add("cli/jixiao", CLI_SH, 0o100755);
  add("VERSION", `jixiao ${VERSION}\ncommit ${commit()}\nbase-url ${base}\n`);
  const sums = [...files].map(([name, data]) => `${crypto.createHash("sha256").update(data).digest("hex")}  ${name}`).join("\n");
  add("SHA256SUMS", `${sums}\n`);

  const bytes = await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE", compressionOptions: { level: 9 }, platform: "UNIX" });
  fs.mkdirSync(out, { recursive: true });
  const target = path.join(out, `jixiao-${VERSION}.zip`);
  if (bytes.length > MAX_ZIP_BYTES) throw new Error(`发布包 ${(bytes.length / 2 ** 20).toFixed(1)} MB，超过 12 MB（the release is over 12 MB）`);
  fs.writeFileSync(target, bytes);
  fs.rmSync(build, { recursive: true, force: true });
  const byTop = new Map();
  for (const [name, data] of files) {
    const top = name.includes("/") ? `${name.split("/")[0]}/` : name;
    const t = byTop.get(top) ?? { n: 0, bytes: 0 };
    t.n++;
    t.bytes += data.length;
    byTop.set(top, t);
  }
  log(`${target}: ${(bytes.length / 2 ** 20).toFixed(2)} MB`);
  for (const [top, t] of byTop) log(`  ${top.padEnd(12)} ${String(t.n).padStart(4)} files  ${(t.bytes / 2 ** 20).toFixed(2)} MB unpacked`);
  return { target, bytes: bytes.length, files: [...files.keys()] };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { "base-url": { type: "string" }, share: { type: "string" }, out: { type: "string" } } });
  if (!values["base-url"]) {
    console.error("用法 Usage: npm run release -- --base-url https://host/path/addin/ [--share \\\\server\\share] [--out release]");
    process.exit(2);
  }
  release({ baseUrl: values["base-url"], share: values.share, out: values.out ? path.resolve(values.out) : undefined }).catch((e) => {
    console.error(`release: ${e.message}`);
    process.exit(1);
  });
}
