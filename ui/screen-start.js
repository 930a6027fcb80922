// First run (demo fund, new fund wizard, restore, province mode) and the screen for a book
// that cannot be opened (offer the newest backup).
import { api } from "./contract.js";
import { t } from "./i18n.js";
import { h, field, enterMovesOn, values, messageBox, run, pathField, showOk, table, td } from "./dom.js";
import { baht, beDate, digits } from "./format.js";
import { ruleAmount } from "./rules.js";
import { app, refresh } from "./session.js";

export function render(main, status) {
  if (status.mode === "broken") return broken(main, status);
  const box = messageBox();
  const choice = (key, test, onclick) => h("button", { type: "button", "data-test": test, onclick }, t(key), h("small", { text: t(`${key}_sub`) }));
  const demo = choice("first_demo", "first-demo", async (e) => {
    const ok = await run(e.currentTarget, box, () => api.open_demo());
    if (ok) { location.hash = "#dashboard"; await refresh(); }
  });
  main.append(
    h("h1", { text: t("welcome") }),
    h("p", { class: "muted", text: t("welcome_sub") }),
    h("div", { class: "choices" },
      demo,
      choice("first_create", "first-create", () => wizard(main)),
      choice("first_migrate", "first-migrate", () => wizard(main, { migrate: true })),
      choice("first_restore", "first-restore", () => restoreForm(main, status)),
      choice("first_province", "first-province", async (e) => {
        const ok = await run(e.currentTarget, box, () => api.open_province());
        if (ok) { location.hash = "#province/import_bundles"; await refresh(); }
      })),
    box,
    h("p", { class: "muted mono", text: status.fund_db }));
  demo.focus();
}

/// The offices a new fund fills first: the chair, the treasurer who keeps the books, the
/// auditor who checks them, and the secretary who writes the minutes.
const FOUNDING_ROLES = ["chair", "treasurer", "auditor", "secretary"];

/// The last day of a two-year term begun today (ISO), the usual term of a fund's committee.
function twoYearsOn() {
  const [y, m, d] = app.status.today.split("-").map(Number);
  const end = new Date(Date.UTC(y + 2, m - 1, d - 1));
  return end.toISOString().slice(0, 10);
}

