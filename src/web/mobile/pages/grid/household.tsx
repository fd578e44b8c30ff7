import { useQuery } from "@tanstack/react-query";
import { ErrorBlock } from "antd-mobile";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router-dom";
import { api } from "../../../common/api.ts";
import { PageBar, Section } from "../../page-bar.tsx";
import { Loading } from "../status.tsx";
import { MemberCards } from "./members.tsx";

/** One household of the grid: its address and its members (masked). */
export function HouseholdPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const household = useQuery({
    queryKey: ["people", "household", id],
    queryFn: ({ signal }) => api.get("/api/v1/people/households/{id}", { path: { id }, signal }),
  });
  return (
    <>
      <PageBar title={t("households.title")} />
      {household.error ? (
        <ErrorBlock status="disconnected" title={household.error.message} description="" />
      ) : !household.data ? (
        <Loading />
      ) : (
        <HouseholdView address={household.data.address} residents={household.data.residents} />
      )}
    </>
  );
}

type Residents = Parameters<typeof MemberCards>[0]["residents"];

/** Address and members: the grid worker's household page and a resident's own 我的家庭. */
export function HouseholdView({ address, residents }: { address: string; residents: Residents }) {
  const { t } = useTranslation();
  return (
    <>
      <section style={{ background: "#fff", padding: "16px" }}>
        <div style={{ color: "var(--adm-color-text-secondary)", fontSize: 16 }}>
          {t("mobile.family.address")}
        </div>
        <div style={{ fontSize: 20, fontWeight: 600, lineHeight: 1.4 }}>{address}</div>
      </section>
      <Section
        title={t("mobile.family.members")}
        extra={t("mobile.grid.members", { count: residents.length })}
      >
        <MemberCards residents={residents} />
        <p
          style={{
            margin: 0,
            padding: "4px 16px 16px",
            fontSize: 15,
            color: "var(--adm-color-text-secondary)",
          }}
        >
          {t("mobile.family.masked")}
        </p>
      </Section>
    </>
  );
}
