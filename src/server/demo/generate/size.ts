/**
 * How big a demo district is generated. The full one is CONTRACT.md's (about 120 grids, 20,000
 * households); the small one has the same streets, communities and kinds of everything, with a few
 * grids per community and a few hundred households, for the API tests, which copy it per file.
 */
export interface DemoSize {
  /** Grids per community: the least and the most. */
  grids: readonly [number, number];
  /** Households, party members, shops and cases as a share of the full district's. */
  share: number;
}

export const DEMO_SIZES = {
  full: { grids: [8, 9], share: 1 },
  small: { grids: [4, 4], share: 0.03 },
} as const satisfies Record<string, DemoSize>;

export type DemoSizeName = keyof typeof DEMO_SIZES;

/** A full-district count scaled to the size, never below `least`. */
export const scaled = (size: DemoSize, full: number, least = 1) =>
  Math.max(least, Math.round(full * size.share));
