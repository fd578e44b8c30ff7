import type { LightMyRequestResponse as Response } from "fastify";
import type { Caller } from "./calls.ts";

// The objects the API tests make again and again, made through the API as the caller given
// (`createCase(t.as("resident"), { location })`), from a default body the test overrides where it
// matters. Each returns the created object's JSON and throws with the server's answer otherwise, so
// a broken set-up names its cause instead of failing three lines later on an undefined id.

type Body = Record<string, unknown>;
/** What `res.json()` gives: the tests read the fields they need. */
type Json = ReturnType<typeof JSON.parse>;

function created(res: Response, what: string): Json {
  if (res.statusCode !== 201) throw new Error(`${what}: ${res.statusCode}, not 201: ${res.body}`);
  return res.json();
}

/** A 1×1 PNG: the smallest photo the server accepts. */
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
  "base64",
);

/** An uploaded photo's id; a `variant` byte after the image makes another file (another id) of it. */
export async function uploadPhoto(as: Caller, variant?: number): Promise<string> {
  const bytes = variant === undefined ? PNG : Buffer.concat([PNG, Buffer.from([variant])]);
  const form = new FormData();
  form.append("file", new Blob([new Uint8Array(bytes)], { type: "image/png" }), "photo.png");
  return created(await as.post("/api/v1/files", form), "upload").id;
}

/** A case (诉求); give it a `location` or a `nodeId`. */
export const createCase = async (as: Caller, body: Body = {}) =>
  created(
    await as.post("/api/v1/cases", {
      categoryCode: "sanitation",
      description: "楼下垃圾堆放三天无人清理",
      ...body,
    }),
    "case",
  );

/** What `createOrder` publishes unless told otherwise. */
export const ORDER = {
  categoryCode: "errand",
  title: "帮独居老人代购降压药",
  description: "老人腿脚不便，需要去药店代购降压药",
  requesterName: "王秀兰",
  requesterPhone: "13912340000",
};

/** An open order (抢单) published by staff; give it a `location`, a `nodeId` or a `caseId`. */
export const createOrder = async (as: Caller, body: Body = {}) =>
  created(await as.post("/api/v1/orders", { ...ORDER, ...body }), "order");

/** A wish (微心愿) posted by a resident, pending review. */
export const createWish = async (as: Caller, body: Body = {}) =>
  created(
    await as.post("/api/v1/wishes", {
      title: "想要一套初中数学辅导书",
      description: "孩子上初二，数学跟不上。",
      category: "study",
      ...body,
    }),
    "wish",
  );

/** A volunteer activity at a fixed time tomorrow, two hours long; give it a `nodeId`. */
export const createActivity = async (as: Caller, body: Body = {}) =>
  created(
    await as.post("/api/v1/activities", {
      title: "小区环境大扫除",
      place: "红旗社区党群服务中心",
      mode: "fixedTime",
      capacity: 10,
      startsAt: new Date(Date.now() + 24 * 3_600_000).toISOString(),
      endsAt: new Date(Date.now() + 26 * 3_600_000).toISOString(),
      ...body,
    }),
    "activity",
  );

/** A volunteer team (志愿服务队); give it a `nodeId`. */
export const createTeam = async (as: Caller, body: Body = {}) =>
  created(
    await as.post("/api/v1/volunteering/teams", { name: "测试助老服务队", speciality: "陪护", ...body }),
    "team",
  );

/** The caller, a resident or party member, registered as a volunteer. */
export const registerVolunteer = async (as: Caller, body: Body = {}) =>
  created(await as.post("/api/v1/volunteering/me", { skills: ["保洁"], ...body }), "volunteer");
