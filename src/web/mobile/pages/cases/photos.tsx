import { Image, ImageUploader, type ImageUploadItem, ImageViewer } from "antd-mobile";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api, type ResponseOf } from "../../../common/api.ts";

type Stored = ResponseOf<"/api/v1/files", "post">;
export const MAX_PHOTOS = 9;

/**
 * POST /api/v1/files with one photo; a refusal (not a photo: 415, over 10 MB: 413) keeps the
 * server's message, in the reader's language.
 */
export const uploadPhoto = (file: File): Promise<Stored> => api.upload("post", "/api/v1/files", file);

/**
 * Photos picked before signing in (the poster's QR code) are kept in the page, not yet stored:
 * this stores them, once signed in, and answers the items with their ids.
 */
export async function storeKept(items: ImageUploadItem[] | undefined): Promise<ImageUploadItem[]> {
  return Promise.all(
    (items ?? []).map(async (item) => {
      const kept = (item.extra as { file?: File } | undefined)?.file;
      if (!kept) return item;
      const stored = await uploadPhoto(kept);
      return { url: stored.url, extra: { id: stored.id } };
    }),
  );
}

/** The ids of the uploaded photos, in order. */
export const photoIds = (items: ImageUploadItem[] | undefined): string[] =>
  (items ?? []).map((item) => (item.extra as { id: string }).id);

/**
 * Up to nine photos, each stored as soon as it is picked. A photo the server refuses stays marked
 * as failed, and its reason is written under the photos (not only in a toast that goes away).
 */
export function PhotoUploader({
  value,
  onChange,
  onBusyChange,
  max = MAX_PHOTOS,
  keep = false,
}: {
  value?: ImageUploadItem[];
  onChange?: (items: ImageUploadItem[]) => void;
  /** Whether a photo is still on its way (the form waits for it). */
  onBusyChange?: (busy: boolean) => void;
  /** At most this many (a wish takes three). */
  max?: number;
  /** Keep the photos in the page instead of storing them (not signed in yet): see storeKept. */
  keep?: boolean;
}) {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const upload = async (file: File): Promise<ImageUploadItem> => {
    if (keep) return { url: URL.createObjectURL(file), extra: { file } };
    try {
      const stored = await uploadPhoto(file);
      setError(null);
      return { url: stored.url, extra: { id: stored.id } };
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
      throw err;
    }
  };
  return (
    <div>
      <ImageUploader
        value={value ?? []}
        onChange={onChange}
        upload={upload}
        maxCount={max}
        multiple
        columns={3}
        onUploadQueueChange={(tasks) => onBusyChange?.(tasks.some((task) => task.status === "pending"))}
        onCountExceed={(n) => setError(t("casesMobile.photos.tooMany", { max, count: n }))}
        style={{ "--cell-size": "96px" }}
      />
      <div style={{ fontSize: 15, color: "var(--adm-color-text-secondary)", marginTop: 6 }}>
        {t("casesMobile.photos.hint", { max })}
      </div>
      {error && (
        <div role="alert" style={{ color: "var(--adm-color-danger)", fontSize: 16, marginTop: 6 }}>
          {t("casesMobile.photos.failed", { message: error })}
        </div>
      )}
    </div>
  );
}

/** Photos of a case or a step: thumbnails, tap one to see them all full-screen. */
export function PhotoStrip({ photos, size = 80 }: { photos: { id: string; url: string }[]; size?: number }) {
  const { t } = useTranslation();
  // The same photo attached twice is one photo.
  const unique = photos.filter((p, i) => photos.findIndex((q) => q.id === p.id) === i);
  if (unique.length === 0) return null;
  const urls = unique.map((p) => p.url);
  return (
    <div style={{ display: "flex", flexWrap: "wrap", gap: 8, marginTop: 8 }}>
      {unique.map((p, i) => (
        <button
          key={p.id}
          type="button"
          aria-label={t("casesMobile.photos.open", { n: i + 1 })}
          onClick={() => ImageViewer.Multi.show({ images: urls, defaultIndex: i })}
          style={{ padding: 0, border: 0, background: "none", borderRadius: 6, overflow: "hidden" }}
        >
          <Image src={p.url} width={size} height={size} fit="cover" lazy />
        </button>
      ))}
    </div>
  );
}
