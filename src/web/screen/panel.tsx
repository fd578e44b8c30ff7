import type { CSSProperties, ReactNode } from "react";

interface Props {
  title: ReactNode;
  /** Right of the title: a summary or a switch. */
  extra?: ReactNode;
  children: ReactNode;
  style?: CSSProperties;
  className?: string;
  testId?: string;
}

/** One framed block of the screen: a title bar with an accent, then its content filling the rest. */
export function Panel({ title, extra, children, style, className, testId }: Props) {
  return (
    <section className={`panel ${className ?? ""}`} style={style} data-testid={testId}>
      <header className="panel-title">
        <h2>{title}</h2>
        {extra !== undefined && <div className="panel-extra">{extra}</div>}
      </header>
      <div className="panel-body">{children}</div>
    </section>
  );
}

/** A box that fills its panel's body, for a chart that sizes itself to its container. */
export function Fill({ children }: { children: ReactNode }) {
  return <div className="fill">{children}</div>;
}
