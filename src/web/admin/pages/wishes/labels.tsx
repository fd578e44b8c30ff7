import { useMutation, useQueryClient } from "@tanstack/react-query";
import { App, Tag } from "antd";
import { useTranslation } from "react-i18next";
import { wishesZhCN } from "../../../../shared/locales/wishes.zh-CN.ts";
import { api, type QueryOf, type ResponseOf } from "../../../common/api.ts";

export type WishItem = ResponseOf<"/api/v1/wishes", "get">["items"][number];
export type WishDetail = ResponseOf<"/api/v1/wishes/{idOrCode}", "get">;
export type WishStatus = WishItem["status"];
export type WishCategory = WishItem["category"];
export type WishQuery = NonNullable<QueryOf<"/api/v1/wishes", "get">>;

export const WISH_STATUSES = Object.keys(wishesZhCN.status) as WishStatus[];
export const WISH_CATEGORIES = Object.keys(wishesZhCN.category) as WishCategory[];

/** Every wish query starts with this key, so one invalidation refreshes lists, figures and details. */
export const WISHES_KEY = ["wishes"] as const;

const COLOURS: Record<WishStatus, string> = {
  pending: "orange",
  published: "red",
  claimed: "blue",
  fulfilled: "cyan",
  confirmed: "green",
  rejected: "default",
  withdrawn: "default",
};

export function StatusTag({ status }: { status: WishStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLOURS[status]} data-testid="wish-status">
      {t(`wishes.status.${status}`)}
    </Tag>
  );
}

/** "认领：某单位（张三）" or the member alone; nothing before a claim. */
export const claimerText = (w: Pick<WishItem, "claimerName" | "claimerUnitName">) =>
  w.claimerUnitName ? `${w.claimerUnitName}（${w.claimerName ?? ""}）` : (w.claimerName ?? null);

type Step = { action: "review"; approve: boolean; note?: string } | { action: "release" | "confirm" };

/** A staff step on one wish (review, release, confirm on the wisher's behalf); lists refresh after. */
export function useStaffStep() {
  const client = useQueryClient();
  const { message } = App.useApp();
  return useMutation({
    mutationFn: ({ id, step }: { id: string; step: Step }) => {
      const path = { path: { id } };
      if (step.action === "review")
        return api.post("/api/v1/wishes/{id}/review", { approve: step.approve, note: step.note }, path);
      if (step.action === "release") return api.post("/api/v1/wishes/{id}/release", {}, path);
      return api.post("/api/v1/wishes/{id}/confirm", {}, path);
    },
    onError: (err) => void message.error(err.message),
    onSettled: () => client.invalidateQueries({ queryKey: WISHES_KEY }),
  });
}
