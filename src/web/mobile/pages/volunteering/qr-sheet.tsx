import { Button, Popup } from "antd-mobile";
import QRCode from "qrcode";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";

/** "ABCD-EFGH": the typed code in two halves, easier to read out. */
export const groupedToken = (token: string) => `${token.slice(0, 4)}-${token.slice(4)}`;

/**
 * 我的签到二维码, full screen: the QR the organiser scans (`{signupId}.{token}`) and, below it,
 * the eight characters to type when the camera will not read it.
 */
export function QrSheet({
  visible,
  onClose,
  code,
  token,
  title,
  when,
}: {
  visible: boolean;
  onClose: () => void;
  code: string;
  token: string;
  title: string;
  when: string;
}) {
  const { t } = useTranslation();
  const [image, setImage] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    // Level M survives glare or a cracked screen and keeps the modules large enough to scan.
    void QRCode.toDataURL(code, { width: 320, margin: 2, errorCorrectionLevel: "M" }).then((url) => {
      if (live) setImage(url);
    });
    return () => {
      live = false;
    };
  }, [code]);
  return (
    <Popup visible={visible} onMaskClick={onClose} position="bottom" bodyStyle={{ height: "100dvh" }}>
      <div
        role="dialog"
        aria-label={t("volunteeringMobile.qr.title")}
        style={{
          display: "flex",
          flexDirection: "column",
          alignItems: "center",
          padding: "32px 20px",
          gap: 12,
        }}
      >
        <h2 style={{ margin: 0, fontSize: 22 }}>{t("volunteeringMobile.qr.title")}</h2>
        <div style={{ fontSize: 18, fontWeight: 600, textAlign: "center" }}>{title}</div>
        <div style={{ fontSize: 16, color: "var(--adm-color-text-secondary)" }}>{when}</div>
        {image && (
          <img
            src={image}
            alt={t("volunteeringMobile.qr.title")}
            data-testid="checkin-qr"
            style={{ width: "min(80vw, 320px)", height: "auto", imageRendering: "pixelated" }}
          />
        )}
        <div style={{ fontSize: 16 }}>{t("volunteeringMobile.qr.code")}</div>
        <div data-testid="checkin-token" style={{ fontFamily: "monospace", fontSize: 32, letterSpacing: 4 }}>
          {groupedToken(token)}
        </div>
        <p style={{ margin: 0, fontSize: 16, textAlign: "center", color: "var(--adm-color-text-secondary)" }}>
          {t("volunteeringMobile.qr.hint")}
          <br />
          {t("volunteeringMobile.qr.codeHint")}
        </p>
        <Button block size="large" onClick={onClose} style={{ marginTop: 12 }}>
          {t("volunteeringMobile.qr.close")}
        </Button>
      </div>
    </Popup>
  );
}
