import { useInfiniteQuery } from "@tanstack/react-query";
import { ErrorBlock } from "antd-mobile";
import { useTranslation } from "react-i18next";
import { api, type ResponseOf } from "../../common/api.ts";
import { piiFieldLabel } from "../../common/labels.ts";
import { roleLabel } from "../../common/roles.ts";
import { MoreButton } from "../more-button.tsx";
import { PageBar } from "../page-bar.tsx";
import { Loading } from "./status.tsx";

const PAGE_SIZE = 20;
type Read = ResponseOf<"/api/v1/me/pii-access", "get">["items"][number];

/**
 * 谁查看了我的信息: every time staff saw my whole ID number or phone, who (name and post, not his
 * phone), when, what and why, newest first.
 */
export function MyPiiAccessPage() {
  const { t } = useTranslation();
  const list = useInfiniteQuery({
    queryKey: ["me", "pii-access"],
    queryFn: ({ pageParam, signal }) =>
      api.get("/api/v1/me/pii-access", { query: { page: pageParam, pageSize: PAGE_SIZE }, signal }),
    initialPageParam: 1,
    getNextPageParam: (last, pages) => (pages.length * PAGE_SIZE < last.total ? pages.length + 1 : undefined),
  });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <>
      <PageBar title={t("piiAccess.mine.title")} back="/me" />
      <p style={{ margin: 0, padding: "16px 16px 8px", fontSize: 16, color: "#4d4d4d", lineHeight: 1.6 }}>
        {t("piiAccess.mine.intro")}
      </p>
      {list.error ? (
        <ErrorBlock status="disconnected" title={list.error.message} description="" />
      ) : !list.data ? (
        <Loading />
      ) : items.length === 0 ? (
        <ErrorBlock
          status="empty"
          title={t("piiAccess.mine.empty")}
          description=""
          style={{ padding: "32px 0" }}
        />
      ) : (
        <ul style={{ listStyle: "none", margin: 0, padding: "0 12px" }}>
          {items.map((read) => (
            <ReadCard key={read.id} read={read} />
          ))}
        </ul>
      )}
      <MoreButton list={list} />
    </>
  );
}

function ReadCard({ read }: { read: Read }) {
  const { t, i18n } = useTranslation();
  const posts = read.reader?.roles.map((r) =>
    t("user.roleAt", { role: roleLabel(t, r.role), node: r.nodeName }),
  );
  return (
    <li style={{ background: "#fff", borderRadius: 8, padding: "14px 16px", marginBottom: 12 }}>
      <div style={{ fontSize: 19, fontWeight: 600 }}>{read.reader?.name ?? t("piiAccess.system")}</div>
      {posts?.map((post) => (
        <div key={post} style={{ fontSize: 15, color: "#4d4d4d" }}>
          {post}
        </div>
      ))}
      <div style={{ fontSize: 18, marginTop: 8 }}>
        {t("piiAccess.mine.viewed", { field: piiFieldLabel(t, read.field) })}
      </div>
      <div style={{ fontSize: 16, marginTop: 4 }}>
        {t("piiAccess.mine.purpose", { purpose: read.purpose ?? t("piiAccess.mine.noPurpose") })}
      </div>
      <div style={{ fontSize: 15, marginTop: 4, color: "var(--adm-color-text-secondary)" }}>
        {new Date(read.at).toLocaleString(i18n.language, { hour12: false })}
      </div>
    </li>
  );
}
