/** Headers on one line: the figures' columns are narrow, their English names long. */
export const nowrap = <T>(column: T) => ({
  ...column,
  onHeaderCell: () => ({ style: { whiteSpace: "nowrap" as const } }),
});
