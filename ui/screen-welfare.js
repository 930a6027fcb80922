// Welfare: open a claim, see the evaluation with its reasons, approve or reject by a
// committee resolution, pay, save the payment voucher; the rules in force.
import { api } from "./contract.js";
import { t, one, currentLang } from "./i18n.js";
import { app } from "./session.js";
import { h, field, enterMovesOn, values, messageBox, run, showOk, table, td, confirmDialog, memberBeside } from "./dom.js";
import { baht, beDate, digits } from "./format.js";
import { ruleAmount } from "./rules.js";

const CATEGORIES = [["birth", "birth"], ["illness", "illness"], ["elderly", "elderly"], ["death", "death"],
  ["funeral", "funeral"], ["disability", "disability"], ["education", "education"], ["occupation", "occupation"],
  ["disaster", "disaster"], ["tradition", "tradition"], ["housing", "housing"], ["public_benefit", "public_benefit"], ["other", "other"]];

const categoryName = (key) => t((CATEGORIES.find(([k]) => k === key) || [key, key])[1]);
const STATUS = { open: "claim_waiting", approved: "claim_approved", rejected: "claim_rejected", paid: "claim_paid" };

export async function render(main, rest) {
  if (rest[0]) return claim(main, Number(rest[0]));
  const box = messageBox();
  // A claim is a member's, or (ticked) a person's in the community who is not a member: then
  // their name, ID, village and what the rule may look at instead of a member number.
  const person = [field("person_name", "person_name"), field("person_national_id", "person_national_id"),
    field("person_moo", "moo", { kind: "number" }), field("person_birth_date", "birth_date", { kind: "date" }),
    field("person_disabled", "person_disabled", { kind: "checkbox" }),
    field("person_payee_name", "person_payee_name"), field("person_payee_relation", "person_payee_relation")].flat();
  const nonMember = field("non_member", "non_member_claim", { kind: "checkbox" });
  const form = h("form", { class: "grid", "data-test": "claim-form" },
    nonMember, field("member_no", "member_no"), person, field("category", "category", { kind: "select", options: CATEGORIES }),
    field("event_date", "event_date", { kind: "date", value: beDate(app.status.today) }), field("days", "days", { kind: "number" }),
    field("documents", "documents"), field("note", "note"),
    h("div", { class: "full" }, h("button", { class: "primary", type: "submit", "data-test": "open-claim", text: t("open_claim") })));
  memberBeside(form);
  const memberParts = [...form.querySelectorAll("[for=f-member_no], [name=member_no], [data-test=member-brief]")];
  const showWho = () => {
    const outside = form.querySelector("[name=non_member]").checked;
    memberParts.forEach((el) => { el.hidden = outside; });
    person.forEach((el) => { el.hidden = !outside; });
  };
  form.querySelector("[name=non_member]").addEventListener("change", showWho);
  showWho();
  enterMovesOn(form, async () => {
    const v = values(form);
    const documents = v.documents.split(",").map((d) => d.trim()).filter(Boolean);
    const input = { member_no: v.member_no, category: v.category, event_date: v.event_date, days: v.days, documents, note: v.note };
    if (v.non_member) {
      input.member_no = "";
      input.person = { name: v.person_name, national_id: v.person_national_id, moo: v.person_moo, birth_date: v.person_birth_date, disabled_or_disadvantaged: v.person_disabled,
        payee_name: v.person_payee_name, payee_relation: v.person_payee_relation };
    }
    const out = await run(form.querySelector("button"), box, () => api.claim_open(input), form);
    if (out) location.hash = `#welfare/${out.claim.id}`;
  });
  const claims = await api.claims_list({});
  main.append(h("h1", { text: t("welfare") }), h("h2", { text: t("open_claim") }), form, box,
    h("h2", { text: t("claims") }),
    h("div", { class: "scroll" }, table([["#"], [t("member_no")], [t("name")], [t("category")], [t("event_date")], [t("amount"), "num"], [t("status")]],
      claims.map((c) => h("tr", { class: "clickable", onclick: () => { location.hash = `#welfare/${c.id}`; } },
        td(digits(c.id)), td(c.non_member ? t("non_member") : c.member_no), td(c.member_name), td(categoryName(c.category)), td(beDate(c.event_date)), td(baht(c.approved_amount ?? c.evaluated), "num"), td(t(STATUS[c.status] || c.status)))))),
    h("h2", { text: t("rules") }), await rules(), await ruleForm());
  form.querySelector("[name=member_no]").focus();
}

async function rules() {
  const rows = await api.welfare_rules();
  return h("div", { class: "scroll" }, table([[t("category")], [t("rule_from")], [t("rule_waiting_days")], [t("rule_amount")], [t("rule_in_force")]],
    rows.map((r) => h("tr", {}, td(r.category_th), td(beDate(r.rule.effective_from)), td(digits(r.rule.waiting_days)), td(ruleAmount(r.rule.amount) + (r.rule.non_member_amount ? ` · ${t("non_member")}: ${baht(r.rule.non_member_amount)}` : "")),
      td(r.in_force ? "✓" : "")))));
}

