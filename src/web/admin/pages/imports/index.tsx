import { DownloadOutlined, InboxOutlined } from "@ant-design/icons";
import { useQuery } from "@tanstack/react-query";
import { Alert, App, Button, Card, Col, Radio, Row, Space, Spin, Steps, Tag, Typography, Upload } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate, useSearchParams } from "react-router-dom";
import { api } from "../../../common/api.ts";
import { currentLanguage } from "../../../common/i18n.ts";
import { ImportHistory } from "./history.tsx";
import { type ImportKind, templateUrl, uploadImport } from "./shared.tsx";

/**
 * 数据导入, steps 1 and 2: choose what to import (and download its template), then upload the
 * file. The upload starts a job; its page (/imports/:id) shows the check, the report and the write.
 */
export function ImportsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const kinds = useQuery({
    queryKey: ["imports", "kinds"],
    queryFn: ({ signal }) => api.get("/api/v1/imports/kinds", { signal }),
  });
  const chosen = kinds.data?.find((k) => k.kind === params.get("kind"));
  return (
    <Space orientation="vertical" size={16} style={{ width: "100%" }}>
      <Card title={t("nav.imports")}>
        <Steps
          current={chosen ? 1 : 0}
          style={{ marginBottom: 24 }}
          items={[
            { title: t("imports.steps.kind") },
            { title: t("imports.steps.upload") },
            { title: t("imports.steps.check") },
            { title: t("imports.steps.write") },
          ]}
        />
        {kinds.isPending ? (
          <Spin />
        ) : kinds.isError ? (
          <Alert type="error" showIcon title={kinds.error.message} />
        ) : chosen ? (
          <UploadStep kind={chosen} onBack={() => setParams({})} />
        ) : (
          <KindStep kinds={kinds.data} onChoose={(kind) => setParams({ kind })} />
        )}
      </Card>
      <ImportHistory kinds={kinds.data} />
    </Space>
  );
}

function KindStep({ kinds, onChoose }: { kinds: ImportKind[]; onChoose: (kind: string) => void }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  return (
    <>
      <Typography.Title level={5}>{t("imports.kind.title")}</Typography.Title>
      <Radio.Group style={{ width: "100%" }} onChange={(e) => onChoose(e.target.value)}>
        <Row gutter={[16, 16]}>
          {kinds.map((k) => (
            <Col key={k.kind} xs={24} md={12} xl={8}>
              <Card size="small" style={{ height: "100%" }}>
                <Space orientation="vertical" size={8} style={{ width: "100%" }}>
                  <Radio value={k.kind} data-testid={`kind-${k.kind}`}>
                    <Typography.Text strong>{k.label[language]}</Typography.Text>
                  </Radio>
                  {k.source === "geojson" ? (
                    <Typography.Text type="secondary">{t("imports.kind.geojson")}</Typography.Text>
                  ) : (
                    <div>
                      {k.columns.map((c) => (
                        <Tag
                          key={c.header}
                          color={c.required ? "red" : undefined}
                          style={{ marginBottom: 4 }}
                        >
                          {c.required ? `*${c.header}` : c.header}
                        </Tag>
                      ))}
                    </div>
                  )}
                  {k.template && (
                    <Button size="small" icon={<DownloadOutlined />} href={templateUrl(k.kind)} download>
                      {t("imports.kind.template")}
                    </Button>
                  )}
                </Space>
              </Card>
            </Col>
          ))}
        </Row>
      </Radio.Group>
    </>
  );
}

function UploadStep({ kind, onBack }: { kind: ImportKind; onBack: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  const label = kind.label[currentLanguage()];
  const accept = kind.source === "geojson" ? ".geojson,.json" : ".xlsx,.csv";
  return (
    <Space orientation="vertical" size={16} style={{ width: "100%" }}>
      <Typography.Title level={5}>{t("imports.upload.title", { kind: label })}</Typography.Title>
      <Upload.Dragger
        accept={accept}
        multiple={false}
        showUploadList={false}
        disabled={busy}
        customRequest={async ({ file }) => {
          setBusy(true);
          try {
            const job = await uploadImport(kind.kind, file as File);
            navigate(`/imports/${job.id}`);
          } catch (err) {
            message.error(t("imports.upload.failed", { message: (err as Error).message }));
          } finally {
            setBusy(false);
          }
        }}
      >
        <p className="ant-upload-drag-icon">{busy ? <Spin /> : <InboxOutlined />}</p>
        <p className="ant-upload-text">{t("imports.upload.hint")}</p>
        <p className="ant-upload-hint">
          {t(kind.source === "geojson" ? "imports.upload.geojson" : "imports.upload.sheet")}
        </p>
      </Upload.Dragger>
      <Space>
        <Button onClick={onBack}>{t("imports.upload.back")}</Button>
        {kind.template && (
          <Button icon={<DownloadOutlined />} href={templateUrl(kind.kind)} download>
            {t("imports.kind.template")}
          </Button>
        )}
      </Space>
    </Space>
  );
}
