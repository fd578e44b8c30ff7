import { ArrowLeftOutlined } from "@ant-design/icons";
import type { UseQueryResult } from "@tanstack/react-query";
import { Card, Col, Result, Row, Space, Typography } from "antd";
import type { ReactNode } from "react";
import { Link } from "react-router-dom";
import { ApiError } from "../../common/api.ts";
import { LoadFailed } from "../pages/status.tsx";

/**
 * The frame of one record's page (a case, an order, a wish): the way back to its list, a header
 * card, then a wide column of cards beside a narrower one, and full-width cards below. A record
 * that is not there (or not the caller's to see: the server says 404 for both) gets the way back;
 * any other failure a retry.
 */
export function DetailPage<T>({
  result,
  back,
  notFound,
  headerTestId,
  header,
  main,
  side,
  below,
}: {
  result: UseQueryResult<T>;
  back: { to: string; label: string };
  notFound: string;
  headerTestId?: string;
  header: (record: T) => ReactNode;
  /** The wide column's cards, stacked. */
  main: (record: T) => ReactNode;
  side: (record: T) => ReactNode;
  /** Full-width below both columns; nothing when it returns a falsy node. */
  below?: (record: T) => ReactNode;
}) {
  const backLink = (
    <Link to={back.to}>
      <ArrowLeftOutlined /> {back.label}
    </Link>
  );
  if (result.error) {
    if (result.error instanceof ApiError && result.error.status === 404)
      return <Result status="404" title={notFound} extra={backLink} />;
    return <LoadFailed error={result.error} retry={() => void result.refetch()} />;
  }
  const record = result.data;
  const wide = record === undefined ? null : below?.(record);
  return (
    <Space orientation="vertical" size={16} style={{ width: "100%" }}>
      {backLink}
      <Card loading={record === undefined} data-testid={headerTestId}>
        {record !== undefined && header(record)}
      </Card>
      {record !== undefined && (
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={14}>
            <Space orientation="vertical" size={16} style={{ width: "100%" }}>
              {main(record)}
            </Space>
          </Col>
          <Col xs={24} xl={10}>
            {side(record)}
          </Col>
          {wide && <Col span={24}>{wide}</Col>}
        </Row>
      )}
    </Space>
  );
}

/** A record's header: its code (copyable) and tags, a line of what it is, and what may be done. */
export function DetailHeader({
  code,
  tags,
  summary,
  actions,
  noActions,
}: {
  code: string;
  tags: ReactNode;
  summary: ReactNode;
  /** The caller's actions; null when he has none, and `noActions` says so. */
  actions: ReactNode | null;
  noActions: string;
}) {
  return (
    <Space orientation="vertical" size={12} style={{ width: "100%" }}>
      <Space wrap size={12} align="center">
        <Typography.Title level={4} style={{ margin: 0 }} copyable={{ text: code }}>
          {code}
        </Typography.Title>
        {tags}
      </Space>
      {summary}
      {actions ?? <Typography.Text type="secondary">{noActions}</Typography.Text>}
    </Space>
  );
}
