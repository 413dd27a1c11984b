/**
 * The one door to zod (its functional build, zod/mini): the functions this project uses, named. In
 * the command, built by tsc into CommonJS, this file is replaced by those functions tree-shaken into
 * one file (webpack.zod.js): zod/mini's own CommonJS entry loads all of zod, its JSON Schema code and
 * its forty-odd locales, 65–90 ms of every thread's start on the machines we measure on.
 */
export { _default, array, boolean, custom, enum, gte, int, lte, nullable, number, object, optional, partial, positive, string, superRefine } from "zod/mini";
export type { infer, input } from "zod/mini";
