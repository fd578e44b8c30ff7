import type { contactCardZhCN } from "./contact-card.zh-CN.ts";

type Same<T> = { [K in keyof T]: T[K] extends string ? string : Same<T[K]> };

export const contactCardEn: Same<typeof contactCardZhCN> = {
  title: "Contact card",
  threeShows: "Who we are · What we do · How to call us",
  sections: {
    staff: "Grid leader · Grid workers",
    heads: "Building and entrance heads",
    liaisons: "Household liaisons",
  },
  partTimeWorker: "Part-time grid worker",
  households: "Links {{count}} households",
  call: "Call",
  callName: "Call {{name}}",
  duties: "Duties",
  dutiesLead: "Duties: ",
  area: "Grid area",
  report: "Report a problem",
  reportHint:
    "Small matters stay in the grid, big ones in the community. Tell us about a problem with the button below, or just call.",
  posterA4: "Download poster (A4)",
  posterA3: "Download poster (A3)",
  noStaff: "The grid's staff are not published yet",
  notFound: "There is no contact card for this grid",
  photoOf: "Photo of {{name}}",
  openCard: "Public contact card",
  cardHint: "Open to anyone without logging in; the poster's QR code opens this grid's request form",
  photo: "Photo",
  uploadPhoto: "Upload photo",
  changePhoto: "Change photo",
  photoHint: "JPEG or PNG, at most 10 MB, shrunk to 480×480",
  photoSaved: "Photo of {{name}} updated",
  editDuties: "Edit duties",
  dutiesTitle: "Duties of {{name}}",
  dutiesPlaceholder: "One sentence on what this person does, shown on the contact card",
  dutiesSaved: "Duties saved",
  save: "Save",
  cancel: "Cancel",
  fromCard: "Place chosen from the contact card: {{place}}",
};
