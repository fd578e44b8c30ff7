import { Alert, Button, Card, Popconfirm, Space, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { ApiError } from "../../../common/api.ts";
import { useTransition } from "./actions.tsx";
import { type CaseDetail, isOpen, StatusTag } from "./case-labels.tsx";

type CaseLink = NonNullable<CaseDetail["master"]>;

function CaseRef({ c }: { c: CaseLink }) {
  return (
    <Space size={6}>
      <Link to={`/cases/${c.code}`}>{c.code}</Link>
      <StatusTag status={c.status} />
    </Space>
  );
}

/**
 * The same problem reported twice: the case the system thinks this one repeats (merged in one
 * click where the caller may), the case it was merged into, and those merged into it.
 */
export function Duplicates({ c }: { c: CaseDetail }) {
  const { t } = useTranslation();
  const merge = useTransition(c, () => undefined);
  // A suggestion matters while the case is still being handled.
  const suggested = !c.master && isOpen(c.status) && c.suggestedMaster ? c.suggestedMaster : null;
  if (!suggested && !c.master && c.duplicates.length === 0) return null;
  // The server refuses a master that is itself merged or withdrawn.
  const mayMerge =
    !!suggested && c.allowedActions.includes("merge") && !["merged", "withdrawn"].includes(suggested.status);
  return (
    <Card title={t("casesAdmin.detail.duplicates")}>
      <Space orientation="vertical" size={12} style={{ width: "100%" }}>
        {suggested && (
          <Alert
            type="warning"
            showIcon
            title={t("casesAdmin.detail.suggested")}
            description={<CaseRef c={suggested} />}
            action={
              mayMerge && (
                <Popconfirm
                  title={t("casesAdmin.detail.mergeConfirm", { code: suggested.code })}
                  okText={t("casesAdmin.detail.merge")}
                  cancelText={t("user.cancel")}
                  onConfirm={() => merge.mutate({ action: "merge", masterId: suggested.id })}
                >
                  <Button type="primary" loading={merge.isPending}>
                    {t("casesAdmin.detail.merge")}
                  </Button>
                </Popconfirm>
              )
            }
          />
        )}
        {merge.error && !(merge.error instanceof ApiError && merge.error.status === 409) && (
          <Alert type="error" showIcon title={merge.error.message} />
        )}
        {c.master && (
          <Space wrap>
            <Typography.Text type="secondary">{t("casesAdmin.detail.master")}</Typography.Text>
            <CaseRef c={c.master} />
          </Space>
        )}
        {c.duplicates.length > 0 && (
          <Space orientation="vertical" size={4}>
            <Typography.Text type="secondary">
              {t("casesAdmin.detail.mergedHere", { count: c.duplicates.length })}
            </Typography.Text>
            {c.duplicates.map((d) => (
              <CaseRef key={d.id} c={d} />
            ))}
          </Space>
        )}
      </Space>
    </Card>
  );
}
