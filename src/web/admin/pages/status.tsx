import { Alert, Button, Result, Spin } from "antd";
import type { CSSProperties } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";

export function Loading() {
  const { t } = useTranslation();
  return (
    <div style={{ minHeight: "60vh", display: "flex", alignItems: "center", justifyContent: "center" }}>
      <Spin size="large" tip={t("app.loading")}>
        <div style={{ width: 160, height: 80 }} />
      </Spin>
    </div>
  );
}

export function Failed({ error, retry }: { error: Error; retry: () => void }) {
  const { t } = useTranslation();
  return (
    <Result
      status="warning"
      title={error.message}
      extra={
        <Button type="primary" onClick={retry}>
          {t("errors.retry")}
        </Button>
      }
    />
  );
}

/** A list or record that failed to load, above where it would be, with a retry. */
export function LoadFailed({
  error,
  retry,
  style,
}: {
  error: Error;
  retry: () => void;
  style?: CSSProperties;
}) {
  const { t } = useTranslation();
  return (
    <Alert
      type="error"
      showIcon
      title={error.message}
      action={<Button onClick={retry}>{t("errors.retry")}</Button>}
      style={style}
    />
  );
}

export function Forbidden() {
  const { t } = useTranslation();
  return <Result status="403" title="403" subTitle={t("errors.forbidden")} extra={<HomeLink />} />;
}

export function NotFound() {
  const { t } = useTranslation();
  return <Result status="404" title="404" subTitle={t("errors.notFound")} extra={<HomeLink />} />;
}

function HomeLink() {
  const { t } = useTranslation();
  return (
    <Link to="/">
      <Button type="primary">{t("errors.backHome")}</Button>
    </Link>
  );
}
