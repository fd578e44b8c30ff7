import { Image, Space } from "antd";
import { useTranslation } from "react-i18next";

/** Photos of a case, an event or a report: thumbnails that open full size (files are served by cookie). */
export function Photos({
  photos,
  size = 96,
}: {
  photos: readonly { id: string; url: string }[];
  size?: number;
}) {
  const { t } = useTranslation();
  if (photos.length === 0) return null;
  return (
    <Image.PreviewGroup>
      <Space size={8} wrap>
        {photos.map((p, i) => (
          <Image
            key={p.id}
            src={p.url}
            width={size}
            height={size}
            alt={t("casesAdmin.detail.photoAlt", { n: i + 1 })}
            style={{ objectFit: "cover", borderRadius: 6 }}
          />
        ))}
      </Space>
    </Image.PreviewGroup>
  );
}
