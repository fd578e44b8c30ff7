import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Button, ErrorBlock, Input, Result, TextArea } from "antd-mobile";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router-dom";
import { api } from "../../../common/api.ts";
import { useAuth } from "../../../common/auth.tsx";
import { isValidMobile } from "../../../common/identifiers.ts";
import { canSee } from "../../../common/roles.ts";
import { LanguageSwitch } from "../../language-switch.tsx";
import { Loading } from "../status.tsx";
import { TitleTags } from "./shop-titles.tsx";

const E = "pointsEvaluation.shop";
const BIG = { fontSize: 17 };

/**
 * A shop's public page, opened from the QR code at its door, signed in or not: its name, score,
 * titles and stars, and a rating form (five large stars with words, the phone, a comment).
 */
export function ShopPublicPage() {
  const { t } = useTranslation();
  const { user } = useAuth();
  const { merchantId = "" } = useParams();
  const shop = useQuery({
    queryKey: ["points", "public-shop", merchantId],
    queryFn: ({ signal }) =>
      api.get("/api/v1/public/points/shops/{merchantId}", { path: { merchantId }, signal }),
  });
  if (shop.error) return <ErrorBlock status="empty" title={t(`${E}.notFound`)} description="" />;
  if (!shop.data) return <Loading />;
  const d = shop.data;
  return (
    <main style={{ minHeight: "100vh", background: "var(--adm-color-background, #f5f5f5)" }}>
      <header
        style={{
          background: "linear-gradient(160deg, var(--party-red, #c8161d) 0%, #a3121a 100%)",
          color: "#fff",
          padding: "16px 20px 28px",
        }}
      >
        <div style={{ display: "flex", justifyContent: "space-between", alignItems: "center" }}>
          {user ? (
            <Link to="/" style={{ color: "#fff" }}>
              {t("mobile.tabs.home")}
            </Link>
          ) : (
            <span />
          )}
          <LanguageSwitch />
        </div>
        <h1 style={{ margin: "12px 0 4px", fontSize: 24 }} data-testid="shop-name">
          {d.name}
        </h1>
        <div style={{ opacity: 0.9 }}>
          {d.category} · {d.address}
        </div>
        <TitleTags titles={d.titles} />
        <div style={{ display: "flex", gap: 32, marginTop: 16, alignItems: "flex-end" }}>
          <div>
            <div style={{ opacity: 0.9 }}>{t(`${E}.score`)}</div>
            <div style={{ fontSize: 40, fontWeight: 700, lineHeight: 1.1 }} data-testid="shop-score">
              {d.score}
            </div>
          </div>
          <div>
            <div style={{ opacity: 0.9 }}>{t(`${E}.stars`)}</div>
            <div style={{ ...BIG, marginTop: 4 }}>
              {d.stars.count === 0
                ? t(`${E}.noStars`)
                : t(`${E}.starsCount`, { average: String(d.stars.average), count: String(d.stars.count) })}
            </div>
          </div>
        </div>
      </header>
      {user && canSee(user, "shopInspect") && (
        <div style={{ padding: "12px 16px 0" }}>
          <Link to={`/points/inspect/${d.id}`}>
            <Button block color="primary" fill="outline" size="large">
              {t("nav.shopInspect")}
            </Button>
          </Link>
        </div>
      )}
      <RatingForm merchantId={d.id} />
    </main>
  );
}

function RatingForm({ merchantId }: { merchantId: string }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const words = t("pointsEvaluation.starWords", { returnObjects: true }) as string[];
  const [stars, setStars] = useState(0);
  const [phone, setPhone] = useState("");
  const [comment, setComment] = useState("");
  const [error, setError] = useState<string | null>(null);
  const rate = useMutation({
    mutationFn: () =>
      api.post(
        "/api/v1/public/points/shops/{merchantId}/ratings",
        { phone: phone.trim(), stars, comment: comment.trim() || undefined },
        { path: { merchantId } },
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: ["points", "public-shop", merchantId] }),
    onError: (e) => setError(e instanceof Error ? e.message : String(e)),
  });
  if (rate.isSuccess)
    return (
      <Result
        status="success"
        title={<span data-testid="rating-thanks">{t(`${E}.thanks`)}</span>}
        description={t(`${E}.thanksBody`)}
        style={{ marginTop: 12 }}
      />
    );
  const send = () => {
    setError(null);
    if (stars < 1) return setError(t(`${E}.chooseStars`));
    if (!isValidMobile(phone)) return setError(t(`${E}.phoneInvalid`));
    rate.mutate();
  };
  return (
    <section style={{ background: "#fff", margin: "12px 0", padding: 16 }}>
      <h2 style={{ margin: "0 0 12px", fontSize: 19 }}>{t(`${E}.rate`)}</h2>
      <div style={{ textAlign: "center" }}>
        <StarPicker value={stars} onChange={setStars} words={words} />
        <div style={{ ...BIG, minHeight: 26, marginTop: 6, color: "var(--adm-color-warning)" }}>
          {stars > 0 ? words[stars - 1] : t(`${E}.chooseStars`)}
        </div>
      </div>
      <div style={{ marginTop: 12, ...BIG }}>
        <label htmlFor="rating-phone">{t(`${E}.phone`)}</label>
        <Input
          id="rating-phone"
          type="tel"
          inputMode="numeric"
          value={phone}
          onChange={setPhone}
          maxLength={13}
          placeholder={t(`${E}.phonePlaceholder`)}
          style={{ "--font-size": "18px", borderBottom: "1px solid #eee", padding: "8px 0" }}
        />
      </div>
      <div style={{ fontSize: 13, color: "var(--adm-color-text-secondary)", marginTop: 4 }}>
        {t(`${E}.privacy`)}
      </div>
      <div style={{ marginTop: 12, ...BIG }}>
        <label htmlFor="rating-comment">{t(`${E}.comment`)}</label>
        <TextArea
          id="rating-comment"
          value={comment}
          onChange={setComment}
          maxLength={200}
          showCount
          rows={3}
          placeholder={t(`${E}.commentPlaceholder`)}
          style={{ "--font-size": "17px" }}
        />
      </div>
      {error && (
        <div role="alert" style={{ color: "var(--adm-color-danger)", margin: "10px 0", ...BIG }}>
          {error}
        </div>
      )}
      <Button
        block
        color="primary"
        size="large"
        loading={rate.isPending}
        onClick={send}
        style={{ marginTop: 12 }}
      >
        {t(`${E}.submit`)}
      </Button>
    </section>
  );
}

/**
 * Five large stars, each a button named by its word (非常不满意 … 非常满意), so an elderly customer
 * taps what he means and a screen reader says it.
 */
function StarPicker({
  value,
  onChange,
  words,
}: {
  value: number;
  onChange: (stars: number) => void;
  words: string[];
}) {
  return (
    <div style={{ display: "flex", justifyContent: "center", gap: 6 }}>
      {words.map((word, i) => (
        <button
          key={word}
          type="button"
          aria-pressed={value === i + 1}
          aria-label={word}
          onClick={() => onChange(i + 1)}
          style={{
            border: 0,
            background: "none",
            fontSize: 44,
            lineHeight: 1,
            padding: 4,
            color: i < value ? "#ffb400" : "#ddd",
            cursor: "pointer",
          }}
        >
          ★
        </button>
      ))}
    </div>
  );
}
