// Reports (preview in the window, save PDF/CSV/XLSX, open to print), month close, chain
// check; and the USB screen: yearly export and signed bundles for the province.
import { api } from "./contract.js";
import { t } from "./i18n.js";
import { app } from "./session.js";
import { h, field, enterMovesOn, values, messageBox, run, showOk, pathField, table, td, clearPosted, confirmDialog } from "./dom.js";
import { baht, beDate, beMonth, beMonthKey, monthLong, previousMonth, digits, shortPath } from "./format.js";

const REPORTS = [["statement", "statement"], ["trial_balance", "trial_balance"], ["arrears", "arrears_list"], ["year", "yearly"],
  ["member_register", "member_register"], ["welfare_rules", "welfare_rules_doc"], ["committee", "committee_doc"],
  ["claims_register", "claims_register"], ["count_sheet", "count_sheet"], ["auditor_report", "auditor_report"], ["dividend_list", "dividend_list"], ["matching_request", "matching_request"]];
// What the window can preview; the registers are read in their PDF or spreadsheet.
const PREVIEWS = { statement: "month", trial_balance: "trial_balance", arrears: "arrears" };
// The notes and coins a till holds, in satang, with their labels (domain::money::FACES).
const FACES = [[100000, "1000"], [50000, "500"], [10000, "100"], [5000, "50"], [2000, "20"], [1000, "10"], [500, "5"], [200, "2"], [100, "1"], [50, "0.50"], [25, "0.25"]];

