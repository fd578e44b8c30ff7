import { EditOutlined, HeartOutlined, HomeOutlined } from "@ant-design/icons";
import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { Button, CheckList, Dropdown, ErrorBlock, Tabs } from "antd-mobile";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useSearchParams } from "react-router-dom";
import { api } from "../../../common/api.ts";
import { useAuth } from "../../../common/auth.tsx";
import { LanguageSwitch } from "../../language-switch.tsx";
import { MoreButton } from "../../more-button.tsx";
import { Loading } from "../status.tsx";
import { ClaimSheet } from "./claim-sheet.tsx";
import { WishCard } from "./wish-card.tsx";
import {
  CATEGORIES,
  WALL_TABS,
  type WallTab,
  type WallWish,
  WISHES_KEY,
  type WishCategory,
} from "./wish-data.ts";

const PAGE_SIZE = 20;
const isTab = (v: string | null): v is WallTab => v !== null && Object.hasOwn(WALL_TABS, v);
const isCategory = (v: string | null): v is WishCategory => CATEGORIES.includes(v as WishCategory);

/**
 * 心愿墙, open to anyone: the wishes the community published, by tab (待认领 / 已认领 / 已实现),
 * community and category. Signed in, one may make a wish; a party member claims one from here.
 */
export function WishWallPage() {
  const { t } = useTranslation();
  const { user } = useAuth();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const tab = isTab(params.get("tab")) ? (params.get("tab") as WallTab) : "open";
  const community = params.get("community") || undefined;
  const category = isCategory(params.get("category")) ? (params.get("category") as WishCategory) : undefined;
  const [claiming, setClaiming] = useState<WallWish | null>(null);
  const member = !!user?.roles.some((r) => r.role === "partyMember");
  const set = (key: string, value: string | undefined) =>
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );

  const communities = useQuery({
    queryKey: [...WISHES_KEY, "communities"],
    queryFn: ({ signal }) => api.get("/api/v1/public/wishes/communities", { signal }),
    staleTime: 60_000,
  });
  const wall = useInfiniteQuery({
    queryKey: [...WISHES_KEY, "wall", tab, community, category],
    queryFn: ({ pageParam, signal }) =>
      api.get("/api/v1/public/wishes", {
        query: { status: [...WALL_TABS[tab]], community, category, page: pageParam, pageSize: PAGE_SIZE },
        signal,
      }),
    initialPageParam: 1,
    getNextPageParam: (last, pages) => (pages.length * PAGE_SIZE < last.total ? pages.length + 1 : undefined),
  });
  const items = wall.data?.pages.flatMap((p) => p.items) ?? [];
  const communityName = communities.data?.find((c) => c.code === community)?.name;

  return (
    <main style={{ minHeight: "100vh", background: "var(--page-bg)", paddingBottom: 32 }}>
      <header
        style={{
          background: "linear-gradient(160deg, var(--party-red) 0%, #a3121a 100%)",
          color: "#fff",
          padding: "12px 16px 20px",
        }}
      >
        <div style={{ display: "flex", justifyContent: "space-between", alignItems: "center" }}>
          {user ? (
            <Link to="/" style={{ color: "#fff", fontSize: 17, textDecoration: "none" }}>
              <HomeOutlined /> {t("mobile.tabs.home")}
            </Link>
          ) : (
            <span />
          )}
          <LanguageSwitch />
        </div>
        <h1 style={{ margin: "14px 0 4px", fontSize: 28 }}>{t("wishes.wall.title")}</h1>
        <div style={{ fontSize: 17, opacity: 0.92 }}>{t("wishes.wall.subtitle")}</div>
        <div style={{ display: "flex", gap: 12, marginTop: 16 }}>
          {user ? (
            <>
              <Button style={{ flex: 1, height: 48, fontSize: 18 }} onClick={() => navigate("/wishes/new")}>
                <EditOutlined /> {t("wishes.wall.post")}
              </Button>
              <Button style={{ flex: 1, height: 48, fontSize: 18 }} onClick={() => navigate("/wishes/mine")}>
                <HeartOutlined /> {t("wishes.wall.mine")}
              </Button>
            </>
          ) : (
            <Button
              style={{ flex: 1, height: 48, fontSize: 18 }}
              onClick={() => navigate("/login", { state: { from: "/wishes" } })}
            >
              {t("wishes.wall.login")}
            </Button>
          )}
        </div>
      </header>

      <div style={{ background: "#fff", position: "sticky", top: 0, zIndex: 5 }}>
        <Tabs activeKey={tab} onChange={(key) => set("tab", key === "open" ? undefined : key)}>
          {(Object.keys(WALL_TABS) as WallTab[]).map((key) => (
            <Tabs.Tab
              key={key}
              title={<span style={{ fontSize: 18 }}>{t(`wishes.wall.tabs.${key}`)}</span>}
            />
          ))}
        </Tabs>
        <Dropdown>
          <Dropdown.Item key="community" title={communityName ?? t("wishes.wall.allCommunities")}>
            <CheckList
              value={[community ?? ""]}
              onChange={(v) => set("community", (v[0] as string) || undefined)}
              style={{ maxHeight: "50vh", overflowY: "auto" }}
            >
              <CheckList.Item value="">{t("wishes.wall.allCommunities")}</CheckList.Item>
              {(communities.data ?? []).map((c) => (
                <CheckList.Item key={c.code} value={c.code}>
                  {c.name}（{c.open}）
                </CheckList.Item>
              ))}
            </CheckList>
          </Dropdown.Item>
          <Dropdown.Item
            key="category"
            title={category ? t(`wishes.category.${category}`) : t("wishes.wall.allCategories")}
          >
            <CheckList
              value={[category ?? ""]}
              onChange={(v) => set("category", (v[0] as string) || undefined)}
            >
              <CheckList.Item value="">{t("wishes.wall.allCategories")}</CheckList.Item>
              {CATEGORIES.map((c) => (
                <CheckList.Item key={c} value={c}>
                  {t(`wishes.category.${c}`)}
                </CheckList.Item>
              ))}
            </CheckList>
          </Dropdown.Item>
        </Dropdown>
      </div>

      {wall.error ? (
        <ErrorBlock status="disconnected" title={wall.error.message} description="" />
      ) : !wall.data ? (
        <Loading />
      ) : items.length === 0 ? (
        <ErrorBlock
          status="empty"
          title={t("wishes.wall.empty")}
          description=""
          style={{ padding: "32px 0" }}
        />
      ) : (
        <>
          <div style={{ padding: "12px 16px 0", fontSize: 15, color: "var(--adm-color-text-secondary)" }}>
            {t("wishes.wall.total", { count: wall.data.pages[0]?.total ?? 0 })}
          </div>
          {items.map((w) => (
            <WishCard
              key={w.id}
              w={{
                ...w,
                communityName: w.community?.name ?? null,
                claimerName: w.claimer?.name ?? null,
                createdAt: null,
              }}
            >
              {member && w.status === "published" && (
                <Button
                  block
                  color="primary"
                  size="large"
                  style={{ marginTop: 12, height: 50, fontSize: 19 }}
                  onClick={() => setClaiming(w)}
                >
                  {t("wishes.wall.claim")}
                </Button>
              )}
            </WishCard>
          ))}
          <MoreButton list={wall} />
        </>
      )}
      <ClaimSheet wish={claiming} onClose={() => setClaiming(null)} />
    </main>
  );
}
