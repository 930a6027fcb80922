// Province mode: enrol a fund by the fingerprint on its paper form, import bundles (dry run
// first), funds with coverage and gaps, CODI criteria, and the area report.
import { api } from "./contract.js";
import { t, one } from "./i18n.js";
import { app, refresh } from "./session.js";
import { h, field, enterMovesOn, values, messageBox, run, showOk, pathField, table, td } from "./dom.js";
import { beDate, beMonth, beMonthKey, previousMonth, digits } from "./format.js";

const RESULTS = { imported: "imported", would_import: "would_import", already_imported: "already_imported" };

export const TABS = [["import_bundles"], ["enrol"], ["funds_gaps"], ["criteria"], ["area_report"], ["back_to_fund"]];

export function render(main, tab) {
  const box = messageBox();
  const body = h("div");
  main.append(h("h1", { text: `${t("province")} · ${t(tab || "import_bundles")}` }), body, box);
  switch (tab) {
    case "enrol": return enrol(body, box);
    case "funds_gaps": return funds(body, box);
    case "criteria": return criteria(body, box);
    case "area_report": return report(body, box);
    case "back_to_fund": return api.open_fund().then(() => { location.hash = "#dashboard"; return refresh(); });
    default: return importer(body, box);
  }
}

function enrol(body, box) {
  const form = h("form", { class: "grid", "data-test": "enrol-form" }, pathField("path", "file", "open", { extensions: ["kongthun"] }),
    field("fingerprint", "fingerprint_typed"), field("replace", "replace_key", { kind: "checkbox" }),
    h("div", { class: "full" }, h("button", { class: "primary", type: "submit", text: t("enrol") })));
  enterMovesOn(form, async () => {
    const p = await run(form.querySelector("button"), box, () => api.province_enrol(values(form)), form);
    if (p) showOk(box, `${p.fund_name} (${p.fund_code}) ${t("amphoe_short")}${p.amphoe} ${t("tambon_short")}${p.tambon}\n${t("key_fp")}: ${p.key_fingerprint}\n` +
      (p.enrolled ? `${t("enrolled")} · ${t("id_key")}: ${p.id_key || ""}` : t("compare_paper_form")));
  });
  body.append(form);
}

function importer(body, box) {
  const form = h("form", { class: "grid", "data-test": "province-import-form" }, pathField("path", "file", "open", { extensions: ["kongthun"] }),
    h("div", { class: "full row" },
      h("button", { type: "button", "data-test": "dry-run", text: t("dry_run"), onclick: () => go(true) }),
      h("button", { class: "primary", type: "submit", text: t("import_bundles") })));
  const go = async (dry) => {
    const r = await run(null, box, () => api.province_import({ paths: values(form).path.split(/\n|;/).map((x) => x.trim()).filter(Boolean), dry_run: dry }), form);
    if (r) showOk(box, r.map((o) => `${o.fund_code} #${digits(o.sequence)} (${o.period[0]} – ${o.period[1]}): ${t(RESULTS[o.result] || o.result)} · ${digits(o.entries)} ${t("entries_word")}`).join("\n"));
  };
  enterMovesOn(form, () => go(false));
  body.append(form);
}

async function funds(body, box) {
  const month = beMonthKey(previousMonth(app.status.today));
  const rows = await run(null, box, () => api.province_funds({ month }));
  if (!rows) return;
  body.append(table([[t("code")], [t("name")], [t("amphoe")], [t("tambon")], [t("founded_on")], [t("books_start")], [t("bundles"), "num"], [t("covered")], [t("missing_months"), "num"]],
    rows.map((r) => h("tr", {}, td(r.code), td(r.name), td(r.amphoe), td(r.tambon), td(r.founded_on ? beDate(r.founded_on) : "-"), td(r.books_start ? beDate(r.books_start) : "-"), td(digits(r.bundles), "num"),
      td(`${beMonth(r.covered_from || "")} – ${beMonth(r.covered_to || "")}`), td(digits(r.months_missing), "num")))));
}

async function criteria(body, box) {
  const year = Number(app.status.today.slice(0, 4)) + 542;
  const rows = await run(null, box, () => api.province_criteria({ year }));
  if (!rows) return;
  body.append(...rows.map((f) => h("div", { class: "card" }, h("strong", { text: `${f.code} ${f.name}` }),
    h("ul", {}, [...f.criteria, ...f.programme].map((c) => h("li", { class: c.passed === true ? "reason-ok" : c.passed === false ? "reason-no" : "reason-unknown", text: `${c.th}: ${c.evidence_th}` }))))));
}

function report(body, box) {
  const form = h("form", { class: "grid" }, field("year", "year", { value: String(Number(app.status.today.slice(0, 4)) + 542) }),
    field("format", "file", { kind: "select", options: [["pdf", "PDF"], ["xlsx", "XLSX"], ["csv", "CSV"]] }), pathField("path", "file", "save"),
    h("div", { class: "full" }, h("button", { class: "primary", type: "submit", text: t("save") })));
  enterMovesOn(form, async () => {
    const v = values(form);
    const p = await run(form.querySelector("button"), box, () => api.province_report_save({ year: Number(v.year), format: v.format, path: v.path }), form);
    if (p) { showOk(box, `${t("saved")}: ${p}`); box.append(" ", h("button", { text: t("open_pdf"), onclick: () => api.open_path({ path: p }) })); }
  });
  body.append(form);
}
