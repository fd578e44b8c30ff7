import { keepPreviousData, useInfiniteQuery } from "@tanstack/react-query";
import { ErrorBlock, List, SearchBar } from "antd-mobile";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router-dom";
import { shortAddress } from "../../../common/address.ts";
import { api } from "../../../common/api.ts";
import { MoreButton } from "../../more-button.tsx";
import { Section } from "../../page-bar.tsx";

const PAGE_SIZE = 20;

/** The grid's households, found by a part of the address, twenty at a time. */
export function HouseholdList({ gridId, area }: { gridId: string; area?: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [q, setQ] = useState("");
  const households = useInfiniteQuery({
    queryKey: ["people", "households", "mobile", gridId, q],
    queryFn: ({ pageParam, signal }) =>
      api.get("/api/v1/people/households", {
        query: { underId: gridId, q: q || undefined, page: pageParam, pageSize: PAGE_SIZE },
        signal,
      }),
    initialPageParam: 1,
    getNextPageParam: (last, pages) => (pages.length * PAGE_SIZE < last.total ? pages.length + 1 : undefined),
    placeholderData: keepPreviousData,
  });
  const items = households.data?.pages.flatMap((p) => p.items) ?? [];
  const total = households.data?.pages[0]?.total;

  return (
    <Section
      title={t("mobile.grid.households")}
      extra={total !== undefined && t("mobile.grid.householdsTotal", { count: total })}
    >
      <div style={{ padding: "4px 16px 8px" }}>
        <SearchBar
          placeholder={t("mobile.grid.search")}
          onSearch={(v) => setQ(v.trim())}
          onClear={() => setQ("")}
          style={{ "--height": "48px", "--border-radius": "10px", "--placeholder-color": "#8c8c8c" }}
          aria-label={t("mobile.grid.search")}
        />
      </div>
      {households.error ? (
        <ErrorBlock status="disconnected" title={households.error.message} description="" />
      ) : items.length === 0 && !households.isFetching ? (
        <ErrorBlock status="empty" title={t("households.empty")} description="" />
      ) : (
        <List>
          {items.map((h) => (
            <List.Item
              key={h.id}
              onClick={() => navigate(`/households/${h.id}`)}
              description={t("common.labelled", { label: t("households.head"), value: h.head ?? "—" })}
              extra={t("mobile.grid.members", { count: h.members })}
            >
              <span style={{ fontSize: 18 }}>{shortAddress(h.address, area)}</span>
            </List.Item>
          ))}
        </List>
      )}
      <MoreButton list={households} />
    </Section>
  );
}
