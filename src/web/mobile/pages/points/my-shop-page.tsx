import { useQuery } from "@tanstack/react-query";
import { Button, ErrorBlock, Image, List, Rate } from "antd-mobile";
import { useTranslation } from "react-i18next";
import { api } from "../../../common/api.ts";
import { PageBar, Section } from "../../page-bar.tsx";
import { Loading } from "../status.tsx";
import { TitleTags } from "./shop-titles.tsx";

const E = "pointsEvaluation.mine";
const BIG = { fontSize: 17 };
const when = (iso: string) =>
  new Date(iso).toLocaleString("zh-CN", { timeZone: "Asia/Shanghai", hour12: false });

/**
 * 我的店铺: the merchant's score this year (big), by indicator, every deduction with the inspector's
 * note and photos, what customers said, and the QR code to print for his door.
 */
export function MyShopPage() {
  const { t } = useTranslation();
  const me = useQuery({
    queryKey: ["points", "merchant", "me"],
    queryFn: ({ signal }) => api.get("/api/v1/points/merchant/me", { signal }),
    retry: false,
  });
  if (me.error)
    return (
      <>
        <PageBar title={t(`${E}.title`)} back="/" />
        <ErrorBlock status="empty" title={t(`${E}.notMerchant`)} description="" />
      </>
    );
  if (!me.data) return <Loading />;
  const d = me.data;
  return (
    <>
      <PageBar title={t(`${E}.title`)} back="/" />
      <div style={{ background: "#fff", padding: "16px 20px", textAlign: "center" }}>
        <div style={{ fontSize: 19, fontWeight: 600 }}>{d.name}</div>
        <div style={{ color: "var(--adm-color-text-secondary)", marginTop: 8 }}>{t(`${E}.score`)}</div>
        <div
          style={{ fontSize: 56, fontWeight: 700, color: "var(--party-red, #c8161d)" }}
          data-testid="my-shop-score"
        >
          {d.score}
        </div>
        <div style={{ color: "var(--adm-color-text-secondary)" }}>
          {d.vetoed
            ? t(`${E}.vetoed`)
            : t(`${E}.base`, { base: String(d.base), added: String(d.added), deducted: String(d.deducted) })}
        </div>
        <div style={{ display: "flex", justifyContent: "center" }}>
          <TitleTags titles={d.titles} />
        </div>
      </div>
      <Section title={t(`${E}.byIndicator`)}>
        <List>
          {d.indicators.map((i) => (
            <List.Item
              key={i.indicator ?? ""}
              extra={
                <span style={BIG}>
                  <span style={{ color: "var(--adm-color-success)" }}>+{i.added}</span>{" "}
                  <span style={{ color: "var(--adm-color-danger)" }}>−{i.deducted}</span>
                </span>
              }
            >
              <span style={BIG}>{i.indicator ?? "—"}</span>
            </List.Item>
          ))}
        </List>
      </Section>
      <Section title={t(`${E}.losses`)}>
        {d.losses.length === 0 ? (
          <div style={{ padding: "12px 16px", ...BIG }}>{t(`${E}.noLosses`)}</div>
        ) : (
          <List>
            {d.losses.map((l) => (
              <List.Item
                key={l.id}
                description={
                  <>
                    <div>
                      {when(l.at)}
                      {l.inspector ? ` · ${t(`${E}.by`, { name: l.inspector })}` : ""}
                    </div>
                    {l.note && <div>{l.note}</div>}
                    {l.photos.length > 0 && (
                      <div style={{ display: "flex", gap: 6, marginTop: 6 }}>
                        {l.photos.map((p) => (
                          <Image
                            key={p.id}
                            src={p.url}
                            width={72}
                            height={72}
                            fit="cover"
                            style={{ borderRadius: 6 }}
                          />
                        ))}
                      </div>
                    )}
                  </>
                }
                extra={<span style={{ color: "var(--adm-color-danger)", fontSize: 20 }}>−{l.points}</span>}
              >
                <span style={BIG}>{l.what}</span>
              </List.Item>
            ))}
          </List>
        )}
      </Section>
      <Section title={t(`${E}.ratings`)}>
        {d.ratings.length === 0 ? (
          <div style={{ padding: "12px 16px", ...BIG }}>{t(`${E}.noRatings`)}</div>
        ) : (
          <List>
            {d.ratings.map((r) => (
              <List.Item key={r.id} description={r.day}>
                <Rate readOnly value={r.stars} style={{ "--star-size": "18px" }} />
                {r.comment && <div style={BIG}>{r.comment}</div>}
              </List.Item>
            ))}
          </List>
        )}
      </Section>
      <Section title={t(`${E}.qr`)}>
        <div style={{ padding: 16, textAlign: "center" }}>
          <img src={d.qrUrl} alt={t(`${E}.qr`)} width={220} height={220} />
          <div style={{ color: "var(--adm-color-text-secondary)", margin: "8px 0 12px" }}>
            {t(`${E}.qrHint`)}
          </div>
          <a href={d.qrUrl} download={`${d.name}.png`}>
            <Button block size="large">
              {t(`${E}.download`)}
            </Button>
          </a>
        </div>
      </Section>
    </>
  );
}