/// The new-fund wizard, one step at a time (the fund; where it is; its money rules, and with
/// `migrate` its founding date and books start; the welfare rules it starts with; who
/// records), each step on one screen at
/// 1024×768; then the steps that bring an existing fund's history in (`migrateSteps`). A
/// refusal opens the step that holds the field it names, the field marked.
function wizard(main, opts = {}) {
  main.replaceChildren();
  const box = messageBox();
  // the welfare rules the fund starts with, shown before the book exists
  const defaultRules = h("div", { class: "full scroll", "data-test": "wizard-rules" });
  api.welfare_default_rules().then((rules) => defaultRules.replaceChildren(table([[t("category")], [t("rule_waiting_days")], [t("rule_amount")]],
    rules.filter((r) => r.rule.offered).map((r) => h("tr", {}, td(r.category_th), td(digits(r.rule.waiting_days)), td(ruleAmount(r.rule.amount)))))));
  const steps = [
    ["wizard_step_fund", [field("name_th", "name_th"), field("name_en", "name_en"), field("fund_code", "fund_code", { placeholder: "KK-0412" }),
      field("kind", "kind", { kind: "select", options: [["welfare", t("welfare_kind")], ["savings", t("savings_kind")], ["both", t("both_kind")]] })]],
    ["wizard_step_place", [field("village", "village"), field("moo", "moo", { kind: "number" }), field("tambon", "tambon"), field("amphoe", "amphoe"), field("changwat", "changwat")]],
    ["wizard_step_money", [field("fiscal_year_start", "fiscal_year_start", { kind: "number", value: "1" }),
      field("schedule", "schedule", { kind: "select", value: "monthly", options: [["daily", t("daily")], ["monthly", t("monthly")], ["yearly", t("yearly_s")]] }),
      field("contribution", "contribution", { kind: "amount", value: "30" }),
      field("entrance_fee", "entrance_fee", { kind: "amount", value: "0" }),
      field("lapse_after", "lapse_after", { kind: "number", value: "6" }),
      ...(opts.migrate ? [field("founded_on", "founded_on", { kind: "date" }), field("books_start", "books_start", { kind: "date", value: firstOfFiscalYear(1) }), field("founding_note", "founding_note")] : [])]],
    // a fund born here starts with its committee (they become members 1, 2, 3 ...); a fund
    // brought in has its members in the workbook, and its committee is set after the import
    ...(opts.migrate ? [] : [["wizard_step_committee", [h("p", { class: "full hint", text: t("wizard_committee_hint") }),
      ...FOUNDING_ROLES.map((role) => [h("label", { text: t(`role_${role}`) }), h("div", { class: "row" },
        h("input", { name: `c_${role}_title`, size: 5, placeholder: t("title"), "aria-label": t("title"), "data-test": `c_${role}_title`, list: "wizard-titles" }),
        h("input", { name: `c_${role}_first`, size: 12, placeholder: t("first_name"), "aria-label": t("first_name"), "data-test": `c_${role}_first` }),
        h("input", { name: `c_${role}_last`, size: 12, placeholder: t("last_name"), "aria-label": t("last_name"), "data-test": `c_${role}_last` }),
        h("input", { name: `c_${role}_id`, size: 15, placeholder: t("national_id"), "aria-label": t("national_id") }))]),
      field("term_to", "term_to", { kind: "date", value: beDate(twoYearsOn()) }),
      // the titles a villager's name is written with, offered as it is typed
      h("datalist", { id: "wizard-titles" }, t("member_titles").split(",").map((x) => h("option", { value: x })))]]]),
    ["wizard_step_rules", [h("p", { class: "full hint", text: t("wizard_rules_hint") }), defaultRules]],
    ["wizard_step_recorder", [field("recorder", "recorder_name")]],
  ];
  const parts = steps.map(([title, fields], i) => h("div", { class: "step", "data-step": String(i + 1), hidden: i > 0 },
    h("h2", { class: "full", text: `${t("wizard_step")} ${i + 1}/${steps.length}: ${t(title)}` }), ...fields.flat()));
  const back = h("button", { type: "button", "data-test": "wizard-back", text: t("back") });
  const next = h("button", { class: "primary", type: "button", "data-test": "wizard-next", text: t("next_step") });
  const create = h("button", { class: "primary", type: "submit", "data-test": "create", text: t(opts.migrate ? "next_step" : "create") });
  const form = h("form", { class: "grid", "data-test": "wizard" }, ...parts,
    h("div", { class: "full row" }, back, next, create, h("button", { type: "button", text: t("cancel"), onclick: () => refresh() })));
  let at = 0;
  const show = (i) => {
    at = i;
    parts.forEach((p, j) => { p.hidden = j !== i; });
    back.hidden = i === 0;
    next.hidden = i === parts.length - 1;
    create.hidden = i !== parts.length - 1;
    const first = parts[i].querySelector(".invalid") || parts[i].querySelector("input, select");
    if (first) first.focus();
  };
  back.addEventListener("click", () => show(Math.max(0, at - 1)));
  next.addEventListener("click", () => show(Math.min(parts.length - 1, at + 1)));
  show(0);
  const fy = form.querySelector("[name=fiscal_year_start]");
  const start = form.querySelector("[name=books_start]");
  if (start) fy.addEventListener("change", () => { start.value = firstOfFiscalYear(Number(fy.value) || 1); });
  const submit = async () => {
    if (at < parts.length - 1) { show(at + 1); return; }
    const v = values(form);
    const recorder = v.recorder; delete v.recorder;
    const committee = opts.migrate ? [] : FOUNDING_ROLES.map((role) => ({ role, title: v[`c_${role}_title`], first_name: v[`c_${role}_first`],
      last_name: v[`c_${role}_last`], national_id: v[`c_${role}_id`], term_to: v.term_to }));
    for (const key of Object.keys(v)) if (key.startsWith("c_") || key === "term_to") delete v[key];
    const dates = { founded_on: v.founded_on || v.books_start || "", books_start: v.books_start || "", founding_note: v.founding_note || "" };
    delete v.founded_on; delete v.books_start; delete v.founding_note;
    const ok = await run(create, box, () => api.create_fund({ profile: { ...v, thai_digits: false }, recorder, committee }).then(() => true), form);
    if (!ok) {
      // the step that holds the field the refusal names, with that field marked
      const bad = parts.findIndex((p) => p.querySelector(".invalid"));
      if (bad >= 0) show(bad);
      return;
    }
    if (!opts.migrate) { location.hash = "#dashboard"; await refresh(); return; }
    // The book exists now, empty: its start can still be set, and is set before anything.
    const started = await run(create, box, () => api.fund_set_start(dates).then(() => true), form);
    if (started) migrateSteps(main, v.name_th);
    else { const bad = parts.findIndex((p) => p.querySelector(".invalid")); if (bad >= 0) show(bad); }
  };
  enterMovesOn(form, submit);
  main.append(h("h1", { text: t(opts.migrate ? "first_migrate" : "first_create") }),
    ...(opts.migrate ? [h("h2", { text: t("migrate_step_profile") })] : []), form, box);
  show(0);
}


/// `dd/mm/yyyy` (BE) of the first day of the fiscal year that holds today, starting in
/// `month`: the suggested first day of a fund's books here.
function firstOfFiscalYear(month) {
  const now = new Date();
  const year = now.getMonth() + 1 >= month ? now.getFullYear() : now.getFullYear() - 1;
  return `01/${String(month).padStart(2, "0")}/${year + 543}`;
}

