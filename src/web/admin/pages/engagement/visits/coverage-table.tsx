import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Empty, Progress, Table, type TableColumnsType } from "antd";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { api, type ResponseOf } from "../../../../common/api.ts";
import { LoadFailed } from "../../status.tsx";

type Coverage = ResponseOf<"/api/v1/engagement/visit-coverage", "get">;
export interface CoverageQuery {
  underId?: string;
  year?: number;
  quarter?: number;
}

/** One line of the tree: a community, a grid of it, or a member of the grid. */
interface Line {
  key: string;
  name: string;
  assigned: number;
  visited: number;
  children?: Line[];
}

/** "2026年第4季度" */
export const quarterText = (t: TFunction, q: { year: number; quarter: number }) =>
  t("engagementVisits.quarter", { year: String(q.year), quarter: String(q.quarter) });

export const COVERAGE_KEY = ["engagement", "visit-coverage"] as const;

/** Percent, whole: 0 households assigned shows no rate at all. */
export const rateOf = (visited: number, assigned: number) =>
  assigned === 0 ? null : Math.round((visited / assigned) * 100);

export function useCoverage(query: CoverageQuery) {
  return useQuery({
    queryKey: [...COVERAGE_KEY, query],
    queryFn: ({ signal }) => api.get("/api/v1/engagement/visit-coverage", { query, signal }),
    placeholderData: keepPreviousData,
  });
}

function linesOf(c: Coverage, noGrid: string): Line[] {
  return c.communities.map((community) => ({
    key: community.id ?? "none",
    name: community.name,
    assigned: community.assigned,
    visited: community.visited,
    children: community.grids.map((grid) => ({
      key: `${community.id}/${grid.id ?? "none"}`,
      name: grid.name || noGrid,
      assigned: grid.assigned,
      visited: grid.visited,
      children: grid.members.map((m) => ({
        key: `${community.id}/${grid.id ?? "none"}/${m.memberId}`,
        name: m.name,
        assigned: m.assigned,
        visited: m.visited,
      })),
    })),
  }));
}

/** 走访覆盖: community → grid → member, households visited this quarter over those paired. */
export function CoverageTable({ query }: { query: CoverageQuery }) {
  const { t } = useTranslation();
  const result = useCoverage(query);
  const a = (key: "area" | "assigned" | "visited" | "rate") => t(`engagementVisits.admin.${key}`);
  const columns: TableColumnsType<Line> = [
    { title: a("area"), dataIndex: "name", width: 280 },
    { title: a("assigned"), dataIndex: "assigned", width: 110, align: "right" },
    { title: a("visited"), dataIndex: "visited", width: 110, align: "right" },
    {
      title: a("rate"),
      key: "rate",
      width: 220,
      render: (_: unknown, l) => {
        const rate = rateOf(l.visited, l.assigned);
        return rate === null ? t("common.none") : <Progress percent={rate} size="small" />;
      },
    },
  ];
  const data = result.data;
  return (
    <>
      {result.error && (
        <LoadFailed error={result.error} retry={() => void result.refetch()} style={{ marginBottom: 16 }} />
      )}
      <Table<Line>
        rowKey="key"
        size="middle"
        columns={columns}
        dataSource={data ? linesOf(data, t("engagementVisits.admin.noGrid")) : []}
        loading={result.isFetching}
        pagination={false}
        data-testid="coverage-table"
        expandable={{ defaultExpandAllRows: false }}
        summary={() =>
          data && data.assigned > 0 ? (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0}>
                {t("engagementVisits.admin.sum", { quarter: quarterText(t, data) })}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={1} align="right">
                {data.assigned}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={2} align="right">
                {data.visited}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={3}>
                <Progress percent={rateOf(data.visited, data.assigned) ?? 0} size="small" />
              </Table.Summary.Cell>
            </Table.Summary.Row>
          ) : null
        }
        locale={{
          emptyText: (
            <Empty
              image={Empty.PRESENTED_IMAGE_SIMPLE}
              description={t("engagementVisits.admin.emptyCoverage")}
            />
          ),
        }}
      />
    </>
  );
}
