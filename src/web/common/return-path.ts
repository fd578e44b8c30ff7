/** Any origin will do: only whether a value stays on it matters. */
const HERE = "http://here.invalid";

/**
 * A login's `?next=` address, kept only if it is a path on this site ("/screen?node=…"): anything
 * that would leave it ("//evil.example", "/\\evil.example", "https://…") gives null.
 */
export function sameSitePath(value: string | null | undefined): string | null {
  if (!value?.startsWith("/")) return null;
  let url: URL;
  try {
    url = new URL(value, HERE);
  } catch {
    return null;
  }
  return url.origin === HERE ? url.pathname + url.search + url.hash : null;
}

/** The login address that brings the reader back to `path` (another app of this site) afterwards. */
export function loginUrl(path: string): string {
  return `/admin/login?next=${encodeURIComponent(path)}`;
}
