import { PhoneOutlined } from "@ant-design/icons";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Alert, Empty, Space, Table, type TableColumnsType, Tag } from "antd";
import { useTranslation } from "react-i18next";
import { api, type ResponseOf } from "../../../common/api.ts";
import { useAuth } from "../../../common/auth.tsx";
import {
  dutyLabel,
  employmentLabel,
  STAFF_ROLES,
  type StaffRole,
  staffRoleLabel,
} from "../../../common/labels.ts";
import { can } from "../../../common/roles.ts";
import { ExportButton } from "../../components/export-button.tsx";
import { useListParams } from "../list-params.ts";
import { CodeSelect, SearchBox } from "./filters.tsx";
import { StaffDutiesCell, StaffPhotoCell } from "./staff-card-cells.tsx";

type Staff = ResponseOf<"/api/v1/people/staff", "get">["items"][number];

const ROLE_COLOURS: Record<StaffRole, string> = {
  gridLeader: "red",
  gridWorker: "volcano",
  buildingHead: "blue",
  entranceHead: "cyan",
  liaison: "green",
};

const byRole = (items: Staff[] | undefined) =>
  items && [...items].sort((a, b) => STAFF_ROLES.indexOf(a.role) - STAFF_ROLES.indexOf(b.role));

/**
 * 网格长, 网格员, 楼栋长, 单元长, 联户长 with their phones: 三亮 (identity, duty, phone) are public
 * by design, so the numbers are whole and can be dialled.
 */
export function StaffTable({ underId, whole }: { underId?: string; whole?: boolean }) {
  const { t } = useTranslation();
  const { user } = useAuth();
  const list = useListParams(["q", "role"]);
  const { filters } = list;
  // A grid's staff fit on one answer: fetched whole, they can be ordered 网格长 and 网格员 first.
  const page = whole ? 1 : list.page;
  const pageSize = whole ? 200 : list.pageSize;
  const query = { page, pageSize, underId, q: filters.q, role: STAFF_ROLES.find((r) => r === filters.role) };
  const result = useQuery({
    queryKey: ["people", "staff", query],
    queryFn: ({ signal }) => api.get("/api/v1/people/staff", { query, signal }),
    placeholderData: keepPreviousData,
  });

  const editable = !!user && can(user, "people.write");
  const columns: TableColumnsType<Staff> = [
    {
      title: t("contactCard.photo"),
      key: "photo",
      width: editable ? 100 : 70,
      render: (_, s) => <StaffPhotoCell staff={s} editable={editable} />,
    },
    {
      title: t("people.role"),
      dataIndex: "role",
      width: 110,
      render: (r: StaffRole) => <Tag color={ROLE_COLOURS[r]}>{staffRoleLabel(t, r)}</Tag>,
    },
    {
      title: t("people.name"),
      dataIndex: "name",
      width: 110,
      render: (name: string) => <strong>{name}</strong>,
    },
    {
      title: t("people.phone"),
      dataIndex: "phone",
      width: 150,
      render: (phone: string) => (
        <a href={`tel:${phone}`} style={{ whiteSpace: "nowrap" }}>
          <PhoneOutlined /> {phone}
        </a>
      ),
    },
    {
      title: t("people.duty"),
      dataIndex: "duty",
      width: 120,
      render: (d: Staff["duty"]) => dutyLabel(t, d) ?? "—",
    },
    {
      title: t("people.employment"),
      key: "employment",
      width: 150,
      render: (_, s) => employmentLabel(t, s.employment, s.partTimeKind),
    },
    {
      title: t("contactCard.duties"),
      key: "duties",
      width: 260,
      render: (_, s) => <StaffDutiesCell staff={s} editable={editable} />,
    },
    {
      title: t("people.servedHouseholds"),
      dataIndex: "households",
      width: 110,
      render: (n: number | null) => (n == null ? "—" : t("people.households", { count: n })),
    },
  ];

  return (
    <Space orientation="vertical" size={16} style={{ width: "100%" }}>
      <Space wrap>
        <SearchBox
          value={filters.q}
          placeholder={t("people.staffSearch")}
          onSearch={(q) => list.setFilter("q", q)}
        />
        <CodeSelect
          value={filters.role}
          codes={STAFF_ROLES}
          label={t("people.role")}
          allLabel={t("people.allRoles")}
          optionLabel={(r) => staffRoleLabel(t, r)}
          onChange={(v) => list.setFilter("role", v)}
        />
        <ExportButton path="/api/v1/people/staff" query={query} />
      </Space>
      {result.error && <Alert type="error" showIcon title={result.error.message} />}
      <Table<Staff>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={whole ? byRole(result.data?.items) : result.data?.items}
        loading={result.isFetching}
        scroll={{ x: 1120 }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("people.empty")} /> }}
        pagination={
          whole
            ? {
                defaultPageSize: 20,
                hideOnSinglePage: true,
                showTotal: (count) => t("people.total", { count }),
              }
            : list.pagination(result.data?.total, (count) => t("people.total", { count }))
        }
      />
    </Space>
  );
}
