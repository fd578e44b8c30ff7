import { ROLES } from "../../../../shared/roles.ts";
import { type RuleTemplate, TRIGGERS } from "./templates.ts";

type Words = { "zh-CN": string; en: string };

/** What is wrong with one rule of a list, in both languages (the error text is filled from it). */
export interface RuleProblem {
  index: number;
  code: string;
  name: string;
  problem: Words;
}

const CODE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * The problems of a rule list as the editor saves it: a rule that could never fire, a cap that
 * could never be counted, or two rules that caps could not tell apart. Empty when it is fine.
 */
export function ruleProblems(rules: readonly RuleTemplate[]): RuleProblem[] {
  const problems: RuleProblem[] = [];
  const seen = new Set<string>();
  rules.forEach((r, index) => {
    const add = (zh: string, en: string) =>
      problems.push({ index, code: r.code, name: r.name, problem: { "zh-CN": zh, en } });
    if (!CODE.test(r.code))
      add("编号只能由小写字母、数字和连字符组成", "the code must be lower-case letters, digits and hyphens");
    if (seen.has(r.code)) add("编号与另一条规则重复", "the code is used by another rule");
    seen.add(r.code);
    if (r.name.trim() === "") add("名称不能为空", "the name is empty");
    if (!Number.isInteger(r.points) || r.points <= 0)
      add("分值须为正整数", "points must be a positive whole number");
    const hasCap = r.capPoints != null;
    if (hasCap !== (r.capPeriod != null))
      add("上限分值和上限周期须同时填写或同时不填", "a cap needs both its points and its period, or neither");
    if (hasCap && (!Number.isInteger(r.capPoints) || (r.capPoints ?? 0) <= 0))
      add("上限分值须为正整数", "the cap must be a positive whole number");
    if (!(TRIGGERS as readonly string[]).includes(r.trigger)) add("触发方式不存在", "unknown trigger");
    if (r.trigger !== "manual" && r.kind !== "add" && r.kind !== "deduct")
      add("自动计分的规则只能是加分项或扣分项", "a rule credited by an event must add or deduct");
    if (r.perHour && r.trigger !== "volunteering.hours")
      add("只有志愿服务时长可以按小时计分", "only volunteering hours can be counted per hour");
    if (r.approverRole != null && !(ROLES as readonly string[]).includes(r.approverRole))
      add("审核角色不存在", "unknown approver role");
  });
  return problems;
}
