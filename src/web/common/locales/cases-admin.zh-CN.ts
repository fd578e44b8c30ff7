/** Strings of the admin case pages. */
export const casesAdminZhCN = {};
