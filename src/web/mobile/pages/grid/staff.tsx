import { PhoneOutlined } from "@ant-design/icons";
import { useQuery } from "@tanstack/react-query";
import { Button, ErrorBlock } from "antd-mobile";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../../common/api.ts";
import { dutyLabel, employmentLabel, STAFF_ROLES, staffRoleLabel } from "../../../common/labels.ts";
import { Section } from "../../page-bar.tsx";

/** How many people show before "show all": the grid leader and workers come first. */
const FIRST = 6;

/** 网格力量 of a grid with a call button each: 三亮 phones are public by design. */
export function StaffList({ gridId }: { gridId: string }) {
  const { t } = useTranslation();
  const [all, setAll] = useState(false);
  const staff = useQuery({
    queryKey: ["people", "staff", "mobile", gridId],
    queryFn: ({ signal }) =>
      api.get("/api/v1/people/staff", { query: { underId: gridId, page: 1, pageSize: 200 }, signal }),
  });
  const people = [...(staff.data?.items ?? [])].sort(
    (a, b) => STAFF_ROLES.indexOf(a.role) - STAFF_ROLES.indexOf(b.role),
  );
  const shown = all ? people : people.slice(0, FIRST);

  return (
    <Section
      title={t("mobile.grid.staff")}
      extra={staff.data && t("people.total", { count: staff.data.total })}
    >
      {staff.error && <ErrorBlock status="disconnected" title={staff.error.message} description="" />}
      <ul style={{ listStyle: "none", margin: 0, padding: "0 16px" }}>
        {shown.map((s) => {
          const duty = dutyLabel(t, s.duty);
          return (
            <li
              key={s.id}
              style={{
                display: "flex",
                alignItems: "center",
                gap: 12,
                padding: "12px 0",
                borderBottom: "1px solid #f0f0f0",
              }}
            >
              <div style={{ flex: 1, minWidth: 0 }}>
                <div style={{ fontSize: 19, fontWeight: 600 }}>
                  {s.name}
                  <span
                    style={{ fontSize: 16, fontWeight: 400, color: "var(--party-red)", marginInlineStart: 8 }}
                  >
                    {staffRoleLabel(t, s.role)}
                  </span>
                </div>
                <div style={{ fontSize: 16, color: "var(--adm-color-text-secondary)" }}>
                  {[s.phone, duty, employmentLabel(t, s.employment, s.partTimeKind)]
                    .filter(Boolean)
                    .join(" · ")}
                </div>
              </div>
              <a
                className="call-button"
                href={`tel:${s.phone}`}
                aria-label={`${t("mobile.call")} ${s.name} ${s.phone}`}
              >
                <PhoneOutlined /> {t("mobile.call")}
              </a>
            </li>
          );
        })}
      </ul>
      {people.length > FIRST && (
        <div style={{ padding: "8px 16px 16px" }}>
          <Button block fill="none" color="primary" style={{ fontSize: 17 }} onClick={() => setAll(!all)}>
            {all ? t("mobile.showLess") : t("mobile.showAll", { count: people.length })}
          </Button>
        </div>
      )}
    </Section>
  );
}
