import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { List, Switch, Toast } from "antd-mobile";
import { useTranslation } from "react-i18next";
import { api } from "../../common/api.ts";

const PREFERENCES_KEY = ["me", "preferences"] as const;

/** 短信提醒: his notices also by SMS (in-app always); one line of the 我的 page. */
export function SmsNoticesItem() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const { data } = useQuery({
    queryKey: PREFERENCES_KEY,
    queryFn: ({ signal }) => api.get("/api/v1/me/preferences", { signal }),
  });
  const save = useMutation({
    mutationFn: (smsNotices: boolean) => api.patch("/api/v1/me/preferences", { smsNotices }),
    onSuccess: (saved) => {
      client.setQueryData(PREFERENCES_KEY, saved);
      Toast.show({ icon: "success", content: t(saved.smsNotices ? "notices.sms.on" : "notices.sms.off") });
    },
    onError: () => Toast.show({ icon: "fail", content: t("notices.sms.failed") }),
  });
  return (
    <List.Item
      description={t("notices.sms.hint")}
      extra={
        <Switch
          aria-label={t("notices.sms.label")}
          checked={save.isPending ? save.variables : (data?.smsNotices ?? false)}
          loading={save.isPending}
          disabled={!data}
          onChange={(on) => save.mutate(on)}
        />
      }
    >
      {t("notices.sms.label")}
    </List.Item>
  );
}
