import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  Button,
  Checkbox,
  Dialog,
  ErrorBlock,
  type ImageUploadItem,
  List,
  Result,
  SearchBar,
  Stepper,
  Tag,
  TextArea,
} from "antd-mobile";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router-dom";
import { api, type ResponseOf } from "../../../common/api.ts";
import { PageBar, Section } from "../../page-bar.tsx";
import { PhotoUploader, photoIds } from "../cases/photos.tsx";
import { Loading } from "../status.tsx";

type Indicators = ResponseOf<"/api/v1/points/merchants/{id}/indicators", "get">;
type Rule = Indicators["rules"][number];
type Inspected = ResponseOf<"/api/v1/points/inspections", "post">;
const E = "pointsEvaluation.inspect";
const BIG = { fontSize: 17 };

/** 商铺检查: find a shop by its name or the initials of its pinyin, then score it. */
export function InspectSearchPage() {
  const { t } = useTranslation();
  const [q, setQ] = useState("");
  const shops = useQuery({
    queryKey: ["points", "merchants", "search", q],
    queryFn: ({ signal }) =>
      api.get("/api/v1/points/merchants", { query: { q: q || undefined, pageSize: 30 }, signal }),
  });
  return (
    <>
      <PageBar title={t(`${E}.title`)} back="/" />
      <div style={{ padding: 12, background: "#fff" }}>
        <SearchBar
          placeholder={t(`${E}.search`)}
          onSearch={setQ}
          onClear={() => setQ("")}
          onChange={(v) => setQ(v.trim())}
          style={{ "--height": "44px" }}
        />
        <div style={{ color: "var(--adm-color-text-secondary)", marginTop: 8, fontSize: 14 }}>
          {t(`${E}.scanHint`)}
        </div>
      </div>
      {!shops.data ? (
        <Loading />
      ) : shops.data.items.length === 0 ? (
        <ErrorBlock status="empty" title={t(`${E}.noShops`)} description="" />
      ) : (
        <List>
          {shops.data.items.map((s) => (
            <List.Item
              key={s.id}
              arrowIcon
              description={`${s.category} · ${s.address}`}
              extra={<span style={{ fontSize: 20, fontWeight: 600 }}>{s.score}</span>}
            >
              <Link to={`/points/inspect/${s.id}`} style={{ ...BIG, color: "inherit" }}>
                {s.name}
              </Link>
            </List.Item>
          ))}
        </List>
      )}
    </>
  );
}

/** Quantities chosen per rule id (0 = not chosen). */
type Chosen = Record<string, number>;

/**
 * Scoring one shop: the indicators under their first-level headings, each a row with a tick and,
 * once ticked, how many times; photos (a deduction needs one) and a note; then the result.
 */
export function InspectShopPage() {
  const { t } = useTranslation();
  const { merchantId = "" } = useParams();
  const client = useQueryClient();
  const navigate = useNavigate();
  const [chosen, setChosen] = useState<Chosen>({});
  const [photos, setPhotos] = useState<ImageUploadItem[]>([]);
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState("");
  const [error, setError] = useState<string | null>(null);
  // One key per filled-in form: a retry after a lost answer is kept once by the server.
  const [clientKey] = useState(() => crypto.randomUUID());
  const shop = useQuery({
    queryKey: ["points", "merchants", merchantId, "indicators"],
    queryFn: ({ signal }) =>
      api.get("/api/v1/points/merchants/{id}/indicators", { path: { id: merchantId }, signal }),
  });
  const groups = useMemo(() => groupByIndicator(shop.data?.rules ?? []), [shop.data]);
  const submit = useMutation({
    mutationFn: () =>
      api.post("/api/v1/points/inspections", {
        merchantId,
        items: Object.entries(chosen)
          .filter(([, n]) => n > 0)
          .map(([ruleId, quantity]) => ({ ruleId, quantity })),
        photos: photoIds(photos),
        note: note.trim() || undefined,
        clientKey,
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: ["points", "merchants"] }),
    onError: (e) => setError(e instanceof Error ? e.message : String(e)),
  });
  if (shop.error)
    return (
      <>
        <PageBar title={t(`${E}.title`)} back="/points/inspect" />
        <ErrorBlock status="empty" title={shop.error.message} description="" />
      </>
    );
  if (!shop.data) return <Loading />;
  const d = shop.data;
  if (submit.data) return <Done result={submit.data} onAgain={() => navigate("/points/inspect")} />;
  const rules = new Map(d.rules.map((r) => [r.id, r]));
  const picked = Object.entries(chosen).filter(([, n]) => n > 0);
  const total = (kind: "add" | "deduct") =>
    picked.reduce(
      (n, [id, q]) => (rules.get(id)?.kind === kind ? n + (rules.get(id)?.points ?? 0) * q : n),
      0,
    );
  const send = async () => {
    setError(null);
    if (picked.length === 0) return setError(t(`${E}.nothing`));
    const ok = await Dialog.confirm({
      content: t(`${E}.confirm`, { added: String(total("add")), deducted: String(total("deduct")) }),
    });
    if (ok) submit.mutate();
  };
  return (
    <>
      <PageBar title={t(`${E}.title`)} back="/points/inspect" />
      <div style={{ background: "#fff", padding: "14px 16px" }}>
        <div style={{ fontSize: 20, fontWeight: 600 }}>{d.merchant.name}</div>
        <div style={{ color: "var(--adm-color-text-secondary)", marginTop: 4 }}>{d.merchant.address}</div>
        <div style={{ marginTop: 8, ...BIG }}>
          {t(`${E}.score`)}：<strong style={{ fontSize: 22 }}>{d.score}</strong>
        </div>
      </div>
      {d.rules.length === 0 ? (
        <ErrorBlock status="empty" title={t(`${E}.noRules`)} description="" />
      ) : (
        <>
          {groups.map(([indicator, items]) => (
            <Section key={indicator} title={indicator}>
              <List>
                {items.map((r) => (
                  <RuleRow
                    key={r.id}
                    rule={r}
                    quantity={chosen[r.id] ?? 0}
                    onChange={(n) => setChosen((c) => ({ ...c, [r.id]: n }))}
                  />
                ))}
              </List>
            </Section>
          ))}
          <Section title={t(`${E}.photos`)}>
            <div style={{ padding: "8px 16px 12px" }}>
              <PhotoUploader value={photos} onChange={setPhotos} onBusyChange={setBusy} />
              <div style={{ color: "var(--adm-color-text-secondary)", fontSize: 14 }}>
                {t(`${E}.photosHint`)}
              </div>
            </div>
          </Section>
          <Section title={t(`${E}.note`)}>
            <div style={{ padding: "8px 16px" }}>
              <TextArea
                value={note}
                onChange={setNote}
                maxLength={500}
                rows={3}
                placeholder={t(`${E}.notePlaceholder`)}
                style={{ "--font-size": "17px" }}
              />
            </div>
          </Section>
          <div style={{ padding: 16 }}>
            {error && (
              <div role="alert" style={{ color: "var(--adm-color-danger)", marginBottom: 10, ...BIG }}>
                {error}
              </div>
            )}
            <Button
              block
              color="primary"
              size="large"
              loading={submit.isPending}
              disabled={busy}
              onClick={send}
            >
              {t(`${E}.submit`)}
            </Button>
          </div>
        </>
      )}
    </>
  );
}

