/**
 * 应急动员 templates (P5): what each emergency raises, so raising one takes one form. The name
 * and purpose each proposes are words of the `engagementMobilisation.templates` locale namespace.
 * The kinds mirror the server's MOBILISATION_KINDS (shared code imports no server table).
 */
export const MOBILISATION_KINDS = ["branch", "squad", "post", "area"] as const;
export type MobilisationKind = (typeof MOBILISATION_KINDS)[number];

export const MOBILISATION_TEMPLATES = {
  flood: { kind: "squad" },
  epidemic: { kind: "branch" },
  snow: { kind: "squad" },
  safety: { kind: "area" },
  event: { kind: "post" },
} as const satisfies Record<string, { kind: MobilisationKind }>;
export type MobilisationTemplate = keyof typeof MOBILISATION_TEMPLATES;
export const MOBILISATION_TEMPLATE_KEYS = Object.keys(MOBILISATION_TEMPLATES) as MobilisationTemplate[];
