import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Alert, Space, Typography } from "antd";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router-dom";
import { api } from "../../../common/api.ts";
import { LazyGridMap } from "../../../common/grid-map-lazy.tsx";
import type { MapPoint } from "../../../common/grid-map-style.tsx";
import { fetchGrids } from "../../../common/territory.ts";
import type { CaseQuery } from "./filters.tsx";

/** The most the API gives in one page: the most urgent ones are drawn. */
const MAX_POINTS = 200;
const OPEN_COLOUR = "#1677ff";
const OVERDUE_COLOUR = "#cf1322";

function Dot({ colour, label }: { colour: string; label: string }) {
  return (
    <Space size={6}>
      <span
        aria-hidden
        style={{ display: "inline-block", width: 10, height: 10, borderRadius: 5, background: colour }}
      />
      {label}
    </Space>
  );
}

/** Open cases of the current filter that have a place, over the grids; overdue ones red. */
export function OpenCasesMap({ query }: { query: CaseQuery }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const mapQuery: CaseQuery = { ...query, open: true, page: 1, pageSize: MAX_POINTS, sort: "resolveDueAt" };
  const cases = useQuery({
    queryKey: ["cases", "list", mapQuery],
    queryFn: ({ signal }) => api.get("/api/v1/cases", { query: mapQuery, signal }),
    placeholderData: keepPreviousData,
  });
  // The same key as the territory pages' maps, so the grids are fetched once.
  const grids = useQuery({
    queryKey: ["territory", "grids", query.underId ?? null],
    queryFn: ({ signal }) => fetchGrids(query.underId, signal),
    staleTime: 5 * 60_000,
  });
  // Kept between renders: a new array would redraw the map and lose its zoom.
  const items = cases.data?.items;
  const points = useMemo(
    () =>
      (items ?? []).flatMap((c): MapPoint[] =>
        c.lat !== null && c.lng !== null
          ? [
              {
                id: c.code,
                lat: c.lat,
                lng: c.lng,
                colour: c.overdue ? OVERDUE_COLOUR : OPEN_COLOUR,
                title: `${c.code} · ${c.categoryName}${c.overdue ? ` · ${t("cases.overdue")}` : ""}`,
              },
            ]
          : [],
      ),
    [items, t],
  );
  const error = cases.error ?? grids.error;
  const total = cases.data?.total ?? 0;
  return (
    <Space orientation="vertical" size={12} style={{ width: "100%" }}>
      {error && <Alert type="error" showIcon title={error.message} />}
      <Space wrap size={16}>
        <Typography.Text type="secondary">
          {t("casesAdmin.map.summary", { shown: points.length, total })}
          {total > MAX_POINTS && ` ${t("casesAdmin.map.mostUrgent", { count: MAX_POINTS })}`}
        </Typography.Text>
        <Dot colour={OPEN_COLOUR} label={t("casesAdmin.map.open")} />
        <Dot colour={OVERDUE_COLOUR} label={t("cases.overdue")} />
      </Space>
      <LazyGridMap
        data={grids.data}
        loading={grids.isPending}
        height="min(62vh, 640px)"
        points={points}
        onPointClick={(p) => navigate(`/cases/${p.id}`)}
      />
      <Typography.Text type="secondary">{t("casesAdmin.map.hint")}</Typography.Text>
    </Space>
  );
}
