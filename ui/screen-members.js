// Members: search, detail (history, passbook), add and edit, status changes, import.
import { api } from "./contract.js";
import { t } from "./i18n.js";
import { h, field, enterMovesOn, values, messageBox, run, showOk, pathField, table, td } from "./dom.js";
import { baht, beDate, digits } from "./format.js";

const STATUS = { active: "status_active", lapsed: "status_lapsed", resigned: "status_resigned", deceased: "status_deceased", expelled: "status_expelled" };
const statusText = (s) => (STATUS[s] ? t(STATUS[s]) : s);

export async function render(main, rest) {
  if (rest[0] === "add") return editor(main, null);
  if (rest[0] === "import") return importer(main);
  if (rest[0]) return detail(main, rest[0]);
  const box = messageBox();
  const search = h("input", { type: "search", "data-test": "member-search", placeholder: `${t("search")}: ${t("member_no")}, ${t("name")}, ${t("national_id")}` });
  const list = h("div", { class: "scroll" });
  const load = async () => {
    const rows = await run(null, box, () => api.members_list({ search: search.value, limit: 300 }));
    if (!rows) return;
    list.replaceChildren(table([[t("member_no")], [t("name")], [t("moo")], [t("joined_on")], [t("status")]],
      rows.map((m) => h("tr", { class: "clickable", "data-test": `member-${m.member_no}`, tabindex: 0, onclick: () => { location.hash = `#members/${m.member_no}`; } },
        td(digits(m.member_no)), td(`${m.title}${m.first_name} ${m.last_name}`), td(m.moo ? digits(m.moo) : ""), td(beDate(m.joined_on)), td(statusText(m.status)))), { test: "members-table" }));
  };
  search.addEventListener("input", () => { clearTimeout(load.t); load.t = setTimeout(load, 200); });
  main.append(h("h1", { text: t("members") }),
    h("div", { class: "row" }, search,
      h("button", { class: "primary", "data-test": "add-member", text: t("add_member"), onclick: () => { location.hash = "#members/add"; } }),
      h("button", { "data-test": "import-members", text: t("import_members"), onclick: () => { location.hash = "#members/import"; } })),
    box, list);
  search.focus();
  await load();
}

const FIELDS = [
  ["title", "title"], ["first_name", "first_name"], ["last_name", "last_name"], ["national_id", "national_id", { placeholder: "1-2345-67890-12-3" }],
  ["birth_date", "birth_date", { kind: "date" }], ["sex", "sex", { kind: "select", options: [["", "-"], ["female", t("female")], ["male", t("male")]] }],
  ["moo", "moo", { kind: "number" }], ["address", "address"], ["phone", "phone"], ["joined_on", "joined_on", { kind: "date" }], ["groups", "groups"],
  ["beneficiary_name", "beneficiary_name"], ["beneficiary_relation", "beneficiary_relation"], ["beneficiary_national_id", "beneficiary_national_id"],
];

async function editor(main, memberNo) {
  const box = messageBox();
  let current = {};
  if (memberNo) current = (await api.member_get({ member_no: memberNo })).fields;
  else current = { member_no: await api.member_next_no() };
  const form = h("form", { class: "grid", "data-test": "member-form" },
    field("member_no", "member_no", { value: current.member_no }),
    FIELDS.map(([name, key, opts]) => field(name, key, { ...(opts || {}), value: current[name] ?? (opts && opts.kind === "select" ? "" : "") })),
    h("div", { class: "full row" }, h("button", { class: "primary", type: "submit", "data-test": "save-member", text: t("save") }),
      h("button", { type: "button", text: t("cancel"), onclick: () => history.back() })));
  for (const [name] of FIELDS) if (current[name] !== undefined) form.querySelector(`[name=${name}]`).value = current[name];
  const submit = async () => {
    const v = values(form);
    const saved = await run(form.querySelector("[data-test=save-member]"), box, () => memberNo ? api.member_edit({ member_no: memberNo, fields: v }) : api.member_add(v), form);
    if (saved) { showOk(box, `${t("saved")}: ${saved.member_no} ${saved.title}${saved.first_name} ${saved.last_name}`); location.hash = `#members/${saved.member_no}`; }
  };
  enterMovesOn(form, submit);
  main.append(h("h1", { text: memberNo ? `${t("edit_member")} ${memberNo}` : t("add_member") }), box, form);
  form.querySelector("[name=title]").focus();
}

