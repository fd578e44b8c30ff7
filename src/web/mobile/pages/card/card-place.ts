import { useQuery } from "@tanstack/react-query";
import { api } from "../../../common/api.ts";
import { useAuth } from "../../../common/auth.tsx";
import type { CasePlace } from "../cases/place-picker.tsx";

/**
 * The place a request starts with when it comes from a grid's contact card (`?grid=<code>`): the
 * grid's centre, once the server has placed that point in the same grid. Anything else (no such
 * grid, a centre outside an odd-shaped grid, no network) leaves the place for the reporter to give.
 */
export function useCardPlace(code: string | null): { pending: boolean; place?: CasePlace } {
  const signedIn = !!useAuth().user;
  const found = useQuery({
    queryKey: ["public", "card-place", code, signedIn],
    queryFn: async ({ signal }): Promise<CasePlace | null> => {
      const card = await api.get("/api/v1/public/grids/{code}/card", { path: { code: code ?? "" }, signal });
      if (!card.center) return null;
      // Not signed in yet (the poster's QR code): the grid's own centre, as the card names it.
      if (!signedIn)
        return {
          kind: "pin",
          ...card.center,
          where: [card.community?.name, card.name].filter(Boolean).join(" · "),
        };
      const at = await api.get("/api/v1/territory/locate", { query: card.center, signal });
      if (at.grid.code !== card.code) return null;
      const where = [at.community?.name, at.grid.name].filter(Boolean).join(" · ");
      return { kind: "pin", ...card.center, where };
    },
    enabled: !!code,
    retry: false,
    staleTime: 10 * 60_000,
  });
  return { pending: !!code && found.isPending, place: found.data ?? undefined };
}
