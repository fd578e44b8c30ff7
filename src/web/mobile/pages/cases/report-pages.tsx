import { List, Switch } from "antd-mobile";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router-dom";
import { useAuth } from "../../../common/auth.tsx";
import { nodeOfRole } from "../../../common/roles.ts";
import { PageBar } from "../../page-bar.tsx";
import { useCardPlace } from "../card/card-place.ts";
import { Loading } from "../status.tsx";
import { CaseForm } from "./case-form.tsx";
import type { PlaceWay } from "./place-picker.tsx";

/**
 * 我要反映, for everyone. Residents may say "my household"; everyone may pin a place on the map.
 * From a grid's contact card (`?grid=<code>`) the grid is chosen already.
 */
export function SubmitCasePage() {
  const { t } = useTranslation();
  const { user } = useAuth();
  const [params] = useSearchParams();
  const grid = params.get("grid");
  const fromCard = useCardPlace(grid);
  // Once the form is there it stays (signing in inline asks for the card's place again).
  const shown = useRef(false);
  if (!fromCard.pending) shown.current = true;
  // Not signed in (a poster's QR code): he fills the form in and gives his SMS code on sending.
  if (user === undefined) return <Loading />;
  const ways: PlaceWay[] = [
    ...(user && nodeOfRole(user, "resident") ? (["household"] as const) : []),
    "here",
    "pin",
  ];
  return (
    <>
      <PageBar title={t("nav.submitCase")} back={!user && grid ? `/card/${encodeURIComponent(grid)}` : "/"} />
      {fromCard.pending && !shown.current ? (
        <Loading />
      ) : (
        <CaseForm channel="selfService" ways={ways} initialPlace={fromCard.place} />
      )}
    </>
  );
}

/** 巡查上报: a grid worker's report from his round (or a part-time grid worker's, as a courier). */
export function PatrolPage() {
  const { t } = useTranslation();
  const [courier, setCourier] = useState(false);
  return (
    <>
      <PageBar title={t("nav.patrol")} back="/" />
      <List>
        <List.Item
          description={t("casesMobile.form.courierHint")}
          extra={
            <Switch checked={courier} onChange={setCourier} aria-label={t("casesMobile.form.courier")} />
          }
        >
          {t("casesMobile.form.courier")}
        </List.Item>
      </List>
      <CaseForm channel={courier ? "courier" : "patrol"} ways={["here", "pin"]} />
    </>
  );
}
