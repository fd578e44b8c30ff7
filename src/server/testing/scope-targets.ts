/**
 * What each parameter of /openapi.json names, for the scope test (platform/http/scope.test.ts):
 * object kinds (testing/foreign.ts picks one outside each role's scope), or why a route is public
 * or left out. A new route with an id-like parameter these tables do not know fails that test:
 * add one line here.
 */
const NODE = ["street", "community", "grid", "householdNode"];
export type Target = string[] | { public: string } | { skip: string };

/** Path parameters, by the segment before them and their name. */
export const PATH: Record<string, Target> = {
  "tokens/{id}": ["token"],
  "nodes/{id}": NODE,
  "orgs/{id}": ["org"],
  "kinds/{code}": {
    skip: "an organisation kind is the district's vocabulary, edited at district level only",
  },
  "units/{id}": ["unit"],
  "part-time-members/{id}": ["partTimeMember"],
  "party-members/{id}": ["partyMember"],
  "households/{householdId}": ["household"],
  "households/{id}": ["household"],
  "residents/{id}": ["resident"],
  "staff/{id}": ["staff"],
  "grids/{code}": { public: "a grid's contact card (三亮) is public by design" },
  "photos/{photoId}": ["file"],
  "cases/{idOrCode}": ["case"],
  "whistles/{id}": ["whistle"],
  "devices/{deviceId}": ["device"],
  "reports/{id}": ["report"],
  "orders/{idOrCode}": ["order"],
  "volunteers/{id}": ["volunteer"],
  "teams/{id}": ["team"],
  "members/{volunteerId}": ["volunteer"],
  "activities/{id}": ["activity"],
  "wishes/{idOrCode}": ["wish"],
  "wishes/{id}": ["wish"],
  "notifications/{id}": ["notification"],
  "imports/{id}": ["import"],
  "accounts/{id}": ["user"],
  "accounts/{accountId}": {
    skip: "a points account is read only inside the caller's points.manage scope (inScope in SQL): points/ledger/views.test.ts",
  },
  "items/{id}": {
    skip: "a points shop item is changed only inside the caller's points.manage scope (inScope in SQL): points/shop/shop.test.ts",
  },
  "redemptions/{id}": {
    skip: "a redemption is seen by its owner, its shop's merchant and staff in scope only: points/shop/shop.test.ts",
  },
  "rankings/{id}": {
    skip: "a ranking is read and moved only inside the caller's points.manage scope (scopePaths): points/rankings/rankings.test.ts",
  },
  "entries/{holderId}": {
    skip: "a member or shop on the ranking beside it, whose scope is checked first: points/rankings/rankings.test.ts",
  },
  "consents/{id}": {
    skip: "a credit consent: withdrawn by its holder or by staff over his place only: points/credit/credit.test.ts",
  },
  "appraisal-rounds/{id}": {
    skip: "an appraisal round is read and closed in its community's scope, appraised by its own members and residents: points/appraisal/appraisal.test.ts",
  },
  "bindings/{id}": {
    skip: "a resident's binding request: decided only in its community's scope (accounts/sign-in.test.ts)",
  },
  "grid-types/{code}": { skip: "a grid type is the district's vocabulary, edited at district level only" },
  "categories/{code}": { skip: "a category is the district's vocabulary, edited with cases.configure only" },
  "departments/{id}": ["department"],
  "pairings/{id}": ["pairing"],
  "mobilisations/{id}": ["mobilisation"],
  "talents/{id}": ["talent"],
  "seekers/{id}": ["jobSeeker"],
  "matches/{id}": ["jobMatch"],
  "report-ins/{id}": ["reportIn"],
  "records/{id}": {
    skip: "a service record is decided only in its community's scope (inScope in SQL): engagement/records.test.ts",
  },
  "suggestions/{id}": {
    skip: "a member's suggestion is answered only in its community's scope (inScope in SQL): engagement/feedback.test.ts",
  },
  "feedback-cards/{id}": {
    skip: "a card is read by its community, the member's unit and the member only: engagement/feedback.test.ts",
  },
  "promises/{id}": {
    skip: "the demo has no promises to pick a foreign one from; walls.test.ts: decided only in scope (inScope in SQL), kept only by its member",
  },
  "pioneers/{id}": {
    skip: "the demo has no pioneers to pick a foreign one from; removal is scoped in SQL (walls/pioneers.ts)",
  },
  "walls/{communityId}": { public: "a community's walls (党员风采墙) are public by design, names masked" },
  "units/{unitId}": {
    skip: "a unit is seen where it is paired with the caller's communities (or is his own), not where it is registered: assessment.test.ts",
  },
  "visits/{id}": {
    skip: "a household visit: its visitor's, or engagement.manage over its household (engagement/visits.test.ts)",
  },
  "files/{id}": { public: "a photo's id is the hash of its bytes: whoever was shown it may load it" },
  "rule-sets/{id}": {
    skip: "a points rule set: read in scope and at the nodes above it, changed only in scope (inScope in SQL): points/rules/rules.test.ts",
  },
  "claims/{id}": {
    skip: "a points claim: decided only in its holder's scope (inScope in SQL), by its rule's approver: points/ledger/claims.test.ts",
  },
  "merchants/{id}": ["merchant"],
  "shops/{merchantId}": {
    public: "a shop's page and rating form (its QR code) are public by design, nothing personal",
  },
  "postings/{id}": {
    skip: "a points posting (a number): reversed only in its territory's scope (inScope in SQL): points/ledger/claims.test.ts",
  },
};
/** Query parameters and JSON body fields, by name (`path?name` where one route means another kind). */
export const FIELD: Record<string, Target> = {
  accountId: {
    skip: "a points account: the postings list filters by it inside the caller's scope (inScope in SQL): points/ledger/views.test.ts",
  },
  holderId: {
    skip: "a resident, member or shop as a points holder: looked up inside the caller's scope (claims-holders.ts): points/ledger/claims.test.ts",
  },
  rankingId: {
    skip: "narrows the caller's own scoped list of ranking entries (scopedTo in SQL): points/rankings/rankings.test.ts",
  },
  formFileId: { skip: "an uploaded scan: files are content-addressed, checked to exist, not scoped" },
  ruleId: {
    skip: "a rule of the set governing the holder, who is checked in scope: points/ledger/claims.test.ts",
  },
  itemId: {
    skip: "a points shop item: offered where the holder lives, listed inside the caller's scope (inScope in SQL): points/shop/shop.test.ts",
  },
  "/api/v1/points/shop/items?merchantId": {
    skip: "a shop: the items list filters by it inside the caller's scope (inScope in SQL); a new item's shop must lie under its node",
  },
  "/api/v1/points/shop/items/{id}?merchantId": {
    skip: "a shop: an item's shop must lie under its node, itself in the caller's points.manage scope (points/shop/items.ts)",
  },
  "/api/v1/points/redemptions?merchantId": {
    skip: "a shop: the redemptions list filters by it inside the caller's scope (inScope in SQL)",
  },
  "/api/v1/points/inspections?merchantId": ["merchant"],
  "/api/v1/points/redemptions/lookup?code": {
    skip: "a redemption's pick-up code, checked against the caller's shop",
  },
  "/api/v1/points/redemptions/deliver?code": {
    skip: "a redemption's pick-up code, checked against the caller's shop",
  },
  parentId: NODE,
  "/api/v1/org/orgs?parentId": ["org"],
  "/api/v1/org/orgs/{id}/move?parentId": ["org"],
  underId: NODE,
  node: NODE,
  nodeId: NODE,
  audienceNodeId: NODE,
  householdId: ["household"],
  orgId: ["org"],
  teamId: ["team"],
  activityId: ["activity"],
  caseId: ["case"],
  masterId: ["case"],
  departmentId: ["department"],
  departmentIds: ["department"],
  subjectId: ["community", "department"],
  volunteerId: ["volunteer"],
  leaderVolunteerId: ["volunteer"],
  unitId: ["unit"],
  actorId: ["user"],
  "/api/v1/audit/pii-access?actorId": {
    skip: "whoever read residents of the caller's scope, wherever he sits (a district admin): the rows stay scoped by resident",
  },
  entityId: { skip: "the audit log's entity id names any kind; only the district's admin reads it" },
  residentId: ["resident"],
  agreementFileId: { skip: "an uploaded scan: files are content-addressed, checked to exist, not scoped" },
  letterFileId: { skip: "an uploaded photo: files are content-addressed, checked to exist, not scoped" },
  memberIds: ["partyMember"],
  leaderId: ["partyMember"],
  memberId: ["partyMember"],
  communityId: ["community"],
  "/api/v1/territory/nodes?code": { skip: "a new node's own code, not a reference" },
  "/api/v1/activities/{id}/attendance?code": {
    skip: "the volunteer's check-in code, checked against the activity",
  },
  deviceId: { skip: "a new device's own id, not a reference" },
  "/api/v1/auth/sms/login?code": { skip: "the texted sign-in code, not a reference" },
  "/api/v1/auth/wechat/login?code": { skip: "WeChat's one-time code, not a reference" },
  "/api/v1/auth/password/reset?code": { skip: "the texted reset code, not a reference" },
  "/api/v1/me/household-binding?communityId": {
    skip: "the community he says he lives in, any of the district's: it decides who is asked to confirm",
  },
  "/api/v1/territory/grid-types?code": { skip: "a new grid type's own code, not a reference" },
  "/api/v1/cases/categories?code": { skip: "a new category's own code, not a reference" },
  "/api/v1/cases/departments?code": { skip: "a new department's own code, not a reference" },
  "/api/v1/orders/categories?code": { skip: "a new category's own code, not a reference" },
  callId: { skip: "the device's own id for a call" },
  photoId: { skip: "a photo's id is the hash of its bytes (files/{id}): whoever was shown it may attach it" },
};

