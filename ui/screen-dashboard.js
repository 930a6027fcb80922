// The front page: money on hand, this month, arrears, claims, last backup and bundle, and a
// warning for past months still open.
import { api } from "./contract.js";
import { t } from "./i18n.js";
import { h, messageBox, showError } from "./dom.js";
import { baht, beDate, beMonth, digits } from "./format.js";

export async function render(main) {
  const box = messageBox();
  main.append(h("h1", { text: t("dashboard") }), box);
  let d;
  try { d = await api.dashboard(); } catch (e) { return showError(box, e); }
  // Each card opens the screen where its figure is worked on.
  const card = (key, value, test, href) => h("a", { class: "card", href: `#${href}`, "data-test": `card-${test}` },
    h("div", { class: "label", text: t(key) }), h("div", { class: "value", "data-test": test, text: value }));
  if (d.overdue_open_months.length) {
    main.append(h("div", { class: "warn", "data-test": "open-months" }, `${t("open_months_warn")}: ${d.overdue_open_months.map(beMonth).join(", ")} — `, h("a", { href: "#reports", text: t("close_month") })));
  }
  main.append(h("div", { class: "cards", "data-test": "dashboard" },
    card("cash_now", baht(d.cash), "cash", "cashbook"),
    card("bank_now", baht(d.bank), "bank", "cashbook"),
    card("month_in", baht(d.month_receipts), "month-in", "journal"),
    card("month_out", baht(d.month_payments), "month-out", "journal"),
    card("active_members", digits(d.active_members), "active", "members"),
    card("in_arrears", "…", "arrears-pending", "collection"),
    card("claims_waiting", digits(d.claims_waiting), "claims-waiting", "welfare"),
    card("claims_to_pay", digits(d.claims_to_pay), "claims-to-pay", "welfare"),
    card("last_backup", d.last_backup_at ? beDate(d.last_backup_at) + " " + d.last_backup_at.slice(11, 16) : t("never"), "last-backup", "settings"),
    card("last_bundle", d.last_bundle_seq ? `#${d.last_bundle_seq} · ${beMonth(d.last_bundle_to.slice(0, 7))}` : t("never"), "last-bundle", "usb")));
  // The arrears count reads every contribution ever paid: drawn second, so the money shows at once.
  api.dashboard_arrears().then((n) => {
    const el = main.querySelector("[data-test=arrears-pending]");
    if (el) { el.textContent = digits(n); el.setAttribute("data-test", "arrears"); }
  }).catch((e) => showError(box, e));
  main.append(h("p", { class: "muted" }, `${beDate(d.today)} · ${t("closed")}: ${d.last_closed_month ? beMonth(d.last_closed_month) : t("none")} · ${digits(d.entries)} ${t("entries_word")}`));
}
