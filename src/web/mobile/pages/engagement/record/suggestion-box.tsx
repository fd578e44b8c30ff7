import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Button, List, Tag, TextArea, Toast } from "antd-mobile";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../../../common/api.ts";
import { Section } from "../../../page-bar.tsx";
import { RECORD_KEY } from "./record-data.ts";

const COLOR = { pending: "warning", adopted: "success", declined: "default" } as const;

/** 提建议: a suggestion to the community, and my earlier ones with the community's answers. */
export function SuggestionBox() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [text, setText] = useState("");
  const mine = useQuery({
    queryKey: [...RECORD_KEY, "suggestions"],
    queryFn: ({ signal }) =>
      api.get("/api/v1/engagement/suggestions", { query: { mine: "1", pageSize: 50 }, signal }),
  });
  const send = useMutation({
    mutationFn: () => api.post("/api/v1/engagement/suggestions", { text: text.trim() }),
    onSuccess: () => {
      Toast.show({ icon: "success", content: t("engagementRecords.mobile.suggested") });
      setText("");
      void client.invalidateQueries({ queryKey: RECORD_KEY });
    },
    onError: (e) => Toast.show({ content: e.message }),
  });
  return (
    <Section title={t("engagementRecords.mobile.suggest")}>
      <div style={{ padding: "0 16px 12px" }}>
        <TextArea
          value={text}
          onChange={setText}
          rows={3}
          maxLength={1000}
          showCount
          placeholder={t("engagementRecords.mobile.suggestPlaceholder")}
        />
        <Button
          block
          color="primary"
          size="large"
          disabled={!text.trim()}
          loading={send.isPending}
          onClick={() => send.mutate()}
          style={{ marginTop: 8 }}
        >
          {t("engagementRecords.mobile.submit")}
        </Button>
      </div>
      {!!mine.data?.items.length && (
        <List header={t("engagementRecords.mobile.mySuggestions")}>
          {mine.data.items.map((s) => (
            <List.Item
              key={s.id}
              description={s.answer ?? undefined}
              extra={<Tag color={COLOR[s.status]}>{t(`engagementRecords.suggestionStatus.${s.status}`)}</Tag>}
            >
              {s.text}
            </List.Item>
          ))}
        </List>
      )}
    </Section>
  );
}
