import { CloseCircleFilled, EnvironmentOutlined } from "@ant-design/icons";
import { useQuery } from "@tanstack/react-query";
import { Button, Popover, Space } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { fetchNode } from "../../../common/territory.ts";
import { TerritoryTree } from "../territory/tree.tsx";

/**
 * A street, community or grid of the caller's scope, picked from the territory tree; empty is all.
 * Both props are optional so that it serves as a form field too (Form.Item passes them).
 */
export function TerritoryPicker({
  value,
  onChange,
}: {
  value?: string;
  onChange?: (id: string | undefined) => void;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  // The same key as the territory pages', so a node seen there is not fetched again.
  const node = useQuery({
    queryKey: ["territory", "node", value],
    queryFn: ({ signal }) => fetchNode(value ?? "", signal),
    enabled: !!value,
  });
  const label = value ? (node.data?.name ?? "…") : t("casesAdmin.list.allAreas");
  return (
    <Space.Compact>
      <Popover
        open={open}
        onOpenChange={setOpen}
        trigger="click"
        placement="bottomLeft"
        title={t("casesAdmin.list.area")}
        content={
          <div style={{ width: 300, maxHeight: 420, overflow: "auto" }}>
            <TerritoryTree
              selectedId={value}
              onSelect={(id) => {
                onChange?.(id);
                setOpen(false);
              }}
            />
          </div>
        }
      >
        <Button icon={<EnvironmentOutlined />} aria-label={t("casesAdmin.list.area")}>
          {label}
        </Button>
      </Popover>
      {value && (
        <Button
          icon={<CloseCircleFilled />}
          aria-label={t("casesAdmin.list.clearArea")}
          title={t("casesAdmin.list.clearArea")}
          onClick={() => onChange?.(undefined)}
        />
      )}
    </Space.Compact>
  );
}
