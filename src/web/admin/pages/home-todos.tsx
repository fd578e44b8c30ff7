import { Alert, Card, Col, Row, Typography } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { todoTarget } from "../../common/landing.ts";
import { type Todo, useTodos } from "../../common/todos.ts";

const RED = "#c8161d";

/** One kind of work: its name, the big count, what it means; the whole tile opens the filtered list. */
function TodoTile({ todo }: { todo: Todo }) {
  const { t } = useTranslation();
  const waiting = todo.count > 0;
  const body = (
    <Card hoverable size="small" style={{ height: "100%", borderColor: waiting ? "#f3c4c6" : undefined }}>
      <Typography.Text strong style={{ fontSize: 15 }}>
        {todo.label}
      </Typography.Text>
      <div
        style={{
          fontSize: 32,
          lineHeight: "40px",
          fontWeight: 600,
          color: waiting ? RED : "rgba(0,0,0,0.35)",
          fontVariantNumeric: "tabular-nums",
        }}
      >
        {todo.count}
      </div>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t(`todos.hints.${todo.kind}`, { defaultValue: "" })}
      </Typography.Text>
    </Card>
  );
  const target = todoTarget(todo.link, "admin");
  const wrap = (children: ReactNode) =>
    "to" in target ? (
      <Link to={target.to} style={{ display: "block", height: "100%" }}>
        {children}
      </Link>
    ) : (
      <a href={target.href} style={{ display: "block", height: "100%" }}>
        {children}
      </a>
    );
  return wrap(body);
}

/** 我的待办: the first thing on the home page, each kind a tile linking to exactly those items. */
export function TodoCards() {
  const { t } = useTranslation();
  const todos = useTodos();
  const items = todos.data?.items ?? [];
  return (
    <Card title={t("todos.title")} size="small" loading={todos.isPending}>
      {todos.isError && !todos.data ? (
        <Alert type="warning" showIcon title={t("todos.failed")} />
      ) : items.length === 0 ? (
        <Typography.Text type="secondary">{t("todos.allDone")}</Typography.Text>
      ) : (
        <Row gutter={[12, 12]}>
          {items.map((todo) => (
            <Col key={todo.kind} xs={12} sm={8} lg={6} xl={4}>
              <TodoTile todo={todo} />
            </Col>
          ))}
        </Row>
      )}
    </Card>
  );
}