async function ruleForm() {
  const box = messageBox();
  // A change to a rule cites the general assembly's resolution that adopted it.
  const adopted = await api.resolutions_passed({ kind: "rule" });
  const form = h("form", { class: "grid", "data-test": "rule-form" },
    field("category", "category", { kind: "select", options: CATEGORIES }), field("from", "from", { kind: "date" }),
    field("waiting_days", "waiting_days", { kind: "number", value: "180" }),
    field("fixed", "rule_fixed", { kind: "amount" }), field("per_day", "rule_per_day", { kind: "amount" }), field("cap_per_event", "rule_cap_event", { kind: "amount" }),
    field("tiers", "rule_tiers", { placeholder: "1:3000,5:10000,10:30000" }), field("cap_per_year", "rule_cap_year", { kind: "amount" }), field("max_per_year", "rule_max_year", { kind: "number" }),
    field("non_member_amount", "rule_non_member_amount", { kind: "amount" }),
    field("documents", "documents"), field("arrears_ok", "rule_arrears_ok", { kind: "checkbox" }), field("withdraw", "rule_withdraw", { kind: "checkbox" }),
    field("resolution_id", "rule_resolution", { kind: "select", options: [["", "-"], ...adopted.map((r) => [String(r.id), r.label])] }),
    h("div", { class: "full" }, h("button", { type: "submit", text: t("rule_add") })));
  enterMovesOn(form, async () => {
    const { resolution_id, ...v } = values(form);
    const id = await run(form.querySelector("button"), box, () => api.welfare_rule_add({ rule: { ...v, documents: v.documents.split(",").map((d) => d.trim()).filter(Boolean) }, resolution_id: resolution_id ? Number(resolution_id) : null }), form);
    if (id) showOk(box, `${t("saved")}: #${id}`);
  });
  return h("div", {}, h("h2", { text: t("rule_add") }), form, box);
}

async function claim(main, id) {
  const box = messageBox();
  main.append(box);
  const c = await run(null, box, () => api.claim_get({ claim_id: id }));
  if (!c) return;
  const evaluation = c.status === "open" ? await run(null, box, () => api.claim_evaluate({ claim_id: id })) : c.evaluation;
  const reasons = (evaluation && evaluation.reasons) || [];
  main.append(h("h1", { "data-test": "claim-title", text: `${t("claims")} #${digits(id)} · ${categoryName(c.category)} · ${t(STATUS[c.status] || c.status)}` }),
    h("h2", { text: t("evaluation") }),
    h("div", { class: evaluation && evaluation.eligible ? "ok" : "warn", "data-test": "evaluation" },
      h("strong", { text: `${evaluation && evaluation.eligible ? t("eligible") : t("not_eligible")} · ${baht(evaluation ? evaluation.amount : 0)}` }),
      h("ul", {}, reasons.map((r) => h("li", { class: r.ok ? "reason-ok" : "reason-no", text: currentLang() === "en" ? r.en : r.th })))));
  if (c.status === "open") {
    const resolutions = await api.resolutions_passed({ kind: "claim" });
    const form = h("form", { class: "grid", "data-test": "decide-form" },
      field("resolution_id", "resolution", { kind: "select", options: resolutions.map((r) => [String(r.id), `${r.label}: ${r.subject}`]) }),
      field("amount", "amount", { kind: "amount", value: evaluation ? baht(evaluation.amount) : "" }),
      h("div", { class: "full row" },
        h("button", { class: "primary", type: "submit", "data-test": "approve", text: t("approve") }),
        h("button", { type: "button", "data-test": "reject", text: t("reject"), onclick: () => decide(false) })));
    const decide = async (approve) => {
      const v = values(form);
      const out = await run(null, box, () => api.claim_decide({ claim_id: id, approve, resolution_id: Number(v.resolution_id), amount: approve ? v.amount : "" }), form);
      if (out) { main.replaceChildren(); claim(main, id); }
    };
    enterMovesOn(form, () => decide(true));
    main.append(h("p", { class: "muted", text: t("claim_approval_hint") }), form);
  }
  if (c.status === "approved") {
    const form = h("form", { class: "grid", "data-test": "pay-form" }, field("date", "date", { kind: "date", value: beDate(app.status.today) }),
      field("till", "till", { kind: "select", options: [["cash", t("cash")], ["bank", t("bank")]] }),
      h("div", { class: "full" }, h("button", { class: "primary", type: "submit", "data-test": "pay", text: `${t("pay_claim")} ${baht(c.approved_amount)}` })));
    enterMovesOn(form, async () => {
      const v = values(form);
      const payee = c.payee || (c.non_member ? `${c.member_name} (${t("non_member")})` : `${c.member_name || ""} (${c.member_no || ""})`);
      const lines = [`${t("claims")} #${digits(id)} · ${categoryName(c.category)}`, `${t("paid_to")}: ${payee}`, `${t("amount")}: ${baht(c.approved_amount)}`, `${t("date")}: ${v.date}`];
      if (!(await confirmDialog(t("confirm_pay_claim"), lines))) return;
      const out = await run(form.querySelector("button"), box, () => api.claim_pay({ claim_id: id, ...v }), form);
      if (out) { main.replaceChildren(); claim(main, id); }
    });
    main.append(form);
  }
  if (c.status === "paid") {
    const path = h("input", { "data-test": "voucher-path", placeholder: t("path_hint"), size: 40 });
    main.append(h("p", {}, `${t("paid")}: ${c.payee || ""} · ${baht(c.approved_amount)}`),
      h("div", { class: "row" }, path, h("button", { "data-test": "save-voucher", text: t("voucher"), onclick: async (e) => {
        const out = await run(e.currentTarget, box, () => api.report_save({ document: { kind: "voucher", entry: String(c.payout_entry_id) }, format: "pdf", path: path.value }));
        if (out) { showOk(box, `${t("saved")}: ${out.path}`); box.append(" ", h("button", { text: t("open_pdf"), onclick: () => api.open_path({ path: out.path }) })); }
      } })));
  }
}