function RuleRow({
  rule,
  quantity,
  onChange,
}: {
  rule: Rule;
  quantity: number;
  onChange: (n: number) => void;
}) {
  const { t } = useTranslation();
  const add = rule.kind === "add";
  return (
    <List.Item
      prefix={
        <Checkbox
          checked={quantity > 0}
          onChange={(on) => onChange(on ? 1 : 0)}
          aria-label={rule.name}
          style={{ "--icon-size": "24px" }}
        />
      }
      extra={
        quantity > 0 ? (
          <Stepper min={1} max={99} value={quantity} onChange={(n) => onChange(n ?? 1)} />
        ) : (
          <Tag color={add ? "success" : "danger"} style={{ fontSize: 15 }}>
            {add ? "+" : "−"}
            {t(`${E}.points`, { n: String(rule.points) })}
          </Tag>
        )
      }
      onClick={() => quantity === 0 && onChange(1)}
      arrowIcon={false}
    >
      <span style={BIG}>{rule.name}</span>
    </List.Item>
  );
}

/** The rules under their first-level indicators, in the rules' order. */
function groupByIndicator(rules: readonly Rule[]): Array<[string, Rule[]]> {
  const groups = new Map<string, Rule[]>();
  for (const r of rules) {
    const key = r.indicator ?? "";
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  return [...groups];
}

function Done({ result, onAgain }: { result: Inspected; onAgain: () => void }) {
  const { t } = useTranslation();
  const clamped = result.items.filter((i) => i.kind === "deduct" && i.applied < i.points);
  return (
    <>
      <PageBar title={t(`${E}.title`)} back="/points/inspect" />
      <Result
        status="success"
        title={t(`${E}.done`)}
        description={
          <span data-testid="inspection-result" style={BIG}>
            {t(`${E}.result`, { added: String(result.added), deducted: String(result.deducted) })}
          </span>
        }
      />
      <List>
        {result.items.map((i) => (
          <List.Item
            key={i.ruleId}
            description={i.indicator ?? undefined}
            extra={
              <span
                style={{
                  color: i.kind === "add" ? "var(--adm-color-success)" : "var(--adm-color-danger)",
                  ...BIG,
                }}
              >
                {i.kind === "add" ? "+" : "−"}
                {i.applied}
              </span>
            }
          >
            {i.name}
          </List.Item>
        ))}
      </List>
      {clamped.map((i) => (
        <div key={i.ruleId} style={{ padding: "8px 16px", color: "var(--adm-color-warning)" }}>
          {i.name}：{t(`${E}.clamped`, { applied: String(i.applied) })}
        </div>
      ))}
      <div style={{ padding: 16 }}>
        <Button block size="large" onClick={onAgain}>
          {t(`${E}.again`)}
        </Button>
      </div>
    </>
  );
}
