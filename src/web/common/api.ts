import type { paths } from "./generated/api-types.ts";
import { i18n } from "./i18n.ts";

type Method = "get" | "post" | "put" | "patch" | "delete";
type Operation<P extends keyof paths, M extends Method> = NonNullable<paths[P][M]>;
/** The paths that have an operation for method M. */
export type PathOf<M extends Method> = {
  [P in keyof paths]: [Operation<P, M>] extends [never] ? never : P;
}[keyof paths];

type Json<R> = R extends { content: { "application/json": infer J } } ? J : undefined;
type Ok = 200 | 201 | 204;
export type ResponseOf<P extends keyof paths, M extends Method> =
  Operation<P, M> extends { responses: infer R } ? Json<R[keyof R & Ok]> : never;
type RequestBodyOf<P extends keyof paths, M extends Method> = NonNullable<
  Operation<P, M> extends { requestBody?: infer R } ? R : never
>;
export type BodyOf<P extends keyof paths, M extends Method> = [RequestBodyOf<P, M>] extends [never]
  ? never
  : RequestBodyOf<P, M> extends { content: { "application/json": infer B } }
    ? B
    : never;
export type QueryOf<P extends keyof paths, M extends Method> =
  Operation<P, M> extends { parameters: { query?: infer Q } } ? Q : never;
type PathParamsOf<P extends keyof paths, M extends Method> =
  Operation<P, M> extends { parameters: { path?: infer Q } } ? Q : never;

/** Query and path parameters; required only when the operation has required ones. */
type Params<P extends keyof paths, M extends Method> = ([QueryOf<P, M>] extends [never | undefined]
  ? { query?: undefined }
  : { query: QueryOf<P, M> }) &
  ([PathParamsOf<P, M>] extends [never | undefined] ? { path?: undefined } : { path: PathParamsOf<P, M> }) & {
    signal?: AbortSignal;
  };
type ParamArgs<P extends keyof paths, M extends Method> =
  Record<string, never> extends Omit<Params<P, M>, "signal">
    ? [params?: Params<P, M>]
    : [params: Params<P, M>];
/** The body argument, optional for operations that take none (logout). */
type BodyArgs<P extends keyof paths, M extends Method> = [BodyOf<P, M>] extends [never]
  ? [body?: undefined, ...ParamArgs<P, M>]
  : [body: BodyOf<P, M>, ...ParamArgs<P, M>];

/** A failed call, with CONTRACT.md's error body; status 0 when the server could not be reached. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

interface RawParams {
  query?: unknown;
  path?: unknown;
  signal?: AbortSignal;
}

function urlOf(template: string, params: RawParams): string {
  const path = template.replace(/\{(\w+)\}/g, (_, name: string) =>
    encodeURIComponent(String((params.path as Record<string, unknown> | undefined)?.[name] ?? "")),
  );
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries((params.query as Record<string, unknown> | undefined) ?? {})) {
    // A list is the key repeated (status=new&status=closed), as the server reads it.
    for (const item of Array.isArray(value) ? value : [value])
      if (item !== undefined && item !== null && item !== "") search.append(key, String(item));
  }
  const qs = search.toString();
  return qs ? `${path}?${qs}` : path;
}

async function errorOf(res: Response): Promise<ApiError> {
  const body = (await res.json().catch(() => null)) as {
    error?: { code?: string; message?: string; details?: unknown };
  } | null;
  const e = body?.error;
  if (e?.code && e.message) return new ApiError(res.status, e.code, e.message, e.details);
  return new ApiError(res.status, `HTTP_${res.status}`, i18n.t("errors.unexpected", { status: res.status }));
}

async function request(
  method: Method,
  template: string,
  params: RawParams = {},
  body?: unknown,
  accept = "application/json",
): Promise<unknown> {
  const headers: Record<string, string> = { Accept: accept, "Accept-Language": i18n.language };
  const form = body instanceof FormData;
  // A form sets its own multipart content type, boundary included.
  if (body !== undefined && !form) headers["Content-Type"] = "application/json";
  let res: Response;
  try {
    res = await fetch(urlOf(template, params), {
      method: method.toUpperCase(),
      headers,
      credentials: "same-origin",
      body: body === undefined ? undefined : form ? body : JSON.stringify(body),
      signal: params.signal,
    });
  } catch (err) {
    if (err instanceof DOMException && err.name === "AbortError") throw err;
    throw new ApiError(0, "NETWORK", i18n.t("errors.network"));
  }
  if (!res.ok) throw await errorOf(res);
  if (res.status === 204) return undefined;
  return res.json();
}

/**
 * A GET whose answer is JSON of another media type (application/geo+json), which the generated
 * types do not describe: the caller names the type it expects.
 */
export function getJsonAs<T>(
  path: string,
  accept: string,
  params: { query?: Record<string, string | number | undefined>; signal?: AbortSignal } = {},
): Promise<T> {
  return request("get", path, params, undefined, accept) as Promise<T>;
}

/** The address of a GET with its query, for a link the browser follows itself (a download). */
export function apiUrl<P extends PathOf<"get">>(path: P, query: QueryOf<P, "get">): string {
  return urlOf(path, { query });
}

/** The typed API: paths, parameters, bodies and answers all come from the generated OpenAPI types. */
export const api = {
  get: <P extends PathOf<"get">>(path: P, ...[params]: ParamArgs<P, "get">) =>
    request("get", path, params) as Promise<ResponseOf<P, "get">>,
  delete: <P extends PathOf<"delete">>(path: P, ...[params]: ParamArgs<P, "delete">) =>
    request("delete", path, params) as Promise<ResponseOf<P, "delete">>,
  post: <P extends PathOf<"post">>(path: P, ...[body, params]: BodyArgs<P, "post">) =>
    request("post", path, params, body) as Promise<ResponseOf<P, "post">>,
  patch: <P extends PathOf<"patch">>(path: P, ...[body, params]: BodyArgs<P, "patch">) =>
    request("patch", path, params, body) as Promise<ResponseOf<P, "patch">>,
  put: <P extends PathOf<"put">>(path: P, ...[body, params]: BodyArgs<P, "put">) =>
    request("put", path, params, body) as Promise<ResponseOf<P, "put">>,
  /** One file as multipart/form-data in the field "file" (photo uploads); errors as for every call. */
  upload: <M extends "post" | "put", P extends PathOf<M>>(
    method: M,
    path: P,
    file: Blob,
    ...[params]: ParamArgs<P, M>
  ) => {
    const form = new FormData();
    form.append("file", file);
    return request(method, path, params, form) as Promise<ResponseOf<P, M>>;
  },
};
