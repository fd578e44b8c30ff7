import { useQuery } from "@tanstack/react-query";
import { ErrorBlock } from "antd-mobile";
import { useTranslation } from "react-i18next";
import { api } from "../../common/api.ts";
import { useAuth } from "../../common/auth.tsx";
import { nodeOfRole } from "../../common/roles.ts";
import { PageBar } from "../page-bar.tsx";
import { HouseholdView } from "./grid/household.tsx";
import { Loading } from "./status.tsx";

/** 我的家庭: a resident's own household and its members, as the community has them on record. */
export function MyFamilyPage() {
  const { t } = useTranslation();
  const { user } = useAuth();
  const nodeId = user ? nodeOfRole(user, "resident")?.nodeId : undefined;
  const household = useQuery({
    queryKey: ["people", "my-household", nodeId],
    queryFn: async ({ signal }) => {
      const found = await api.get("/api/v1/people/households", {
        query: { underId: nodeId, page: 1, pageSize: 1 },
        signal,
      });
      const first = found.items[0];
      return first ? api.get("/api/v1/people/households/{id}", { path: { id: first.id }, signal }) : null;
    },
    enabled: !!nodeId,
  });

  const body = () => {
    if (household.error)
      return <ErrorBlock status="disconnected" title={household.error.message} description="" />;
    if (nodeId && household.data === undefined) return <Loading />;
    if (!household.data)
      return <ErrorBlock status="empty" title={t("mobile.family.noHousehold")} description="" />;
    return <HouseholdView address={household.data.address} residents={household.data.residents} />;
  };
  return (
    <>
      <PageBar title={t("nav.myFamily")} back="/" />
      {body()}
    </>
  );
}
