import { useQuery } from "@tanstack/react-query";
import { Form, Segmented, Select, Space, Spin, Typography } from "antd";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { shortAddress } from "../../common/address.ts";
import { api } from "../../common/api.ts";
import { useAuth } from "../../common/auth.tsx";
import { LazyGridMap } from "../../common/grid-map-lazy.tsx";
import type { LatLng } from "../../common/grid-map-style.tsx";
import { fetchGrids } from "../../common/territory.ts";

/** The search text, once the typing has paused. */
function useSettled(value: string, ms = 300): string {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/** A household of the caller's scope, found by a part of its address (小区, 楼栋, 门牌号). */
export function HouseholdSelect({
  value,
  onChange,
  id,
}: {
  value?: string;
  onChange?: (id: string | undefined) => void;
  id?: string;
}) {
  const { t } = useTranslation();
  const { user } = useAuth();
  const [text, setText] = useState("");
  const q = useSettled(text.trim());
  const query = { q, page: 1, pageSize: 20 };
  const found = useQuery({
    queryKey: ["people", "households", query],
    queryFn: ({ signal }) => api.get("/api/v1/people/households", { query, signal }),
    enabled: q.length > 0,
  });
  return (
    <Select<string>
      id={id}
      value={value}
      onChange={(v?: string) => onChange?.(v)}
      allowClear
      showSearch={{ filterOption: false, onSearch: setText }}
      placeholder={t("casesAdmin.walkIn.householdPlaceholder")}
      aria-label={t("casesAdmin.walkIn.household")}
      notFoundContent={
        found.isFetching ? (
          <Spin size="small" />
        ) : q ? (
          t("casesAdmin.walkIn.noHousehold")
        ) : (
          t("casesAdmin.walkIn.householdHint")
        )
      }
      options={found.data?.items.map((h) => {
        // Inside the worker's own area, the address from there on.
        const area = user?.roles.map((r) => r.nodeName).find((n) => h.address.includes(n));
        const address = shortAddress(h.address, area);
        return {
          value: h.id,
          label: h.head ? t("casesAdmin.walkIn.householdOption", { address, head: h.head }) : address,
        };
      })}
    />
  );
}

/** A place picked on the grid map of the caller's scope. */
export function MapPointField({ value, onChange }: { value?: LatLng; onChange?: (at: LatLng) => void }) {
  const { t } = useTranslation();
  // The same key as the other maps of the whole scope.
  const grids = useQuery({
    queryKey: ["territory", "grids", null],
    queryFn: ({ signal }) => fetchGrids(undefined, signal),
    staleTime: 5 * 60_000,
  });
  return (
    <Space orientation="vertical" size={4} style={{ width: "100%" }}>
      <LazyGridMap data={grids.data} loading={grids.isPending} height={300} pin={value} onPick={onChange} />
      <Typography.Text type="secondary">
        {value
          ? t("casesAdmin.walkIn.picked", { lat: value.lat.toFixed(5), lng: value.lng.toFixed(5) })
          : t("casesAdmin.walkIn.mapHint")}
      </Typography.Text>
    </Space>
  );
}

/** What a form calls the place's parts: the switch, its two choices and what each one misses. */
export interface PlaceTexts {
  where: string;
  byHousehold: string;
  byMap: string;
  householdRequired: string;
  mapRequired: string;
  /** The household field's own label; none where the switch says enough. */
  household?: string;
}

/**
 * Where a request is: a household of the scope or a point on the map, switched by `where`. The
 * form's fields are `where` ("household" | "map"), `householdId` and `location`; only the chosen
 * one is shown, and it is required.
 */
export function PlaceFields({ texts }: { texts: PlaceTexts }) {
  const where = Form.useWatch("where", Form.useFormInstance());
  return (
    <>
      <Form.Item name="where" label={texts.where}>
        <Segmented
          options={[
            { value: "household", label: texts.byHousehold },
            { value: "map", label: texts.byMap },
          ]}
        />
      </Form.Item>
      {where === "map" ? (
        <Form.Item name="location" rules={[{ required: true, message: texts.mapRequired }]}>
          <MapPointField />
        </Form.Item>
      ) : (
        <Form.Item
          name="householdId"
          label={texts.household}
          rules={[{ required: true, message: texts.householdRequired }]}
        >
          <HouseholdSelect />
        </Form.Item>
      )}
    </>
  );
}
