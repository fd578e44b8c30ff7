/** Texts of household visits (民情日记) and their coverage. zh-CN first (see messages.ts). */
export const ENGAGEMENT_VISITS_TEXTS = {} as const;
