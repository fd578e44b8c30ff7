import { FilePdfOutlined, QrcodeOutlined } from "@ant-design/icons";
import { Button, Space, Tooltip } from "antd";
import { useTranslation } from "react-i18next";

/** A grid's 民情联系卡: the posters to print (A4, A3) and the public page the QR code stands for. */
export function ContactCardLinks({ code }: { code: string }) {
  const { t } = useTranslation();
  const poster = `/api/v1/public/grids/${encodeURIComponent(code)}/poster.pdf`;
  return (
    <Space wrap style={{ marginTop: 12 }}>
      <Button icon={<FilePdfOutlined />} href={poster} download>
        {t("contactCard.posterA4")}
      </Button>
      <Button icon={<FilePdfOutlined />} href={`${poster}?size=A3`} download>
        {t("contactCard.posterA3")}
      </Button>
      <Tooltip title={t("contactCard.cardHint")}>
        <Button
          type="link"
          icon={<QrcodeOutlined />}
          href={`/mobile/card/${encodeURIComponent(code)}`}
          target="_blank"
          rel="noopener"
        >
          {t("contactCard.openCard")}
        </Button>
      </Tooltip>
    </Space>
  );
}
