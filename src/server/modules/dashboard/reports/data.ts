import type { ReportKind, ReportSubject } from "../tables.ts";

/** A named count in a breakdown (by category, status or channel). */
export interface NamedCount {
  name: string;
  n: number;
}

/**
 * Everything a periodic report shows, already named in Chinese and computed: xlsx.ts and
 * pdf.ts only lay it out. A community's report lists its grids; a department's lists the
 * communities that whistled to it.
 */
export interface ReportData {
  kind: ReportKind;
  subjectType: ReportSubject;
  /** 阳光社区 or 城管局. */
  subjectName: string;
  /** 2026年11月 or 2026年第四季度. */
  periodLabel: string;
  /** China days, `to` exclusive. */
  from: string;
  to: string;
  generatedAt: Date;
  /** Key figures, formatted for reading (e.g. {label: "满意率", value: "92.3%"}). */
  summary: Array<{ label: string; value: string }>;
  /** Per day (a monthly report) or per month (a quarterly one). */
  trend: Array<{ period: string; cases: number; closed: number; satisfied: number; rated: number }>;
  byCategory: NamedCount[];
  byStatus: NamedCount[];
  byChannel: NamedCount[];
  /** The community's grids, or the communities a department served. */
  areas: Array<{
    code: string;
    name: string;
    cases: number;
    open: number;
    overdue: number;
    late: number;
    satisfactionRate: number | null;
  }>;
  /** Whistles (吹哨报到) per department. */
  departments: Array<{
    name: string;
    whistles: number;
    reported: number;
    overdue: number;
    medianMinutes: number | null;
    meanScore: number | null;
  }>;
}
