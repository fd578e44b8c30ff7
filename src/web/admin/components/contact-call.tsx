import { PhoneOutlined } from "@ant-design/icons";
import { Button, Space, Tooltip, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { type ContactSubject, telOf, useRevealContact } from "../../common/contact.ts";

/**
 * The person served, masked; for the one who holds the case or order (`mayCall`), a 查看并拨打
 * button that reveals the number (logged as 办理联系) and then offers it as a one-tap call.
 */
export function ContactCall({
  subject,
  name,
  phone,
  mayCall,
}: {
  subject: ContactSubject;
  name: string | null;
  phone: string | null;
  mayCall: boolean;
}) {
  const { t } = useTranslation();
  const reveal = useRevealContact(subject);
  const shown = reveal.data;
  const masked = [name, phone].filter(Boolean).join(" ");
  if (shown?.phone)
    return (
      <Space size={[8, 4]} wrap>
        <span>{shown.name}</span>
        <Button type="primary" size="small" icon={<PhoneOutlined />} href={telOf(shown.phone)}>
          {t("call.dial", { phone: shown.phone })}
        </Button>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t("call.logged")}
        </Typography.Text>
      </Space>
    );
  return (
    <Space size={[8, 4]} wrap>
      <span style={{ fontFamily: "monospace" }}>{masked || t("call.noPhone")}</span>
      {mayCall && (
        <Tooltip title={t("call.notice")}>
          <Button
            size="small"
            icon={<PhoneOutlined />}
            loading={reveal.isPending}
            onClick={() => reveal.mutate()}
            data-testid="reveal-contact"
          >
            {t("call.reveal")}
          </Button>
        </Tooltip>
      )}
      {reveal.error && <Typography.Text type="danger">{reveal.error.message}</Typography.Text>}
    </Space>
  );
}
