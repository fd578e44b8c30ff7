import type { ItemOf, ListSheet } from "../../platform/http/export.ts";
import { WORDS } from "../../platform/i18n/words.ts";
import type { listOrgs, listUnits } from "./service.ts";

/** The org module's lists as spreadsheets, kinds in words. */
export const orgSheet: ListSheet<ItemOf<typeof listOrgs>> = {
  key: "orgs",
  columns: (w) => [
    { header: w.territory.name, width: 36, value: (o) => o.name },
    // The district's own words for its kinds, in the sheet's language.
    { header: w.org.kind, width: 14, value: (o) => (w === WORDS.en ? o.kindNameEn : o.kindName) ?? o.kind },
    { header: w.org.children, width: 10, value: (o) => o.children },
  ],
};

export const unitSheet: ListSheet<ItemOf<typeof listUnits>> = {
  key: "units",
  columns: (w) => [
    { header: w.territory.name, width: 36, value: (u) => u.name },
    { header: w.org.unitKind, width: 12, value: (u) => w.org.unitKinds[u.kind] },
    { header: w.org.uscc, width: 22, value: (u) => u.uscc },
    { header: w.org.contact, width: 10, value: (u) => u.contactName },
    { header: w.org.contactPhone, width: 14, value: (u) => u.contactPhone },
  ],
};
