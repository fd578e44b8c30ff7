import { PlusOutlined } from "@ant-design/icons";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  App,
  Button,
  Checkbox,
  Drawer,
  Empty,
  Form,
  Input,
  InputNumber,
  Radio,
  Select,
  Space,
  Switch,
  Table,
  type TableColumnsType,
  Tag,
  type UploadFile,
} from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { pointsShopZhCN } from "../../../../../shared/locales/points-shop.zh-CN.ts";
import { api, type BodyOf, type ResponseOf } from "../../../../common/api.ts";
import { ExportButton } from "../../../components/export-button.tsx";
import { PhotoUploadItem } from "../../../components/photo-upload.tsx";
import { TerritoryPicker } from "../../cases/territory-picker.tsx";
import { LoadFailed } from "../../status.tsx";

type Item = ResponseOf<"/api/v1/points/shop/items", "get">["items"][number];
type Kind = Item["kind"];
type Audience = Item["audiences"][number];
export const SHOP_KEY = ["points", "shop"] as const;
const PAGE_SIZE = 20;

/** The shelves of the caller's area: stock at a glance, add and edit in a drawer, export. */
export function ItemsTab() {
  const { t } = useTranslation();
  const [q, setQ] = useState<string>();
  const [kind, setKind] = useState<Kind>();
  const [active, setActive] = useState<boolean | undefined>(true);
  const [page, setPage] = useState(1);
  const [editing, setEditing] = useState<Item | "new">();
  const filters = { q, kind, active };
  const query = { ...filters, page, pageSize: PAGE_SIZE };
  const result = useQuery({
    queryKey: [...SHOP_KEY, "items", query],
    queryFn: ({ signal }) => api.get("/api/v1/points/shop/items", { query, signal }),
    placeholderData: keepPreviousData,
  });
  const c = (key: keyof typeof pointsShopZhCN.columns) => t(`pointsShop.columns.${key}`);
  const columns: TableColumnsType<Item> = [
    {
      title: c("name"),
      dataIndex: "name",
      render: (name: string, r) => (
        <Space>
          {r.photo && <img src={r.photo.url} alt="" style={{ width: 36, height: 36, objectFit: "cover" }} />}
          {name}
        </Space>
      ),
    },
    { title: c("kind"), dataIndex: "kind", width: 80, render: (k: Kind) => t(`pointsShop.kinds.${k}`) },
    { title: c("node"), dataIndex: ["node", "name"], width: 140 },
    {
      title: c("merchant"),
      dataIndex: ["merchant", "name"],
      width: 180,
      render: (name?: string) => name ?? t("pointsShop.admin.noShop"),
    },
    { title: c("price"), dataIndex: "price", width: 90, align: "right" },
    {
      title: c("stock"),
      dataIndex: "stock",
      width: 80,
      align: "right",
      render: (n: number) => (n === 0 ? <Tag color="red">0</Tag> : n),
    },
    {
      title: c("audiences"),
      dataIndex: "audiences",
      width: 170,
      render: (list: Audience[]) => list.map((a) => t(`pointsShop.audiences.${a}`)).join("、"),
    },
    {
      title: c("active"),
      dataIndex: "active",
      width: 80,
      render: (on: boolean) =>
        on ? <Tag color="green">{t("pointsShop.onShelf")}</Tag> : <Tag>{t("pointsShop.offShelf")}</Tag>,
    },
    {
      title: t("pointsShop.admin.actions"),
      key: "edit",
      width: 80,
      render: (_: unknown, r) => (
        <Button size="small" onClick={() => setEditing(r)}>
          {t("pointsShop.admin.edit")}
        </Button>
      ),
    },
  ];
  return (
    <Space orientation="vertical" size={16} style={{ width: "100%" }}>
      <Space wrap size={12}>
        <Input.Search
          allowClear
          placeholder={t("pointsShop.admin.search")}
          style={{ width: 220 }}
          onSearch={(v) => {
            setQ(v.trim() || undefined);
            setPage(1);
          }}
        />
        <Select<Kind | "">
          value={kind ?? ""}
          style={{ width: 120 }}
          onChange={(v) => {
            setKind(v || undefined);
            setPage(1);
          }}
          options={[
            { value: "", label: t("pointsShop.admin.allKinds") },
            { value: "goods", label: t("pointsShop.kinds.goods") },
            { value: "service", label: t("pointsShop.kinds.service") },
          ]}
        />
        <Checkbox
          checked={active === true}
          onChange={(e) => {
            setActive(e.target.checked ? true : undefined);
            setPage(1);
          }}
        >
          {t("pointsShop.admin.onlyActive")}
        </Checkbox>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing("new")}>
          {t("pointsShop.admin.add")}
        </Button>
        <ExportButton path="/api/v1/points/shop/items" query={filters} />
      </Space>
      {result.error && <LoadFailed error={result.error} retry={() => void result.refetch()} />}
      <Table<Item>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={result.data?.items}
        loading={result.isFetching}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} /> }}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: result.data?.total ?? 0,
          onChange: setPage,
          showSizeChanger: false,
        }}
      />
      {editing && (
        <ItemDrawer item={editing === "new" ? undefined : editing} onClose={() => setEditing(undefined)} />
      )}
    </Space>
  );
}

interface Values {
  nodeId: string;
  kind: Kind;
  merchantId?: string;
  name: string;
  description?: string;
  photo?: UploadFile[];
  price: number;
  stock: number;
  audiences: Audience[];
  active: boolean;
}

