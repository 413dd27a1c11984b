// Builds the deployable add-in manifest: every development URL (https://localhost:3000/) in manifest.xml
// is replaced by the base URL the add-in is served from. Pure functions, shared by webpack.config.js
// (which writes dist/manifest.xml) and test/addin/manifest.test.ts. CommonJS on purpose: webpack.config.js
// is CommonJS and jest runs it without a loader.
"use strict";

const DEV_BASE_URL = "https://localhost:3000/";

/**
 * Checks a base URL for the add-in's files and returns it unchanged.
 * It must be an absolute https URL ending with "/" (Office loads add-ins over https only), with no query,
 * fragment or characters that would need escaping in XML.
 */
function checkBaseUrl(base) {
  if (typeof base !== "string" || base.trim() === "") {
    throw new Error("ADDIN_BASE_URL is empty: give the https URL the add-in is served from, ending with '/'");
  }
  if (/[\s<>"'&]/.test(base)) {
    throw new Error(`ADDIN_BASE_URL ${JSON.stringify(base)} contains spaces or characters not allowed here (< > " ' &)`);
  }
  let url;
  try {
    url = new URL(base);
  } catch {
    throw new Error(`ADDIN_BASE_URL ${JSON.stringify(base)} is not an absolute URL (example: https://addin.example.gov.cn/jixiao/)`);
  }
  if (url.protocol !== "https:") {
    throw new Error(`ADDIN_BASE_URL ${JSON.stringify(base)} must use https: Office loads add-ins only over https`);
  }
  if (url.search || url.hash || url.username || url.password) {
    throw new Error(`ADDIN_BASE_URL ${JSON.stringify(base)} must not contain a query, fragment or credentials`);
  }
  if (!base.endsWith("/")) {
    throw new Error(`ADDIN_BASE_URL ${JSON.stringify(base)} must end with '/' (example: https://addin.example.gov.cn/jixiao/)`);
  }
  return base;
}

/**
 * Returns the manifest text with every occurrence of https://localhost:3000/ replaced by `base`, and XML
 * comments removed (they describe the development setup). With a base that is not on localhost, throws if
 * "localhost" would remain anywhere in the result.
 */
function buildManifest(xml, base = DEV_BASE_URL) {
  checkBaseUrl(base);
  const out = xml.replace(/<!--[\s\S]*?-->\s*/g, "").split(DEV_BASE_URL).join(base);
  if (!new URL(base).hostname.match(/^(localhost|127\.0\.0\.1)$/) && /localhost/i.test(out)) {
    const line = out.split("\n").find((l) => /localhost/i.test(l));
    throw new Error(`manifest still mentions localhost after rewriting to ${base}: ${line.trim()}`);
  }
  return out;
}

module.exports = { DEV_BASE_URL, checkBaseUrl, buildManifest };
