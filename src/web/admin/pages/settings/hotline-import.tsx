import { DownloadOutlined, InboxOutlined } from "@ant-design/icons";
import { useMutation } from "@tanstack/react-query";
import { Alert, Button, Space, Spin, Table, type TableColumnsType, Tag, Upload } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import type { settingsZhCN } from "../../../../shared/locales/settings.zh-CN.ts";
import { api, type ResponseOf } from "../../../common/api.ts";
import { SettingsPage } from "./shared.tsx";

type Report = ResponseOf<"/api/v1/cases/import/file", "post">;
type Row = Report["rows"][number];
const STATUS_COLOR: Record<Row["status"], string> = {
  ready: "blue",
  created: "green",
  unchanged: "default",
  error: "red",
};

/** 12345 工单导入: upload the centre's sheet, see every row checked, then confirm to create the cases. */
export function HotlineImportPage() {
  const { t } = useTranslation();
  const h = (key: Exclude<keyof typeof settingsZhCN.hotline, "statuses">) => t(`settings.hotline.${key}`);
  const [file, setFile] = useState<File | null>(null);
  const check = useMutation({
    mutationFn: (f: File) => api.upload("post", "/api/v1/cases/import/file", f, { query: { check: true } }),
  });
  const write = useMutation({
    mutationFn: (f: File) => api.upload("post", "/api/v1/cases/import/file", f, { query: {} }),
  });
  const restart = () => {
    setFile(null);
    check.reset();
    write.reset();
  };
  const report = write.data ?? check.data;

  const columns: TableColumnsType<Row> = [
    { title: h("row"), dataIndex: "row", width: 70 },
    { title: h("recordId"), dataIndex: "recordId", width: 180, render: (v: string | null) => v ?? "—" },
    {
      title: h("result"),
      dataIndex: "status",
      width: 110,
      render: (s: Row["status"]) => <Tag color={STATUS_COLOR[s]}>{t(`settings.hotline.statuses.${s}`)}</Tag>,
    },
    {
      title: h("problem"),
      render: (_, r) =>
        r.error?.message ??
        (r.code ? (
          <Link to={`/cases/${r.code}`}>
            {h("caseCode")} {r.code}
          </Link>
        ) : (
          "—"
        )),
    },
  ];

  return (
    <SettingsPage
      title={h("title")}
      intro={h("intro")}
      extra={
        <Button icon={<DownloadOutlined />} href="/api/v1/cases/import/template.xlsx" download>
          {h("template")}
        </Button>
      }
    >
      {!file && (
        <Upload.Dragger
          accept=".xlsx,.csv"
          showUploadList={false}
          beforeUpload={(f) => {
            setFile(f);
            check.mutate(f);
            return false;
          }}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">{h("upload")}</p>
          <p className="ant-upload-hint">{h("uploadHint")}</p>
        </Upload.Dragger>
      )}
      {(check.isPending || write.isPending) && (
        <Spin tip={check.isPending ? h("checking") : h("importing")}>
          <div style={{ height: 80 }} />
        </Spin>
      )}
      {(check.error || write.error) && (
        <Alert type="error" showIcon title={(write.error ?? check.error)?.message} />
      )}
      {report && (
        <Space orientation="vertical" size={12} style={{ width: "100%" }}>
          <Alert
            type={report.errors > 0 ? "warning" : "success"}
            showIcon
            title={
              write.data
                ? t("settings.hotline.done", { ...write.data })
                : t("settings.hotline.checked", { ...report, ready: report.ready ?? 0 })
            }
          />
          <Space wrap>
            {!write.data && file && (report.ready ?? 0) > 0 && (
              <Button type="primary" loading={write.isPending} onClick={() => write.mutate(file)}>
                {t("settings.hotline.confirm", { count: report.ready ?? 0 })}
              </Button>
            )}
            <Button onClick={restart}>{h("again")}</Button>
          </Space>
          {!write.data && (report.ready ?? 0) === 0 && <Alert type="info" title={h("nothingToImport")} />}
          <Table<Row>
            rowKey="row"
            size="small"
            columns={columns}
            dataSource={report.rows}
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
            scroll={{ x: 640 }}
          />
        </Space>
      )}
      {file && (check.error || write.error) && <Button onClick={restart}>{h("again")}</Button>}
    </SettingsPage>
  );
}
