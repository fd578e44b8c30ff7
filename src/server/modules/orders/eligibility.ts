import type { Principal } from "../../platform/auth/index.ts";
import type { Executor } from "../../platform/db/index.ts";
import { AppError, unprocessable } from "../../platform/errors.ts";
import { metresBetween } from "../../platform/geo/index.ts";
import { inWords } from "../../platform/i18n/words.ts";
import { type VolunteerProfile, volunteerOf } from "../volunteering/index.ts";
import type { Audience } from "./tables.ts";

/**
 * Who may grab an order (R5: published to eligible members and volunteers by grid, team, skill
 * and distance). One check, used by the grab itself, the hall and the detail's allowed actions.
 */
export interface Grabber {
  userId: string;
  name: string;
  /** The nodes of his party-member and liaison roles: where he lives and serves as a member. */
  memberPaths: string[];
  /** The nodes of his resident roles (his household). */
  residentPaths: string[];
  /** His volunteer registration (looked up once, and only when an order asks about it). */
  volunteer: () => Promise<VolunteerProfile | null>;
}

export function grabberOf(executor: Executor, principal: Principal): Grabber {
  const paths = (role: string) => principal.roles.filter((r) => r.role === role).map((r) => r.nodePath);
  let profile: Promise<VolunteerProfile | null> | undefined;
  return {
    userId: principal.userId,
    name: principal.name,
    // A household liaison (联户长, often a 党员中心户) serves the households of his grid as a member does.
    memberPaths: [...paths("partyMember"), ...paths("liaison")],
    residentPaths: paths("resident"),
    volunteer: () => {
      profile ??= volunteerOf(executor, principal.userId);
      return profile;
    },
  };
}

/** What of an order decides who may grab it. */
export interface Audienced {
  audience: Audience;
  audiencePath: string;
  teamId: string | null;
  maxDistanceMeters: number | null;
  lat: number | null;
  lng: number | null;
  /** The category's skill word, if it asks for one. */
  skill: string | null;
}

export interface Spot {
  lat: number;
  lng: number;
}

/**
 * Why `g` may not grab `order`, or null when he may. Without `at` the distance is not judged (the
 * hall and the detail ask before the phone has a location; the grab itself always judges it).
 */
export async function refusalOf(
  order: Audienced,
  g: Grabber,
  at: Spot | undefined,
  judgeDistance: boolean,
): Promise<AppError | null> {
  const under = (p: string) => p.startsWith(order.audiencePath);
  const member = g.memberPaths.length > 0;
  const memberHere = order.audience !== "volunteers" && g.memberPaths.some(under);
  // A member living here needs no volunteer registration, unless the order is for a team.
  const volunteer =
    (memberHere || order.audience === "members") && !order.teamId ? null : await g.volunteer();
  const volunteerHere =
    order.audience !== "members" &&
    volunteer !== null &&
    [...g.residentPaths, volunteer.territoryPath].some(under);
  if (!memberHere && !volunteerHere) {
    const addressed =
      (order.audience !== "volunteers" && member) || (order.audience !== "members" && !!volunteer);
    return addressed
      ? new AppError("OUTSIDE_AUDIENCE", 403, { audience: order.audience })
      : new AppError("NOT_IN_AUDIENCE", 403, {
          audience: order.audience,
          audienceName: inWords((w) => w.orders.audience[order.audience]),
        });
  }

  if (order.teamId && !volunteer?.teamIds.includes(order.teamId))
    return new AppError("NOT_IN_TEAM", 403, { teamId: order.teamId });

  // Members may take any kind of service; a volunteer needs the category's skill.
  if (order.skill && !memberHere && !volunteer?.skills.includes(order.skill))
    return new AppError("SKILL_REQUIRED", 403, {
      skill: order.skill,
    });

  if (judgeDistance && order.maxDistanceMeters !== null && order.lat !== null && order.lng !== null) {
    if (!at)
      return unprocessable("GRABBER_LOCATION_REQUIRED", {
        maxDistanceMeters: order.maxDistanceMeters,
      });
    const distanceMeters = metresBetween(at, { lat: order.lat, lng: order.lng });
    if (distanceMeters > order.maxDistanceMeters)
      return unprocessable("TOO_FAR", { distanceMeters, maxDistanceMeters: order.maxDistanceMeters });
  }
  return null;
}

/** The paths under which an order may reach him at all (the hall's first, cheap filter). */
export async function homePaths(g: Grabber): Promise<string[]> {
  const volunteer = await g.volunteer();
  return [...g.memberPaths, ...g.residentPaths, ...(volunteer ? [volunteer.territoryPath] : [])];
}

/** Distance from the phone to the place, when both are known. */
export function distanceTo(order: { lat: number | null; lng: number | null }, at: Spot | undefined) {
  return at && order.lat !== null && order.lng !== null
    ? metresBetween(at, { lat: order.lat, lng: order.lng })
    : null;
}
