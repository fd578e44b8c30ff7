import type { TFunction } from "i18next";

/** "刚刚", "5 分钟前", "3 小时前", else the China date and time. */
export function noticeTime(t: TFunction, iso: string, now = Date.now()): string {
  const minutes = Math.floor((now - Date.parse(iso)) / 60_000);
  if (minutes < 1) return t("notices.justNow");
  if (minutes < 60) return t("notices.minutesAgo", { count: minutes });
  if (minutes < 24 * 60) return t("notices.hoursAgo", { count: Math.floor(minutes / 60) });
  return new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(5, 16).replace("T", " ");
}

/**
 * Where a notice's link goes from an app mounted at `base` ("/admin" or "/mobile"): a path inside
 * the app (for its router), or a whole address in the other app. The phone opens a case or an order
 * meant for the admin pages in its own page of it.
 */
export function noticeTarget(link: string, base: "/admin" | "/mobile"): { inApp: string } | { href: string } {
  if (link === base || link.startsWith(`${base}/`) || link.startsWith(`${base}?`))
    return { inApp: link.slice(base.length) || "/" };
  if (base === "/mobile") {
    const m = /^\/admin\/(cases|orders)\/([^/?#]+)$/.exec(link);
    if (m) return { inApp: `/${m[1]}/${m[2]}` };
  }
  return { href: link };
}
