import { i18n } from "@lingui/core";
import { msg } from "@lingui/core/macro";
import { useLingui } from "@lingui/react/macro";
import { daysInMonth, type IsoDate } from "../../../domain/dates.js";
import { formatDate, monthLabel } from "../../i18n/format.js";
import { activeLocale } from "../../i18n/i18n.js";
import { compactWindow, type Who } from "./print-lines.js";

/**
 * The printed calendar's dates and « for whom » in the page's language. French keeps its own short forms
 * (« 1er → 23 octobre 2026 », print-lines.ts); other languages write each end with `Intl`, a whole month as a month,
 * and an arrow pointing the way one reads.
 */
export function dateWindow(start: IsoDate, end: IsoDate): string {
  const locale = activeLocale();
  if (locale.code === "fr" || locale.code === "falc") return compactWindow(start, end);
  if (start === end) return formatDate(start);
  const [sy, sm, sd] = start.split("-").map(Number) as [number, number, number];
  const [ey, em, ed] = end.split("-").map(Number) as [number, number, number];
  if (sy === ey && sm === em && sd === 1 && ed === daysInMonth(ey, em)) return monthLabel(sy, sm);
  return `${formatDate(start)} ${locale.dir === "rtl" ? "←" : "→"} ${formatDate(end)}`;
}

export function useWhoLabel(): (who: Who) => string {
  const { t } = useLingui();
  return (who) => {
    if (who.kind === "pregnancy") return t`Grossesse`;
    if (who.kind === "expected") return who.count > 1 ? t`Les bébés` : t`Bébé`;
    const names = who.children.map(({ firstName, rank }) => firstName ?? i18n._(msg`Enfant ${rank}`));
    return new Intl.ListFormat(i18n.locales?.[0] ?? i18n.locale, { type: "conjunction" }).format(names);
  };
}
