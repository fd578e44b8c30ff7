import { describe, expect, it } from "vitest";
import { noticeTarget } from "./notice-links.ts";

describe("where a notice's link opens", () => {
  it("stays in the app it belongs to, and goes to the other app's page otherwise", () => {
    expect(noticeTarget("/admin/cases/XG-20261207-0001", "/admin")).toEqual({
      inApp: "/cases/XG-20261207-0001",
    });
    expect(noticeTarget("/mobile/wishes/mine?as=claimer", "/mobile")).toEqual({
      inApp: "/wishes/mine?as=claimer",
    });
    expect(noticeTarget("/mobile/orders/DD-1", "/admin")).toEqual({ href: "/mobile/orders/DD-1" });
    expect(noticeTarget("/admin/wishes/XY-1", "/mobile")).toEqual({ href: "/admin/wishes/XY-1" });
    // Not a prefix of another app's name.
    expect(noticeTarget("/administration", "/admin")).toEqual({ href: "/administration" });
  });

  it("opens a case or an order meant for the admin pages in the phone's own page of it", () => {
    expect(noticeTarget("/admin/cases/XG-20261207-0001", "/mobile")).toEqual({
      inApp: "/cases/XG-20261207-0001",
    });
    expect(noticeTarget("/admin/orders/DD-20261207-0002", "/mobile")).toEqual({
      inApp: "/orders/DD-20261207-0002",
    });
  });
});
