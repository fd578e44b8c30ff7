import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Button, Form, type ImageUploadItem, Input, TextArea, Toast } from "antd-mobile";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate, useParams } from "react-router-dom";
import { api } from "../../../../common/api.ts";
import { FieldLabel, PhotoForm } from "../../../form-parts.tsx";
import { PageBar } from "../../../page-bar.tsx";
import { TEXT_BOX } from "../../cases/note-sheet.tsx";
import { PhotoUploader, photoIds } from "../../cases/photos.tsx";
import { newClientKey, VISITS_KEY } from "./visit-data.ts";

interface Values {
  note?: string;
  photos?: ImageUploadItem[];
}

const MAX_PROBLEMS = 10;

/** 记走访: what I saw, photos, and the problems I found, one a line. */
export function VisitFormPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const client = useQueryClient();
  const { id = "" } = useParams();
  const [uploading, setUploading] = useState(false);
  const [problems, setProblems] = useState<string[]>([""]);
  // One key per form: a retry after a lost answer sends the same visit, kept once.
  const [clientKey] = useState(newClientKey);
  const homes = useQuery({
    queryKey: [...VISITS_KEY, "households"],
    queryFn: ({ signal }) => api.get("/api/v1/engagement/my-households", { signal }),
  });
  const home = homes.data?.items.find((h) => h.householdId === id);
  const back = `/engagement/households/${id}`;
  const submit = useMutation({
    mutationFn: (v: Values) =>
      api.post("/api/v1/engagement/visits", {
        householdId: id,
        note: (v.note ?? "").trim(),
        photos: photoIds(v.photos),
        problems: problems.map((p) => p.trim()).filter(Boolean),
        clientKey,
      }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: VISITS_KEY });
      Toast.show({ icon: "success", content: t("engagementVisits.mobile.saved") });
      navigate(back, { replace: true });
    },
  });
  const label = (text: string) => <FieldLabel>{text}</FieldLabel>;
  const setProblem = (i: number, text: string) => {
    submit.reset();
    setProblems((all) => all.map((p, j) => (j === i ? text : p)));
  };
  return (
    <>
      <PageBar title={t("engagementVisits.mobile.logVisit")} back={back} />
      {home && <div style={{ padding: "12px 16px 0", fontSize: 18, fontWeight: 600 }}>{home.address}</div>}
      <PhotoForm<Values>
        submission={submit}
        uploading={uploading}
        waitText={t("engagementVisits.mobile.waitPhotos")}
        submitText={t("engagementVisits.mobile.submit")}
      >
        <Form.Item
          name="note"
          label={label(t("engagementVisits.mobile.note"))}
          rules={[{ required: true, whitespace: true, message: t("engagementVisits.mobile.noteRequired") }]}
        >
          <TextArea
            placeholder={t("engagementVisits.mobile.notePlaceholder")}
            rows={4}
            maxLength={2000}
            showCount
            style={TEXT_BOX}
          />
        </Form.Item>
        <Form.Item label={label(t("engagementVisits.mobile.problems"))}>
          <div style={{ fontSize: 15, color: "var(--adm-color-text-secondary)", marginBottom: 8 }}>
            {t("engagementVisits.mobile.problemsHint")}
          </div>
          {problems.map((p, i) => (
            // Lines have no identity but their place; removing one re-renders the rest.
            // biome-ignore lint/suspicious/noArrayIndexKey: see above
            <div key={i} style={{ display: "flex", gap: 8, marginBottom: 8 }}>
              <Input
                value={p}
                onChange={(text) => setProblem(i, text)}
                placeholder={t("engagementVisits.mobile.problemPlaceholder")}
                maxLength={500}
                aria-label={`${t("engagementVisits.mobile.problems")} ${i + 1}`}
                style={{ ...TEXT_BOX, flex: 1, padding: "8px 10px" }}
              />
              {problems.length > 1 && (
                <Button
                  fill="none"
                  aria-label={t("engagementVisits.mobile.removeProblem")}
                  onClick={() => setProblems((all) => all.filter((_, j) => j !== i))}
                >
                  <DeleteOutlined />
                </Button>
              )}
            </div>
          ))}
          {problems.length < MAX_PROBLEMS && (
            <Button fill="outline" size="small" onClick={() => setProblems((all) => [...all, ""])}>
              <PlusOutlined /> {t("engagementVisits.mobile.addProblem")}
            </Button>
          )}
        </Form.Item>
        <Form.Item name="photos" label={label(t("engagementVisits.mobile.photos"))}>
          <PhotoUploader onBusyChange={setUploading} />
        </Form.Item>
      </PhotoForm>
    </>
  );
}
