import { expect, type Page, test } from "@playwright/test";

/** What the browser's console says the page's Content-Security-Policy blocked (a script, a style, an image…). */
function cspViolations(page: Page): string[] {
  const seen: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error" && /Content Security Policy/i.test(message.text()))
      seen.push(message.text());
  });
  return seen;
}

/** Fails each test of the file in which the policy blocked anything the pages wanted. */
export function failOnCspViolations(): void {
  let seen: string[] = [];
  test.beforeEach(({ page }) => {
    seen = cspViolations(page);
  });
  test.afterEach(() => {
    expect(seen, "Content-Security-Policy violations").toEqual([]);
  });
}
