/** The languages Arbiter speaks to people in: the console's, and those a flow's texts may be given in. The first is the default. */
export const LOCALES = ['en', 'zh-CN'] as const;
export type Locale = (typeof LOCALES)[number];