const OBJECT_NAME = /^(id|idOrCode|code|node)$|Ids?$/;
/** Values the schemas cannot guess; the rest comes from sampleOf. */
const DAY = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
export const GIVEN: Record<string, unknown> = {
  startsAt: `${DAY}T02:00:00.000Z`,
  endsAt: `${DAY}T03:00:00.000Z`,
  deviceId: "SCOPE-NEW",
  title: "范围测试",
  name: "范围测试",
  password: "Fanwei2026",
  phone: "13900001111",
  requesterPhone: "13900001111",
  wisherPhone: "13900001111",
  reporterPhone: "13900001111",
  idNumber: "11010519491231002X",
  categoryCode: "errand",
  period: "2026-01",
  purpose: "核实身份",
  code: "SCOPE-1",
};

export const isObjectParam = (name: string, format?: string) => OBJECT_NAME.test(name) || format === "uuid";
const segmentKey = (path: string, name: string) => {
  const parts = path.split("/");
  // A file's route names its object with a suffix: feedback-cards/{id}.pdf.
  const at = parts.findIndex((p) => p === `{${name}}` || p.startsWith(`{${name}}.`));
  return `${parts[at - 1]}/{${name}}`;
};
export const targetOf = (path: string, name: string, inPath: boolean): Target | undefined =>
  inPath ? PATH[segmentKey(path, name)] : (FIELD[`${path}?${name}`] ?? FIELD[name]);

/** Lists that show every row by design, not walked for foreign rows: why each is public. */
export const PUBLIC_LISTS: Record<string, string> = {
  "/api/v1/engagement/ledger/units":
    "the units paired with the caller's communities: a unit is seen where it is paired, not where it is registered",
  "/api/v1/public/communities":
    "the district's communities by name, for a resident to pick his own when binding",
};