/** A shop of the caller's area, searched by name (or its pinyin). */
function MerchantSelect({ value, onChange }: { value?: string; onChange?: (v?: string) => void }) {
  const { t } = useTranslation();
  const [q, setQ] = useState<string>();
  const found = useQuery({
    queryKey: [...SHOP_KEY, "merchants", q],
    queryFn: ({ signal }) => api.get("/api/v1/points/merchants", { query: { q, pageSize: 20 }, signal }),
    placeholderData: keepPreviousData,
  });
  return (
    <Select
      showSearch
      allowClear
      value={value}
      onChange={(v) => onChange?.(v)}
      filterOption={false}
      onSearch={(v) => setQ(v.trim() || undefined)}
      placeholder={t("pointsShop.admin.merchantPlaceholder")}
      options={found.data?.items.map((m) => ({ value: m.id, label: `${m.name}（${m.address}）` }))}
    />
  );
}

/** Add or edit one item; stock is set to the figure given. */
function ItemDrawer({ item, onClose }: { item?: Item; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<Values>();
  const save = useMutation({
    mutationFn: (v: Values) => {
      const stored = v.photo?.[0];
      const photoId = (stored?.response as { id?: string } | undefined)?.id ?? stored?.uid;
      const body: BodyOf<"/api/v1/points/shop/items", "post"> = {
        nodeId: v.nodeId,
        kind: v.kind,
        merchantId: v.merchantId ?? null,
        name: v.name.trim(),
        description: v.description?.trim() ?? "",
        photoId: stored ? (photoId ?? null) : null,
        price: v.price,
        stock: v.stock,
        audiences: v.audiences,
      };
      return item
        ? api.put("/api/v1/points/shop/items/{id}", { ...body, active: v.active }, { path: { id: item.id } })
        : api.post("/api/v1/points/shop/items", body);
    },
    onSuccess: () => {
      void message.success(t("pointsShop.admin.saved"));
      onClose();
    },
    onError: (err) => void message.error(err.message),
    onSettled: () => client.invalidateQueries({ queryKey: SHOP_KEY }),
  });
  const required = { required: true, message: " " };
  return (
    <Drawer
      open
      width={480}
      title={item ? t("pointsShop.admin.editTitle") : t("pointsShop.admin.addTitle")}
      onClose={onClose}
      destroyOnHidden
      extra={
        <Button
          type="primary"
          loading={save.isPending}
          onClick={() => void form.validateFields().then((v) => save.mutate(v))}
        >
          {t("pointsShop.admin.save")}
        </Button>
      }
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={
          item
            ? {
                nodeId: item.node?.id,
                kind: item.kind,
                merchantId: item.merchant?.id,
                name: item.name,
                description: item.description,
                photo: item.photo
                  ? [{ uid: item.photo.id, name: item.name, status: "done", url: item.photo.url }]
                  : [],
                price: item.price,
                stock: item.stock,
                audiences: item.audiences,
                active: item.active,
              }
            : { kind: "goods", audiences: ["resident", "member"], stock: 10, active: true, photo: [] }
        }
      >
        <Form.Item
          name="name"
          label={t("pointsShop.columns.name")}
          rules={[{ ...required, whitespace: true }]}
        >
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item name="kind" label={t("pointsShop.columns.kind")} rules={[required]}>
          <Radio.Group
            options={(["goods", "service"] as const).map((k) => ({
              value: k,
              label: t(`pointsShop.kinds.${k}`),
            }))}
          />
        </Form.Item>
        <Form.Item
          name="nodeId"
          label={t("pointsShop.admin.node")}
          extra={t("pointsShop.admin.nodeHint")}
          rules={[required]}
        >
          <TerritoryPicker />
        </Form.Item>
        <Form.Item
          name="merchantId"
          label={t("pointsShop.admin.merchantId")}
          extra={t("pointsShop.admin.merchantHint")}
        >
          <MerchantSelect />
        </Form.Item>
        <Space size={16}>
          <Form.Item name="price" label={t("pointsShop.columns.price")} rules={[required]}>
            <InputNumber min={1} max={1_000_000} precision={0} style={{ width: 140 }} />
          </Form.Item>
          <Form.Item name="stock" label={t("pointsShop.columns.stock")} rules={[required]}>
            <InputNumber min={0} max={1_000_000} precision={0} style={{ width: 140 }} />
          </Form.Item>
        </Space>
        <Form.Item
          name="audiences"
          label={t("pointsShop.columns.audiences")}
          rules={[{ required: true, type: "array", min: 1, message: " " }]}
        >
          <Checkbox.Group
            options={(["resident", "member"] as const).map((a) => ({
              value: a,
              label: t(`pointsShop.audiences.${a}`),
            }))}
          />
        </Form.Item>
        <Form.Item name="description" label={t("pointsShop.admin.description")}>
          <Input.TextArea rows={3} maxLength={500} />
        </Form.Item>
        <PhotoUploadItem name="photo" label={t("pointsShop.admin.photo")} max={1} />
        {item && (
          <Form.Item name="active" label={t("pointsShop.columns.active")} valuePropName="checked">
            <Switch checkedChildren={t("pointsShop.onShelf")} unCheckedChildren={t("pointsShop.offShelf")} />
          </Form.Item>
        )}
      </Form>
    </Drawer>
  );
}
