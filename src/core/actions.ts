/**
 * The actions, one vocabulary for every host (RULES §7). `check` finds what is wrong and marks it;
 * `fill` writes what the rules compute into empty cells, drafts the missing reasons and marks what
 * is still wrong; `clear` takes the marks away. The add-in does them in the open workbook (检查,
 * 填写得分, 清除标记); the command reports without writing unless asked, and then does them in a
 * copy: `--mark` is `check`, `--fix` is `fill`.
 */
export type ActionName = "check" | "fill" | "clear";
