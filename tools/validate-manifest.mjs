#!/usr/bin/env node
// Validates an Office add-in XML manifest against the XSD schemas in tools/manifest-schemas, offline
// (`office-addin-manifest validate` uploads the manifest to a web service and fails without internet).
// Usage (from the project root): node tools/validate-manifest.mjs manifest.xml [more.xml ...]
// Adapted from ../shared/tools/validate-manifest.mjs so that the project needs nothing outside itself.
// Also importable: `validateManifest(xmlText, fileName)` resolves to xmllint-wasm's result.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { validateXML } from "xmllint-wasm";

export const schemaDir = path.join(path.dirname(fileURLToPath(import.meta.url)), "manifest-schemas");
const MAIN_SCHEMA = "OfficeAppManifestV1_1.xsd";

export function loadSchemas() {
  const schemas = fs.readdirSync(schemaDir).filter((f) => f.endsWith(".xsd")).sort()
    .map((f) => ({ fileName: f, contents: fs.readFileSync(path.join(schemaDir, f), "utf8") }));
  const main = schemas.find((s) => s.fileName === MAIN_SCHEMA);
  if (!main) throw new Error(`validate-manifest: ${MAIN_SCHEMA} is missing from ${schemaDir}`);
  return { main, preload: schemas.filter((s) => s !== main) };
}

export async function validateManifest(xml, fileName = "manifest.xml") {
  const { main, preload } = loadSchemas();
  return validateXML({ xml: [{ fileName, contents: xml }], schema: [main], preload });
}

const isMain = process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href;
if (isMain) {
  const files = process.argv.slice(2);
  if (files.length === 0) {
    console.error("usage: node tools/validate-manifest.mjs <manifest.xml> [more.xml ...]");
    process.exit(2);
  }
  let ok = true;
  for (const file of files) {
    if (!fs.existsSync(file)) {
      console.error(`${file}: no such file${file.startsWith("dist") ? " (run `npm run build` first)" : ""}`);
      ok = false;
      continue;
    }
    const result = await validateManifest(fs.readFileSync(file, "utf8"), path.basename(file));
    process.stdout.write(result.rawOutput);
    console.log(`${file}: ${result.valid ? "manifest valid" : "manifest INVALID"}`);
    ok &&= result.valid;
  }
  process.exit(ok ? 0 : 1);
}