async function detail(main, memberNo) {
  if (memberNo.endsWith(":edit")) return editor(main, memberNo.slice(0, -5));
  const box = messageBox();
  main.append(box);
  const d = await run(null, box, () => api.member_get({ member_no: memberNo }));
  if (!d) return;
  const m = d.member, pb = d.passbook;
  const statusForm = h("form", { class: "grid" },
    field("status", "status", { kind: "select", options: Object.entries(STATUS).map(([k, v]) => [k, `${v[0]} / ${v[1]}`]), value: m.status }),
    field("effective_on", "date", { kind: "date" }), field("reason", "reason"),
    h("div", { class: "full" }, h("button", { type: "submit", text: t("change_status") })));
  enterMovesOn(statusForm, async () => {
    const v = values(statusForm);
    const ok = await run(null, box, () => api.member_status({ member_no: memberNo, ...v }), statusForm);
    if (ok) render(main.replaceChildren() || main, [memberNo]);
  });
  const pdfPath = h("input", { "data-test": "passbook-path", placeholder: t("path_hint") });
  main.append(
    h("h1", { "data-test": "member-title", text: `${digits(m.member_no)} ${m.title}${m.first_name} ${m.last_name}` }),
    h("div", { class: "row" }, h("a", { href: `#members/${memberNo}:edit`, text: t("edit_member") })),
    h("div", { class: "cards" },
      h("div", { class: "card" }, h("div", { class: "label", text: t("status") }), h("div", { class: "value", text: statusText(m.status) })),
      h("div", { class: "card" }, h("div", { class: "label", text: t("savings") }), h("div", { class: "value", "data-test": "savings-balance", text: baht(pb.savings_balance) })),
      h("div", { class: "card" }, h("div", { class: "label", text: t("contribution") }), h("div", { class: "value", text: baht(pb.total_contributions) })),
      h("div", { class: "card" }, h("div", { class: "label", text: t("arrears_periods") }), h("div", { class: "value", text: digits(pb.standing ? pb.standing.arrears_periods : 0) }))),
    h("p", {}, `${t("national_id")}: ${m.national_id || "-"} · ${t("joined_on")}: ${beDate(m.joined_on)} · ${t("moo")} ${m.moo || "-"} · ${t("beneficiary_name")}: ${m.beneficiary_name || "-"}`),
    h("h2", { text: t("history") }),
    table([[t("date")], [t("status")], [t("reason")]], d.history.map((s) => h("tr", {}, td(beDate(s.effective_on)), td(statusText(s.status)), td(s.reason || "")))),
    h("h2", { text: t("passbook") }),
    h("div", { class: "scroll" }, table([[t("date")], [t("doc_no")], [t("description")], [t("contribution"), "num"], [t("deposit"), "num"], [t("withdraw"), "num"], [t("savings"), "num"]],
      pb.lines.map((l) => h("tr", {}, td(beDate(l.date)), td(l.doc_no), td(l.description), td(baht(l.contribution), "num"), td(baht(l.deposit), "num"), td(baht(l.withdrawal), "num"), td(baht(l.savings_balance), "num"))))),
    h("div", { class: "row" }, pdfPath, h("button", { text: t("save_passbook"), onclick: async (e) => {
      const out = await run(e.currentTarget, box, () => api.report_save({ document: { kind: "passbook", member_no: memberNo }, format: "pdf", path: pdfPath.value }));
      if (out) showOk(box, `${t("saved")}: ${out.path}`);
    } })),
    h("h2", { text: t("change_status") }), statusForm);
}

function importer(main) {
  const box = messageBox();
  const form = h("form", { class: "grid", "data-test": "import-form" },
    pathField("path", "file", "open", { extensions: ["csv", "xlsx"] }),
    field("good_rows_only", "good_rows_only", { kind: "checkbox" }),
    h("div", { class: "full" }, h("button", { class: "primary", type: "submit", "data-test": "do-import", text: t("import_members") })));
  enterMovesOn(form, async () => {
    const v = values(form);
    const r = await run(form.querySelector("[data-test=do-import]"), box, () => api.members_import(v), form);
    if (r) {
      showOk(box, `${t("imported")}: ${digits(r.imported)}` + (r.skipped && r.skipped.length ? ` · ${t("skipped")}: ${digits(r.skipped.length)}` : ""));
      if (r.skipped && r.skipped.length) box.append(table([[t("row")], [t("field")], [t("value")], [t("problem")]], r.skipped.map((x) => h("tr", {}, td(x.row), td(x.field), td(x.value), td(`${x.message_th} / ${x.message_en}`)))));
    }
  });
  main.append(h("h1", { text: t("import_members") }),
    h("p", { class: "muted", text: t("columns_member_no_title_first_name_last_") }),
    form, box);
}
