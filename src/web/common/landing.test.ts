import { describe, expect, it } from "vitest";
import { ROLES, type Role } from "../../shared/roles.ts";
import { adminLanding, todoTarget } from "./landing.ts";

const as = (...roles: Role[]) => roles.map((role) => ({ role }));

describe("who lands where on signing in at /admin/", () => {
  it("keeps territory and department staff in the back office", () => {
    for (const role of [
      "districtAdmin",
      "streetStaff",
      "communityStaff",
      "gridWorker",
      "departmentStaff",
    ] as const)
      expect(adminLanding(as(role)), role).toBe("admin");
  });

  it("sends every role without back-office pages, and a user with no role at all, to the phone pages", () => {
    for (const role of ["partyMember", "resident", "propertyStaff", "merchant", "liaison"] as const)
      expect(adminLanding(as(role)), role).toBe("mobile");
    expect(adminLanding([])).toBe("mobile");
  });

  it("keeps a member who is also a grid worker in the back office", () => {
    expect(adminLanding(as("partyMember", "gridWorker"))).toBe("admin");
  });

  it("decides for every role of the list", () => {
    for (const role of ROLES) expect(["admin", "mobile"]).toContain(adminLanding(as(role)));
  });
});

describe("where a to-do's link leads", () => {
  it("stays in the app for its own pages, with the filter", () => {
    expect(todoTarget("/admin/cases?status=new", "admin")).toEqual({ to: "/cases?status=new" });
    expect(todoTarget("/mobile/orders/hall", "mobile")).toEqual({ to: "/orders/hall" });
    expect(todoTarget("/mobile/cases/mine?status=resolved", "mobile")).toEqual({
      to: "/cases/mine?status=resolved",
    });
  });

  it("loads the other app's page, or this app's own page for the same work", () => {
    expect(todoTarget("/mobile/orders/hall", "admin")).toEqual({ href: "/mobile/orders/hall" });
    expect(todoTarget("/admin/wishes?status=pending", "mobile")).toEqual({
      href: "/admin/wishes?status=pending",
    });
    expect(todoTarget("/admin/cases?status=new", "mobile", "/cases/inbox")).toEqual({ to: "/cases/inbox" });
    expect(todoTarget("/administration", "admin")).toEqual({ href: "/administration" });
  });
});
