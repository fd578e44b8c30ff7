import { can, type Principal, scopePaths } from "../../../platform/auth/index.ts";
import type { Db } from "../../../platform/db/index.ts";
import { forbidden, unprocessable } from "../../../platform/errors.ts";
import { inWords } from "../../../platform/i18n/words.ts";
import { normalizeMobile } from "../../../platform/pii/index.ts";
import { householdPlace } from "../../people/index.ts";
import type { RequestType, Urgency } from "../tables.ts";
import type { Intake } from "./service.ts";

/** What the pages send to POST /cases. */
export interface CaseForm {
  channel?: "selfService" | "patrol" | "courier" | "walkIn";
  categoryCode: string;
  description: string;
  photos?: string[];
  location?: { lat: number; lng: number };
  householdId?: string;
  address?: string;
  requestType?: RequestType;
  urgency?: Urgency;
  reporterName?: string;
  reporterPhone?: string;
}

/**
 * The channels entered through the pages: a resident for himself (self-service), a grid worker
 * on patrol or a courier on his round, and staff entering a walk-in visitor's request.
 */
export async function intakeFromForm(db: Db, principal: Principal, form: CaseForm): Promise<Intake> {
  const channel = form.channel ?? "selfService";
  const base = {
    channel,
    categoryCode: form.categoryCode,
    description: form.description,
    photos: form.photos,
    location: form.location,
    address: form.address,
    householdId: form.householdId,
    requestType: form.requestType,
    urgency: form.urgency,
  };
  if (form.householdId) await assertOwnHousehold(db, principal, form.householdId);
  if (channel === "selfService") {
    return { ...base, reporter: { userId: principal.userId, name: principal.name, phone: principal.phone } };
  }
  if (!can(principal, "cases.intake")) throw forbidden();
  if (channel === "walkIn") {
    const phone = form.reporterPhone ? normalizeMobile(form.reporterPhone) : null;
    if (!form.reporterName?.trim())
      throw unprocessable("MISSING_FIELDS", {
        missing: ["reporterName"],
        labels: inWords((w) => w.casesAdmin.walkIn.reporterName),
      });
    if (!phone) throw unprocessable("INVALID_PHONE", { field: "reporterPhone" });
    return { ...base, reporter: { userId: null, name: form.reporterName, phone } };
  }
  // Patrol and courier reports: the worker is the reporter and is told how it ends.
  return { ...base, reporter: { userId: principal.userId, name: principal.name, phone: principal.phone } };
}

/**
 * A resident files for his own household only, staff for any household in their scope: the
 * households each may read (people.read). Being bound to a node above it is not enough (a party
 * member to his community, department staff to the district).
 */
async function assertOwnHousehold(db: Db, principal: Principal, householdId: string) {
  const household = await householdPlace(db, householdId);
  const paths = scopePaths(principal, "people.read");
  if (!household || !paths.some((p) => household.territoryPath.startsWith(p)))
    throw unprocessable("UNKNOWN_HOUSEHOLD", { householdId });
}
