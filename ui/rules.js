// A welfare rule's amount in words, on the welfare screen and in the new-fund wizard.
import { t } from "./i18n.js";
import { baht, digits } from "./format.js";

/// Fixed, per night with a cap, or tiers by years of membership.
export function ruleAmount(a) {
  if (a.kind === "fixed") return baht(a.amount);
  if (a.kind === "per_day") return `${baht(a.per_day)} ${t("per_night")}` + (a.cap_per_event ? `, ${t("at_most")} ${baht(a.cap_per_event)}` : "");
  return (a.tiers || []).map(([years, amount]) => `${digits(years)} ${t("years_short")}: ${baht(amount)}`).join(" · ");
}
