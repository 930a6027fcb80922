// The day's money: the collection-day grid, sajja savings, other receipts and payments,
// transfers, and the journal with reversals.
import { api } from "./contract.js";
import { t, currentLang } from "./i18n.js";
import { app } from "./session.js";
import { h, field, enterMovesOn, values, messageBox, run, showOk, clearPosted, table, td, confirmDialog, memberBeside, pathField } from "./dom.js";
import { baht, beDate, digits, formatTyped, toSatang, shortPath } from "./format.js";

const today = () => beDate(app.status.today);
const tillOptions = () => [["cash", t("cash")], ["bank", t("bank")]];

// A collection day for a real village: find a member by name, number or หมู่; an amount typed
// on a row ticks it; members who paid today show their receipt instead of a box; the ticks
// and amounts are kept (per day, in this window's session) when the screen is left; after
// saving, the day's receipt list is saved or printed for the committee to sign.
export function collection(main) {
  const box = messageBox();
  const head = h("form", { class: "row", "data-test": "collection-head" },
    field("date", "date", { kind: "date", value: today() }),
    field("till", "till", { kind: "select", options: tillOptions() }),
    h("button", { type: "submit", "data-test": "load-sheet", text: t("load_sheet") }));
  const gridBox = h("div", {});
  const summary = h("div", { class: "row" });
  const after = h("div", { "data-test": "day-list" });
  let rows = [];
  const draftKey = () => `kongthun.collection.${values(head).date}`;
  const rowsOf = () => [...gridBox.querySelectorAll("tbody tr")];
  const keepDraft = () => {
    const draft = {};
    for (const tr of rowsOf()) {
      const tick = tr.querySelector("input[type=checkbox]");
      if (!tick || !tick.checked) continue;
      draft[tr.dataset.member] = Object.fromEntries([...tr.querySelectorAll("input.amount")].map((i) => [i.name, i.value]));
    }
    sessionStorage.setItem(draftKey(), JSON.stringify(draft));
  };
  const totals = () => {
    let n = 0, sum = 0;
    for (const tr of rowsOf()) {
      const tick = tr.querySelector("input[type=checkbox]");
      if (!tick || !tick.checked) continue;
      n++;
      for (const inp of tr.querySelectorAll("input.amount")) sum += toSatang(inp.value) || 0;
    }
    summary.replaceChildren(h("strong", { "data-test": "collection-total" }, `${t("ticked")} ${digits(n)} · ${t("total")} ${baht(sum)}`));
    keepDraft();
  };
  const filter = h("input", { type: "search", "data-test": "collection-search", placeholder: t("search_member"), autocomplete: "off", oninput: () => {
    const q = filter.value.trim().toLowerCase();
    for (const tr of rowsOf()) tr.hidden = q !== "" && !tr.dataset.find.includes(q);
  } });
  // (after a save the grid is drawn again under the saved message, which stays)
  const load = async (keepMessage) => {
    const v = values(head);
    rows = await run(head.querySelector("button"), keepMessage === true ? null : box, () => api.collection_sheet({ date: v.date }), head);
    if (!rows) return;
    after.replaceChildren();
    const draft = JSON.parse(sessionStorage.getItem(draftKey()) || "{}");
    const amount = (name, value, r, tick) => h("input", { class: "amount", name, value: formatTyped(((draft[r.member_no] || {})[name] ?? (value / 100).toFixed(2))), size: 8, "data-member": r.member_no, disabled: !!r.paid_today,
      oninput: (e) => { e.target.value = formatTyped(e.target.value); if (tick) tick.checked = true; totals(); } });
    const tickAll = h("input", { type: "checkbox", "data-test": "tick-all", onchange: (e) => { rowsOf().filter((tr) => !tr.hidden).forEach((tr) => { const c = tr.querySelector("input[type=checkbox]"); if (c) c.checked = e.target.checked; }); totals(); } });
    gridBox.replaceChildren(h("div", { class: "row" }, filter), h("div", { class: "scroll" }, table([[""], [t("member_no")], [t("name")], [t("moo"), "moo-col"], [t("arrears_periods"), "num"], [t("contribution"), "num"], [t("savings"), "num"], [t("entrance_fee"), "num"]],
      rows.map((r) => {
        const tick = r.paid_today ? null : h("input", { type: "checkbox", class: "big-tick", "data-test": `paid-${r.member_no}`, checked: !!draft[r.member_no], onchange: totals });
        return h("tr", { "data-test": `sheet-${r.member_no}`, "data-member": r.member_no, class: r.paid_today ? "paid" : undefined,
          "data-find": `${r.member_no} ${r.name} ${r.moo ?? ""}`.toLowerCase() },
          h("td", {}, tick || h("span", { class: "receipt", "data-test": `receipt-${r.member_no}`, text: `${t("paid_today")} ${r.paid_today}` })),
          // on a narrow screen (125% at 1024) the village goes under the name, its column away
          td(digits(r.member_no)), h("td", {}, r.name, r.moo == null ? null : h("span", { class: "moo-inline", text: ` · ${t("moo")} ${digits(r.moo)}` })),
          td(r.moo == null ? "" : digits(r.moo), "moo-col"), td(digits(r.arrears_periods), "num"),
          h("td", { class: "num" }, amount("contribution", r.expected_contribution, r, tick)),
          h("td", { class: "num" }, amount("savings", 0, r, tick)),
          h("td", { class: "num" }, amount("entrance_fee", r.expected_entrance_fee, r, tick)));
      }), { test: "collection-grid" })),
      h("div", { class: "row" }, h("label", {}, tickAll, " ", t("tick_all")), summary,
        h("button", { class: "primary", "data-test": "save-day", text: t("save_day"), onclick: save })));
    totals();
  };
  const dayList = (date) => {
    const [label, pathRow] = pathField("path", "file", "save", { suggest: "collection-day.pdf", extensions: ["pdf"] });
    const lbox = messageBox();
    const saveList = async () => {
      const path = pathRow.querySelector("input").value;
      return run(null, lbox, () => api.report_save({ document: { kind: "collection_day", date }, format: "pdf", path }));
    };
    after.replaceChildren(h("h2", { text: t("day_list") }), h("div", { class: "grid" }, label, pathRow),
      h("div", { class: "row" },
        h("button", { type: "button", "data-test": "save-day-list", text: t("save_pdf"), onclick: async () => { const s = await saveList(); if (s) showOk(lbox, `${t("saved")}: ${shortPath(s.path)}`); } }),
        h("button", { type: "button", "data-test": "print-day-list", text: t("print"), onclick: async () => {
          const s = await saveList();
          if (!s) return;
          const job = await run(null, lbox, () => api.print_path({ path: s.path }));
          if (job !== undefined) showOk(lbox, `${t("sent_to_printer")}: ${shortPath(s.path)}${job ? ` (${job})` : ""}`);
        } })), lbox);
  };
  const save = async (e) => {
    const v = values(head);
    const lines = [];
    for (const tr of rowsOf()) {
      const tick = tr.querySelector("input[type=checkbox]");
      if (!tick || !tick.checked) continue;
      const get = (n) => tr.querySelector(`input[name=${n}]`).value;
      lines.push({ member_no: tr.dataset.member, contribution: get("contribution"), savings: get("savings"), entrance_fee: get("entrance_fee") });
    }
    const out = await run(e.currentTarget, box, () => api.collection_save({ date: v.date, till: v.till, lines }));
    if (out) {
      sessionStorage.removeItem(draftKey());
      showOk(box, `${t("saved")}: ${digits(out.members)} ${t("people")} · ${t("contribution")} ${baht(out.contributions)} · ${t("savings")} ${baht(out.savings)} · ${t("entrance_fee")} ${baht(out.entrance_fees)} · ${t("total")} ${baht(out.total)}`);
      await load(true);
      dayList(v.date);
    }
  };
  enterMovesOn(head, load);
  main.append(h("h1", { text: t("collection") }), head, box, gridBox, after);
}

