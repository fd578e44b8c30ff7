import { useMutation, useQueryClient } from "@tanstack/react-query";
import { ErrorBlock, Form, type ImageUploadItem, Popup, Selector, SpinLoading, TextArea } from "antd-mobile";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router-dom";
import { api } from "../../../common/api.ts";
import { useAuth } from "../../../common/auth.tsx";
import { FieldLabel, PhotoForm } from "../../form-parts.tsx";
import { SmsSignInForm } from "../sms-sign-in.tsx";
import { CASES_KEY, type NewCase, useCategories } from "./case-data.ts";
import { TEXT_BOX } from "./note-sheet.tsx";
import { PhotoUploader, photoIds, storeKept } from "./photos.tsx";
import { type CasePlace, PlacePicker, type PlaceWay } from "./place-picker.tsx";

interface Values {
  category?: string[];
  description?: string;
  photos?: ImageUploadItem[];
  place?: CasePlace;
}

const MIN_TEXT = 2;
const MAX_TEXT = 2000;

/** The body of POST /cases from the form's values (all present: the form has checked them). */
function bodyOf(channel: NonNullable<NewCase["channel"]>, v: Values): NewCase {
  const place = v.place as CasePlace;
  return {
    channel,
    categoryCode: v.category?.[0] ?? "",
    description: (v.description ?? "").trim(),
    photos: photoIds(v.photos),
    ...(place.kind === "household"
      ? { householdId: place.householdId }
      : { location: { lat: place.lat, lng: place.lng } }),
  };
}

/**
 * 我要反映 and 巡查上报: what kind of problem, what happened, photos, where. On success the
 * reporter sees the case's code.
 */
export function CaseForm({
  channel,
  ways,
  initialPlace,
}: {
  channel: NonNullable<NewCase["channel"]>;
  ways: readonly PlaceWay[];
  /** A place chosen before the form opened (the grid of a contact card's QR code). */
  initialPlace?: CasePlace;
}) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const client = useQueryClient();
  const categories = useCategories();
  const { user } = useAuth();
  const [uploading, setUploading] = useState(false);
  // What he filled in, kept while he signs in inline (the form is drawn again once signed in).
  const draft = useRef<Values | null>(null);
  const [askingCode, setAskingCode] = useState(false);
  const submit = useMutation({
    mutationFn: async (v: Values) =>
      api.post("/api/v1/cases", bodyOf(channel, { ...v, photos: await storeKept(v.photos) })),
    onSuccess: async (done) => {
      await client.invalidateQueries({ queryKey: CASES_KEY });
      navigate(`/cases/${done.code}/submitted`, { replace: true });
    },
  });

  if (categories.error)
    return <ErrorBlock status="disconnected" title={categories.error.message} description="" />;
  if (!categories.data)
    return (
      <div style={{ padding: 48, textAlign: "center" }}>
        <SpinLoading color="primary" style={{ "--size": "40px", margin: "0 auto" }} />
      </div>
    );
  const english = i18n.language === "en";
  const options = categories.data.map((c) => ({
    value: c.code,
    label: <span style={{ fontSize: 18, fontWeight: 600 }}>{english && c.nameEn ? c.nameEn : c.name}</span>,
    description: c.description ? <span style={{ fontSize: 15 }}>{c.description}</span> : undefined,
  }));

  return (
    <>
      <PhotoForm<Values>
        submission={{
          mutate: (v: Values) => {
            draft.current = v;
            // Not signed in (the poster's QR code): the SMS code is asked for here, then it is sent.
            if (user) submit.mutate(v);
            else setAskingCode(true);
          },
          isPending: submit.isPending,
          error: submit.error,
          reset: submit.reset,
        }}
        initialValues={draft.current ?? (initialPlace ? { place: initialPlace } : undefined)}
        uploading={uploading}
        waitText={t("casesMobile.form.waitPhotos")}
        submitText={t("casesMobile.form.submit")}
      >
        <Form.Item
          name="category"
          label={<FieldLabel>{t("casesMobile.form.category")}</FieldLabel>}
          rules={[{ required: true, type: "array", min: 1, message: t("casesMobile.form.categoryRequired") }]}
        >
          <Selector
            columns={2}
            options={options}
            showCheckMark
            style={{ "--padding": "12px 10px", "--border-radius": "10px", "--checked-color": "#fdf2f2" }}
          />
        </Form.Item>
        <Form.Item
          name="description"
          label={<FieldLabel>{t("casesMobile.form.description")}</FieldLabel>}
          rules={[
            {
              validator: async (_, value?: string) => {
                const text = value?.trim() ?? "";
                if (!text) throw new Error(t("casesMobile.form.descriptionRequired"));
                if (text.length < MIN_TEXT)
                  throw new Error(t("casesMobile.form.descriptionShort", { min: MIN_TEXT }));
              },
            },
          ]}
        >
          <TextArea
            placeholder={t("casesMobile.form.descriptionPlaceholder")}
            rows={4}
            maxLength={MAX_TEXT}
            showCount
            style={TEXT_BOX}
          />
        </Form.Item>
        <Form.Item name="photos" label={<FieldLabel>{t("casesMobile.form.photos")}</FieldLabel>}>
          <PhotoUploader onBusyChange={setUploading} keep={!user} />
        </Form.Item>
        <Form.Item
          name="place"
          label={<FieldLabel>{t("casesMobile.form.place")}</FieldLabel>}
          rules={[{ required: true, message: t("casesMobile.form.placeRequired") }]}
        >
          <PlacePicker ways={ways} />
        </Form.Item>
      </PhotoForm>
      <Popup
        visible={askingCode && !user}
        onMaskClick={() => setAskingCode(false)}
        bodyStyle={{ borderTopLeftRadius: 12, borderTopRightRadius: 12, paddingBottom: 16 }}
      >
        <h2 style={{ fontSize: 20, margin: "16px 16px 0" }}>{t("accounts.sms.inlineTitle")}</h2>
        <p style={{ fontSize: 16, color: "#4d4d4d", margin: "8px 16px 0" }}>{t("accounts.sms.inlineHint")}</p>
        <SmsSignInForm
          submitText={t("accounts.sms.inlineSubmit")}
          onSignedIn={() => {
            setAskingCode(false);
            if (draft.current) submit.mutate(draft.current);
          }}
        />
      </Popup>
    </>
  );
}
