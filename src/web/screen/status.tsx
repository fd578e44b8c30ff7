import type { ReactNode } from "react";

interface Props {
  title: string;
  detail?: string;
  children?: ReactNode;
}

/** A message in the middle of the screen instead of the figures: loading, no access, failure. */
export function StatusMessage({ title, detail, children }: Props) {
  return (
    <div className="status" role="status">
      <div className="status-box">
        <h1>{title}</h1>
        {detail && <p>{detail}</p>}
        {children && <div className="status-actions">{children}</div>}
      </div>
    </div>
  );
}
