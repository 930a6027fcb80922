// The year-end allocation on the loans screen: the fund's plan (its parts, adopted by the
// general assembly's resolution), a year's allocation by it, and the batch that pays each
// member's dividend and refund into sajja savings or in cash.
import { api } from "./contract.js";
import { t, one } from "./i18n.js";
import { app } from "./session.js";
import { h, field, values, messageBox, run, showOk, table, td, confirmDialog } from "./dom.js";
import { baht, beDate, digits } from "./format.js";

const KINDS = ["reserve", "dividend", "refund", "welfare", "committee", "public", "administration", "other"];
const percent = (basisPoints) => digits(String(basisPoints / 100));

/** @returns {Promise<HTMLElement[]>} */
export async function allocationSections() {
  const today = beDate(app.status.today);
  // the fiscal year just ended, in the Buddhist era
  const lastYear = String(Number(app.status.today.slice(0, 4)) + 542);
  /** @type {{plans: any[], suggested: any[]}} */
  let plans = { plans: [], suggested: [] };
  try { plans = await api.allocation_plans(); } catch (e) { return []; }
  const current = plans.plans.find((p) => p.in_force);
  const inForce = current
    ? h("div", { "data-test": "plan-in-force" },
      h("p", { text: `${t("plan_in_force")} ${beDate(current.effective_from)} · ${current.resolution}` }),
      table([[t("part")], [t("percent"), "num"]], current.parts.map((p) => h("tr", {}, td(p.name), td(percent(p.basis_points), "num")))))
    : h("p", { "data-test": "plan-in-force", class: "hint", text: t("no_plan_yet") });

  // The plan form: one row per part, the plan in force (or the guideline's parts) to start.
  const rows = h("tbody", {});
  const addRow = (part) => {
    const kind = h("select", { "data-test": "part-kind", "aria-label": t("part_kind") }, KINDS.map((k) => h("option", { value: k, text: t(`part_${k}`) })));
    kind.value = part.kind;
    const name = h("input", { type: "text", "data-test": "part-name", "aria-label": t("part"), value: part.name, autocomplete: "off" });
    const pct = h("input", { type: "text", inputmode: "decimal", size: 6, "data-test": "part-percent", "aria-label": t("percent"), value: percent(part.basis_points), autocomplete: "off" });
    const remove = h("button", { type: "button", text: "×", "aria-label": t("remove"), onclick: () => row.remove() });
    const row = h("tr", {}, h("td", {}, kind), h("td", {}, name), h("td", { class: "num" }, pct), h("td", {}, remove));
    rows.append(row);
  };
  plans.suggested.forEach(addRow);
  // the assembly's resolutions on rules, or on other business (the accounts' approval)
  const adopted = [...await api.resolutions_passed({ kind: "rule" }), ...await api.resolutions_passed({ kind: "other" })];
  const pbox = messageBox();
  const pform = h("form", { class: "grid", "data-test": "plan-form" },
    h("div", { class: "full" }, h("table", {}, h("thead", {}, h("tr", {}, h("th", { text: t("part_kind") }), h("th", { text: t("part") }), h("th", { class: "num", text: t("percent") }), h("th", {}))), rows),
      h("button", { type: "button", "data-test": "add-part", text: t("add_part"), onclick: () => addRow({ kind: "other", name: "", basis_points: 0 }) })),
    field("from", "plan_from", { kind: "date", value: today }),
    field("resolution_id", "plan_resolution", { kind: "select", options: adopted.map((r) => [String(r.id), `${r.label}: ${r.subject}`]) }),
    h("div", { class: "full" }, h("button", { type: "submit", text: t("adopt_plan") })));
  pform.addEventListener("submit", async (e) => {
    e.preventDefault();
    const v = values(pform);
    const parts = [...rows.querySelectorAll("tr")].map((r) => {
      const [kind, name, pct] = r.querySelectorAll("select, input");
      return `${kind.value}:${name.value.trim()}=${pct.value.trim()}`;
    });
    const label = (adopted.find((r) => String(r.id) === v.resolution_id) || {}).label || "-";
    if (!(await confirmDialog(t("confirm_plan"), [`${t("plan_from")} ${v.from} · ${label}`, ...parts.map((p) => p.split(":")[1].replace("=", " "))]))) return;
    const id = await run(pform.querySelector("[type=submit]"), pbox, () => api.allocation_adopt({ parts, from: v.from, resolution_id: Number(v.resolution_id) || 0 }), pform);
    if (id !== undefined) showOk(pbox, `${t("saved")}: ${t("plan")} #${digits(id)}`);
  });

  const abox = messageBox();
  const aform = h("form", { class: "grid", "data-test": "allocation-form" }, field("year", "year", { value: lastYear }),
    field("date", "date", { kind: "date", value: today }),
    h("div", { class: "full" }, h("button", { type: "submit", text: t("allocation") })));
  aform.addEventListener("submit", async (e) => {
    e.preventDefault();
    const v = values(aform);
    const lines = current ? current.parts.map((p) => `${p.name} ${percent(p.basis_points)}%`) : [t("no_plan_yet")];
    if (!(await confirmDialog(t("confirm_allocation"), [`${t("year")} ${digits(v.year)}`, ...lines, t("allocation_explain")]))) return;
    const out = await run(aform.querySelector("button"), abox, () => api.allocation_run({ year: v.year, date: v.date }), aform);
    if (out) showOk(abox, `${out.doc_no} · ${t("profit")} ${baht(out.profit)}\n` + out.parts.map((p) => `${p.name}: ${baht(p.amount)}`).join("\n"));
  });

  const dbox = messageBox();
  const dform = h("form", { class: "grid", "data-test": "dividend-form" }, field("year", "year", { value: lastYear }),
    field("into", "paid_into", { kind: "select", options: [["savings", t("into_savings")], ["cash", t("cash")], ["bank", t("bank")]] }),
    field("date", "date", { kind: "date", value: today }),
    h("div", { class: "full" }, h("button", { type: "submit", text: t("pay_dividends") })));
  dform.addEventListener("submit", async (e) => {
    e.preventDefault();
    const v = values(dform);
    const into = v.into === "savings" ? t("into_savings") : t(v.into);
    if (!(await confirmDialog(t("confirm_dividends"), [`${t("year")} ${digits(v.year)} · ${into}`, t("dividends_explain")]))) return;
    const out = await run(dform.querySelector("button"), dbox, () => api.dividends_pay({ year: v.year, into: v.into, date: v.date }), dform);
    if (out) {
      const left = out.not_paid.map((u) => `${u.member_no} ${u.name} ${baht(u.amount)}`);
      showOk(dbox, `${t("dividends_paid")} ${digits(out.paid.length)} ${t("persons")} · ${baht(out.total)}` + (left.length ? `\n${t("dividends_left")}:\n${left.join("\n")}` : ""));
    }
  });
  return [h("h2", { text: one(t("allocation_plan")) }), inForce, pform, pbox,
    h("h2", { text: t("allocation") }), aform, abox,
    h("h2", { text: t("pay_dividends") }), dform, dbox];
}
