import { Tag } from "antd";
import type { TFunction } from "i18next";
import { ApiError, type ResponseOf } from "../../../common/api.ts";
import { currentLanguage, i18n } from "../../../common/i18n.ts";

export type ImportJob = ResponseOf<"/api/v1/imports/{id}", "get">;
export type ImportKind = ResponseOf<"/api/v1/imports/kinds", "get">[number];
export type ImportStatus = ImportJob["status"];

/** Still moving: the page polls the job every second while it is. */
export const RUNNING: readonly ImportStatus[] = ["checking", "writing"];

const COLOURS: Record<ImportStatus, string> = {
  checking: "processing",
  checked: "gold",
  rejected: "error",
  writing: "processing",
  done: "success",
  failed: "error",
  expired: "default",
};

export function StatusTag({ status }: { status: ImportStatus }) {
  return <Tag color={COLOURS[status]}>{i18n.t(`imports.status.${status}`)}</Tag>;
}

/** A kind's name in the reader's language (the server names its importers in both). */
export const kindLabel = (kinds: ImportKind[] | undefined, kind: string) =>
  kinds?.find((k) => k.kind === kind)?.label[currentLanguage()] ?? kind;

export const templateUrl = (kind: string) => `/api/v1/imports/templates/${encodeURIComponent(kind)}.xlsx`;
export const reportUrl = (id: string) => `/api/v1/imports/${encodeURIComponent(id)}/report.xlsx`;

/**
 * Uploads a file for a kind (multipart: the kind first, then the file). The typed client sends
 * JSON only, so this is a plain fetch with the same error handling: CONTRACT.md's body as ApiError.
 */
export async function uploadImport(kind: string, file: File): Promise<ImportJob> {
  const form = new FormData();
  form.append("kind", kind);
  form.append("file", file, file.name);
  let res: Response;
  try {
    res = await fetch("/api/v1/imports", {
      method: "POST",
      body: form,
      credentials: "same-origin",
      headers: { Accept: "application/json", "Accept-Language": i18n.language },
    });
  } catch {
    throw new ApiError(0, "NETWORK", i18n.t("errors.network"));
  }
  const body = (await res.json().catch(() => null)) as
    | (ImportJob & { error?: undefined })
    | { error?: { code: string; message: string; details?: unknown } }
    | null;
  if (res.ok && body && !body.error) return body as ImportJob;
  const e = body?.error;
  throw new ApiError(
    res.status,
    e?.code ?? `HTTP_${res.status}`,
    e?.message ?? i18n.t("errors.unexpected", { status: res.status }),
    e?.details,
  );
}

/** "新增 12 · 更新 3 · 未变 40" */
export function summaryText(t: TFunction, summary: Record<string, number>): string {
  const keys = ["created", "updated", "unchanged", "residentsCreated"] as const;
  return keys
    .filter((k) => summary[k] !== undefined && (k !== "residentsCreated" || (summary[k] ?? 0) > 0))
    .map((k) => `${t(`imports.job.summary.${k}`)} ${summary[k]}`)
    .join(" · ");
}
