// Savings groups: loans with guarantors, repayments, overdue loans, year-end allocation.
import { api } from "./contract.js";
import { t, one } from "./i18n.js";
import { app } from "./session.js";
import { h, field, enterMovesOn, values, messageBox, run, showOk, clearPosted, table, td, memberBeside } from "./dom.js";
import { baht, beDate, digits } from "./format.js";
import { allocationSections } from "./allocation.js";

export async function render(main) {
  const box = messageBox();
  const today = beDate(app.status.today);
  const lform = h("form", { class: "grid", "data-test": "loan-form" },
    field("member_no", "member_no"), field("principal", "principal", { kind: "amount" }), field("rate", "rate", { value: "1" }),
    field("method", "method", { kind: "select", options: [["flat", t("flat")], ["declining", t("declining")]] }),
    field("term_months", "term", { kind: "number", value: "12" }), field("date", "date", { kind: "date", value: today }),
    field("guarantors", "guarantors"), field("till", "till", { kind: "select", options: [["cash", t("cash")], ["bank", t("bank")]] }),
    h("div", { class: "full" }, h("button", { class: "primary", type: "submit", text: t("new_loan") })));
  memberBeside(lform);
  enterMovesOn(lform, async () => {
    const v = values(lform);
    const out = await run(lform.querySelector("button"), box, () => api.loan_new({ ...v, term_months: Number(v.term_months) || 0, guarantors: v.guarantors.split(/[,\s]+/).filter(Boolean), resolution_id: null }), lform);
    if (out) { showOk(box, `${t("saved")}: #${out[0]} ${out[1].doc_no}`); clearPosted(lform, ["amount", "principal", "member_no", "guarantors"]); }
  });
  const rbox = messageBox();
  let loans = [], overdue = [];
  try { loans = await api.loans_list(); overdue = await api.loans_overdue({ as_of: app.status.today }); } catch (e) { /* a welfare-only fund has no loan accounts */ }
  // A repayment is chosen by the borrower, among the loans still owed.
  const owed = loans.filter((l) => l.principal_outstanding > 0);
  const rform = h("form", { class: "grid", "data-test": "repay-form" },
    field("loan_id", "loan_of", { kind: "select", options: owed.map((l) => [String(l.id), `${l.member_no} ${l.member_name} · ${t("outstanding")} ${baht(l.principal_outstanding)} (#${l.id})`]) }),
    field("amount", "amount", { kind: "amount" }), field("date", "date", { kind: "date", value: today }),
    field("till", "till", { kind: "select", options: [["cash", t("cash")], ["bank", t("bank")]] }), h("div", { class: "full" }, h("button", { type: "submit", text: t("repay") })));
  enterMovesOn(rform, async () => {
    const v = values(rform);
    const out = await run(rform.querySelector("button"), rbox, () => api.loan_repay({ ...v, loan_id: Number(v.loan_id) }), rform);
    if (out) { showOk(rbox, `${t("saved")}: ${out.doc_no}`); clearPosted(rform); }
  });
  main.append(h("h1", { text: t("loans") }), lform, box,
    h("h2", { text: one(t("loans_heading")) }),
    h("div", { class: "scroll" }, table([["#"], [t("member_no")], [t("name")], [t("principal"), "num"], [t("outstanding"), "num"], [t("rate")], [t("term")], [t("date")]],
      loans.map((l) => h("tr", {}, td(digits(l.id)), td(l.member_no), td(l.member_name), td(baht(l.principal), "num"), td(baht(l.principal_outstanding), "num"), td(`${digits(l.rate_bp / 100)}%`), td(digits(l.term_months)), td(beDate(l.start_date))))))
    , h("h2", { text: one(t("overdue")) }),
    table([["#"], [t("member_no")], [t("name")], [t("outstanding"), "num"], [t("principal_due"), "num"], [t("interest_due"), "num"]], overdue.map((o) => h("tr", {}, td(digits(o.loan_id)), td(o.member_no), td(o.name), td(baht(o.outstanding), "num"), td(baht(o.principal_overdue), "num"), td(baht(o.interest_overdue), "num")))),
    h("h2", { text: t("repay") }), rform, rbox, ...(await allocationSections()));
}