export function render(main) {
  const box = messageBox();
  const last = previousMonth(app.status.today);
  const form = h("form", { class: "grid", "data-test": "report-form" },
    field("kind", "kind", { kind: "select", options: REPORTS.map(([k, label]) => [k, t(label)]) }),
    field("month", "month", { kind: "month", value: beMonthKey(last) }), field("as_of", "as_of", { kind: "date", value: beDate(app.status.today) }),
    field("year", "year", { value: String(Number(app.status.today.slice(0, 4)) + 542) }),
    field("names", "names_on_statement", { kind: "checkbox" }),
    pathField("path", "file", "save", {}),
    h("div", { class: "full row" },
      h("button", { type: "button", "data-test": "preview", text: t("preview"), onclick: () => preview() }),
      h("button", { type: "button", class: "primary", "data-test": "save-pdf", text: t("save_pdf"), onclick: () => save("pdf") }),
      h("button", { type: "button", "data-test": "save-csv", text: t("save_csv"), onclick: () => save("csv") }),
      h("button", { type: "button", "data-test": "save-xlsx", text: t("save_xlsx"), onclick: () => save("xlsx") })));
  // Each report shows only the fields it takes.
  const FIELDS = { statement: ["month", "names"], trial_balance: ["as_of"], arrears: ["as_of"], year: ["year"],
    member_register: ["as_of"], welfare_rules: ["as_of"], committee: ["as_of"], claims_register: ["year"], count_sheet: ["month"], auditor_report: ["year"], dividend_list: ["year"], matching_request: ["year"] };
  const showFields = () => {
    const wanted = FIELDS[form.querySelector("[name=kind]").value] || [];
    for (const name of ["month", "as_of", "year", "names"]) {
      const input = form.querySelector(`[name=${name}]`);
      const shown = wanted.includes(name);
      (input.closest(".month-picker") || input).hidden = !shown;
      form.querySelectorAll(`label[for=${input.id}], label[for=${input.id}-m]`).forEach((l) => { l.hidden = !shown; });
    }
  };
  form.querySelector("[name=kind]").addEventListener("change", () => { showFields(); out.replaceChildren(); box.hidden = true; });
  showFields();
  const out = h("div", { "data-test": "preview-box" });
  const documentOf = (v) => {
    const month = v.month.trim();
    switch (v.kind) {
      case "statement": return { kind: "statement", month, names: v.names };
      case "trial_balance": return { kind: "trial_balance", as_of: v.as_of };
      case "arrears": return { kind: "arrears", as_of: v.as_of };
      case "member_register": case "welfare_rules": case "committee": return { kind: v.kind, as_of: v.as_of };
      case "claims_register": case "auditor_report": case "dividend_list": case "matching_request": return { kind: v.kind, year: Number(v.year) };
      case "count_sheet": return { kind: "count_sheet", month };
      default: return { kind: "year", year: Number(v.year) };
    }
  };
  const save = async (format) => {
    const v = values(form);
    const saved = await run(null, box, () => api.report_save({ document: documentOf(v), format, path: v.path }), form);
    if (saved) {
      showOk(box, `${t("saved")}: ${shortPath(saved.path)}`);
      box.append(" ", h("button", { "data-test": "open-saved", text: t("open_pdf"), onclick: () => run(null, box, () => api.open_path({ path: saved.path })) }));
      if (format === "pdf") {
        box.append(" ", h("button", { "data-test": "print-saved", text: t("print"), onclick: async () => {
          const job = await run(null, box, () => api.print_path({ path: saved.path }));
          if (job !== undefined) showOk(box, `${t("sent_to_printer")}: ${shortPath(saved.path)}${job ? ` (${job})` : ""}`);
        } }));
      }
    }
  };
  const preview = async () => {
    const v = values(form);
    const kind = PREVIEWS[v.kind];
    if (!kind) { showOk(box, t("preview_in_file")); out.replaceChildren(); return; }
    const p = await run(null, box, () => api.report_preview({ kind, month: v.month, as_of: v.as_of }), form);
    if (!p) return;
    if (p.kind === "month") {
      const s = p.summary;
      out.replaceChildren(h("h2", { text: `${t("statement")} ${monthLong(s.month)} (${p.closed ? t("closed") : t("open")})` }),
        table([[""], [t("amount"), "num"]], [
          h("tr", {}, td(t("opening")), td(baht(s.opening), "num")),
          ...s.receipts.map((l) => h("tr", {}, td(`${t("receipts")}: ${l.name_th}`), td(baht(l.amount), "num"))),
          h("tr", {}, td(`${t("total")} ${t("receipts")}`), td(baht(s.total_receipts), "num")),
          ...s.payments.map((l) => h("tr", {}, td(`${t("payments")}: ${l.name_th}`), td(baht(l.amount), "num"))),
          h("tr", {}, td(`${t("total")} ${t("payments")}`), td(baht(s.total_payments), "num")),
          h("tr", {}, td(`${t("closing")} (${t("cash")} ${baht(s.closing_cash)} · ${t("bank")} ${baht(s.closing_bank)})`), td(baht(s.closing), "num"))]));
    } else if (p.kind === "trial_balance") {
      const tb = p.tb;
      out.replaceChildren(h("h2", { text: `${t("trial_balance")} ${beDate(tb.as_of)}` }),
        table([[t("account")], [""], [t("debit"), "num"], [t("credit"), "num"]], [
          ...tb.lines.map((l) => h("tr", {}, td(l.code), td(l.name_th), td(l.debit ? baht(l.debit) : "", "num"), td(l.credit ? baht(l.credit) : "", "num"))),
          h("tr", {}, td(""), td(t("total")), td(baht(tb.total_debit), "num"), td(baht(tb.total_credit), "num"))]));
    } else {
      out.replaceChildren(h("h2", { text: `${t("arrears_list")} (${digits(p.rows.length)})` }),
        h("div", { class: "scroll" }, table([[t("member_no")], [t("name")], [t("arrears_periods"), "num"], [t("amount"), "num"], [t("sajja_missed"), "num"]],
          p.rows.map((r) => h("tr", {}, td(r.member_no), td(r.name), td(digits(r.arrears_periods), "num"), td(baht(r.arrears_amount), "num"), td(r.sajja_missed_months ? digits(r.sajja_missed_months) : "", "num"))))));
    }
  };
  // The auditor's month end: count the cash, reconcile the passbook, sign, then close.
  // An empty count closes without one (unless the fund requires it) and the statement says so.
  const cbox = messageBox();
  // Counted note by note, the pieces add up into the cash counted and go with the close.
  const pieceInputs = FACES.map(([face, label]) => h("input", { type: "text", inputmode: "numeric", class: "pieces", "data-face": String(face),
    "data-test": `pieces-${label}`, "aria-label": `${label} ${t("baht_unit")}`, autocomplete: "off" }));
  const piecesTotal = h("span", { class: "num", "data-test": "pieces-total" });
  const counting = h("details", { class: "full", "data-test": "notes-and-coins" }, h("summary", { text: t("count_notes_and_coins") }),
    h("div", { class: "pieces-grid" }, ...FACES.flatMap(([, label], i) => [h("label", { text: label }), pieceInputs[i]])),
    h("p", {}, `${t("total")}: `, piecesTotal));
  const typedPieces = () => pieceInputs.map((el) => [Number(el.dataset.face), el.value.trim()]).filter(([, n]) => n !== "");
  const recount = () => {
    const pieces = typedPieces();
    if (!pieces.length) { piecesTotal.textContent = ""; return; }
    const satang = pieces.reduce((sum, [face, n]) => sum + face * (Number(n) || 0), 0);
    piecesTotal.textContent = baht(satang);
    cform.querySelector("[name=cash_counted]").value = baht(satang);
  };
  pieceInputs.forEach((el) => el.addEventListener("input", recount));
  const notesAndCoins = () => typedPieces().map(([face, n]) => `${FACES.find(([f]) => f === face)[1]}x${n}`).join(",");
  const cform = h("form", { class: "grid", "data-test": "close-form" }, field("month", "month", { kind: "month", value: beMonthKey(last) }),
    counting,
    field("cash_counted", "cash_counted", { kind: "amount" }), field("bank_statement", "bank_statement", { kind: "amount" }),
    field("in_transit", "in_transit", { kind: "amount" }), field("uncleared", "uncleared", { kind: "amount" }),
    h("div", { class: "full" }, h("button", { class: "primary", type: "submit", "data-test": "close-month", text: t("close_month") }), " ",
      h("button", { type: "button", "data-test": "verify", text: t("verify"), onclick: async () => {
        const r = await run(null, cbox, () => api.chain_verify());
        if (r) showOk(cbox, `✓ ${digits(r.entries)} ${t("entries_word")} · ${r.fingerprint}`);
      } })));
  enterMovesOn(cform, async () => {
    const v = values(cform);
    // Say what the close will do (and who the lapse rule takes out, by name) before it is done.
    const count = { month: v.month, cash_counted: v.cash_counted, bank_statement: v.bank_statement, in_transit: v.in_transit, uncleared: v.uncleared, notes_and_coins: notesAndCoins() };
    const preview = await run(cform.querySelector("button"), cbox, () => api.month_close_preview(count), cform);
    if (!preview) return;
    const lapse = preview.to_lapse.length
      ? [`${t("will_lapse")} (${digits(preview.to_lapse.length)}):`, ...preview.to_lapse.slice(0, 30).map((r) => `${r.member_no} ${r.name} · ${t("arrears_short")} ${digits(r.arrears_periods)} ${t("periods")}` + (r.sajja_missed_months ? ` · ${t("sajja_missed")} ${digits(r.sajja_missed_months)}` : "")),
        ...(preview.to_lapse.length > 30 ? [`… ${digits(preview.to_lapse.length - 30)}`] : [])]
      : [t("none_lapse")];
    if (!(await confirmDialog(`${t("confirm_close")} ${monthLong(preview.month)}`, [t("close_explain"), ...lapse]))) return;
    const r = await run(cform.querySelector("button"), cbox, () => api.month_close(count), cform);
    if (r) {
      showOk(cbox, `${t("closed")}: ${beMonth(r.month)} · ${r.fingerprint || ""}`);
      clearPosted(cform, ["cash_counted", "bank_statement", "in_transit", "uncleared"]);
      pieceInputs.forEach((el) => { el.value = ""; });
      recount();
    }
  });
  const abox = messageBox();
  const aform = h("form", { class: "grid", "data-test": "audit-form" }, field("month", "month", { kind: "month", value: beMonthKey(last) }),
    field("auditor", "auditor"), field("remarks", "remarks"),
    h("div", { class: "full" }, h("button", { type: "submit", "data-test": "audit-sign", text: t("audit_sign") })));
  enterMovesOn(aform, async () => {
    const v = values(aform);
    const r = await run(aform.querySelector("button"), abox, () => api.audit_sign({ month: v.month, auditor: v.auditor, remarks: v.remarks }), aform);
    if (r) showOk(abox, `${t("audit_signed")}: ${beMonth(r.month)} · ${r.auditor}`);
  });
  const dbox = messageBox();
  const dform = h("form", { class: "grid", "data-test": "difference-form" }, field("date", "date", { kind: "date", value: beDate(app.status.today) }),
    field("direction", "cash_difference_kind", { kind: "select", options: [["short", "cash_short"], ["over", "cash_over"]] }),
    field("amount", "amount", { kind: "amount" }), field("reason", "reason"),
    h("div", { class: "full" }, h("button", { type: "submit", "data-test": "cash-difference", text: t("record_cash_difference") })));
  enterMovesOn(dform, async () => {
    const v = values(dform);
    const r = await run(dform.querySelector("button"), dbox, () => api.cash_difference({ date: v.date, difference: v.direction === "short" ? `-${v.amount.trim()}` : v.amount, reason: v.reason }), dform);
    if (r) { showOk(dbox, `${t("saved")}: ${r.doc_no}`); clearPosted(dform, ["amount", "reason"]); }
  });
  main.append(h("h1", { text: t("reports") }), form, box, out,
    h("h2", { text: t("audit_section") }), h("p", { class: "hint", text: t("audit_hint") }), aform, abox,
    h("h2", { text: t("close_month") }), h("p", { class: "hint", text: t("close_hint") }), cform, cbox,
    h("h3", { text: t("record_cash_difference") }), dform, dbox);
}

