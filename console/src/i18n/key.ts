/**
 * Marks an English text kept in a constant as a key, translated where it is shown (`t(item.title)`),
 * so a change of language shows at once; the catalogue test finds keys by this mark and by t().
 * Apart from i18n.ts so that modules Node also loads (the editor's layout, in tests and benches)
 * do not load the browser's i18n.
 */
export const tk = (key: string): string => key;
