// Settings: the recorder's name, Thai digits on screen, the fund profile, backups (now, to
// USB, restore) and the key fingerprint.
import { api } from "./contract.js";
import { t } from "./i18n.js";
import { refresh, applyZoom, ZOOM_KEY } from "./session.js";
import { h, field, enterMovesOn, values, messageBox, run, showOk, pathField, table, td } from "./dom.js";
import { baht, beDate, useThaiDigits } from "./format.js";

export async function render(main) {
  const box = messageBox();
  const s = await run(null, box, () => api.settings_get());
  main.append(h("h1", { text: t("settings") }), box);
  if (!s) return;
  const rform = h("form", { class: "grid", "data-test": "recorder-form" }, field("recorder", "recorder_name", { value: s.recorder }),
    h("div", { class: "full" }, h("button", { type: "submit", text: t("save") })));
  enterMovesOn(rform, async () => {
    if (await run(rform.querySelector("button"), box, () => api.settings_save(values(rform)), rform)) { showOk(box, t("saved")); refresh(); }
  });
  const digitsBox = h("input", { type: "checkbox", "data-test": "thai-digits", checked: localStorage.getItem("kongthun.thaiDigits") === "1",
    onchange: (e) => { localStorage.setItem("kongthun.thaiDigits", e.target.checked ? "1" : "0"); useThaiDigits(e.target.checked); } });
  const f = s.fund;
  const bbox = messageBox();
  const usbForm = h("form", { class: "grid" }, pathField("dir", "folder", "folder"), h("div", { class: "full row" },
    h("button", { type: "button", "data-test": "backup-now", text: t("backup_now"), onclick: async (e) => {
      const r = await run(e.currentTarget, bbox, () => api.backup_now({ dir: null }));
      if (r) showOk(bbox, `${r.path} · ${r.entries} · ${r.fingerprint}`);
    } }),
    h("button", { type: "submit", text: t("backup_usb") })));
  enterMovesOn(usbForm, async () => {
    const r = await run(usbForm.querySelector("[type=submit]"), bbox, () => api.backup_now({ dir: values(usbForm).dir }), usbForm);
    if (r) showOk(bbox, `${r.path} · ${r.entries} · ${r.fingerprint}`);
  });
  const restoreForm = h("form", { class: "grid" }, pathField("path", "file", "open", { extensions: ["sqlite"] }), h("div", { class: "full" }, h("button", { type: "submit", text: t("restore") })));
  enterMovesOn(restoreForm, async () => {
    const r = await run(restoreForm.querySelector("button"), bbox, () => api.restore_backup(values(restoreForm)), restoreForm);
    if (r) showOk(bbox, `${r.fund_name} · ${r.entries} · ${r.previous_copy || ""}`);
  });
  // The profile's names, address, entrance fee and lapse rule, changed with a reason (kept).
  const pbox = messageBox();
  const pform = h("form", { class: "grid", "data-test": "profile-form" },
    field("name_th", "name_th", { value: f.name_th }), field("name_en", "name_en", { value: f.name_en }),
    field("village", "village", { value: f.village }), field("moo", "moo", { value: f.moo == null ? "" : String(f.moo) }),
    field("tambon", "tambon", { value: f.tambon }), field("amphoe", "amphoe", { value: f.amphoe }), field("changwat", "changwat", { value: f.changwat }),
    field("entrance_fee", "entrance_fee", { kind: "amount", value: baht(f.entrance_fee) }), field("lapse_after", "lapse_after", { kind: "number", value: String(f.lapse_after) }),
    field("thai_digits", "thai_digits_print", { kind: "checkbox", value: f.thai_digits }), field("reason", "reason"),
    h("div", { class: "full" }, h("button", { type: "submit", text: t("save") })));
  enterMovesOn(pform, async () => {
    const { reason, ...fields } = values(pform);
    const saved = await run(pform.querySelector("button"), pbox, () => api.fund_profile_save({ fields, reason }), pform);
    if (saved) { showOk(pbox, t("saved")); refresh(); }
  });
  // What the government's criteria ask the fund to record, as it is recorded now.
  const rec = s.records || { certified_by: "", certified_on: "", certified_document: "", area_moos: [], local_government: "" };
  const cbox = messageBox();
  const cform = h("form", { class: "grid", "data-test": "records-form" },
    field("certified_by", "certified_by", { kind: "select", value: rec.certified_by, options: [["", "-"], ["codi", "certified_codi"], ["office", "certified_office"], ["committee", "certified_committee"]] }),
    field("certified_on", "certified_on", { kind: "date", value: rec.certified_on ? beDate(rec.certified_on) : "" }),
    field("certified_document", "certified_document", { value: rec.certified_document }),
    field("area_moos", "area_moos", { placeholder: "1-12", value: moosText(rec.area_moos) }),
    field("local_government", "local_government", { placeholder: t("local_government_hint"), value: rec.local_government || "" }),
    h("div", { class: "full" }, h("button", { type: "submit", text: t("save") })));
  enterMovesOn(cform, async () => {
    if (await run(cform.querySelector("button"), cbox, () => api.fund_records_save(values(cform)), cform) !== undefined) showOk(cbox, t("saved"));
  });
  // the window drawn larger for older eyes, as the browser's own zoom does
  const zoom = h("select", { "data-test": "screen-zoom", "aria-label": t("screen_zoom") },
    [100, 110, 125, 150, 175].map((p) => h("option", { value: String(p), text: `${p}%` })));
  zoom.value = localStorage.getItem(ZOOM_KEY) || "100";
  zoom.addEventListener("change", async () => { await run(zoom, box, () => applyZoom(Number(zoom.value))); });
  main.append(rform, h("p", {}, h("label", {}, digitsBox, " ", t("thai_digits"))),
    h("p", { class: "row" }, h("label", { text: t("screen_zoom") }), zoom),
    h("h2", { text: t("fund_records") }), h("p", { class: "hint", text: t("fund_records_hint") }), cform, cbox,
    h("h2", { text: t("fund_profile") }),
    h("p", {}, `${f.name_th} (${f.fund_code}) · ${t("schedule")}: ${t(f.schedule === "yearly" ? "yearly_s" : f.schedule)} · ${t("contribution")} ${baht(f.contribution)}`),
    h("p", { class: "hint", text: t("profile_fixed_hint") }), pform, pbox,
    ...(s.profile_history.length ? [h("div", { class: "scroll", "data-test": "profile-history" }, table([[t("date")], [t("recorder_label")], [t("reason")], [t("changes")]],
      s.profile_history.map((c) => h("tr", {}, td(beDate(c.recorded_at)), td(c.recorded_by), td(c.reason), td(c.fields.map(([k, a, b]) => `${t(k)}: ${a} → ${b}`).join("; "))))))] : []),
    h("h2", { text: t("fund_rules") }), h("p", { class: "hint", text: t("fund_rules_hint") }), await fundRules(f),
    h("p", {}, h("a", { href: "#welfare", text: t("rules") }), " · ", h("a", { href: "#meetings", text: t("committee") })),
    h("p", {}, `${t("key_fp")}: `, h("span", { class: "mono", text: s.key_fingerprint || t("none") })),
    h("h2", { text: t("backup_now") }), h("p", { class: "muted", text: t("auto_backup_note") }), h("p", { class: "mono", text: s.backups }),
    usbForm, h("h2", { text: t("restore") }), restoreForm, bbox,
    h("p", { class: "muted mono", text: s.fund_db }));
}

