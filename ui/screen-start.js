// First run (demo fund, new fund wizard, restore, province mode) and the screen for a book
// that cannot be opened (offer the newest backup).
import { api } from "./contract.js";
import { t } from "./i18n.js";
import { h, field, enterMovesOn, values, messageBox, run, pathField, showOk } from "./dom.js";
import { refresh } from "./main.js";

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
      choice("first_restore", "first-restore", () => restoreForm(main, status)),
      choice("first_province", "first-province", async (e) => {
        const ok = await run(e.currentTarget, box, () => api.open_province());
        if (ok) { location.hash = "#province/import_bundles"; await refresh(); }
      })),
    box,
    h("p", { class: "muted mono", text: status.fund_db }));
  demo.focus();
}

function wizard(main) {
  main.replaceChildren();
  const box = messageBox();
  const form = h("form", { class: "grid", "data-test": "wizard" },
    field("name_th", "name_th"), field("name_en", "name_en"), field("fund_code", "fund_code", { placeholder: "KK-0412" }),
    field("kind", "kind", { kind: "select", options: [["welfare", t("welfare_kind")], ["savings", t("savings_kind")], ["both", t("both_kind")]] }),
    field("village", "village"), field("moo", "moo", { kind: "number" }), field("tambon", "tambon"), field("amphoe", "amphoe"), field("changwat", "changwat"),
    field("fiscal_year_start", "fiscal_year_start", { kind: "number", value: "1" }),
    field("schedule", "schedule", { kind: "select", value: "monthly", options: [["daily", t("daily")], ["monthly", t("monthly")], ["yearly", t("yearly_s")]] }),
    field("contribution", "contribution", { kind: "amount", value: "30" }),
    field("entrance_fee", "entrance_fee", { kind: "amount", value: "0" }),
    field("lapse_after", "lapse_after", { kind: "number", value: "6" }),
    field("recorder", "recorder_name"),
    h("div", { class: "full row" }, h("button", { class: "primary", type: "submit", "data-test": "create", text: t("create") }), h("button", { type: "button", text: t("cancel"), onclick: () => refresh() })));
  const submit = async () => {
    const v = values(form);
    const recorder = v.recorder; delete v.recorder;
    const ok = await run(form.querySelector("[data-test=create]"), box, () => api.create_fund({ profile: { ...v, thai_digits: false }, recorder }).then(() => true), form);
    if (ok) { location.hash = "#dashboard"; await refresh(); }
  };
  enterMovesOn(form, submit);
  main.append(h("h1", { text: t("first_create") }), form, box);
  form.querySelector("input").focus();
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
