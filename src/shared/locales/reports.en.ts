import type { reportsZhCN } from "./reports.zh-CN.ts";
import type { Same } from "./same.ts";

export const reportsEn: Same<typeof reportsZhCN> = {
  kind: { monthly: "Monthly", quarterly: "Quarterly" },
  noun: { monthly: "monthly report", quarterly: "quarterly report" },
  subject: { community: "Community", street: "Street", district: "District", department: "Department" },
  status: { pending: "Generating", ready: "Ready", failed: "Failed" },
  period: {
    month: "{{year}}-{{month}}",
    quarter: "Q{{quarter}} {{year}}",
    quarterNames: { q1: "1", q2: "2", q3: "3", q4: "4" },
    range: "{{from}} to {{to}}",
  },
  name: "{{subject}} · {{period}} {{noun}}",
  columns: {
    name: "Report",
    kind: "Type",
    period: "Period",
    status: "Status",
    generatedAt: "Generated at",
    actions: "Download",
  },
  list: {
    all: "All reports",
    allSubjects: "All subjects",
    subject: "Subject",
    total: "{{count}} reports",
    empty: "No reports yet",
    schedule:
      "Last month's reports are made on the 1st of each month, and last quarter's after each quarter; you can also make one at any time.",
    failed: "Why it failed: {{error}}",
    remake: "Generate again",
  },
  // Under the column "Download", the file types say enough.
  download: { xlsx: "Excel", pdf: "PDF" },
  generate: {
    open: "Generate report",
    title: "Generate a report",
    submit: "Generate",
    kind: "Report type",
    period: "Period",
    periodRequired: "Choose the period",
    monthPlaceholder: "Choose a month",
    quarterPlaceholder: "Choose a quarter",
    subjectType: "Subject",
    community: "Community",
    communityRequired: "Choose the community",
    street: "Street",
    streetRequired: "Choose the street",
    district: "District",
    districtRequired: "Choose the district",
    department: "Department",
    departmentRequired: "Choose the department",
    hint: "The report is written in the background, usually within seconds; making it again for the same subject and period replaces the earlier files.",
    started: "Generating: {{name}}",
  },
};
