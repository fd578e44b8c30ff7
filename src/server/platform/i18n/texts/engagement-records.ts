/** Texts of the service record (纪实手册), suggestions, ledgers and feedback cards. zh-CN first (see messages.ts). */
export const ENGAGEMENT_RECORDS_TEXTS = {} as const;
