import { describe, expect, it } from "vitest";
import { ROLES } from "../../../../shared/roles.ts";
import { TEMPLATE_KEYS, TEMPLATES, TRIGGERS } from "./templates.ts";
import { ruleProblems } from "./validate.ts";

describe("rule set templates", () => {
  it("score shops on 8 first-level and 37 second-level indicators, all entered by inspectors", () => {
    const shop = TEMPLATES.feixianMerchant;
    expect(shop.baseScore).toBe(100);
    expect(shop.rules).toHaveLength(37);
    expect(new Set(shop.rules.map((r) => r.indicator))).toHaveProperty("size", 8);
    expect(shop.rules.every((r) => r.trigger === "manual" && r.indicator)).toBe(true);
    expect(shop.rules.some((r) => r.kind === "add")).toBe(true);
    expect(shop.rules.some((r) => r.kind === "deduct")).toBe(true);
  });

  it("give party members of 费县 60 from the three parts of their base score", () => {
    const m = TEMPLATES.feixianMember;
    const base = m.rules.filter((r) => r.kind === "base");
    expect(base.map((r) => r.name)).toEqual(["思想政治", "纪律规矩", "道德品行"]);
    expect(base.reduce((sum, r) => sum + r.points, 0)).toBe(m.baseScore);
    expect(m.rules.filter((r) => r.kind === "veto").map((r) => r.name)).toEqual([
      "违法乱纪",
      "虚报瞒报致使积分失真",
    ]);
    const hours = m.rules.find((r) => r.trigger === "volunteering.hours");
    expect(hours).toMatchObject({ perHour: true, capPoints: 40, capPeriod: "month" });
  });

  it("make a completed 一键通 order worth 10 in 西湖", () => {
    expect(TEMPLATES.xihuMember.rules.find((r) => r.trigger === "orders.completed")?.points).toBe(10);
  });

  it.each(TEMPLATE_KEYS)("%s: known triggers, roles and no problems", (key) => {
    const t = TEMPLATES[key];
    for (const r of t.rules) {
      expect(TRIGGERS).toContain(r.trigger);
      if (r.approverRole) expect(ROLES).toContain(r.approverRole);
    }
    expect(ruleProblems(t.rules)).toEqual([]);
  });
});

describe("rule validation", () => {
  const ok = { code: "a", name: "甲", kind: "add" as const, trigger: "manual", points: 1 };
  const problems = (rules: Parameters<typeof ruleProblems>[0]) =>
    ruleProblems(rules).map((p) => [p.index, p.problem["zh-CN"]]);

  it("refuses duplicate codes, zero points, half a cap, unknown triggers and roles", () => {
    expect(problems([ok, ok])).toEqual([[1, "编号与另一条规则重复"]]);
    expect(problems([{ ...ok, points: 0 }])).toEqual([[0, "分值须为正整数"]]);
    expect(problems([{ ...ok, capPoints: 10 }])).toEqual([[0, "上限分值和上限周期须同时填写或同时不填"]]);
    expect(problems([{ ...ok, capPeriod: "month" }])).toEqual([
      [0, "上限分值和上限周期须同时填写或同时不填"],
    ]);
    expect(problems([{ ...ok, trigger: "orders.created" }])).toEqual([[0, "触发方式不存在"]]);
    expect(problems([{ ...ok, approverRole: "king" as never }])).toEqual([[0, "审核角色不存在"]]);
    expect(problems([{ ...ok, code: "A b" }])).toEqual([[0, "编号只能由小写字母、数字和连字符组成"]]);
  });

  it("counts per hour only for volunteering, and credits only additions and deductions by events", () => {
    expect(problems([{ ...ok, perHour: true }])).toEqual([[0, "只有志愿服务时长可以按小时计分"]]);
    expect(problems([{ ...ok, trigger: "volunteering.hours", perHour: true }])).toEqual([]);
    expect(problems([{ ...ok, kind: "veto", trigger: "orders.completed" }])).toEqual([
      [0, "自动计分的规则只能是加分项或扣分项"],
    ]);
  });
});
