import { type ReactNode, useEffect, useState } from "react";

export const STAGE_WIDTH = 1920;
export const STAGE_HEIGHT = 1080;

function placement(): { scale: number; left: number; top: number } {
  const scale = Math.min(window.innerWidth / STAGE_WIDTH, window.innerHeight / STAGE_HEIGHT);
  return {
    scale,
    left: (window.innerWidth - STAGE_WIDTH * scale) / 2,
    top: (window.innerHeight - STAGE_HEIGHT * scale) / 2,
  };
}

/**
 * The screen is laid out once, on a fixed 1920×1080 canvas, and scaled to the window: the same
 * picture on the wall display, a projector or a laptop, letterboxed when the shape differs.
 */
export function Stage({ children }: { children: ReactNode }) {
  const [box, setBox] = useState(placement);
  useEffect(() => {
    const resize = () => setBox(placement());
    window.addEventListener("resize", resize);
    return () => window.removeEventListener("resize", resize);
  }, []);
  return (
    <div className="viewport">
      <div
        className="stage"
        style={{
          width: STAGE_WIDTH,
          height: STAGE_HEIGHT,
          transform: `translate(${box.left}px, ${box.top}px) scale(${box.scale})`,
        }}
      >
        {children}
      </div>
    </div>
  );
}
