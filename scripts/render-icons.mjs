#!/usr/bin/env node
// Regenerates the add-in's PNG icons in assets/ from the SVG sources next to them.
// Usage: node scripts/render-icons.mjs
// Needs rsvg-convert (Debian/Ubuntu: `apt-get install -y librsvg2-bin`; macOS: `brew install librsvg`).
// The PNGs are committed, so building the add-in never needs this script or that package.
import { execFileSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

const assets = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "assets");

// output PNG -> [SVG source, pixel size]. The 16 px icons have their own SVGs drawn on the pixel grid.
const targets = {
  "icon-16.png": ["icon-16.svg", 16],
  "icon-32.png": ["icon.svg", 32],
  "icon-64.png": ["icon.svg", 64],
  "icon-80.png": ["icon.svg", 80],
  "check-16.png": ["check-16.svg", 16],
  "check-32.png": ["check.svg", 32],
  "check-80.png": ["check.svg", 80],
  "fill-16.png": ["fill-16.svg", 16],
  "fill-32.png": ["fill.svg", 32],
  "fill-80.png": ["fill.svg", 80],
};

for (const [png, [svg, size]] of Object.entries(targets)) {
  try {
    execFileSync("rsvg-convert", [
      "--width", String(size), "--height", String(size), "--format", "png",
      "--output", path.join(assets, png), path.join(assets, svg),
    ], { stdio: ["ignore", "inherit", "inherit"] });
  } catch (err) {
    if (err && err.code === "ENOENT") {
      console.error("render-icons: rsvg-convert not found; install librsvg2-bin (apt) or librsvg (brew)");
      process.exit(2);
    }
    throw err;
  }
  console.log(`assets/${png} <- assets/${svg} (${size}x${size})`);
}
