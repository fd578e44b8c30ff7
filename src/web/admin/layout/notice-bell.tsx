import { BellOutlined } from "@ant-design/icons";
import { App, Badge, Button, Empty, List, Popover, Spin, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router-dom";
import {
  type Notice,
  noticeTarget,
  noticeTime,
  useMarkAllRead,
  useMarkRead,
  useNoticeStream,
  useNotices,
} from "../../common/notices.ts";
import { PARTY_RED } from "../theme.ts";

const RECENT = 8;

/**
 * The bell in the header: the unread count, live; a click shows the recent notices. A notice
 * clicked is marked read and opens its page; 全部已读 clears the badge.
 */
export function NoticeBell() {
  const { t } = useTranslation();
  const { notification } = App.useApp();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();
  const go = (n: Notice) => {
    if (!n.link) return;
    const target = noticeTarget(n.link, "/admin");
    if ("inApp" in target) navigate(target.inApp);
    else window.location.assign(target.href);
  };
  const { live } = useNoticeStream((n) =>
    notification.info({
      key: n.id,
      message: n.title,
      description: n.body,
      icon: <BellOutlined style={{ color: PARTY_RED }} />,
      placement: "bottomRight",
      onClick: () => {
        markRead.mutate(n.id);
        notification.destroy(n.id);
        go(n);
      },
      style: { cursor: n.link ? "pointer" : undefined },
    }),
  );
  const { data, isPending, isError } = useNotices(RECENT, live);
  const unread = data?.unread ?? 0;

  const pick = (n: Notice) => {
    setOpen(false);
    if (!n.readAt) markRead.mutate(n.id);
    go(n);
  };

  const content = (
    <div style={{ width: 360, maxWidth: "calc(100vw - 32px)" }}>
      <div
        style={{ display: "flex", justifyContent: "space-between", alignItems: "center", marginBottom: 4 }}
      >
        <Typography.Text strong>
          {t("notices.title")}
          {unread > 0 && (
            <Typography.Text type="secondary" style={{ fontWeight: "normal", marginLeft: 8 }}>
              {t("notices.unread", { count: unread })}
            </Typography.Text>
          )}
        </Typography.Text>
        <Button type="link" size="small" disabled={unread === 0} onClick={() => markAll.mutate()}>
          {t("notices.readAll")}
        </Button>
      </div>
      {isPending ? (
        <Spin style={{ display: "block", padding: 24 }} />
      ) : isError ? (
        <Typography.Text type="danger">{t("notices.failed")}</Typography.Text>
      ) : data.items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("notices.empty")} />
      ) : (
        <List
          size="small"
          style={{ maxHeight: 420, overflowY: "auto" }}
          dataSource={data.items}
          renderItem={(n) => (
            <List.Item
              key={n.id}
              onClick={() => pick(n)}
              style={{ cursor: "pointer", alignItems: "flex-start", paddingInline: 4 }}
            >
              <List.Item.Meta
                avatar={<Badge dot={!n.readAt} color={PARTY_RED} style={{ marginTop: 6 }} />}
                title={
                  <span style={{ fontWeight: n.readAt ? "normal" : 600 }}>
                    {n.title}
                    <Typography.Text
                      type="secondary"
                      style={{ fontSize: 12, fontWeight: "normal", float: "right" }}
                    >
                      {noticeTime(t, n.createdAt)}
                    </Typography.Text>
                  </span>
                }
                description={
                  <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} style={{ margin: 0 }}>
                    {n.body}
                  </Typography.Paragraph>
                }
              />
            </List.Item>
          )}
        />
      )}
    </div>
  );

  return (
    <Popover
      content={content}
      trigger="click"
      placement="bottomRight"
      open={open}
      onOpenChange={setOpen}
      arrow={false}
    >
      <button
        type="button"
        aria-label={
          unread > 0 ? `${t("notices.bell")}：${t("notices.unread", { count: unread })}` : t("notices.bell")
        }
        style={{ background: "none", border: 0, cursor: "pointer", padding: "4px 8px", lineHeight: 1 }}
      >
        <Badge count={unread} overflowCount={99} size="small">
          <BellOutlined style={{ fontSize: 18, color: "rgba(0,0,0,0.65)" }} />
        </Badge>
      </button>
    </Popover>
  );
}
