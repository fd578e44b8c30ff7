import type { ItemOf, ListSheet } from "../../platform/http/export.ts";
import { wordFor } from "../../platform/i18n/words.ts";
import type { listActivities } from "./activity-views.ts";
import type { listSignups } from "./roster.ts";
import type { listTeams } from "./teams.ts";
import type { listVolunteers } from "./volunteers.ts";

const joined = (items: string[]) => items.join("、");

/** 志愿者名单: phones masked as in the list, hours per person. */
export const volunteerSheet: ListSheet<ItemOf<typeof listVolunteers>> = {
  key: "volunteers",
  columns: (w) => {
    const f = w.volunteering.fields;
    return [
      { header: f.name, width: 10, value: (v) => v.name },
      { header: f.phone, width: 14, value: (v) => v.phone },
      { header: f.community, width: 14, value: (v) => v.node.community },
      { header: f.grid, width: 16, value: (v) => v.node.grid },
      { header: f.skills, width: 24, value: (v) => joined(v.skills) },
      { header: f.teams, width: 24, value: (v) => joined(v.teams.map((t) => t.name)) },
      { header: f.hours, width: 10, value: (v) => v.hours },
      { header: f.served, width: 10, value: (v) => v.served },
      { header: f.registeredAt, width: 17, value: (v) => v.createdAt, format: "datetime" },
    ];
  },
};

export const teamSheet: ListSheet<ItemOf<typeof listTeams>> = {
  key: "volunteerTeams",
  columns: (w) => {
    const f = w.volunteering.fields;
    return [
      { header: f.teamName, width: 18, value: (t) => t.name },
      { header: f.speciality, width: 10, value: (t) => t.speciality },
      { header: f.node, width: 14, value: (t) => t.node.name },
      { header: f.members, width: 8, value: (t) => t.members },
      { header: f.hours, width: 10, value: (t) => t.hours },
      { header: f.people, width: 10, value: (t) => t.people },
      { header: f.teamDescription, width: 40, value: (t) => t.description },
    ];
  },
};

export const activitySheet: ListSheet<ItemOf<typeof listActivities>> = {
  key: "activities",
  columns: (w) => {
    const f = w.volunteering.fields;
    return [
      { header: f.title, width: 28, value: (a) => a.title },
      { header: f.mode, width: 12, value: (a) => wordFor(w.volunteering.modes, a.mode) },
      { header: f.status, width: 8, value: (a) => wordFor(w.volunteering.status, a.status) },
      { header: f.team, width: 16, value: (a) => a.team?.name ?? null },
      { header: f.node, width: 14, value: (a) => a.node.name },
      { header: f.place, width: 24, value: (a) => a.place },
      { header: f.startsAt, width: 17, value: (a) => a.startsAt, format: "datetime" },
      { header: f.endsAt, width: 17, value: (a) => a.endsAt, format: "datetime" },
      { header: f.slotMinutes, width: 10, value: (a) => a.slotMinutes },
      { header: f.capacity, width: 8, value: (a) => a.capacity },
      { header: f.confirmed, width: 8, value: (a) => a.confirmed },
      { header: f.waiting, width: 8, value: (a) => a.waiting },
    ];
  },
};

export const signupSheet: ListSheet<ItemOf<typeof listSignups>> = {
  key: "activitySignups",
  columns: (w) => {
    const f = w.volunteering.fields;
    return [
      { header: f.title, width: 24, value: (s) => s.activityTitle },
      { header: f.startsAt, width: 17, value: (s) => s.activityStartsAt, format: "datetime" },
      { header: f.name, width: 10, value: (s) => s.name },
      { header: f.phone, width: 14, value: (s) => s.phone },
      { header: f.slot, width: 17, value: (s) => s.slotStartsAt, format: "datetime" },
      { header: f.stage, width: 10, value: (s) => wordFor(w.volunteering.stage, s.stage) },
      { header: f.position, width: 8, value: (s) => s.position },
      { header: f.signedUpAt, width: 17, value: (s) => s.signedUpAt, format: "datetime" },
      { header: f.checkedInAt, width: 17, value: (s) => s.checkedInAt, format: "datetime" },
      { header: f.checkedOutAt, width: 17, value: (s) => s.checkedOutAt, format: "datetime" },
      { header: f.hours, width: 8, value: (s) => s.hours },
    ];
  },
};
