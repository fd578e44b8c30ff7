import { useQuery } from "@tanstack/react-query";
import { Radio, Space, Toast } from "antd-mobile";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError, api } from "../../../common/api.ts";
import { useAuth } from "../../../common/auth.tsx";
import { BottomSheet, SheetButtons } from "../cases/note-sheet.tsx";
import { useWishStep, type WallWish, WISHES_KEY } from "./wish-data.ts";

/**
 * 认领: for himself, or for the unit he works for when he has one. Losing the race to someone
 * quicker is said plainly (the server's 该心愿已被认领), and the wall shows the wish taken.
 */
export function ClaimSheet({ wish, onClose }: { wish: WallWish | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { user } = useAuth();
  const step = useWishStep();
  const [as, setAs] = useState<string>("self");
  const units = useQuery({
    queryKey: [...WISHES_KEY, "claim-units"],
    queryFn: ({ signal }) => api.get("/api/v1/wishes/claim-units", { signal }),
    enabled: !!wish,
    staleTime: 10 * 60_000,
  });
  const claim = () => {
    if (!wish) return;
    step.mutate(
      { id: wish.id, step: { action: "claim", unitId: as === "self" ? undefined : as } },
      {
        onSuccess: () => {
          Toast.show({ icon: "success", content: t("wishes.wall.claimed") });
          onClose();
        },
        onError: (err) => {
          Toast.show({ icon: "fail", content: err.message, duration: 4000 });
          if (err instanceof ApiError && err.status === 409) onClose();
        },
      },
    );
  };
  return (
    <BottomSheet open={!!wish} label={t("wishes.wall.claimTitle")} onClose={onClose}>
      <h2 style={{ margin: "0 0 4px", fontSize: 21 }}>{t("wishes.wall.claimTitle")}</h2>
      <p style={{ margin: "0 0 12px", fontSize: 18, fontWeight: 600 }}>{wish?.title}</p>
      <div style={{ fontSize: 17, marginBottom: 8 }}>{t("wishes.wall.claimAs")}</div>
      <Radio.Group value={as} onChange={(v) => setAs(String(v))}>
        <Space direction="vertical" style={{ "--gap": "14px", fontSize: 18 }}>
          <Radio value="self">{t("wishes.wall.asMember", { name: user?.name ?? "" })}</Radio>
          {(units.data?.items ?? []).map((u) => (
            <Radio key={u.id} value={u.id}>
              {t("wishes.wall.asUnit", { name: u.name })}
            </Radio>
          ))}
        </Space>
      </Radio.Group>
      <p style={{ fontSize: 15, color: "var(--adm-color-text-secondary)", margin: "14px 0 0" }}>
        {t("wishes.wall.claimHint")}
      </p>
      <SheetButtons
        cancelText={t("wishes.wall.cancel")}
        confirmText={t("wishes.wall.claimSubmit")}
        pending={step.isPending}
        onCancel={onClose}
        onConfirm={claim}
      />
    </BottomSheet>
  );
}
