import { Button, ErrorBlock, SpinLoading } from "antd-mobile";
import { useTranslation } from "react-i18next";

export function Loading() {
  return (
    <div style={{ minHeight: "60vh", display: "flex", alignItems: "center", justifyContent: "center" }}>
      <SpinLoading color="primary" style={{ "--size": "48px" }} />
    </div>
  );
}

export function Failed({ error, retry }: { error: Error; retry: () => void }) {
  const { t } = useTranslation();
  return (
    <ErrorBlock status="disconnected" fullPage title={error.message} description="">
      <Button color="primary" size="large" onClick={retry}>
        {t("errors.retry")}
      </Button>
    </ErrorBlock>
  );
}
