import type { piiAccessZhCN } from "./pii-access.zh-CN.ts";
import type { Same } from "./same.ts";

export const piiAccessEn: Same<typeof piiAccessZhCN> = {
  time: "Read at",
  reader: "Read by",
  person: "Whose data",
  field: "What",
  purpose: "Purpose",
  ip: "IP address",
  system: "System",
  total: "{{count}} in all",
  empty: "No reads",
  searchPerson: "Whose data: name, mobile or whole ID number",
  readerOnly: "Only this reader",
  hint: "Every read of a whole ID number or mobile number, and every export with whole ID numbers, is listed here.",
  fields: {
    idNumber: "ID number",
    phone: "mobile number",
    reporterPhone: "reporter's phone",
    wisherPhone: "wisher's phone",
  },
  mine: {
    title: "Who viewed my data",
    entry: "Who viewed my data",
    intro:
      "When staff need to see your whole ID number or mobile number for their work, it is recorded with the purpose.",
    empty: "Nobody has viewed your whole data yet",
    viewed: "viewed your {{field}}",
    noPurpose: "no purpose given",
    purpose: "Purpose: {{purpose}}",
  },
};