/** The fund's governance rules as they stand, and a form to record one from a day on with the
 *  decision it comes from; the value is chosen as the rule takes it (who, yes or no, baht). */
async function fundRules(f) {
  const box = messageBox();
  const rules = await run(null, box, () => api.fund_rules_get());
  if (!rules) return box;
  const shown = (now) => now.filter((r) => r.key !== "sajja_pledge" || f.kind !== "welfare");
  const keys = shown(rules.now);
  const rows = (now) => shown(now).map((r) => h("tr", { "data-test": `fund-rule-${r.key}` }, td(t(`fund_rule_${r.key}`)), td(ruleValue(r.key, r.value)),
    td(r.since ? beDate(r.since) : t("program_default")), td(r.decision || "")));
  const list = h("div", { class: "scroll", "data-test": "fund-rules" }, table([[t("fund_rule")], [t("value")], [t("effective_on")], [t("decision")]], rows(rules.now)));
  // every version recorded, newest first: what applied on an earlier day stays readable
  const historyRows = (history) => [...history].reverse().map((r) => h("tr", {}, td(t(`fund_rule_${r.key}`)), td(ruleValue(r.key, r.value)),
    td(beDate(r.effective_from)), td(r.decision)));
  const history = h("details", { "data-test": "fund-rules-history" }, h("summary", { text: t("fund_rules_history") }),
    table([[t("fund_rule")], [t("value")], [t("effective_on")], [t("decision")]], historyRows(rules.history)));
  history.hidden = rules.history.length === 0;
  const choices = {
    rules_changed_by: { kind: "select", options: [["general", "rules_by_general"], ["committee", "rules_by_committee"]] },
    require_cash_count: { kind: "select", options: [["no", "no"], ["yes", "yes"]] },
    sajja_pledge: { kind: "amount" },
  };
  // the value's label and control sit in the form's own grid, whichever control the rule takes
  const valueBox = h("div", { class: "contents" });
  const setValue = (key) => valueBox.replaceChildren(...[field("value", "value", choices[key])].flat());
  // the passed resolution it comes from, whose words become the decision (or the words
  // alone, for a decision taken before the program kept meetings)
  const passed = (await run(null, box, () => api.resolutions_passed({ kind: "rule" }))) || [];
  const form = h("form", { class: "grid", "data-test": "fund-rule-form" },
    field("fund_rule", "fund_rule", { kind: "select", options: keys.map((r) => [r.key, `fund_rule_${r.key}`]) }), valueBox,
    field("from", "effective_on", { kind: "date" }),
    field("resolution_id", "fund_rule_resolution", { kind: "select", options: [["", "-"], ...passed.map((r) => [String(r.id), `${r.label}: ${r.subject}`])] }),
    field("decision", "decision", { placeholder: t("decision_hint") }),
    h("div", { class: "full" }, h("button", { type: "submit", "data-test": "save-fund-rule", text: t("save") })));
  const setting = form.querySelector("[name=fund_rule]");
  setting.addEventListener("change", () => setValue(setting.value));
  setValue(setting.value);
  enterMovesOn(form, async () => {
    const { resolution_id, ...v } = values(form);
    const saved = await run(form.querySelector("[type=submit]"), box, () => api.fund_rule_save({ ...v, resolution_id: resolution_id ? Number(resolution_id) : null }), form);
    if (!saved) return;
    // the list drawn again in place, the result beside the form that caused it
    const again = await run(null, box, () => api.fund_rules_get());
    if (again) {
      list.querySelector("tbody").replaceChildren(...rows(again.now));
      history.querySelector("tbody").replaceChildren(...historyRows(again.history));
      history.hidden = again.history.length === 0;
    }
    form.reset();
    setValue(setting.value);
    showOk(box, `${t("saved")}: ${t(`fund_rule_${saved.key}`)} · ${ruleValue(saved.key, saved.value)} · ${t("effective_on")} ${beDate(saved.effective_from)}`);
  });
  return h("div", {}, list, history, form, box);
}

function ruleValue(key, value) {
  if (key === "rules_changed_by") return t(value === 1 ? "rules_by_committee" : "rules_by_general");
  if (key === "require_cash_count") return t(value === 1 ? "yes" : "no");
  return value ? baht(value) : t("none");
}

/** Villages as the form takes them: runs written as ranges (`1-4,7,9-12`). */
function moosText(moos) {
  const out = [];
  for (let i = 0; i < moos.length; i++) {
    let j = i;
    while (j + 1 < moos.length && moos[j + 1] === moos[j] + 1) j++;
    out.push(j > i ? `${moos[i]}-${moos[j]}` : String(moos[i]));
    i = j;
  }
  return out.join(",");
}

