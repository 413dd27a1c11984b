#!/usr/bin/env node
// Makes sure the development https certificates exist for `npm run dev-server`:
// ~/.office-addin-dev-certs/{ca.crt,localhost.crt,localhost.key}, created with office-addin-dev-certs'
// generateCertificates() (offline, no sudo). It does NOT trust the CA: `npx office-addin-dev-certs install`
// needs administrator rights. Trust ca.crt yourself once (Windows: double-click it → Install Certificate →
// Local Machine → Trusted Root Certification Authorities; macOS: Keychain Access → System → Always
// Trust; Linux browsers: import it as an authority), or accept the browser warning.
// Certificates that expire within a day are made again (and the new CA must be trusted again).
import fs from "node:fs";
import path from "node:path";
import { X509Certificate } from "node:crypto";
import devCerts from "office-addin-dev-certs";
import defaults from "office-addin-dev-certs/lib/defaults.js";

const DAYS = 365;
const files = [defaults.caCertificatePath, defaults.localhostCertificatePath, defaults.localhostKeyPath];

function usable() {
  if (!files.every((f) => fs.existsSync(f))) return false;
  try {
    const until = new Date(new X509Certificate(fs.readFileSync(defaults.localhostCertificatePath)).validTo);
    return until.getTime() > Date.now() + 24 * 3600 * 1000;
  } catch {
    return false;
  }
}

if (usable()) {
  console.log(`dev-certs: using the certificates in ${defaults.certificateDirectory}`);
} else {
  // generateCertificates() writes nothing when ca.crt exists: clear out a partial or expired set first.
  for (const f of files) fs.rmSync(f, { force: true });
  await devCerts.generateCertificates(undefined, undefined, undefined, DAYS);
  console.log(`dev-certs: trust ${path.join(defaults.certificateDirectory, "ca.crt")} as a root authority ` +
    "to open https://localhost:3000/ without warnings (see scripts/dev-certs.mjs)");
}