export async function usb(main) {
  const box = messageBox();
  const yform = h("form", { class: "grid", "data-test": "year-export-form" },
    field("year", "year", { value: String(Number(app.status.today.slice(0, 4)) + 542) }), pathField("dir", "folder", "folder"),
    h("div", { class: "full" }, h("button", { class: "primary", type: "submit", "data-test": "year-export", text: t("export") })));
  enterMovesOn(yform, async () => {
    const v = values(yform);
    const r = await run(yform.querySelector("button"), box, () => api.year_export({ year: v.year, dir: v.dir }), yform);
    if (r) {
      showOk(box, `${shortPath(r.folder)} · ${digits(r.files.length)} ${t("files_word")} · ${t("verified")}`);
      // the files' checksums are for whoever checks the stick later, not the main path
      box.append(h("details", { "data-test": "export-details" }, h("summary", { text: t("details") }),
        table([["SHA-256"], [t("file")]], r.files.map((f) => h("tr", {}, td(f.sha256.slice(0, 16) + "…", "mono"), td(f.name))))));
    }
  });
  const bbox = messageBox();
  const last = previousMonth(app.status.today);
  const bform = h("form", { class: "grid", "data-test": "bundle-form" },
    field("period", "period", { value: beMonthKey(last) }), pathField("dir", "folder", "folder"),
    field("clear_ids", "clear_ids", { kind: "checkbox" }),
    h("div", { class: "full" }, h("button", { class: "primary", type: "submit", "data-test": "bundle-export", text: t("export") })));
  enterMovesOn(bform, async () => {
    const r = await run(bform.querySelector("button"), bbox, () => api.bundle_export(values(bform)), bform);
    if (r) showOk(bbox, `${t("bundle_no")} ${digits(r.sequence)}: ${r.path}\n${beMonth(r.period.from.slice(0, 7))} – ${beMonth(r.period.to.slice(0, 7))} · ${digits(r.entries)} ${t("entries_word")} · ${t("verified")}\n${t("key_fp")}: ${r.key_fingerprint}`);
  });
  let fp = "";
  try { fp = await api.bundle_key(); } catch (e) { fp = e.th || ""; }
  main.append(h("h1", { text: t("usb") }), h("h2", { text: t("year_export") }), yform, box,
    h("h2", { text: t("bundle") }), h("p", {}, `${t("key_fp")}: `, h("strong", { class: "mono", "data-test": "key-fingerprint", text: fp })), bform, bbox);
}
