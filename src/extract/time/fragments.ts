/**
 * Regular-expression source fragments shared by the
 * deadline patterns. Every repetition is bounded; no fragment nests quantifiers.
 */

/** A year: four Arabic/full-width digits or four Chinese digit characters. */
export const YEAR_DIGITS = "(?:[0-9０-９]{4}|[零〇○一二三四五六七八九]{4})";
/** Month number 1–12 as written. */
export const MONTH_NUM = "(?:1[0-2]|0?[1-9]|１[０-２]|０?[１-９]|十[一二]?|[一二三四五六七八九])";
/** Day number 1–31 as written. */
export const DAY_NUM =
  "(?:3[01]|[12][0-9]|0?[1-9]|[３][０１]|[１２][０-９]|０?[１-９]|三十一?|二十[一二三四五六七八九]?|十[一二三四五六七八九]?|[一二三四五六七八九])";
/** A small count (N个月, N日内): Arabic up to 4 digits or Chinese numerals up to 4 characters. */
export const COUNT = "(?:[0-9０-９]{1,4}|[一二两三四五六七八九十百几半]{1,4})";
/** Optional spaces the clean stage may have left. */
export const SP = " {0,2}";
/** A count of days/months/years in a duration ("15个工作日内"): at most 3 Arabic digits, so "2024年内" is a year. */
export const SHORT_COUNT = "(?:[0-9０-９]{1,3}|[一二两三四五六七八九十百几半]{1,4})";
