/** ホームページ (第27条, 様式第10号): pages, categories, top-page links and the periodic check. */
export const homepageResolvers: Function[] = [];
