import { AimOutlined, EnvironmentOutlined, HomeOutlined } from "@ant-design/icons";
import { useQuery } from "@tanstack/react-query";
import { SpinLoading } from "antd-mobile";
import { type ReactNode, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError, api } from "../../../common/api.ts";
import { LazyGridMap as GridMap } from "../../../common/grid-map-lazy.tsx";
import type { LatLng } from "../../../common/grid-map-style.tsx";
import { fetchGrids } from "../../../common/territory.ts";

/** Where a case happened: a point the server has placed in a grid, or the reporter's own household. */
export type CasePlace =
  | { kind: "here" | "pin"; lat: number; lng: number; where: string }
  | { kind: "household"; householdId: string; address: string };
export type PlaceWay = CasePlace["kind"];

/** The resident's own household (a resident sees no other). */
function useMyHousehold(enabled: boolean) {
  return useQuery({
    queryKey: ["people", "households", "mine"],
    queryFn: ({ signal }) => api.get("/api/v1/people/households", { query: { pageSize: 1 }, signal }),
    select: (page) => page.items[0] ?? null,
    enabled,
  });
}

function currentPosition(): Promise<LatLng> {
  return new Promise((resolve, reject) =>
    navigator.geolocation.getCurrentPosition(
      (p) => resolve({ lat: p.coords.latitude, lng: p.coords.longitude }),
      reject,
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 60_000 },
    ),
  );
}

/**
 * Three ways to say where: the phone's position, a tap on the grid map, or "my household". A
 * point counts only once the server has placed it in a grid (else its "outside the district" shows).
 */
