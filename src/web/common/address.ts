/**
 * "江西省赣州市兴安区潋江街道红旗社区华府佳园1栋…" → "华府佳园1栋…" inside an area whose name
 * is known (the reader knows where he is); the whole address otherwise.
 */
export function shortAddress(address: string, area: string | undefined): string {
  if (!area) return address;
  const at = address.indexOf(area);
  return at >= 0 && at + area.length < address.length ? address.slice(at + area.length) : address;
}
