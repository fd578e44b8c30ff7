import { eq } from "drizzle-orm";
import type { Executor } from "../../../platform/db/index.ts";
import { notify } from "../../../platform/notify/index.ts";
import { usersByPhones } from "../../accounts/index.ts";
import { membersLivingUnder } from "../../people/index.ts";
import { merchantPhones } from "../../places/index.ts";
import { rankingEntries, type rankings, type TitleKind } from "./tables.ts";

const TITLE_WORDS: Record<TitleKind, string> = {
  starMember: "明星党员",
  virtueShop: "美德商铺",
  trustedMerchant: "社区信得过经营户",
};

/**
 * Tells each titled member or shop owner in the app, in the publishing transaction: they meet their
 * accounts by phone, as everywhere in points. Holders without an account are not told.
 */
export async function tellTitled(tx: Executor, ranking: typeof rankings.$inferSelect): Promise<void> {
  const entries = await tx
    .select({ holderId: rankingEntries.holderId })
    .from(rankingEntries)
    .where(eq(rankingEntries.rankingId, ranking.id));
  const ids = entries.map((e) => e.holderId);
  if (ids.length === 0) return;
  const phones =
    ranking.kind === "starMember"
      ? new Map(
          (await membersLivingUnder(tx, ranking.territoryPath, { ids, limit: ids.length })).flatMap((m) =>
            m.phone ? [[m.id, m.phone] as const] : [],
          ),
        )
      : await merchantPhones(tx, ids);
  const users = await usersByPhones(tx, [...phones.values()]);
  const title = TITLE_WORDS[ranking.kind];
  await notify(
    tx,
    [...phones.values()].map((phone) => ({
      userId: users.get(phone) ?? null,
      kind: "points.ranking.published",
      title: `您获评${title}`,
      body: `恭喜！您被评为${ranking.period}${title}，榜单已在社区公示。`,
      entity: "point_ranking",
      entityId: ranking.id,
    })),
  );
}
