import { Select } from "antd";
import { useTranslation } from "react-i18next";
import { useTeamOptions } from "./volunteering-data.ts";

/** The 服务队 filter of the activity and volunteer lists: any team of the scope, searchable by name. */
export function TeamFilter({ value, onChange }: { value?: string; onChange: (teamId?: string) => void }) {
  const { t } = useTranslation();
  const teams = useTeamOptions();
  return (
    <Select
      style={{ width: 200 }}
      allowClear
      showSearch={{ optionFilterProp: "label" }}
      placeholder={t("volunteering.admin.allTeams")}
      value={value}
      onChange={onChange}
      options={teams}
    />
  );
}
