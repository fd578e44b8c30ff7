import type { InjectOptions, LightMyRequestResponse as Response } from "fastify";
import type { App } from "../platform/http/types.ts";

/** The nine demo roles by name (see PHONES in harness.ts). */
export type RoleName =
  | "districtAdmin"
  | "streetStaff"
  | "communityStaff"
  | "gridWorker"
  | "departmentStaff"
  | "partyMember"
  | "resident"
  | "propertyStaff"
  | "merchant";

/** Who calls: a signed-in demo role by name, a caller's own headers, or nobody (undefined). */
export type Who = RoleName | { headers: Record<string, string> } | Record<string, string> | undefined;

type Headers = Record<string, string>;

/** API calls as one caller: `t.as("gridWorker").post("/api/v1/cases", body)`. */
export interface Caller {
  headers: Headers;
  get(url: string, headers?: Headers): Promise<Response>;
  delete(url: string, headers?: Headers): Promise<Response>;
  post(url: string, payload?: unknown, headers?: Headers): Promise<Response>;
  put(url: string, payload?: unknown, headers?: Headers): Promise<Response>;
  patch(url: string, payload?: unknown, headers?: Headers): Promise<Response>;
}

export function callerOf(app: App, headers: Headers): Caller {
  const call = (method: InjectOptions["method"], url: string, payload: unknown, extra: Headers = {}) =>
    app.inject({
      method,
      url,
      headers: { ...headers, ...extra },
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
  return {
    headers,
    get: (url, extra) => call("GET", url, undefined, extra),
    delete: (url, extra) => call("DELETE", url, undefined, extra),
    post: (url, payload = {}, extra) => call("POST", url, payload, extra),
    put: (url, payload = {}, extra) => call("PUT", url, payload, extra),
    patch: (url, payload = {}, extra) => call("PATCH", url, payload, extra),
  };
}

/** The headers of `who`, given the signed-in roles' headers. */
export function headersOf(who: Who, roles: Partial<Record<RoleName, Headers>>): Headers {
  if (who === undefined) return {};
  if (typeof who === "string") {
    const headers = roles[who];
    if (!headers) throw new Error(`no session for ${who}: start the app with startWithSessions()`);
    return headers;
  }
  return "headers" in who && typeof who.headers === "object" ? (who.headers as Headers) : (who as Headers);
}
