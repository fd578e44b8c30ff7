import { Fragment } from "react";
import { useTranslation } from "react-i18next";
import { levelLabel } from "../common/levels.ts";
import type { NodeRef } from "./data.ts";

interface Props {
  node: NodeRef;
  /** Ancestors in the reader's scope, top first. */
  trail: readonly NodeRef[];
  onGoTo: (id: string) => void;
  onBack: () => void;
}

/** Up one level, then where the map is: 兴安区 › 潋江街道 › 红旗社区, each ancestor a way back. */
export function Trail({ node, trail, onGoTo, onBack }: Props) {
  const { t } = useTranslation();
  return (
    <div className="trail">
      <button
        type="button"
        className="back-button"
        onClick={onBack}
        disabled={trail.length === 0}
        data-testid="screen-back"
      >
        <span aria-hidden>‹</span> {t("screen.back")}
      </button>
      <nav aria-label={t("screen.trail")}>
        <ol>
          {trail.map((n) => (
            <Fragment key={n.id}>
              <li>
                <button type="button" className="crumb" onClick={() => onGoTo(n.id)}>
                  {n.name}
                </button>
              </li>
              <li aria-hidden className="crumb-sep">
                ›
              </li>
            </Fragment>
          ))}
          <li aria-current="page" className="crumb-current">
            <span data-testid="screen-node">{node.name}</span>
            <span className="level-tag">{levelLabel(t, node.level)}</span>
          </li>
        </ol>
      </nav>
    </div>
  );
}
