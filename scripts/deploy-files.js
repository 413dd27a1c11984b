// What IT needs beside dist/ to roll the add-in out (README "在内网部署"): the office.js address a
// build uses, and the registry file that makes a network share a trusted add-in catalog.
// CommonJS: used by webpack.config.js, the command line and the tests.
"use strict";

const crypto = require("crypto");
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

/** The same share always gets the same catalog id, so running a newer .reg again adds no second catalog. */
function catalogId(share) {
  const h = crypto.createHash("sha1").update(`jixiao:${share.toLowerCase()}`).digest("hex");
  return `{${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((parseInt(h[16], 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}}`.toUpperCase();
}

/**
 * The registry script of "Sideload Office Add-ins for testing from a network share" (Configure the trust
 * with a Registry script): key HKCU\Software\Microsoft\Office\16.0\WEF\TrustedCatalogs\{id} with Id
 * (the same id), Url (the share, every backslash doubled) and Flags dword 1 (Show in Menu). Returned as
 * text with CRLF line ends; `regFileBytes` gives the UTF-16LE file regedit reads with any share name.
 */
function catalogReg(share) {
  const unc = checkShare(share);
  const id = catalogId(unc);
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

function regFileBytes(text) {
  return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
}

module.exports = { OFFICE_JS_LOCAL, OFFICE_JS_GLOBAL, OFFICE_JS_21VIANET, officeJsUrl, checkShare, catalogId, catalogReg, regFileBytes };

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
