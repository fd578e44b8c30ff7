import type { Actor } from "../../platform/audit/index.ts";
import { missingScopes } from "../../platform/auth/index.ts";
import type { Db } from "../../platform/db/index.ts";
import { AppError } from "../../platform/errors.ts";
import type { Locale } from "../../platform/i18n/messages.ts";
import { normalizeMobile } from "../../platform/pii/index.ts";
import { resolvePrincipal } from "../accounts/index.ts";
import { submitCase } from "../cases/index.ts";
import { Open311Error, open311Error, type Said } from "./format.ts";
import { serviceByCode, serviceNotice } from "./service.ts";

type Fields = Record<string, string | string[]>;
type Category = Awaited<ReturnType<typeof serviceByCode>>;

const MAX_DESCRIPTION = 4000;
/** Longest accepted value of each optional text field. */
const LIMITS: Record<string, number> = {
  email: 254,
  first_name: 50,
  last_name: 50,
  phone: 30,
  device_id: 100,
  account_id: 100,
  address_string: 200,
  media_url: 2000,
};
const ATTRIBUTE = /^attribute\[([^\]]+)\](\[\])?$/;
const CJK = /\p{Script=Han}/u;

/** The posted form as flat text fields; a JSON object of the same keys is taken too. */
function fieldsOf(body: unknown): Fields {
  if (!body || typeof body !== "object" || Array.isArray(body))
    throw open311Error(
      400,
      "请以 application/x-www-form-urlencoded 表单提交",
      "Send the request as an application/x-www-form-urlencoded form",
    );
  const out: Fields = {};
  for (const [key, value] of Object.entries(body)) {
    if (typeof value === "string") out[key] = value;
    else if (Array.isArray(value)) out[key] = value.map(String);
    else if (typeof value === "number" || typeof value === "boolean") out[key] = String(value);
  }
  return out;
}

/** A single-valued field, trimmed; empty counts as absent, as the specification's optional arguments do. */
function one(fields: Fields, name: string): string | undefined {
  const raw = fields[name];
  if (Array.isArray(raw))
    throw open311Error(400, `参数 ${name} 只能提交一次`, `${name} may be given only once`);
  const value = raw?.trim();
  if (!value) return undefined;
  const max = LIMITS[name];
  if (max !== undefined && value.length > max)
    throw open311Error(400, `${name} 不能超过 ${max} 个字符`, `${name} must be at most ${max} characters`);
  return value;
}

/** The api_key (in the form, or in the query string as some clients send it) resolved to its user. */
async function principalOf(db: Db, fields: Fields, query: Fields) {
  const key = one(fields, "api_key") ?? one(query, "api_key");
  if (!key)
    throw open311Error(403, "缺少 api_key，无法提交诉求", "api_key is missing: can't create the request");
  const principal = key.length <= 200 ? await resolvePrincipal(db, { bearer: key }) : null;
  if (!principal)
    throw open311Error(
      403,
      "api_key 无效、已过期或已撤销，无法提交诉求",
      "Invalid api_key received: can't create the request",
    );
  // The one credential the guard does not see (it comes in the form), so its scope is checked here.
  if (missingScopes(principal, ["open311"]).length > 0)
    throw open311Error(
      403,
      "该 api_key 没有“Open311 报件”权限，无法提交诉求",
      "This api_key lacks the open311 scope: can't create the request",
    );
  return principal;
}

function coordinate(fields: Fields, name: "lat" | "long", limit: number): number | undefined {
  const text = one(fields, name);
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!Number.isFinite(value) || Math.abs(value) > limit)
    throw open311Error(400, `${name} 不是有效的 WGS84 坐标`, `${name} is not a valid WGS84 coordinate`);
  return value;
}

/** lat & long, both or neither; an address alone cannot be placed, since there is no geocoder here. */
function locationOf(fields: Fields): { lat: number; lng: number } {
  const lat = coordinate(fields, "lat", 90);
  const lng = coordinate(fields, "long", 180);
  if (lat !== undefined && lng !== undefined) return { lat, lng };
  if (lat !== undefined || lng !== undefined)
    throw open311Error(400, "lat 与 long 须同时提供", "lat and long must both be sent");
  if (one(fields, "address_string") || one(fields, "address_id"))
    throw open311Error(
      400,
      "本系统无法根据地址定位，请同时提供 lat 与 long（WGS84 坐标）",
      "This server cannot locate a request by address_string or address_id: send lat and long (WGS84) as well",
    );
  throw open311Error(400, "请提供事发位置：lat 与 long", "A location is required: send lat and long");
}

