import { Alert, Rate, Space, Table, type TableColumnsType, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { useAuth } from "../../../common/auth.tsx";
import { type CaseDetail, isOpen, WhistleStatusTag } from "./case-labels.tsx";
import { Photos } from "./photos.tsx";
import { useFormatTime, WhistleDeadline } from "./time.tsx";
import { WhistleStepButton } from "./whistle-steps.tsx";
import { WithdrawWhistleButton } from "./whistle-withdraw.tsx";

type Whistle = CaseDetail["whistles"][number];

/** The departments whistled for this case, what each reported back, and the community's score of it. */
export function CaseWhistles({ c }: { c: CaseDetail }) {
  const { t, i18n } = useTranslation();
  const { user } = useAuth();
  const format = useFormatTime();
  // The server lets the community or street staff of the case's area rate (and says so if not).
  const mayRate = !!user?.roles.some((r) => r.role === "communityStaff" || r.role === "streetStaff");
  const departmentName = (w: Whistle) =>
    i18n.language === "en" && w.department.nameEn ? w.department.nameEn : w.department.name;

  const columns: TableColumnsType<Whistle> = [
    {
      title: t("casesAdmin.whistles.department"),
      key: "department",
      width: 150,
      render: (_, w) => <Typography.Text strong>{departmentName(w)}</Typography.Text>,
    },
    {
      title: t("casesAdmin.whistles.request"),
      dataIndex: "request",
      width: 240,
      ellipsis: { showTitle: true },
    },
    {
      title: t("casesAdmin.whistles.deadline"),
      dataIndex: "deadline",
      width: 170,
      render: (at: string, w) => <WhistleDeadline at={at} overdue={w.overdue} />,
    },
    {
      title: t("casesAdmin.whistles.status"),
      dataIndex: "status",
      width: 90,
      render: (s: Whistle["status"]) => <WhistleStatusTag status={s} />,
    },
    {
      title: t("casesAdmin.whistles.report"),
      key: "report",
      render: (_, w) =>
        w.report ? (
          <Space orientation="vertical" size={4}>
            <span style={{ whiteSpace: "pre-wrap" }}>{w.report}</span>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {format(w.reportedAt)}
            </Typography.Text>
            <Photos photos={w.reportPhotos} size={56} />
          </Space>
        ) : (
          t("common.none")
        ),
    },
    {
      title: t("casesAdmin.whistles.score"),
      key: "score",
      width: 150,
      render: (_, w) =>
        w.score !== null ? (
          <Space orientation="vertical" size={0}>
            <Rate disabled value={w.score} style={{ fontSize: 14 }} />
            {w.ratingComment && <Typography.Text type="secondary">{w.ratingComment}</Typography.Text>}
          </Space>
        ) : w.allowedActions.includes("withdraw") ? (
          <WithdrawWhistleButton id={w.id} name={departmentName(w)} />
        ) : w.status === "reported" && mayRate ? (
          <WhistleStepButton
            id={w.id}
            step="rate"
            title={t("casesAdmin.whistles.rateTitle", { name: departmentName(w) })}
          />
        ) : (
          t("common.none")
        ),
    },
  ];
  // A case waits for every department it whistled: say so while one has not reported back.
  const waiting =
    isOpen(c.status) && c.whistles.some((w) => w.status === "pending" || w.status === "accepted");
  return (
    <Space orientation="vertical" size={12} style={{ width: "100%" }}>
      {waiting && <Alert type="info" showIcon title={t("caseWork.whistle.waitHint")} />}
      <Table<Whistle>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={c.whistles}
        pagination={false}
        scroll={{ x: 1000 }}
      />
    </Space>
  );
}
