import { describe, expect, it } from "vitest";
import { allowedActions, transitionFor } from "./flow.ts";
import { firstSaturday } from "./rota.ts";

describe("report-in flow", () => {
  it("lets the community decide a pending report-in, and a returned one be sent again", () => {
    expect(allowedActions("pending", ["community"]).sort()).toEqual(["approve", "return"]);
    expect(allowedActions("pending", ["member", "unit"])).toEqual([]);
    expect(allowedActions("returned", ["member"])).toEqual(["submit"]);
    expect(allowedActions("approved", ["member", "unit", "community"])).toEqual([]);
    expect(transitionFor("submit", null)?.to).toBe("pending");
    expect(transitionFor("approve", "returned")).toBeUndefined();
  });

  it("finds the first Saturday on or after a day", () => {
    expect(firstSaturday("2026-12-05")).toBe("2026-12-05");
    expect(firstSaturday("2026-12-06")).toBe("2026-12-12");
    expect(firstSaturday("2026-12-11")).toBe("2026-12-12");
  });
});
