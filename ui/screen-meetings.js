// Meetings: the committee, new meetings, attendance, agenda, resolutions with votes, and
// minutes (locked once approved at a later meeting).
import { api } from "./contract.js";
import { t, one } from "./i18n.js";
import { app } from "./session.js";
import { h, field, enterMovesOn, values, messageBox, run, showOk, table, td, pathField } from "./dom.js";
import { beDate, digits, shortPath } from "./format.js";

const KINDS = [["committee", "meeting_committee"], ["general", "general_assembly"]];
const RESOLUTION_KINDS = [["claim", "resolution_claims"], ["expense", "expense"], ["rule", "resolution_rules"], ["admission", "admission"], ["other", "other"]];

export async function render(main, rest) {
  if (rest[0]) return meeting(main, Number(rest[0]));
  const box = messageBox();
  const form = h("form", { class: "grid", "data-test": "meeting-form" },
    field("kind", "kind", { kind: "select", options: KINDS }), field("date", "date", { kind: "date", value: beDate(app.status.today) }), field("place", "place"),
    h("div", { class: "full" }, h("button", { class: "primary", type: "submit", "data-test": "new-meeting", text: t("new_meeting") })));
  enterMovesOn(form, async () => {
    const m = await run(form.querySelector("button"), box, () => api.meeting_new(values(form)), form);
    if (m) location.hash = `#meetings/${m.id}`;
  });
  const meetings = await api.meetings_list();
  const committee = await api.committee_list({ date: app.status.today });
  const cbox = messageBox();
  const cform = h("form", { class: "grid" }, field("member_no", "member_no"), field("role", "role", { placeholder: t("chair") }),
    field("from", "from", { kind: "date" }), field("to", "to", { kind: "date" }), h("div", { class: "full" }, h("button", { type: "submit", text: t("save") })));
  enterMovesOn(cform, async () => {
    const ok = await run(cform.querySelector("button"), cbox, () => api.committee_set(values(cform)), cform);
    if (ok) { main.replaceChildren(); render(main, []); }
  });
  main.append(h("h1", { text: t("meetings") }), form, box,
    h("div", { class: "scroll" }, table([[""], [t("kind")], [t("date")], [t("place")], [t("present"), "num"]],
      meetings.map((m) => h("tr", { class: "clickable", onclick: () => { location.hash = `#meetings/${m.id}`; } },
        td(digits(m.label)), td(t(m.kind === "general" ? "general_assembly" : "meeting_committee")), td(beDate(m.held_on)), td(m.place), td(`${digits(m.present)}/${digits(m.eligible)}`, "num"))))),
    h("h2", { text: t("committee") }),
    table([[t("member_no")], [t("name")], [t("role")]], committee.map((c) => h("tr", {}, td(c.member_no), td(c.name), td(one(c.role_label))))),
    cform, cbox);
}

