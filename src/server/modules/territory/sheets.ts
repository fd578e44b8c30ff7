import type { ListSheet } from "../../platform/http/export.ts";
import { wordFor } from "../../platform/i18n/words.ts";
import type { TerritoryNode } from "./service.ts";

const nodeColumns: ListSheet<TerritoryNode>["columns"] = (w) => [
  { header: w.territory.name, width: 24, value: (n) => n.name },
  { header: w.territory.level, width: 8, value: (n) => w.levels[n.level] },
  { header: w.territory.code, width: 16, value: (n) => n.code },
  { header: w.territory.gridType, width: 12, value: (n) => wordFor(w.territory.gridTypes, n.gridType) },
  { header: w.territory.unitCode, width: 18, value: (n) => n.unitCode },
  { header: w.territory.address, width: 36, value: (n) => n.address },
  { header: w.export.columns.lat, width: 11, value: (n) => n.lat },
  { header: w.export.columns.lng, width: 11, value: (n) => n.lng },
];

/** Territory nodes as a spreadsheet: levels and grid types in words. */
export const nodeSheet: ListSheet<TerritoryNode> = { key: "nodes", columns: nodeColumns };
export const gridSheet: ListSheet<TerritoryNode> = { key: "grids", columns: nodeColumns };