export function savings(main) {
  const box = messageBox();
  const form = h("form", { class: "grid", "data-test": "savings-form" },
    field("direction", "kind", { kind: "select", options: [["deposit", t("deposit")], ["withdraw", t("withdraw")]] }),
    field("member_no", "member_no"), field("amount", "amount", { kind: "amount" }), field("date", "date", { kind: "date", value: today() }),
    field("till", "till", { kind: "select", options: tillOptions() }),
    h("div", { class: "full" }, h("button", { class: "primary", type: "submit", "data-test": "save-savings", text: t("save") })));
  memberBeside(form);
  enterMovesOn(form, async () => {
    const v = values(form);
    const brief = form.querySelector("[name=member_no]").brief;
    if (v.direction === "withdraw" && brief && brief.member_no === v.member_no.trim()) {
      // Money leaves the fund: say whose and how much, and what is left, before it goes.
      const amount = toSatang(v.amount);
      const lines = [`${brief.name} (${brief.member_no})`, `${t("withdraw")} ${baht(amount)} ${t("baht_unit")}`];
      if (!Number.isNaN(amount)) lines.push(`${t("savings_after")} ${baht(brief.savings_balance - amount)} ${t("baht_unit")}`);
      if (!(await confirmDialog(t("confirm_withdraw"), lines))) return;
    }
    const out = await run(form.querySelector("button"), box, () => api.savings_move(v), form);
    if (out) { showOk(box, `${t("saved")}: ${out.doc_no}`); form.querySelector("[name=amount]").value = ""; form.querySelector("[name=member_no]").focus(); }
  });
  main.append(h("h1", { text: t("savings") }), form, box);
  form.querySelector("[name=member_no]").focus();
}

