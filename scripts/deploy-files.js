// What IT needs beside dist/ to roll the add-in out (README "在内网部署"): the office.js address a
// build uses, and the registry file that makes a network share a trusted add-in catalog.
// CommonJS: used by webpack.config.js, the command line and the tests.
"use strict";

const fs = require("fs");

/** office.js served by the add-in itself (dist/office-js/): no internet needed. */
const OFFICE_JS_LOCAL = "office-js/office.js";
/** Microsoft's CDN (learn.microsoft.com/office/dev/add-ins/develop/referencing-the-javascript-api-for-office-library-from-its-cdn). */
const OFFICE_JS_GLOBAL = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
/**
 * The CDN for Office 365 operated by 21Vianet (China), which Microsoft asks add-ins in that cloud to
 * use instead of the global one (office-js-docs-pr, docs/includes/21Vianet-cdn.md).
 */
const OFFICE_JS_21VIANET = "https://appsforoffice.cdn.partner.office365.cn/appsforoffice/lib/1/hosted/office.js";

/** OFFICE_JS_CDN: unset → the add-in's own copy; 1/true/yes/global → Microsoft's CDN; 21vianet/china/cn → 21Vianet's. */
function officeJsUrl(setting) {
  const v = String(setting || "").trim().toLowerCase();
  if (v === "" || v === "0" || v === "false" || v === "no") return OFFICE_JS_LOCAL;
  if (v === "1" || v === "true" || v === "yes" || v === "global") return OFFICE_JS_GLOBAL;
  if (v === "21vianet" || v === "china" || v === "cn") return OFFICE_JS_21VIANET;
  throw new Error(`OFFICE_JS_CDN=${setting}: use 1 (Microsoft's CDN) or 21vianet (Office 365 operated by 21Vianet); leave it unset to serve office.js from dist/office-js/`);
}

/** A UNC path as \\server\share[\folder…], or an error in Chinese and English. */
function checkShare(share) {
  const s = String(share || "").trim().replace(/\//g, "\\").replace(/\\+$/, "");
  if (!/^\\\\[^\\]+\\[^\\]+/.test(s)) {
    throw new Error(`共享文件夹应写成 \\\\服务器\\共享名 的网络路径（The catalog must be a network path such as \\\\server\\share）：${share}`);
  }
  if (/["\r\n]/.test(s)) throw new Error(`网络路径中不能有引号或换行（No quotes or line breaks in the path）：${share}`);
  return s;
}

/**
 * jixiao's one catalog id, for the .reg and for trust-catalog.cmd alike: running either again (for a
 * moved share too) replaces the catalog's Url, never adds a second catalog.
 */
const CATALOG_ID = "{6A1C2E5B-3D4F-4A8B-9C0D-1E2F3A4B5C6D}";
const CATALOG_KEY = `HKCU\\Software\\Microsoft\\Office\\16.0\\WEF\\TrustedCatalogs\\${CATALOG_ID}`;

/**
 * The registry script of "Sideload Office Add-ins for testing from a network share" (Configure the trust
 * with a Registry script): key HKCU\Software\Microsoft\Office\16.0\WEF\TrustedCatalogs\{id} with Id
 * (the same id), Url (the share, every backslash doubled) and Flags dword 1 (Show in Menu). Returned as
 * text with CRLF line ends; `regFileBytes` gives the UTF-16LE file regedit reads with any share name.
 */
function catalogReg(share) {
  const unc = checkShare(share);
  const id = CATALOG_ID;
  return [
    "Windows Registry Editor Version 5.00",
    "",
    `; 绩效自评助手 jixiao: trust ${unc} as an add-in catalog (File > Options > Trust Center > Trusted Add-in Catalogs, Show in Menu).`,
    "; Close every Office application before running this file.",
    `[HKEY_CURRENT_USER\\Software\\Microsoft\\Office\\16.0\\WEF\\TrustedCatalogs\\${id}]`,
    `"Id"="${id}"`,
    `"Url"="${unc.replace(/\\/g, "\\\\")}"`,
    '"Flags"=dword:00000001',
    "",
  ].join("\r\n");
}

/**
 * The same values set with reg.exe, the share given when it runs: `trust-catalog.cmd \\server\share`.
 * ASCII only: cmd reads a batch file in the console's code page.
 */
function catalogCmd() {
  return [
    "@echo off",
    "rem jixiao: trust a network share as an Office add-in catalog for the current user",
    "rem (File > Options > Trust Center > Trusted Add-in Catalogs, Show in Menu). Close Office first.",
    "rem Usage: trust-catalog.cmd \\\\server\\share",
    'if "%~1"=="" (',
    "  echo Usage: %~nx0 \\\\server\\share",
    "  exit /b 2",
    ")",
    `set KEY=${CATALOG_KEY}`,
    `reg add "%KEY%" /v Id /t REG_SZ /d "${CATALOG_ID}" /f || exit /b 1`,
    'reg add "%KEY%" /v Url /t REG_SZ /d "%~1" /f || exit /b 1',
    'reg add "%KEY%" /v Flags /t REG_DWORD /d 1 /f || exit /b 1',
    "echo OK: %~1",
    "",
  ].join("\r\n");
}

function regFileBytes(text) {
  return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
}

module.exports = { OFFICE_JS_LOCAL, OFFICE_JS_GLOBAL, OFFICE_JS_21VIANET, CATALOG_ID, officeJsUrl, checkShare, catalogReg, catalogCmd, regFileBytes };

// node scripts/deploy-files.js catalog-reg \\server\share [out.reg]
if (require.main === module) {
  const [cmd, share, out = "TrustNetworkShareCatalog.reg"] = process.argv.slice(2);
  if (cmd !== "catalog-reg" || !share) {
    console.error("用法 Usage: node scripts/deploy-files.js catalog-reg \\\\server\\share [out.reg]");
    process.exit(2);
  }
  try {
    fs.writeFileSync(out, regFileBytes(catalogReg(share)), { flag: "wx" });
    console.log(`已写出 Written: ${out}`);
  } catch (e) {
    console.error(e.code === "EEXIST" ? `${out} 已存在，未覆盖（exists, not replaced）` : e.message);
    process.exit(2);
  }
}
