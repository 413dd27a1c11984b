// What the webpack configs share: for the playground and the web checker, TypeScript through ts-loader
// as ES modules and ExcelJS's prebuilt browser bundle left as it is; for the command's bundles, zod
// taken as ES modules.
"use strict";

const path = require("path");
const webpack = require("webpack");

/** TypeScript, type-checked by `npm run typecheck` rather than here; ES modules let webpack tree-shake Fluent UI. */
const typescriptRule = {
  test: /\.tsx?$/,
  exclude: /node_modules/,
  use: { loader: "ts-loader", options: { configFile: "tsconfig.json", transpileOnly: true, compilerOptions: { module: "esnext" } } },
};

/** ExcelJS's browser build (its package.json "browser" field) is one prebuilt bundle: nothing to parse. */
const excelJsNoParse = /exceljs[\\/]dist[\\/]exceljs(\.min)?\.js$/;

/** ExcelJS in a chunk of its own, which ExcelJsIsMinified keeps the minimizer off. */
const excelJsChunk = { exceljs: { test: /[\\/]node_modules[\\/]exceljs[\\/]/, name: "exceljs", chunks: "all", enforce: true } };

/** Marks the ExcelJS chunk as minified (it is ExcelJS's own minified build), so the minimizer skips it. */
class ExcelJsIsMinified {
  apply(compiler) {
    compiler.hooks.compilation.tap("ExcelJsIsMinified", (compilation) => {
      compilation.hooks.processAssets.tap({ name: "ExcelJsIsMinified", stage: webpack.Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE }, (assets) => {
        for (const name of Object.keys(assets)) {
          if (/^exceljs\.[^/]*\.js$/.test(name)) compilation.updateAsset(name, (source) => source, { minimized: true });
        }
      });
    });
  }
}

/** The package codec with fflate instead of node:zlib (src/xlsx/package/codec.ts names the pair). */
const browserCodec = new webpack.NormalModuleReplacementPlugin(/^\.\/codec$/, (res) => {
  if (/[\\/]xlsx[\\/]package$/.test(res.context)) res.request = "./codec.browser";
});

/**
 * zod in a Node bundle (webpack.zod.js, webpack.cli.js): src/core/zod.ts compiled as an ES module and
 * zod/mini resolved to zod's ES modules (its package marks them free of side effects), so that only
 * the functions src/core/zod.ts names are bundled, not all of zod and its locales.
 */
const zodDoor = /src[\\/]core[\\/]zod\.ts$/;
const zodEsModules = {
  door: zodDoor,
  alias: { "zod/mini$": path.resolve(__dirname, "node_modules/zod/mini/index.js") },
  rule: {
    test: zodDoor,
    use: { loader: "ts-loader", options: { configFile: "tsconfig.cli.json", transpileOnly: true, compilerOptions: { module: "esnext" } } },
  },
};

module.exports = { browserCodec, typescriptRule, excelJsNoParse, excelJsChunk, ExcelJsIsMinified, zodEsModules };
