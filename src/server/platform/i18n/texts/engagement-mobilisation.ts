/** Texts of emergency call-ups, the talent pool and job seekers. zh-CN first (see messages.ts). */
export const ENGAGEMENT_MOBILISATION_TEXTS = {} as const;
