import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Button, Input } from "antd-mobile";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router-dom";
import { ApiError, api, type ResponseOf } from "../../../common/api.ts";
import { PageBar, Section } from "../../page-bar.tsx";
import { ResultBanner } from "../../result-banner.tsx";
import { Scanner } from "../volunteering/scanner.tsx";
import { SHOP_KEY, whenOf } from "./shop-data.ts";

type Found = ResponseOf<"/api/v1/points/redemptions/lookup", "get">;

/**
 * 扫码核销 for a shop: scan the resident's QR code, or type the code under it; the page shows what
 * it is and for whom (the name masked) and only then hands it over with 确认核销.
 */
export function ScanPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [typed, setTyped] = useState("");
  const [found, setFound] = useState<{ code: string; r: Found } | null>(null);
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);

  const explain = (err: unknown) => {
    if (!(err instanceof ApiError)) return String(err);
    const d = err.details as { status?: string; deliveredAt?: string | null } | undefined;
    if (err.code === "ILLEGAL_TRANSITION" && d?.status === "delivered" && d.deliveredAt)
      return t("pointsShop.scanPage.alreadyDelivered", { at: whenOf(d.deliveredAt, i18n.language) });
    if (err.code === "ILLEGAL_TRANSITION" && d?.status === "cancelled")
      return t("pointsShop.scanPage.alreadyCancelled");
    return err.message;
  };

  const lookup = useMutation({
    mutationFn: (code: string) => api.get("/api/v1/points/redemptions/lookup", { query: { code } }),
  });
  const deliver = useMutation({
    mutationFn: (code: string) => api.post("/api/v1/points/redemptions/deliver", { code }),
    onSettled: () => client.invalidateQueries({ queryKey: SHOP_KEY }),
  });

  const check = (raw: string) => {
    const code = raw.trim();
    if (!code) return;
    setResult(null);
    setFound(null);
    lookup.mutate(code, {
      onSuccess: (r) => {
        if (r.status === "reserved") setFound({ code, r });
        else if (r.status === "delivered" && r.deliveredAt)
          setResult({
            ok: false,
            text: t("pointsShop.scanPage.alreadyDelivered", { at: whenOf(r.deliveredAt, i18n.language) }),
          });
        else setResult({ ok: false, text: t("pointsShop.scanPage.alreadyCancelled") });
      },
      onError: (err) => setResult({ ok: false, text: explain(err) }),
    });
  };

  const confirm = () => {
    if (!found) return;
    deliver.mutate(found.code, {
      onSuccess: (r) => {
        setFound(null);
        setTyped("");
        setResult({
          ok: true,
          text: t("pointsShop.scanPage.delivered", {
            name: r.item.name,
            quantity: r.quantity,
            holder: r.holderName,
          }),
        });
      },
      onError: (err) => {
        setFound(null);
        setResult({ ok: false, text: explain(err) });
      },
    });
  };

  const row = (label: string, value: string | number, testId?: string) => (
    <div style={{ display: "flex", justifyContent: "space-between", fontSize: 19, padding: "6px 0" }}>
      <span style={{ color: "#666" }}>{label}</span>
      <b data-testid={testId}>{value}</b>
    </div>
  );

  return (
    <>
      <PageBar title={t("pointsShop.scan")} back="/" />
      {result && <ResultBanner result={result} testId="scan-result" />}
      {found ? (
        <Section title={t("pointsShop.scanPage.what")}>
          <div style={{ padding: "4px 16px 16px" }} data-testid="scan-found">
            {row(t("pointsShop.scanPage.what"), found.r.item.name, "scan-item")}
            {row(t("pointsShop.scanPage.whom"), found.r.holderName, "scan-holder")}
            {row(t("pointsShop.scanPage.quantity"), found.r.quantity)}
            {row(t("pointsShop.scanPage.points"), found.r.points)}
            <Button
              block
              size="large"
              color="primary"
              loading={deliver.isPending}
              onClick={confirm}
              style={{ marginTop: 12, fontSize: 20 }}
            >
              {t("pointsShop.scanPage.confirm")}
            </Button>
            <Button block size="large" fill="none" onClick={() => setFound(null)} style={{ marginTop: 4 }}>
              {t("pointsShop.phone.cancel")}
            </Button>
          </div>
        </Section>
      ) : (
        <>
          <Section title={t("pointsShop.scanPage.typeTitle")}>
            <div style={{ display: "flex", gap: 8, padding: "4px 16px 16px" }}>
              <Input
                value={typed}
                onChange={setTyped}
                placeholder={t("pointsShop.scanPage.placeholder")}
                maxLength={20}
                autoComplete="off"
                aria-label={t("pointsShop.scanPage.typeTitle")}
                style={{
                  "--font-size": "26px",
                  flex: 1,
                  border: "1px solid #d9d9d9",
                  borderRadius: 8,
                  padding: "10px 12px",
                  letterSpacing: 2,
                }}
                onEnterPress={() => check(typed)}
              />
              <Button color="primary" size="large" loading={lookup.isPending} onClick={() => check(typed)}>
                {t("pointsShop.scanPage.check")}
              </Button>
            </div>
          </Section>
          <Section title={t("pointsShop.scanPage.scanTitle")}>
            <div style={{ padding: "4px 16px 16px" }}>
              <Scanner onCode={check} />
            </div>
          </Section>
        </>
      )}
      <div style={{ padding: 16 }}>
        <Button block size="large" fill="outline" onClick={() => navigate("/points/shop-records")}>
          {t("pointsShop.shopRecords")}
        </Button>
      </div>
    </>
  );
}
