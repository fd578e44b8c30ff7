import { useInfiniteQuery } from "@tanstack/react-query";
import { Button, ErrorBlock } from "antd-mobile";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router-dom";
import { api } from "../../common/api.ts";
import {
  NOTICES_KEY,
  type Notice,
  noticeTarget,
  noticeTime,
  useMarkAllRead,
  useMarkRead,
} from "../../common/notices.ts";
import { MoreButton } from "../more-button.tsx";
import { Loading } from "./status.tsx";

const PAGE_SIZE = 20;

/**
 * 消息: my notices, newest first, the unread ones marked with a red dot; tapping one marks it read
 * and opens its page. The list follows the live stream the tab bar keeps open.
 */
export function MessagesPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();
  const list = useInfiniteQuery({
    queryKey: [...NOTICES_KEY, "pages"],
    queryFn: ({ pageParam, signal }) =>
      api.get("/api/v1/notifications", { query: { page: pageParam, pageSize: PAGE_SIZE }, signal }),
    initialPageParam: 1,
    getNextPageParam: (last, pages) => (pages.length * PAGE_SIZE < last.total ? pages.length + 1 : undefined),
    refetchOnWindowFocus: "always",
    staleTime: 0,
  });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const unread = list.data?.pages[0]?.unread ?? 0;

  const open = (n: Notice) => {
    if (!n.readAt) markRead.mutate(n.id);
    if (!n.link) return;
    const target = noticeTarget(n.link, "/mobile");
    if ("inApp" in target) navigate(target.inApp);
    else window.location.assign(target.href);
  };

  return (
    <>
      <header
        style={{
          display: "flex",
          alignItems: "center",
          justifyContent: "space-between",
          padding: "0 8px 0 16px",
          height: 56,
          background: "#fff",
          borderBottom: "1px solid #eee",
          position: "sticky",
          top: 0,
          zIndex: 5,
        }}
      >
        <h1 style={{ margin: 0, fontSize: 20, fontWeight: 600 }}>
          {t("notices.title")}
          {unread > 0 && (
            <span style={{ fontSize: 15, fontWeight: "normal", color: "#4d4d4d", marginLeft: 8 }}>
              {t("notices.unread", { count: unread })}
            </span>
          )}
        </h1>
        <Button
          fill="none"
          size="middle"
          color="primary"
          disabled={unread === 0}
          loading={markAll.isPending}
          onClick={() => markAll.mutate()}
          style={{ fontSize: 17 }}
        >
          {t("notices.readAll")}
        </Button>
      </header>
      {list.error ? (
        <ErrorBlock status="disconnected" title={t("notices.failed")} description="" />
      ) : !list.data ? (
        <Loading />
      ) : items.length === 0 ? (
        <ErrorBlock status="empty" title={t("notices.empty")} description="" style={{ padding: "32px 0" }} />
      ) : (
        <ul style={{ listStyle: "none", margin: 0, padding: "12px 12px 0" }}>
          {items.map((n) => (
            <li key={n.id} style={{ marginBottom: 10 }}>
              <button
                type="button"
                onClick={() => open(n)}
                style={{
                  display: "block",
                  width: "100%",
                  textAlign: "left",
                  background: "#fff",
                  border: 0,
                  borderRadius: 8,
                  padding: "14px 16px",
                  font: "inherit",
                  color: "inherit",
                  cursor: "pointer",
                }}
              >
                <div style={{ display: "flex", alignItems: "center", gap: 8 }}>
                  {!n.readAt && (
                    <span
                      role="img"
                      aria-label={t("notices.newNotice")}
                      style={{
                        width: 9,
                        height: 9,
                        borderRadius: "50%",
                        background: "var(--party-red)",
                        flex: "none",
                      }}
                    />
                  )}
                  <span style={{ fontSize: 18, fontWeight: n.readAt ? 500 : 700, flex: 1 }}>{n.title}</span>
                  <span style={{ fontSize: 14, color: "var(--adm-color-text-secondary)", flex: "none" }}>
                    {noticeTime(t, n.createdAt)}
                  </span>
                </div>
                <div style={{ fontSize: 16, color: "#4d4d4d", marginTop: 6, lineHeight: 1.5 }}>{n.body}</div>
              </button>
            </li>
          ))}
        </ul>
      )}
      <MoreButton list={list} />
    </>
  );
}
