import { Card, Skeleton, Typography, theme } from "antd";
import type { ReactNode } from "react";
import { Link } from "react-router-dom";

/** "17小时15分", "94.1%", "3 d 4 h": the digits large, the units beside them small. */
function Figure({ value, colour }: { value: string | number; colour?: string }) {
  const parts = String(value)
    .split(/([\d.,]+)/)
    .filter(Boolean);
  return (
    <span style={{ color: colour, fontVariantNumeric: "tabular-nums" }}>
      {parts.map((part, i) =>
        /^[\d.,]+$/.test(part) ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one fixed text.
          <span key={i} style={{ fontSize: 28, fontWeight: 600, lineHeight: "36px" }}>
            {part}
          </span>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one fixed text.
          <span key={i} style={{ fontSize: 14, marginInline: 2 }}>
            {part}
          </span>
        ),
      )}
    </span>
  );
}

export interface StatCardProps {
  title: string;
  value: string | number;
  /** A unit after the value (件, 小时). */
  suffix?: string;
  /** One line under the figure: what it is made of, or where a click leads. */
  hint?: ReactNode;
  icon: ReactNode;
  /** The icon's tint. */
  tint: string;
  /** The figure in red: something needs doing. */
  alarm?: boolean;
  /** A list of the cases behind the figure. */
  to?: string;
  loading?: boolean;
}

/** One figure of the dashboard, named for screen readers and tests by its title. */
export function StatCard({ title, value, suffix, hint, icon, tint, alarm, to, loading }: StatCardProps) {
  const { token } = theme.useToken();
  const card = (
    <Card hoverable={!!to} style={{ height: "100%" }} styles={{ body: { padding: "16px 20px" } }}>
      <section aria-label={title} style={{ display: "flex", gap: 12, alignItems: "flex-start" }}>
        <div style={{ flex: 1, minWidth: 0 }}>
          <Typography.Text type="secondary" style={{ fontSize: 14 }}>
            {title}
          </Typography.Text>
          {loading ? (
            <Skeleton active title={{ width: "60%" }} paragraph={{ rows: 1, width: "90%" }} />
          ) : (
            <>
              <div data-figure style={{ marginTop: 4, whiteSpace: "nowrap" }}>
                <Figure value={value} colour={alarm ? token.colorError : token.colorTextHeading} />
                {suffix && (
                  <span style={{ fontSize: 14, marginInlineStart: 4, color: token.colorTextSecondary }}>
                    {suffix}
                  </span>
                )}
              </div>
              <div
                style={{
                  marginTop: 6,
                  fontSize: 12,
                  color: alarm ? token.colorError : token.colorTextTertiary,
                  whiteSpace: "nowrap",
                  overflow: "hidden",
                  textOverflow: "ellipsis",
                }}
              >
                {hint ?? "\u00a0"}
              </div>
            </>
          )}
        </div>
        <span
          aria-hidden
          style={{
            display: "grid",
            placeItems: "center",
            width: 40,
            height: 40,
            flex: "none",
            borderRadius: 10,
            fontSize: 20,
            color: tint,
            background: `${tint}14`,
          }}
        >
          {icon}
        </span>
      </section>
    </Card>
  );
  return to ? (
    <Link to={to} style={{ display: "block", height: "100%" }}>
      {card}
    </Link>
  ) : (
    card
  );
}
