/** The rows of a raw `execute`: both drivers answer `{ rows }`, which Drizzle's shared type does not say. */
export const rowsOf = <T>(result: unknown): T[] => (result as { rows: T[] }).rows;
