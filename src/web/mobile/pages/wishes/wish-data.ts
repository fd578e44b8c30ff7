import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api, type BodyOf, type ResponseOf } from "../../../common/api.ts";

// The wish API as the mobile pages use it: types, the query key, the steps.

export type WallWish = ResponseOf<"/api/v1/public/wishes", "get">["items"][number];
export type MyWish = ResponseOf<"/api/v1/wishes/mine", "get">["items"][number];
export type WishStatus = WallWish["status"];
export type WishCategory = WallWish["category"];
export type WishAction = MyWish["allowedActions"][number];
export type NewWish = BodyOf<"/api/v1/wishes", "post">;

/** Every wish query starts with this key, so one invalidation refreshes the wall and my lists. */
export const WISHES_KEY = ["wishes"] as const;

export const CATEGORIES: readonly WishCategory[] = [
  "study",
  "daily",
  "health",
  "elderly",
  "children",
  "work",
  "other",
];

/** The wall's tabs and the statuses each shows. */
export const WALL_TABS = {
  open: ["published"],
  claimed: ["claimed"],
  done: ["fulfilled", "confirmed"],
} as const satisfies Record<string, readonly WishStatus[]>;
export type WallTab = keyof typeof WALL_TABS;

/** Tag colours that stay the same wherever a status is shown. */
export const STATUS_COLOURS: Record<WishStatus, string> = {
  pending: "warning",
  published: "danger",
  claimed: "primary",
  fulfilled: "success",
  confirmed: "success",
  rejected: "default",
  withdrawn: "default",
};

type Step =
  | { action: "claim"; unitId?: string }
  | { action: "confirm"; thanks?: string }
  | { action: "fulfil"; note: string; photos?: string[] }
  | { action: "release" | "withdraw"; note?: string };

/** One step on one wish; the wall and the lists are fetched again afterwards. */
export function useWishStep() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, step }: { id: string; step: Step }) => {
      const path = { path: { id } };
      switch (step.action) {
        case "claim":
          return api.post("/api/v1/wishes/{id}/claim", { unitId: step.unitId }, path);
        case "confirm":
          return api.post("/api/v1/wishes/{id}/confirm", { thanks: step.thanks }, path);
        case "fulfil":
          return api.post("/api/v1/wishes/{id}/fulfil", { note: step.note, photos: step.photos }, path);
        case "release":
          return api.post("/api/v1/wishes/{id}/release", { note: step.note }, path);
        case "withdraw":
          return api.post("/api/v1/wishes/{id}/withdraw", { note: step.note }, path);
      }
    },
    onSettled: () => client.invalidateQueries({ queryKey: WISHES_KEY }),
  });
}
