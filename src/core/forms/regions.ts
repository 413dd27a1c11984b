/**
 * What the regions' forms print differently from the Ministry's templates, as data, one entry per
 * region under the family it varies (RULES-2 §8–§9): header words, value words, labels and the limits
 * a form prints (word tables are Maps: a cell's text is never looked up among an object's inherited
 * keys, as "valueOf" would be). The readers and rules that meet each kind of variation read it from here, so a region
 * whose form varies in these ways is an entry in this file; a new kind of variation adds its reader.
 */
export const REGIONS = {
  /** 财政项目支出绩效自评表 (the self-evaluation family). */
  project: {
    sichuan: {
      /** The funds block's 原因 column, and the instruction printed in it, which is no reason (RULES-2 §9.2). */
      fundsReasonLimit: 100,
      fundsReasonInstruction: [
        /\d?[.、]?\s*预算执行率\s*=\s*预算执行数\s*\/\s*调整后预算数/g,
        /\d?[.、]?\s*预算执行率未达到\s*\d+\s*%?\s*的?需说明原因/g,
        /[(（]\s*\d+\s*字以内\s*[)）]/g,
      ],
      /** The limits printed for its other texts, applied on its layout where a label prints none. */
      textLimits: new Map([["年度目标完成情况", 100], ["年度总体目标完成情况", 100], ["评价结论", 200], ["存在问题", 200], ["存在的问题", 200], ["改进措施", 200]]) as ReadonlyMap<string, number>,
    },
    hubei: {
      /** A block title, 年度绩效目标1（40分）: its rows' points together (RULES-2 §9.3). */
      blockTitle: /^(年度)?绩效目标[0-9一二三四五六七八九十]*\((\d+(?:\.\d+)?)分\)/,
      /** The one reason row below the table for the whole form. */
      formReasonLabel: /^(偏差大或)?(目标)?未完成原因分析[:：]?$|^偏差大或目标未完成原因/,
      /** Tier bands printed in one cell: 达成预期指标 100%-80%, 部分达成预期指标 80%-50%, 未达成预期指标 50%-0%. */
      tierBand: /(未达成|部分达成|达成)[^0-9%]{0,12}?(\d+(?:\.\d+)?)\s*%?\s*[-–—~～至到]\s*(\d+(?:\.\d+)?)\s*%/g,
    },
    anhui: {
      /** Units written out in words: ≥100百分比 (RULES-2 §9.5). */
      unitWords: new Map([["百分比", "%"]]) as ReadonlyMap<string, string>,
    },
  },
  /** 部门整体支出绩效自评表 (the department-wide family). */
  department: {
    chongqing: {
      /** 调整指标值: the target after an approved adjustment, beside 年初指标值 (RULES-2 §8.3). */
      adjustedTargetHeader: /^(调整(后)?|全年\(调整\))指标值/,
      /** The total printed at the top, right of 自评总分（分）. */
      totalAtTopLabel: /^自评总分(\(分\))?[:：]?$/,
      /** 部门预算执行情况（万元）: a titled funds block whose one figures row has no label of its own. */
      fundsTitle: /^部门预算执行情况/,
    },
    tianjin: {
      /** 计算符号: the comparator column of its table in pmkpi (selfindextj), RULES-2 §8.2. */
      operatorHeaders: ["计算符号"] as readonly string[],
    },
  },
} as const;
