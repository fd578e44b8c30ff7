import { PhoneOutlined } from "@ant-design/icons";
import { Button } from "antd-mobile";
import { useTranslation } from "react-i18next";
import { type ContactSubject, telOf, useRevealContact } from "../../../common/contact.ts";

/**
 * 联系人 for the one who holds the case or the order: masked until he taps 查看并拨打 (the view is
 * logged as 办理联系), then a big one-tap call button.
 */
export function ContactCall({
  subject,
  name,
  phone,
}: {
  subject: ContactSubject;
  name: string | null;
  phone: string | null;
}) {
  const { t } = useTranslation();
  const reveal = useRevealContact(subject);
  const shown = reveal.data;
  return (
    <section style={{ background: "#fff", padding: "12px 16px", marginTop: 8 }} data-testid="contact-call">
      <div style={{ display: "flex", alignItems: "center", gap: 12, flexWrap: "wrap", fontSize: 17 }}>
        <span style={{ color: "var(--adm-color-text-secondary)" }}>{t("call.person")}</span>
        <span>{shown ? shown.name : [name, phone].filter(Boolean).join(" ")}</span>
      </div>
      {shown?.phone ? (
        <>
          <a
            className="call-button"
            href={telOf(shown.phone)}
            style={{ marginTop: 10, width: "100%", fontSize: 20, fontWeight: 600, height: 52 }}
          >
            <PhoneOutlined /> {t("call.dial", { phone: shown.phone })}
          </a>
          <div style={{ marginTop: 6, fontSize: 14, color: "var(--adm-color-text-secondary)" }}>
            {t("call.logged")}
          </div>
        </>
      ) : (
        <>
          <Button
            block
            color="primary"
            size="large"
            loading={reveal.isPending}
            onClick={() => reveal.mutate()}
            style={{ marginTop: 10 }}
            data-testid="reveal-contact"
          >
            <PhoneOutlined /> {t("call.reveal")}
          </Button>
          <div style={{ marginTop: 6, fontSize: 14, color: "var(--adm-color-text-secondary)" }}>
            {reveal.error ? reveal.error.message : t("call.notice")}
          </div>
        </>
      )}
    </section>
  );
}
