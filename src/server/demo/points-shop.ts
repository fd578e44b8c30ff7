import { randomUUID } from "node:crypto";
import type { BulkPoints } from "../modules/points/index.ts";
import { newRedemptionCode, post } from "../modules/points/index.ts";
import type { InsertedNode } from "../modules/territory/index.ts";
import type { Tx } from "../platform/db/index.ts";
import { pinyinSortKey } from "../platform/i18n/pinyin.ts";

const DAY = 86_400_000;

/** The demo community's points shop: goods at the service hall and services at its shops. */
export function writeShop(
  rows: BulkPoints,
  c: { community: InsertedNode; district: InsertedNode; shop: { id: string }; staffId: string; now: number },
) {
  const goods: Array<[string, string, number, number]> = [
    ["洗衣液（2公斤）", "社区党群服务中心一楼领取", 15, 30],
    ["大米（5公斤）", "社区党群服务中心一楼领取", 40, 12],
    ["毛巾两条", "社区党群服务中心一楼领取", 10, 40],
    ["抽纸一提", "已兑完，下月补货", 8, 0],
  ];
  for (const [name, description, price, stock] of goods)
    rows.items.push({
      id: randomUUID(),
      kind: "goods",
      nodeId: c.community.id,
      territoryPath: c.community.path,
      name,
      sortKey: pinyinSortKey(name),
      description,
      price,
      stock,
      createdBy: c.staffId,
      createdAt: new Date(c.now - 90 * DAY),
    });
  rows.items.push(
    {
      id: randomUUID(),
      kind: "service",
      nodeId: c.community.id,
      territoryPath: c.community.path,
      merchantId: c.shop.id,
      name: "理发一次",
      sortKey: pinyinSortKey("理发一次"),
      description: "五小便民服务店：美玲便民理发店，凭兑换码到店",
      price: 20,
      stock: 20,
      createdBy: c.staffId,
      createdAt: new Date(c.now - 90 * DAY),
    },
    {
      id: randomUUID(),
      kind: "service",
      nodeId: c.community.id,
      territoryPath: c.community.path,
      merchantId: c.shop.id,
      name: "老人修剪胡须",
      sortKey: pinyinSortKey("老人修剪胡须"),
      description: "五小便民服务店：美玲便民理发店",
      price: 10,
      stock: 15,
      createdBy: c.staffId,
      createdAt: new Date(c.now - 60 * DAY),
    },
  );
}

/** The demo resident collected a bag of washing powder and waits to have her hair cut. */
export async function redeem(
  tx: Tx,
  rows: BulkPoints,
  r: { holder: string; spent: string; userId: string; territoryPath: string; now: number },
) {
  const wanted: Array<[number, "delivered" | "reserved", number]> = [
    [0, "delivered", 40],
    [4, "reserved", 3],
  ];
  for (const [index, status, daysBack] of wanted) {
    const item = rows.items[index];
    if (!item) continue;
    const id = randomUUID();
    const at = new Date(r.now - daysBack * DAY);
    const [posting] = await post(tx, [
      {
        businessKey: `redeem:${id}`,
        kind: "redeem",
        debitAccountId: r.holder,
        creditAccountId: r.spent,
        holderAccountId: r.holder,
        amount: item.price,
        memo: `兑换 ${item.name}`,
        territoryPath: r.territoryPath,
        at,
      },
    ]);
    item.stock -= 1;
    rows.redemptions.push({
      id,
      code: newRedemptionCode(),
      itemId: item.id as string,
      accountId: r.holder,
      userId: r.userId,
      merchantId: item.merchantId ?? null,
      points: item.price,
      status,
      territoryPath: r.territoryPath,
      postingId: posting?.id as number,
      createdAt: at,
      deliveredAt: status === "delivered" ? new Date(at.getTime() + DAY) : null,
    });
  }
}
