/** Texts of the signature, promise and pioneer walls and the units' yearly assessment. zh-CN first (see messages.ts). */
export const ENGAGEMENT_WALLS_TEXTS = {} as const;
