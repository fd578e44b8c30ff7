import { Button } from "antd-mobile";
import { useTranslation } from "react-i18next";

/** The "加载更多" button under a paged list; nothing once the last page is in. */
export function MoreButton({
  list,
}: {
  list: { hasNextPage: boolean; isFetchingNextPage: boolean; fetchNextPage: () => unknown };
}) {
  const { t } = useTranslation();
  if (!list.hasNextPage) return null;
  return (
    <div style={{ padding: 16 }}>
      <Button block size="large" loading={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
        {t("mobile.more")}
      </Button>
    </div>
  );
}
