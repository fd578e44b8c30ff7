/** Strings of the mobile case pages. */
export const casesMobileZhCN = {};
