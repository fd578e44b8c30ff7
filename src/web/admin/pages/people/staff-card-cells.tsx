import { EditOutlined, UploadOutlined, UserOutlined } from "@ant-design/icons";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { App, Avatar, Button, Input, Modal, Space, Tooltip, Typography, Upload } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api, type ResponseOf } from "../../../common/api.ts";

type Staff = ResponseOf<"/api/v1/people/staff", "get">["items"][number];
const STAFF_KEY = ["people", "staff"];

/** The person's contact-card photo, and (for those who may change it) a button to upload a new one. */
export function StaffPhotoCell({ staff, editable }: { staff: Staff; editable: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const upload = useMutation({
    mutationFn: (file: File) =>
      api.upload("put", "/api/v1/people/staff/{id}/photo", file, { path: { id: staff.id } }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: STAFF_KEY });
      message.success(t("contactCard.photoSaved", { name: staff.name }));
    },
    onError: (error) => message.error(error.message),
  });
  const avatar = (
    <Avatar
      shape="square"
      size={48}
      src={staff.photoId ? `/api/v1/files/${staff.photoId}` : undefined}
      icon={<UserOutlined />}
      alt={t("contactCard.photoOf", { name: staff.name })}
    />
  );
  if (!editable) return avatar;
  return (
    <Space size={6}>
      {avatar}
      <Upload
        accept="image/jpeg,image/png"
        showUploadList={false}
        // The request goes through the typed client, so a refusal keeps the server's message.
        beforeUpload={(file) => {
          upload.mutate(file);
          return false;
        }}
      >
        <Tooltip title={t("contactCard.photoHint")}>
          <Button
            size="small"
            icon={<UploadOutlined />}
            loading={upload.isPending}
            aria-label={`${t(staff.photoId ? "contactCard.changePhoto" : "contactCard.uploadPhoto")} ${staff.name}`}
          />
        </Tooltip>
      </Upload>
    </Space>
  );
}

/** 亮职责: the sentence on the card, edited in a dialog. */
export function StaffDutiesCell({ staff, editable }: { staff: Staff; editable: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [draft, setDraft] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: (duties: string) =>
      api.patch("/api/v1/people/staff/{id}", { duties }, { path: { id: staff.id } }),
    onSuccess: async () => {
      setDraft(null);
      await client.invalidateQueries({ queryKey: STAFF_KEY });
      message.success(t("contactCard.dutiesSaved"));
    },
  });
  return (
    <Space align="start" size={4} style={{ width: "100%", justifyContent: "space-between" }}>
      <Typography.Paragraph ellipsis={{ rows: 2, tooltip: staff.duties }} style={{ margin: 0 }}>
        {staff.duties ?? "—"}
      </Typography.Paragraph>
      {editable && (
        <Button
          size="small"
          type="text"
          icon={<EditOutlined />}
          aria-label={`${t("contactCard.editDuties")} ${staff.name}`}
          onClick={() => setDraft(staff.duties ?? "")}
        />
      )}
      <Modal
        open={draft !== null}
        title={t("contactCard.dutiesTitle", { name: staff.name })}
        okText={t("contactCard.save")}
        cancelText={t("contactCard.cancel")}
        confirmLoading={save.isPending}
        onOk={() => save.mutate(draft ?? "")}
        onCancel={() => {
          setDraft(null);
          save.reset();
        }}
        destroyOnHidden
      >
        <Input.TextArea
          value={draft ?? ""}
          onChange={(e) => setDraft(e.target.value)}
          placeholder={t("contactCard.dutiesPlaceholder")}
          maxLength={200}
          showCount
          autoSize={{ minRows: 3 }}
        />
        {save.error && <Typography.Text type="danger">{save.error.message}</Typography.Text>}
      </Modal>
    </Space>
  );
}