/// Steps 2 and 3 of bringing a fund in: save the template, then check the filled file (a dry
/// run that shows the opening trial balance, the capital and the members in arrears, or
/// every bad cell), then confirm.
function migrateSteps(main, fundName) {
  main.replaceChildren();
  const box = messageBox();
  const template = h("form", { class: "grid", "data-test": "migrate-template" },
    pathField("template", "file", "save", { suggest: "kongthun-template.xlsx", extensions: ["xlsx"] }),
    h("div", { class: "full row" }, h("button", { type: "submit", "data-test": "save-template", text: t("save_template") })));
  enterMovesOn(template, async () => {
    const path = await run(template.querySelector("button[type=submit]"), box, () => api.migrate_template({ path: values(template).template }), template);
    if (path) showOk(box, `${t("template_saved")}: ${path}`);
  });
  const review = h("div", { "data-test": "migrate-review" });
  const confirm = h("button", { class: "primary", type: "button", "data-test": "confirm-migrate", text: t("confirm_migrate"), hidden: true });
  const file = h("form", { class: "grid", "data-test": "migrate-file" },
    pathField("filled", "filled_file", "open", { extensions: ["xlsx", "csv"] }),
    h("div", { class: "full row" }, h("button", { type: "submit", "data-test": "dry-run", text: t("migrate_dry_run") }), confirm));
  enterMovesOn(file, async () => {
    confirm.hidden = true;
    review.replaceChildren();
    const out = await run(file.querySelector("[data-test=dry-run]"), box, () => api.migrate_import({ path: values(file).filled, dry_run: true }), file);
    if (!out) return;
    box.hidden = true;
    showReview(review, out);
    confirm.hidden = false;
    confirm.focus();
  });
  confirm.addEventListener("click", async () => {
    const out = await run(confirm, box, () => api.migrate_import({ path: values(file).filled, dry_run: false }), file);
    if (out) { showOk(box, `${t("migrated")}: ${out.entry ? out.entry.doc_no : ""}`); location.hash = "#dashboard"; await refresh(); }
  });
  main.append(h("h1", { text: `${t("first_migrate")}: ${fundName}` }),
    h("h2", { text: t("migrate_step_template") }), template,
    h("h2", { text: t("migrate_step_file") }), file, box, review);
  template.querySelector("input").focus();
}

function showReview(review, out) {
  const tb = table([[t("account")], [t("debit"), "num"], [t("credit"), "num"]],
    [...out.opening.map((l) => h("tr", {}, td(`${l.code} ${l.name_th}`), td(baht(l.debit), "num"), td(baht(l.credit), "num"))),
      h("tr", { class: "total" }, td(t("total")), td(baht(out.total_debit), "num"), td(baht(out.total_credit), "num"))], { test: "opening-tb" });
  const owing = out.members.filter((m) => m.arrears_periods > 0);
  const arrears = table([[t("member_no")], [t("name")], [t("paid_through")], [t("arrears_periods"), "num"]],
    owing.slice(0, 200).map((m) => h("tr", {}, td(m.member_no), td(m.name), td(m.paid_through || "-"), td(digits(m.arrears_periods), "num"))), { test: "migrate-arrears" });
  review.append(
    h("p", { text: `${t("founded_on")} ${beDate(out.founded_on)} · ${t("books_start")} ${beDate(out.books_start)} · ${t("members")} ${digits(out.members.length)}` }),
    h("h3", { text: t("opening_tb") }), tb,
    h("p", { "data-test": "capital", text: `${t("capital_carried")}: ${baht(out.capital)}` }),
    h("h3", { text: `${t("members_in_arrears")} (${digits(owing.length)})` }), arrears);
}

function restoreForm(main, status) {
  main.replaceChildren();
  const box = messageBox();
  const form = h("form", { class: "grid" }, pathField("path", "file", "open", { value: status.newest_backup || "", extensions: ["sqlite"] }),
    h("div", { class: "full row" }, h("button", { class: "primary", type: "submit", "data-test": "restore", text: t("restore") }), h("button", { type: "button", text: t("cancel"), onclick: () => refresh() })));
  const submit = async () => {
    const out = await run(form.querySelector("[data-test=restore]"), box, () => api.restore_backup({ path: values(form).path }), form);
    if (out) { showOk(box, `${out.fund_name}: ${out.entries}`); location.hash = "#dashboard"; await refresh(); }
  };
  enterMovesOn(form, submit);
  main.append(h("h1", { text: t("first_restore") }), form, box);
}

function broken(main, status) {
  main.append(h("h1", { text: t("broken") }),
    h("div", { class: "error", "data-test": "broken-error" }, h("div", { text: status.error.th }), h("div", { class: "muted", text: status.error.en })),
    h("p", { class: "mono", text: status.fund_db }));
  restoreForm(main.appendChild(h("div")), status);
}
