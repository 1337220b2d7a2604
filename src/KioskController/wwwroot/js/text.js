// Words, dates and amounts for the patron's screen. Every text comes from /i18n/{lang}.json.
const current = { lang: "vi", table: {} };

/** The language now on screen ("vi" or "en"). */
export const language = () => current.lang;

/** Loads a language's texts; the caller redraws. */
export async function loadTexts(lang) {
  const response = await fetch(`/i18n/${lang}.json`, { cache: "no-cache" });
  current.table = await response.json();
  current.lang = lang;
  document.documentElement.lang = lang;
}

/** The text for a key, with {name} placeholders filled in; the key itself when a text is missing. */
export function t(key, values) {
  let text = current.table[key] ?? key;
  for (const [name, value] of Object.entries(values ?? {})) text = text.replaceAll(`{${name}}`, String(value));
  return text;
}

/** Whether a text exists, for codes the server may add before the screen knows them. */
export const has = (key) => key in current.table;

/**
 * The calendar day an item is due, as the server wrote it in the library's zone ("yyyy-MM-dd"). An older answer has
 * only a timestamp with the library's offset: its first ten characters are that same day. Never converted through
 * the browser's zone, which may differ from the library's.
 */
export function dueDayOf(entry) {
  if (typeof entry?.dueDay === "string") return entry.dueDay;
  if (typeof entry?.dueDate === "string" && /^\d{4}-\d{2}-\d{2}/.test(entry.dueDate)) return entry.dueDate.slice(0, 10);
  return null;
}

/** "2026-12-28" as "28/12/2026" in Vietnamese and "28 December 2026" in English. */
export function formatDay(day) {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day ?? "");
  if (!match) return "";
  const [, year, month, date] = match;
  if (current.lang === "vi") return `${date}/${month}/${year}`;
  // A calendar day, not an instant: formatted at UTC so that no zone can move it.
  return new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", day: "numeric", month: "long", year: "numeric" })
    .format(new Date(Date.UTC(Number(year), Number(month) - 1, Number(date))));
}

/** An amount of money: "150.000 đ" in Vietnamese. */
export function money(amount, currency) {
  const number = new Intl.NumberFormat(current.lang === "vi" ? "vi-VN" : "en-GB", { maximumFractionDigits: 2 }).format(Number(amount));
  return !currency || currency.toUpperCase() === "VND" ? t("money.vnd", { amount: number }) : t("money.other", { amount: number, currency });
}
