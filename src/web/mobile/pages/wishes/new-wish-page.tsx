import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Form, type ImageUploadItem, Input, Selector, TextArea, Toast } from "antd-mobile";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router-dom";
import { api } from "../../../common/api.ts";
import { FieldLabel, PhotoForm } from "../../form-parts.tsx";
import { PageBar } from "../../page-bar.tsx";
import { TEXT_BOX } from "../cases/note-sheet.tsx";
import { PhotoUploader, photoIds } from "../cases/photos.tsx";
import { CATEGORIES, type NewWish, WISHES_KEY, type WishCategory } from "./wish-data.ts";

interface Values {
  title?: string;
  category?: WishCategory[];
  wisherKind?: NonNullable<NewWish["wisherKind"]>[];
  description?: string;
  photos?: ImageUploadItem[];
}

const MAX_PHOTOS = 3;
const SELECTOR_STYLE = { "--padding": "12px 10px", "--border-radius": "10px", "--checked-color": "#fdf2f2" };

/** 许个心愿: what, which kind, who I am (resident or new-economy worker), why, photos. */
export function NewWishPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [uploading, setUploading] = useState(false);
  const submit = useMutation({
    mutationFn: (v: Values) =>
      api.post("/api/v1/wishes", {
        title: (v.title ?? "").trim(),
        category: v.category?.[0] ?? "other",
        wisherKind: v.wisherKind?.[0] ?? "resident",
        description: v.description?.trim() || undefined,
        photos: photoIds(v.photos),
      }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: WISHES_KEY });
      Toast.show({ icon: "success", content: t("wishes.form.submitted"), duration: 3000 });
      navigate("/wishes/mine", { replace: true });
    },
  });
  const label = (text: string) => <FieldLabel>{text}</FieldLabel>;
  return (
    <>
      <PageBar title={t("wishes.form.title")} back="/wishes" />
      <p
        style={{ margin: 0, padding: "12px 16px 0", fontSize: 16, color: "var(--adm-color-text-secondary)" }}
      >
        {t("wishes.form.hint")}
      </p>
      <PhotoForm<Values>
        submission={submit}
        initialValues={{ wisherKind: ["resident"] }}
        uploading={uploading}
        waitText={t("wishes.form.waitPhotos")}
        submitText={t("wishes.form.submit")}
      >
        <Form.Item
          name="title"
          label={label(t("wishes.form.titleLabel"))}
          rules={[{ required: true, whitespace: true, message: t("wishes.form.titleRequired") }]}
        >
          <Input
            placeholder={t("wishes.form.titlePlaceholder")}
            maxLength={60}
            clearable
            style={{ "--font-size": "18px" }}
          />
        </Form.Item>
        <Form.Item
          name="category"
          label={label(t("wishes.form.category"))}
          rules={[{ required: true, type: "array", min: 1, message: t("wishes.form.categoryRequired") }]}
        >
          <Selector
            columns={3}
            options={CATEGORIES.map((c) => ({
              value: c,
              label: <span style={{ fontSize: 17 }}>{t(`wishes.category.${c}`)}</span>,
            }))}
            style={SELECTOR_STYLE}
          />
        </Form.Item>
        <Form.Item name="wisherKind" label={label(t("wishes.form.kind"))}>
          <Selector
            columns={2}
            options={(["resident", "newEconomyWorker"] as const).map((k) => ({
              value: k,
              label: <span style={{ fontSize: 17 }}>{t(`wishes.wisherKind.${k}`)}</span>,
            }))}
            style={SELECTOR_STYLE}
          />
        </Form.Item>
        <Form.Item name="description" label={label(t("wishes.form.description"))}>
          <TextArea
            placeholder={t("wishes.form.descriptionPlaceholder")}
            rows={3}
            maxLength={1000}
            showCount
            style={TEXT_BOX}
          />
        </Form.Item>
        <Form.Item name="photos" label={label(t("wishes.form.photos"))}>
          <PhotoUploader max={MAX_PHOTOS} onBusyChange={setUploading} />
        </Form.Item>
      </PhotoForm>
    </>
  );
}
