import { DownOutlined, SafetyCertificateOutlined } from "@ant-design/icons";
import { Alert, App, Button, Dropdown, Form, Modal, Space } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { QueryOf } from "../../../common/api.ts";
import { useAuth } from "../../../common/auth.tsx";
import { can } from "../../../common/roles.ts";
import { ExportButton, exportUrl } from "../../components/export-button.tsx";
import { PurposeFields } from "./reveal.tsx";

const PATH = "/api/v1/people/residents";
type Query = QueryOf<typeof PATH, "get">;

/** Follows a download link without leaving the page. */
function download(url: string) {
  const a = document.createElement("a");
  a.href = url;
  a.download = "";
  document.body.append(a);
  a.click();
  a.remove();
}

/**
 * 导出 Excel for the residents list; people.reveal holders also get 导出（含完整证件号）, which
 * asks for the purpose first (the server logs every number in the file with it).
 */
export function ResidentsExport({ query }: { query: Query }) {
  const { t } = useTranslation();
  const { user } = useAuth();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ purpose: string }>();
  if (!user || !can(user, "people.reveal")) return <ExportButton path={PATH} query={query} />;

  const close = () => {
    setOpen(false);
    form.resetFields();
  };
  const exportWithIds = ({ purpose }: { purpose: string }) => {
    download(exportUrl(PATH, query, { reveal: "true", purpose: purpose.trim() }));
    void message.success(t("export.started"));
    close();
  };
  return (
    <>
      <Space.Compact>
        <ExportButton path={PATH} query={query} />
        <Dropdown
          trigger={["click"]}
          menu={{
            items: [{ key: "withIds", icon: <SafetyCertificateOutlined />, label: t("export.withIds") }],
            onClick: () => setOpen(true),
          }}
        >
          <Button icon={<DownOutlined />} aria-label={t("export.choices")} />
        </Dropdown>
      </Space.Compact>
      <Modal
        open={open}
        title={t("export.revealTitle")}
        onCancel={close}
        onOk={() => form.submit()}
        okText={t("export.revealSubmit")}
        cancelText={t("user.cancel")}
        destroyOnHidden
      >
        <Alert type="warning" showIcon title={t("export.revealNotice")} style={{ marginBottom: 16 }} />
        <Form form={form} layout="vertical" onFinish={exportWithIds}>
          <PurposeFields form={form} />
        </Form>
      </Modal>
    </>
  );
}
