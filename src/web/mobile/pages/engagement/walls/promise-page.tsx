import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ErrorBlock, Form, Image, type ImageUploadItem, Tag, TextArea, Toast } from "antd-mobile";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { api, type ResponseOf } from "../../../../common/api.ts";
import { FieldLabel, PhotoForm } from "../../../form-parts.tsx";
import { PageBar, Section } from "../../../page-bar.tsx";
import { TEXT_BOX } from "../../cases/note-sheet.tsx";
import { PhotoUploader, photoIds } from "../../cases/photos.tsx";
import { Loading } from "../../status.tsx";

type Promise_ = ResponseOf<"/api/v1/engagement/promises/mine", "get">["items"][number];
const MINE_KEY = ["engagement", "promises", "mine"] as const;
const STATUS_COLOR = { pending: "warning", published: "success", returned: "default" } as const;

/** 我的承诺: write this year's promise with one's photo, see what the community made of it, record it kept. */
export function PromisePage() {
  const { t } = useTranslation();
  const mine = useQuery({
    queryKey: MINE_KEY,
    queryFn: ({ signal }) => api.get("/api/v1/engagement/promises/mine", { signal }),
  });
  const w = "engagementWalls.mine";
  if (mine.error)
    return (
      <>
        <PageBar title={t(`${w}.title`)} back="/" />
        <ErrorBlock status="disconnected" title={mine.error.message} description="" />
      </>
    );
  if (!mine.data) return <Loading />;
  const current = mine.data.items.find((p) => p.year === mine.data.year);
  const earlier = mine.data.items.filter((p) => p.year !== mine.data.year);
  return (
    <>
      <PageBar title={t(`${w}.title`)} back="/" />
      {current && <PromiseCard p={current} />}
      {(!current || current.status === "returned") && <WriteForm year={mine.data.year} again={!!current} />}
      {current?.allowedActions.includes("keep") && <KeepForm id={current.id} />}
      {mine.data.community && (
        <div style={{ padding: "16px", fontSize: 18 }}>
          <Link to={`/engagement/walls/${mine.data.community.id}`}>{t(`${w}.wallLink`)} ›</Link>
        </div>
      )}
      {earlier.length > 0 && (
        <Section title={t(`${w}.history`)}>
          {earlier.map((p) => (
            <PromiseCard key={p.id} p={p} plain />
          ))}
        </Section>
      )}
    </>
  );
}

function PromiseCard({ p, plain = false }: { p: Promise_; plain?: boolean }) {
  const { t } = useTranslation();
  const body = (
    <div style={{ display: "flex", gap: 12, padding: "8px 16px 16px" }}>
      {p.photo && (
        <Image
          src={p.photo.url}
          width={72}
          height={72}
          fit="cover"
          style={{ borderRadius: 8, flex: "none" }}
        />
      )}
      <div style={{ fontSize: 18, lineHeight: 1.6 }}>
        <div style={{ marginBottom: 6 }}>
          <Tag color={STATUS_COLOR[p.status]} style={{ fontSize: 15 }}>
            {t(`engagementWalls.status.${p.status}`)}
          </Tag>{" "}
          {p.keptAt && (
            <Tag color="danger" style={{ fontSize: 15 }}>
              {t("engagementWalls.kept")}
            </Tag>
          )}
        </div>
        <div>{p.text}</div>
        {p.returnReason && p.status === "returned" && (
          <div style={{ color: "var(--adm-color-danger)", fontSize: 16 }}>
            {t("engagementWalls.promises.returnReason", { reason: p.returnReason })}
          </div>
        )}
        {p.keptNote && (
          <div style={{ color: "var(--adm-color-text-secondary)", fontSize: 16 }}>
            {t("engagementWalls.wall.keptNote", { note: p.keptNote })}
          </div>
        )}
      </div>
    </div>
  );
  return plain ? (
    body
  ) : (
    <Section title={t("engagementWalls.mine.yearPromise", { year: String(p.year) })}>{body}</Section>
  );
}

function WriteForm({ year, again }: { year: number; again: boolean }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [uploading, setUploading] = useState(false);
  const w = "engagementWalls.mine";
  const submit = useMutation({
    mutationFn: (v: { text?: string; photo?: ImageUploadItem[] }) =>
      api.post("/api/v1/engagement/promises", {
        text: (v.text ?? "").trim(),
        photoId: photoIds(v.photo)[0] ?? "",
      }),
    onSuccess: async () => {
      Toast.show({ icon: "success", content: t(`${w}.submitted`), duration: 3000 });
      await client.invalidateQueries({ queryKey: MINE_KEY });
    },
  });
  return (
    <Section title={again ? t(`${w}.rewrite`) : t(`${w}.yearPromise`, { year: String(year) })}>
      <PhotoForm
        submission={submit}
        uploading={uploading}
        waitText={t(`${w}.waitPhotos`)}
        submitText={t(`${w}.submit`)}
      >
        <Form.Item
          name="text"
          label={<FieldLabel>{t(`${w}.text`)}</FieldLabel>}
          rules={[{ required: true, whitespace: true, message: t(`${w}.textRequired`) }]}
        >
          <TextArea
            placeholder={t(`${w}.textPlaceholder`)}
            rows={3}
            maxLength={300}
            showCount
            style={TEXT_BOX}
          />
        </Form.Item>
        <Form.Item
          name="photo"
          label={<FieldLabel>{t(`${w}.photo`)}</FieldLabel>}
          description={t(`${w}.photoHint`)}
          rules={[{ required: true, type: "array", min: 1, message: t(`${w}.photoRequired`) }]}
        >
          <PhotoUploader max={1} onBusyChange={setUploading} />
        </Form.Item>
      </PhotoForm>
    </Section>
  );
}

function KeepForm({ id }: { id: string }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [uploading, setUploading] = useState(false);
  const w = "engagementWalls.mine";
  const submit = useMutation({
    mutationFn: (v: { note?: string; photos?: ImageUploadItem[] }) =>
      api.post(
        "/api/v1/engagement/promises/{id}/keep",
        { note: (v.note ?? "").trim(), photos: photoIds(v.photos) },
        { path: { id } },
      ),
    onSuccess: async () => {
      Toast.show({ icon: "success", content: t(`${w}.keptDone`), duration: 3000 });
      await client.invalidateQueries({ queryKey: MINE_KEY });
    },
  });
  return (
    <Section title={t(`${w}.keep`)}>
      <PhotoForm
        submission={submit}
        uploading={uploading}
        waitText={t(`${w}.waitPhotos`)}
        submitText={t(`${w}.keepSubmit`)}
      >
        <Form.Item
          name="note"
          label={<FieldLabel>{t(`${w}.keepNote`)}</FieldLabel>}
          rules={[{ required: true, whitespace: true, message: t(`${w}.noteRequired`) }]}
        >
          <TextArea
            placeholder={t(`${w}.keepPlaceholder`)}
            rows={3}
            maxLength={1000}
            showCount
            style={TEXT_BOX}
          />
        </Form.Item>
        <Form.Item name="photos" label={<FieldLabel>{t(`${w}.keepPhotos`)}</FieldLabel>}>
          <PhotoUploader max={9} onBusyChange={setUploading} />
        </Form.Item>
      </PhotoForm>
    </Section>
  );
}
