import { Rate, Space, Typography } from "antd";
import { Photos } from "../pages/cases/photos.tsx";
import { useFormatTime } from "../pages/cases/time.tsx";

/** What every record's timeline event has (cases, orders, wishes: the server's TimelineEvent). */
interface TimelineEvent {
  at: string;
  actorName: string | null;
  fromStatus: string | null;
  toStatus: string | null;
  note: string | null;
  photos: readonly { id: string; url: string }[];
  data?: Record<string, unknown>;
}

/**
 * One event of a record's timeline: what happened, who did it (or the system) and when; the status
 * it moved to where `movedTo` words it; a rating's stars (a rating event carries `data.score`);
 * the note and the photos.
 */
export function EventEntry<E extends TimelineEvent>({
  event: e,
  title,
  system,
  movedTo,
  testId,
}: {
  event: E;
  title: string;
  /** Who acted when no person did. */
  system: string;
  movedTo?: (status: NonNullable<E["toStatus"]>) => string;
  testId: string;
}) {
  const format = useFormatTime();
  const score = typeof e.data?.score === "number" ? e.data.score : undefined;
  return (
    <Space orientation="vertical" size={4} style={{ width: "100%" }} data-testid={testId}>
      <Space wrap size={8}>
        <Typography.Text strong>{title}</Typography.Text>
        <Typography.Text type="secondary">{e.actorName ?? system}</Typography.Text>
        <Typography.Text type="secondary">{format(e.at)}</Typography.Text>
      </Space>
      {movedTo && e.toStatus && e.toStatus !== e.fromStatus && (
        <Typography.Text type="secondary" style={{ fontSize: 13 }}>
          {movedTo(e.toStatus as NonNullable<E["toStatus"]>)}
        </Typography.Text>
      )}
      {score !== undefined && <Rate disabled value={score} style={{ fontSize: 14 }} />}
      {e.note && (
        <Typography.Paragraph style={{ margin: 0, whiteSpace: "pre-wrap" }}>{e.note}</Typography.Paragraph>
      )}
      <Photos photos={e.photos} size={72} />
    </Space>
  );
}