/** `attribute[code]=value` (and `attribute[code][]=…`) checked against the service definition. */
function attributesOf(fields: Fields, category: Category): Record<string, string> {
  const given = new Map<string, string[]>();
  const errors: Said[] = [];
  for (const [key, raw] of Object.entries(fields)) {
    if (!key.startsWith("attribute")) continue;
    const code = ATTRIBUTE.exec(key)?.[1];
    if (!code || !category.questions.some((q) => q.code === code)) {
      errors.push({ zh: `该服务没有属性 ${key}`, en: `${key} is not an attribute of this service` });
      continue;
    }
    const values = (Array.isArray(raw) ? raw : [raw]).map((v) => v.trim()).filter(Boolean);
    given.set(code, [...(given.get(code) ?? []), ...values]);
  }
  const out: Record<string, string> = {};
  for (const q of category.questions) {
    const values = given.get(q.code) ?? [];
    const label = `attribute[${q.code}]`;
    const value = values[0];
    if (value === undefined) {
      if (q.required) errors.push({ zh: `缺少必填属性 ${label}（${q.label}）`, en: `${label} is required` });
      continue;
    }
    if (values.length > 1) errors.push({ zh: `${label} 只能有一个值`, en: `${label} takes one value` });
    else if (q.datatype === "singlevaluelist" && !q.values?.some((v) => v.key === value))
      errors.push({
        zh: `${label} 的值须为：${q.values?.map((v) => v.key).join("、")}`,
        en: `${label} must be one of: ${q.values?.map((v) => v.key).join(", ")}`,
      });
    else if (q.datatype === "number" && !Number.isFinite(Number(value)))
      errors.push({ zh: `${label} 须为数字`, en: `${label} must be a number` });
    else if (value.length > (q.datatype === "string" ? 200 : MAX_DESCRIPTION))
      errors.push({ zh: `${label} 过长`, en: `${label} is too long` });
    else out[q.code] = value;
  }
  if (errors.length > 0) throw new Open311Error(400, errors);
  return out;
}

function mediaUrlOf(fields: Fields): string | undefined {
  const text = one(fields, "media_url");
  if (text === undefined) return undefined;
  const url = URL.canParse(text) ? new URL(text) : null;
  if (url?.protocol !== "http:" && url?.protocol !== "https:")
    throw open311Error(400, "media_url 须为 http(s) 网址", "media_url must be an http(s) URL");
  return text;
}

/** The reporter's name as people write it: 张 + 三 → 张三, John + Smith → John Smith. */
function nameOf(first?: string, last?: string): string | undefined {
  if (!first || !last) return first ?? last;
  return CJK.test(first + last) ? `${last}${first}` : `${first} ${last}`;
}

/**
 * POST requests: the form, checked in the specification's terms, filed as a case of the "open311"
 * channel. The token's user is the reporter unless the form names someone else (an app filing for
 * a resident); contact details go into the case's reporter fields, which are masked in every list.
 */
export async function fileRequest(db: Db, body: unknown, query: Fields, ip: string, locale: Locale) {
  const fields = fieldsOf(body);
  const principal = await principalOf(db, fields, query);
  const code = one(fields, "service_code");
  if (!code) throw open311Error(400, "缺少 service_code", "service_code was not provided");
  const category = await serviceByCode(db, code);
  const description = one(fields, "description");
  if (!description) throw open311Error(400, "请填写 description（诉求内容）", "description is required");
  if (description.length > MAX_DESCRIPTION)
    throw open311Error(
      400,
      "description 不能超过 4000 个字符",
      "description must be at most 4,000 characters",
    );
  const location = locationOf(fields);
  const attributes = attributesOf(fields, category);
  const mediaUrl = mediaUrlOf(fields);
  const email = one(fields, "email");
  if (email && !/^[^\s@]+@[^\s@]+$/.test(email))
    throw open311Error(400, "email 不是有效的邮箱地址", "email is not a valid address");
  const phone = one(fields, "phone");
  const name = nameOf(one(fields, "first_name"), one(fields, "last_name"));
  const deviceId = one(fields, "device_id");
  const accountId = one(fields, "account_id");
  const actor: Actor = { userId: principal.userId, name: principal.name, ip };
  const submitted = await submitCase(db, actor, {
    channel: "open311",
    categoryCode: category.code,
    description,
    location,
    address: one(fields, "address_string"),
    reporter: {
      userId: principal.userId,
      name: name ?? principal.name,
      phone: phone ? (normalizeMobile(phone) ?? phone) : principal.phone,
    },
    extra: {
      attributes,
      ...(email ? { email } : {}),
      ...(mediaUrl ? { media_url: mediaUrl } : {}),
      ...(deviceId ? { device_id: deviceId } : {}),
      ...(accountId ? { account_id: accountId } : {}),
    },
  }).catch((err: unknown) => {
    if (err instanceof AppError && (err.code === "OUTSIDE_DISTRICT" || err.code === "OUTSIDE_COMMUNITY"))
      throw open311Error(
        400,
        "该位置不在本辖区范围内，无法受理",
        "The location (lat, long) is outside the area this jurisdiction serves",
      );
    throw err;
  });
  return { code: submitted.code, notice: serviceNotice(category, locale) };
}