async function meeting(main, id) {
  const box = messageBox();
  main.append(box);
  const d = await run(null, box, () => api.meeting_get({ meeting_id: id }));
  if (!d) return;
  const m = d.meeting;
  const reload = () => { main.replaceChildren(); meeting(main, id); };
  // Attendance: a tick list of those entitled (the committee in office, or every active
  // member for a general assembly, with a search), those present already ticked.
  const present = new Set(d.attendees.map((a) => a.member_no));
  const ticks = d.entitled.map(([no, name]) => h("label", { class: "attendee", "data-find": `${no} ${name}`.toLowerCase() },
    h("input", { type: "checkbox", class: "big-tick", "data-test": `attend-${no}`, value: no, checked: present.has(no) }), ` ${no} ${name}`));
  const find = h("input", { type: "search", placeholder: t("search_member"), autocomplete: "off", oninput: () => {
    const q = find.value.trim().toLowerCase();
    ticks.forEach((l) => { l.hidden = q !== "" && !l.dataset.find.includes(q); });
  } });
  const aform = h("form", { "data-test": "attend-form" },
    h("h2", { text: t("attendance") }), d.entitled.length > 12 ? h("div", { class: "row" }, find) : null,
    h("div", { class: "attendees" }, ticks),
    h("div", { class: "row" },
      h("button", { type: "button", "data-test": "tick-all-attendees", text: t("tick_all"), onclick: () => ticks.filter((l) => !l.hidden).forEach((l) => { l.querySelector("input").checked = true; }) }),
      h("button", { type: "submit", class: "primary", "data-test": "save-attendance", text: t("save") })));
  aform.addEventListener("submit", async (e) => {
    e.preventDefault();
    const nos = ticks.map((l) => l.querySelector("input")).filter((c) => c.checked).map((c) => c.value);
    if (await run(aform.querySelector("button[type=submit]"), box, () => api.meeting_attend({ meeting_id: id, member_nos: nos }), aform)) reload();
  });
  const gform = h("form", { class: "grid" }, field("title", "subject"), field("body", "description"),
    h("div", { class: "full" }, h("button", { type: "submit", text: t("add_agenda") })));
  enterMovesOn(gform, async () => { if (await run(gform.querySelector("button"), box, () => api.agenda_add({ meeting_id: id, ...values(gform) }), gform)) reload(); });
  const rform = h("form", { class: "grid", "data-test": "resolution-form" },
    field("subject", "subject"), field("kind", "kind", { kind: "select", options: RESOLUTION_KINDS }),
    field("votes_for", "votes_for", { kind: "number", value: String(m.present) }), field("votes_against", "votes_against", { kind: "number", value: "0" }), field("abstain", "abstain", { kind: "number", value: "0" }),
    h("div", { class: "full" }, h("button", { class: "primary", type: "submit", "data-test": "save-resolution", text: t("add_resolution") })));
  enterMovesOn(rform, async () => {
    const v = values(rform);
    const n = (x) => Number(String(x).replace(/[๐-๙]/g, (c) => "๐๑๒๓๔๕๖๗๘๙".indexOf(c)) || 0);
    if (await run(rform.querySelector("button"), box, () => api.resolution_add({ meeting_id: id, subject: v.subject, kind: v.kind, agenda_no: null, votes_for: n(v.votes_for), votes_against: n(v.votes_against), abstain: n(v.abstain) }), rform)) reload();
  });
  const mform = h("form", { class: "minutes-form" }, field("text", "minutes", { kind: "textarea", rows: 18, value: m.minutes }), h("div", { class: "row" }, h("button", { type: "submit", disabled: m.locked, text: t("save") })));
  mform.addEventListener("submit", async (e) => { e.preventDefault(); if (await run(null, box, () => api.minutes_write({ meeting_id: id, text: values(mform).text }), mform)) showOk(box, t("saved")); });
  // The minutes are approved at a later meeting: offered the later ones, the newest (the one
  // being held now) first and chosen.
  const later = (await api.meetings_list()).filter((x) => x.id !== id && x.held_on >= m.held_on);
  const pform = h("form", { class: "row" }, field("at_meeting", "approve_minutes", { kind: "select", options: later.map((x) => [String(x.id), `${t(x.kind === "general" ? "general_assembly" : "meeting_committee")} ${x.label}`]) }), h("button", { type: "submit", disabled: m.locked || !later.length, text: t("approve") }));
  // The minutes printed: saved as PDF, or sent to the printer.
  const [plabel, prow] = pathField("path", "file", "save", { suggest: `minutes-${m.label.replace("/", "-")}.pdf`, extensions: ["pdf"] });
  const printBox = messageBox();
  const saveMinutes = () => run(null, printBox, () => api.report_save({ document: { kind: "minutes", meeting: id }, format: "pdf", path: prow.querySelector("input").value }));
  const printForm = h("div", { "data-test": "minutes-print" }, h("div", { class: "grid" }, plabel, prow), h("div", { class: "row" },
    h("button", { type: "button", "data-test": "save-minutes-pdf", text: t("save_pdf"), onclick: async () => { const s = await saveMinutes(); if (s) showOk(printBox, `${t("saved")}: ${shortPath(s.path)}`); } }),
    h("button", { type: "button", "data-test": "print-minutes", text: t("print"), onclick: async () => {
      const s = await saveMinutes();
      if (!s) return;
      const job = await run(null, printBox, () => api.print_path({ path: s.path }));
      if (job !== undefined) showOk(printBox, `${t("sent_to_printer")}: ${shortPath(s.path)}${job ? ` (${job})` : ""}`);
    } })), printBox);
  pform.addEventListener("submit", async (e) => { e.preventDefault(); if (await run(null, box, () => api.minutes_approve({ meeting_id: id, at_meeting: Number(values(pform).at_meeting) }), pform)) reload(); });
  main.append(
    h("h1", { "data-test": "meeting-title", text: `${t(m.kind === "general" ? "general_assembly" : "meeting_committee")} ${digits(m.label)} · ${beDate(m.held_on)} · ${m.place}` }),
    h("p", { "data-test": "quorum" }, `${one(t("present"))} ${digits(m.present)} ${one(t("of"))} ${digits(m.eligible)} · ` + one(m.present * 2 > m.eligible ? t("quorum") : t("no_quorum"))),
    aform,
    h("h2", { text: t("agenda") }), h("ol", {}, d.agenda.map(([, title, body]) => h("li", {}, h("strong", { text: title }), " ", body))), gform,
    h("h2", { text: t("resolution") }),
    table([[""], [t("subject")], [t("kind")], [t("votes_for"), "num"], [t("votes_against"), "num"], [t("abstain"), "num"], [""]],
      d.resolutions.map((r) => h("tr", {}, td(r.label), td(r.subject), td(one(t((RESOLUTION_KINDS.find(([k]) => k === r.kind) || [r.kind, r.kind])[1]))), td(digits(r.votes_for), "num"), td(digits(r.votes_against), "num"), td(digits(r.abstain), "num"), h("td", { "data-test": r.passed ? "resolution-passed" : "resolution-failed", text: one(r.passed ? t("passed") : t("failed")) })))),
    rform,
    h("h2", { text: t("minutes") + (m.locked ? t("approved_locked") : "") }), mform, pform,
    h("h2", { text: t("print_minutes") }), printForm);
}
