import { describe, expect, it } from "vitest";
import { loginUrl, sameSitePath } from "./return-path.ts";

describe("the login's ?next= return", () => {
  it("keeps a path on this site with its query", () => {
    expect(sameSitePath("/screen")).toBe("/screen");
    expect(sameSitePath("/screen?node=abc&period=last7")).toBe("/screen?node=abc&period=last7");
  });

  it("refuses whatever would leave the site", () => {
    for (const bad of [
      "//evil.example/screen",
      "/\\evil.example",
      "/\t/evil.example",
      "https://evil.example/",
      "javascript:alert(1)",
      "screen",
      "",
      null,
      undefined,
    ])
      expect(sameSitePath(bad)).toBeNull();
  });

  it("survives the round trip through the login address", () => {
    const url = new URL(loginUrl("/screen?node=abc"), "http://x.invalid");
    expect(url.pathname).toBe("/admin/login");
    expect(sameSitePath(url.searchParams.get("next"))).toBe("/screen?node=abc");
  });
});
