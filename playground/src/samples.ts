// The sample workbooks bundled with the playground (copied from test/fixtures/samples by
// webpack.playground.js, which also lists them in __JIXIAO_SAMPLES__), with labels for the picker.

declare const __JIXIAO_SAMPLES__: string[];

export interface Sample {
  /** Path under samples/, e.g. "selfeval-defects/missing-reasons.xlsx". */
  file: string;
  zh: string;
  en: string;
  group: string;
}

export interface SampleGroup {
  id: string;
  zh: string;
  en: string;
}

export const GROUPS: SampleGroup[] = [
  { id: "selfeval-defects", zh: "有问题的自评表（用来试检查和填写）", en: "self-evaluations with defects" },
  { id: "selfeval", zh: "2023 年自评表（已通过审核）", en: "2023 self-evaluations, accepted" },
  { id: "legacy", zh: "2019 年项目绩效自我评价（旧表）", en: "2019 legacy self-evaluations" },
  { id: "targets", zh: "绩效目标表", en: "target declarations" },
];

const LABELS: Record<string, { zh: string; en: string }> = {
  "selfeval-defects/missing-reasons.xlsx": { zh: "缺少偏差原因 · 政务云基础设施", en: "missing deviation reasons" },
  "selfeval-defects/blank-scores.xlsx": { zh: "得分空白待填写 · 数字化运维及综合保障", en: "blank scores to fill in" },
  "selfeval-defects/wrong-arithmetic.xlsx": { zh: "总分与预算得分算错 · 数据运营服务费", en: "wrong arithmetic" },
  "selfeval-defects/bad-values.xlsx": { zh: "得分超分值、单位不符、目标无法识别 · 政务外网", en: "bad values" },
  "selfeval/yiwangtongban.xlsx": { zh: "“一网通办”运营服务", en: "One-stop government services" },
  "selfeval/shujuyunying.xlsx": { zh: "数据运营服务费", en: "data operation services" },
  "selfeval/zhengwuyun.xlsx": { zh: "上海市政务云基础设施服务项目", en: "government cloud infrastructure" },
  "selfeval/zhengwuwaiwang.xlsx": { zh: "上海市政务外网通信服务项目", en: "government extranet" },
  "selfeval/shuzihuajianshe.xlsx": { zh: "2023 年数字化建设项目", en: "digitalisation projects 2023" },
  "selfeval/yunweibaozhang.xlsx": { zh: "数字化运维及综合保障项目", en: "digital operations and support" },
  "selfeval/guanlijingfei.xlsx": { zh: "大数据中心管理工作经费", en: "management funds" },
  "selfeval/yanjiufalv.xlsx": { zh: "大数据和一网通办重点领域研究、法律服务", en: "research and legal services" },
  "legacy/gongxiangjiaohuan.xlsx": { zh: "上海市数据共享交换平台", en: "data sharing and exchange platform" },
  "legacy/xuqiuce.xlsx": { zh: "需求侧用户服务项目", en: "demand-side user services" },
  "targets/bangongting-2020.xlsx": { zh: "办公厅、研究室信息化服务（2020 年）", en: "general office IT services, 2020" },
  "targets/dashuju-wangluo-2024.xlsx": { zh: "大数据与网络信息（2024 年申报表）", en: "big data and networks, 2024" },
  "targets/menhu-2024.xlsx": { zh: "门户网站管理（2024 年申报表）", en: "portal website, 2024" },
};

/** The samples, in the order of GROUPS; a sample without a label shows its file name. */
export const SAMPLES: Sample[] = (typeof __JIXIAO_SAMPLES__ !== "undefined" ? __JIXIAO_SAMPLES__ : [])
  .map((file) => {
    const group = file.includes("/") ? file.slice(0, file.indexOf("/")) : "";
    const label = LABELS[file] ?? { zh: file.slice(file.lastIndexOf("/") + 1), en: file };
    return { file, group, ...label };
  })
  .sort((a, b) => groupIndex(a.group) - groupIndex(b.group));

function groupIndex(id: string): number {
  const i = GROUPS.findIndex((g) => g.id === id);
  return i < 0 ? GROUPS.length : i;
}

export const DEFAULT_SAMPLE = "selfeval-defects/missing-reasons.xlsx";

/** Where the build puts a sample (relative to the page). */
export function sampleUrl(file: string): string {
  return `samples/${file.split("/").map(encodeURIComponent).join("/")}`;
}