export async function cashbook(main) {
  const box = messageBox();
  const accounts = await api.accounts_list();
  const resolutions = await api.resolutions_passed({ kind: "expense" });
  const options = accounts.filter((a) => !a.cash_kind).map((a) => [a.code, `${a.code} ${currentLang() === "en" ? a.name_en : a.name_th}`]);
  const form = h("form", { class: "grid", "data-test": "cash-form" },
    field("direction", "kind", { kind: "select", options: [["receive", t("receive")], ["pay", t("pay")]] }),
    field("account", "account", { kind: "select", options }), field("amount", "amount", { kind: "amount" }),
    field("date", "date", { kind: "date", value: today() }), field("till", "till", { kind: "select", options: tillOptions() }),
    field("description", "description"), field("member_no", "member_no"),
    field("resolution_id", "resolution", { kind: "select", options: [["", "-"], ...resolutions.map((r) => [String(r.id), r.label])] }),
    h("div", { class: "full" }, h("button", { class: "primary", type: "submit", text: t("save") })));
  memberBeside(form);
  enterMovesOn(form, async () => {
    const v = values(form);
    const out = await run(form.querySelector("button"), box, () => api.cash_move({ ...v, resolution_id: v.resolution_id ? Number(v.resolution_id) : null }), form);
    if (out) { showOk(box, `${t("saved")}: ${out.doc_no}`); clearPosted(form, ["amount", "description", "member_no"]); }
  });
  const tform = h("form", { class: "grid" },
    field("from", "from", { kind: "select", options: tillOptions() }), field("to", "to", { kind: "select", options: tillOptions().reverse() }),
    field("amount", "amount", { kind: "amount" }), field("date", "date", { kind: "date", value: today() }), field("description", "description"),
    h("div", { class: "full" }, h("button", { type: "submit", text: t("transfer") })));
  const tbox = messageBox();
  enterMovesOn(tform, async () => {
    const out = await run(tform.querySelector("button"), tbox, () => api.transfer(values(tform)), tform);
    if (out) { showOk(tbox, `${t("saved")}: ${out.doc_no}`); clearPosted(tform, ["amount", "description"]); }
  });
  const mform = h("form", { class: "grid", "data-test": "matching-form" },
    field("source", "source", { kind: "select", options: [["government", t("government")], ["local", t("local_council")], ["other", t("other_grants")], ["codi", t("codi")]] }),
    field("round", "round", { placeholder: "2569/1" }), field("amount", "amount", { kind: "amount" }), field("date", "date", { kind: "date", value: today() }),
    field("till", "till", { kind: "select", options: tillOptions().reverse() }),
    h("div", { class: "full" }, h("button", { type: "submit", text: t("receive") })));
  const mbox = messageBox();
  enterMovesOn(mform, async () => {
    const out = await run(mform.querySelector("button"), mbox, () => api.matching_receive(values(mform)), mform);
    if (out) { showOk(mbox, `${t("saved")}: ${out.doc_no}`); clearPosted(mform, ["amount", "round"]); }
  });
  main.append(h("h1", { text: t("cashbook") }), form, box, h("h2", { text: t("transfer") }), tform, tbox, h("h2", { text: t("matching") }), mform, mbox);
}

export function journal(main) {
  const box = messageBox();
  const start = app.status.today.slice(0, 8) + "01";
  const head = h("form", { class: "row" }, field("from", "from", { kind: "date", value: beDate(start) }), field("to", "to", { kind: "date", value: today() }),
    h("button", { type: "submit", text: t("show") }));
  const list = h("div", { class: "scroll" });
  const load = async () => {
    const rows = await run(null, box, () => api.journal_list(values(head)), head);
    if (!rows) return;
    shown = rows;
    list.replaceChildren(table([[t("date")], [t("doc_no")], [t("description")], [t("amount"), "num"], [""]],
      rows.map((e) => h("tr", {}, td(beDate(e.entry_date)), td(e.doc_no), td(e.description + (e.reversed_by ? t("reversed") : "")),
        td(baht(e.postings.filter((p) => p.amount > 0).reduce((a, p) => a + p.amount, 0)), "num"),
        h("td", {}, e.reversed_by || e.reverses ? "" : h("button", { text: t("reverse"), onclick: () => { rform.querySelector("[name=entry]").value = e.doc_no; rform.querySelector("[name=reason]").focus(); } }))))));
  };
  const rbox = messageBox();
  const rform = h("form", { class: "grid", "data-test": "reverse-form" }, field("entry", "doc_no"), field("reason", "reason"), field("date", "date", { kind: "date", value: today() }),
    h("div", { class: "full" }, h("button", { class: "primary", type: "submit", text: t("reverse") })));
  let shown = [];
  enterMovesOn(rform, async () => {
    const v = values(rform);
    const e = shown.find((x) => x.doc_no === v.entry.trim());
    const what = e ? `${e.doc_no} · ${beDate(e.entry_date)} · ${e.description} · ${baht(e.postings.filter((p) => p.amount > 0).reduce((a, p) => a + p.amount, 0))}` : v.entry;
    if (!(await confirmDialog(t("confirm_reverse"), [what, `${t("reason")}: ${v.reason}`, t("reverse_explain")]))) return;
    const out = await run(rform.querySelector("button"), rbox, () => api.reverse_entry(v), rform);
    if (out) { showOk(rbox, `${t("saved")}: ${out.doc_no}`); load(); }
  });
  enterMovesOn(head, load);
  main.append(h("h1", { text: t("journal") }), head, box, list, h("h2", { text: t("reverse") }), rform, rbox);
  load();
}
