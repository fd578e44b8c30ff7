import { Checkbox, DatePicker, Select, Space } from "antd";
import dayjs from "dayjs";
import { useTranslation } from "react-i18next";
import type { QueryOf } from "../../../common/api.ts";
import { useListParams } from "../list-params.ts";
import { CodeSelect, SearchBox } from "../people/filters.tsx";
import { CASE_STATUSES, type CaseStatus, CHANNELS, channelLabel, statusLabel } from "./case-labels.tsx";
import { useCategories } from "./categories.ts";
import { TerritoryPicker } from "./territory-picker.tsx";

export type CaseQuery = NonNullable<QueryOf<"/api/v1/cases", "get">>;
type Sort = NonNullable<CaseQuery["sort"]>;

const FILTERS = [
  "status",
  "open",
  "categoryCode",
  "channel",
  "overdue",
  "supervised",
  "needsReview",
  "dueSoon",
  "holder",
  "underId",
  "q",
  "from",
  "to",
  "sort",
  "view",
] as const;
const PROGRESS = ["open", "finished"] as const;
const SORTS: readonly Sort[] = ["createdAt", "-createdAt", "resolveDueAt", "lateness"];
/** 待我办理 (cases the caller holds now) or 跟踪中 (his area's, held by others). */
const HOLDERS = ["me", "others"] as const;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The start of a day (YYYY-MM-DD, the reader's time zone), `plus` days on, as the API's date-time. */
function dayStart(day: string | undefined, plus = 0): string | undefined {
  if (!day || !DAY.test(day)) return undefined;
  const d = dayjs(day).add(plus, "day");
  return d.isValid() ? d.toISOString() : undefined;
}

export const statusesOf = (value: string | undefined): CaseStatus[] =>
  (value ?? "").split(",").filter((s): s is CaseStatus => CASE_STATUSES.includes(s as CaseStatus));

/** The list's filters, paging and sort, kept in the address, and the API query they make. */
export function useCaseListParams() {
  const list = useListParams(FILTERS);
  const f = list.filters;
  const status = statusesOf(f.status);
  const query: CaseQuery = {
    page: list.page,
    pageSize: list.pageSize,
    status: status.length > 0 ? status : undefined,
    open: f.open === "open" ? true : f.open === "finished" ? false : undefined,
    categoryCode: f.categoryCode,
    channel: CHANNELS.find((c) => c === f.channel),
    overdue: f.overdue === "1" ? true : undefined,
    supervised: f.supervised === "1" ? true : undefined,
    needsReview: f.needsReview === "1" ? true : undefined,
    dueSoon: f.dueSoon === "1" ? true : undefined,
    holder: HOLDERS.find((h) => h === f.holder),
    underId: f.underId,
    q: f.q,
    from: dayStart(f.from),
    // The last day chosen is included: up to the start of the next.
    to: dayStart(f.to, 1),
    sort: SORTS.find((s) => s === f.sort),
  };
  return { list, query };
}
export type CaseListParams = ReturnType<typeof useCaseListParams>["list"];

/** The filter bar above the list and the map. */
export function CaseFilters({ list }: { list: CaseListParams }) {
  const { t, i18n } = useTranslation();
  const f = list.filters;
  const categories = useCategories();
  const flag = (name: "overdue" | "supervised" | "needsReview" | "dueSoon", label: string) => (
    <Checkbox
      checked={f[name] === "1"}
      onChange={(e) => list.setFilter(name, e.target.checked ? "1" : undefined)}
    >
      {label}
    </Checkbox>
  );
  return (
    <Space orientation="vertical" size={12} style={{ width: "100%" }}>
      <Space wrap>
        <SearchBox
          value={f.q}
          placeholder={t("casesAdmin.list.search")}
          onSearch={(q) => list.setFilter("q", q)}
        />
        <TerritoryPicker value={f.underId} onChange={(id) => list.setFilter("underId", id)} />
        <DatePicker.RangePicker
          aria-label={t("casesAdmin.list.dateRange")}
          placeholder={[t("casesAdmin.list.from"), t("casesAdmin.list.to")]}
          value={[f.from ? dayjs(f.from) : null, f.to ? dayjs(f.to) : null]}
          allowEmpty={[true, true]}
          onChange={(range) =>
            list.setFilters({
              from: range?.[0]?.format("YYYY-MM-DD"),
              to: range?.[1]?.format("YYYY-MM-DD"),
            })
          }
        />
      </Space>
      <Space wrap>
        <Select<CaseStatus[]>
          mode="multiple"
          allowClear
          maxTagCount="responsive"
          style={{ width: 280 }}
          aria-label={t("casesAdmin.list.status")}
          placeholder={t("casesAdmin.list.allStatuses")}
          value={statusesOf(f.status)}
          onChange={(v) => list.setFilter("status", v.length > 0 ? v.join(",") : undefined)}
          options={CASE_STATUSES.map((s) => ({ value: s, label: statusLabel(t, s) }))}
        />
        <CodeSelect
          value={f.holder}
          codes={HOLDERS}
          label={t("caseWork.filter.holder")}
          allLabel={t("caseWork.filter.all")}
          optionLabel={(h) => t(`caseWork.filter.${h}`)}
          onChange={(v) => list.setFilter("holder", v)}
          width={130}
        />
        <CodeSelect
          value={f.open}
          codes={PROGRESS}
          label={t("casesAdmin.list.progress")}
          allLabel={t("casesAdmin.list.allProgress")}
          optionLabel={(p) => t(`casesAdmin.list.${p}`)}
          onChange={(v) => list.setFilter("open", v)}
          width={130}
        />
        <Select<string>
          allowClear
          showSearch={{ optionFilterProp: "label" }}
          style={{ width: 160 }}
          aria-label={t("casesAdmin.list.category")}
          placeholder={t("casesAdmin.list.allCategories")}
          loading={categories.isPending}
          value={f.categoryCode}
          onChange={(v?: string) => list.setFilter("categoryCode", v)}
          options={categories.data?.map((c) => ({
            value: c.code,
            label: i18n.language === "en" && c.nameEn ? c.nameEn : c.name,
          }))}
        />
        <CodeSelect
          value={f.channel}
          codes={CHANNELS}
          label={t("casesAdmin.list.channel")}
          allLabel={t("casesAdmin.list.allChannels")}
          optionLabel={(c) => channelLabel(t, c)}
          onChange={(v) => list.setFilter("channel", v)}
          width={180}
        />
        {flag("overdue", t("casesAdmin.list.overdueOnly"))}
        {flag("dueSoon", t("todos.kinds.cases.dueSoon"))}
        {flag("supervised", t("casesAdmin.list.supervisedOnly"))}
        {flag("needsReview", t("casesAdmin.list.needsReviewOnly"))}
      </Space>
    </Space>
  );
}
