import { useQuery } from "@tanstack/react-query";
import { Descriptions, Drawer, Empty, Image, List, Rate, Space, Table, Tag } from "antd";
import { useTranslation } from "react-i18next";
import { api } from "../../../../common/api.ts";
import { LoadFailed } from "../../status.tsx";
import { dateTime, Titles } from "./shops.tsx";

const C = "pointsEvaluation.columns";
const A = "pointsEvaluation.admin";

/** One shop: its score by first-level indicator, its recent inspections with photos, its ratings. */
export function ShopDrawer({ merchantId, onClose }: { merchantId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const shop = useQuery({
    queryKey: ["points", "merchants", merchantId, "detail"],
    queryFn: ({ signal }) => api.get("/api/v1/points/merchants/{id}", { path: { id: merchantId }, signal }),
  });
  const d = shop.data;
  return (
    <Drawer open width={720} onClose={onClose} title={d?.name ?? t(`${A}.detail`)}>
      {shop.error && <LoadFailed error={shop.error} retry={() => void shop.refetch()} />}
      {d && (
        <Space orientation="vertical" size={20} style={{ width: "100%" }}>
          <Descriptions column={2} size="small" bordered>
            <Descriptions.Item label={t(`${C}.score`)}>
              <strong style={{ fontSize: 20 }}>{d.score}</strong>
            </Descriptions.Item>
            <Descriptions.Item label={t(`${A}.base`)}>{d.base}</Descriptions.Item>
            <Descriptions.Item label={t(`${C}.added`)}>{d.added}</Descriptions.Item>
            <Descriptions.Item label={t(`${C}.deducted`)}>{d.deducted}</Descriptions.Item>
            <Descriptions.Item label={t(`${C}.category`)}>{d.category}</Descriptions.Item>
            <Descriptions.Item label={t(`${C}.titles`)}>
              <Titles titles={d.titles} />
            </Descriptions.Item>
            <Descriptions.Item label={t(`${C}.address`)} span={2}>
              {d.address}
            </Descriptions.Item>
          </Descriptions>
          <Table
            rowKey={(r) => r.indicator ?? ""}
            size="small"
            pagination={false}
            dataSource={d.indicators}
            columns={[
              { title: t(`${C}.items`), dataIndex: "indicator" },
              { title: t(`${C}.added`), dataIndex: "added", align: "right", width: 90 },
              { title: t(`${C}.deducted`), dataIndex: "deducted", align: "right", width: 90 },
            ]}
          />
          <div>
            <h3>{t(`${A}.recentInspections`)}</h3>
            {d.inspections.length === 0 ? (
              <Empty description={t(`${A}.noInspections`)} />
            ) : (
              <List
                dataSource={d.inspections}
                renderItem={(i) => (
                  <List.Item>
                    <List.Item.Meta
                      title={`${dateTime(i.at)} · ${i.inspector ?? ""}`}
                      description={
                        <Space orientation="vertical" size={6}>
                          <span>
                            {i.items.map((x) => (
                              <Tag key={x.ruleId} color={x.kind === "add" ? "green" : "red"}>
                                {x.name} {x.kind === "add" ? "+" : "−"}
                                {x.applied}
                              </Tag>
                            ))}
                          </span>
                          {i.note && <span>{i.note}</span>}
                          {i.photos.length > 0 && (
                            <Image.PreviewGroup>
                              {i.photos.map((p) => (
                                <Image
                                  key={p.id}
                                  src={p.url}
                                  width={64}
                                  height={64}
                                  style={{ objectFit: "cover" }}
                                />
                              ))}
                            </Image.PreviewGroup>
                          )}
                        </Space>
                      }
                    />
                  </List.Item>
                )}
              />
            )}
          </div>
          <div>
            <h3>{t(`${A}.recentRatings`)}</h3>
            <List
              dataSource={d.ratings}
              locale={{ emptyText: t("pointsEvaluation.shop.noStars") }}
              renderItem={(r) => (
                <List.Item>
                  <Rate disabled value={r.stars} style={{ fontSize: 14 }} />{" "}
                  <span style={{ marginLeft: 8 }}>{r.comment}</span>
                  <span style={{ color: "#999" }}>{r.day}</span>
                </List.Item>
              )}
            />
          </div>
        </Space>
      )}
    </Drawer>
  );
}