export function PlacePicker({
  ways,
  value,
  onChange,
}: {
  ways: readonly PlaceWay[];
  value?: CasePlace;
  onChange?: (place: CasePlace | undefined) => void;
}) {
  const { t } = useTranslation();
  const [way, setWay] = useState<PlaceWay | undefined>(value?.kind);
  // A place given from the start (a contact card's grid) shows as the pin on the map.
  const [point, setPoint] = useState<LatLng | undefined>(
    value && value.kind !== "household" ? { lat: value.lat, lng: value.lng } : undefined,
  );
  const [busy, setBusy] = useState<"locating" | "placing" | null>(null);
  const [error, setError] = useState<string | null>(null);
  const latest = useRef(0);
  /** Forgets the place chosen before (and says nothing when there was none). */
  const clear = () => {
    if (value) onChange?.(undefined);
  };
  const household = useMyHousehold(ways.includes("household"));
  const grids = useQuery({
    queryKey: ["territory", "grids", "geojson", "mine"],
    queryFn: ({ signal }) => fetchGrids(undefined, signal),
    enabled: way === "pin",
    staleTime: 10 * 60_000,
  });

  /** Asks the server which grid a point is in; only the latest request counts. */
  const place = async (kind: "here" | "pin", at: LatLng) => {
    const request = ++latest.current;
    setPoint(at);
    setBusy("placing");
    setError(null);
    clear();
    try {
      const found = await api.get("/api/v1/territory/locate", { query: at });
      if (request !== latest.current) return;
      const where = [found.community?.name, found.grid.name].filter(Boolean).join(" · ");
      onChange?.({ kind, ...at, where });
    } catch (err) {
      if (request !== latest.current) return;
      // The server words this one in English only; the reader gets it in his language.
      if (err instanceof ApiError && err.code === "OUTSIDE_DISTRICT")
        setError(t("casesMobile.place.outside"));
      else setError(err instanceof Error ? err.message : String(err));
    } finally {
      if (request === latest.current) setBusy(null);
    }
  };

  const choose = async (next: PlaceWay) => {
    latest.current++;
    setWay(next);
    setError(null);
    setBusy(null);
    setPoint(undefined);
    clear();
    if (next === "household") {
      const mine = household.data ?? (await household.refetch()).data;
      if (mine) onChange?.({ kind: "household", householdId: mine.id, address: mine.address });
      else setError(t("casesMobile.place.noHousehold"));
    } else if (next === "here") {
      if (!("geolocation" in navigator)) return setError(t("casesMobile.place.unsupported"));
      const request = latest.current;
      setBusy("locating");
      try {
        const at = await currentPosition();
        if (request === latest.current) await place("here", at);
      } catch {
        if (request === latest.current) {
          setBusy(null);
          setError(t("casesMobile.place.locateFailed"));
        }
      }
    }
  };

  const options: Record<PlaceWay, { icon: ReactNode; label: string; hint: string }> = {
    here: {
      icon: <AimOutlined />,
      label: t("casesMobile.place.here"),
      hint: t("casesMobile.place.hereHint"),
    },
    pin: {
      icon: <EnvironmentOutlined />,
      label: t("casesMobile.place.pin"),
      hint: t("casesMobile.place.pinHint"),
    },
    household: {
      icon: <HomeOutlined />,
      label: t("casesMobile.place.household"),
      hint: household.data?.address ?? t("casesMobile.place.householdHint"),
    },
  };

  return (
    <div style={{ display: "flex", flexDirection: "column", gap: 10 }}>
      {ways.map((w) => (
        <WayButton key={w} selected={way === w} onClick={() => void choose(w)} {...options[w]} />
      ))}
      {way === "pin" && (
        <div>
          <div style={{ fontSize: 16, margin: "2px 0 8px" }}>{t("casesMobile.place.tapMap")}</div>
          <GridMap
            data={grids.data}
            loading={grids.isPending}
            pin={point}
            onPick={(at) => void place("pin", at)}
            labels
            large
            roam={false}
            height={320}
          />
          {grids.error && <Problem>{grids.error.message}</Problem>}
        </div>
      )}
      {busy && (
        <div role="status" style={{ display: "flex", alignItems: "center", gap: 8, fontSize: 17 }}>
          <SpinLoading style={{ "--size": "20px" }} />
          {t(busy === "locating" ? "casesMobile.place.locating" : "casesMobile.place.placing")}
        </div>
      )}
      {error && <Problem>{error}</Problem>}
      {value && (
        <div
          data-testid="case-place"
          style={{
            background: "#f6ffed",
            border: "1px solid #b7eb8f",
            borderRadius: 8,
            padding: "10px 12px",
          }}
        >
          {value.kind === "household"
            ? t("casesMobile.place.at", { place: value.address })
            : t("casesMobile.place.in", { place: value.where })}
        </div>
      )}
    </div>
  );
}

function WayButton({
  icon,
  label,
  hint,
  selected,
  onClick,
}: {
  icon: ReactNode;
  label: string;
  hint: string;
  selected: boolean;
  onClick: () => void;
}) {
  return (
    <button
      type="button"
      aria-pressed={selected}
      onClick={onClick}
      style={{
        display: "flex",
        alignItems: "center",
        gap: 14,
        minHeight: 64,
        padding: "10px 14px",
        textAlign: "left",
        borderRadius: 10,
        border: `2px solid ${selected ? "var(--party-red)" : "#d9d9d9"}`,
        background: selected ? "#fdf2f2" : "#fff",
        color: "var(--adm-color-text)",
      }}
    >
      <span aria-hidden style={{ fontSize: 28, color: "var(--party-red)" }}>
        {icon}
      </span>
      <span>
        <span style={{ display: "block", fontSize: 18, fontWeight: 600 }}>{label}</span>
        <span style={{ display: "block", fontSize: 15, color: "var(--adm-color-text-secondary)" }}>
          {hint}
        </span>
      </span>
    </button>
  );
}

function Problem({ children }: { children: ReactNode }) {
  return (
    <div role="alert" style={{ color: "var(--adm-color-danger)", fontSize: 17 }}>
      {children}
    </div>
  );
}
