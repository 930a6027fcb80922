// Small helpers for building screens: elements, labelled fields, keyboard-friendly forms
// (Enter moves to the next field), amounts formatted as typed, errors in both languages.
import { t, one } from "./i18n.js";
import { formatTyped, baht, digits } from "./format.js";
import { api } from "./contract.js";

export function h(tag, props = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(props || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k === "class") el.className = v;
    else if (k === "text") el.textContent = v;
    else if (k.startsWith("on")) el.addEventListener(k.slice(2), v);
    else if (k === "value") el.value = v;
    else if (k === "checked") el.checked = !!v;
    else el.setAttribute(k, v === true ? "" : v);
  }
  for (const c of children.flat(Infinity)) {
    if (c === null || c === undefined || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

/// A labelled input for a form.grid; `opts.kind` is text, amount, date, select, textarea,
/// checkbox or number. The input's name is the library's field name, so an error naming
/// the field marks it.
export function field(name, labelKey, opts = {}) {
  const id = `f-${name}`;
  let input;
  if (opts.kind === "select") {
    input = h("select", { id, name, "data-test": name }, (opts.options || []).map(([v, label]) => h("option", { value: v, text: one(t(label)) })));
    if (opts.value !== undefined) input.value = opts.value;
  } else if (opts.kind === "textarea") {
    input = h("textarea", { id, name, rows: opts.rows || 4, "data-test": name, value: opts.value || "" });
  } else if (opts.kind === "month") {
    // A month picker: the month by its name and the Buddhist-era year, kept together as
    // "2569-10" in the field the form sends.
    const [y, m] = String(opts.value || "").split("-");
    input = h("input", { type: "hidden", id, name, "data-test": name, value: opts.value || "" });
    const month = h("select", { "data-test": `${name}-month`, "aria-label": t("month") },
      t("month_names").split(",").map((label, i) => h("option", { value: String(i + 1).padStart(2, "0"), text: label })));
    if (m) month.value = m;
    const year = h("input", { type: "text", inputmode: "numeric", size: 5, class: "year", "data-test": `${name}-year`, "aria-label": t("year"), value: y || "", autocomplete: "off" });
    const sync = () => { input.value = `${year.value.trim()}-${month.value}`; };
    month.addEventListener("change", sync);
    year.addEventListener("input", sync);
    return [h("label", { for: `${id}-m`, text: t(labelKey) }), h("div", { class: "row month-picker" }, Object.assign(month, { id: `${id}-m` }), year, input)];
  } else if (opts.kind === "checkbox") {
    input = h("input", { id, name, type: "checkbox", "data-test": name, checked: opts.value });
  } else {
    input = h("input", {
      id, name, "data-test": name, type: "text", value: opts.value ?? "",
      class: opts.kind === "amount" ? "amount" : undefined,
      placeholder: opts.placeholder || (opts.kind === "date" ? t("date_placeholder") : undefined),
      inputmode: opts.kind === "amount" || opts.kind === "number" ? "decimal" : undefined,
      autocomplete: "off",
    });
    if (opts.kind === "amount") input.addEventListener("input", () => { input.value = formatTyped(input.value); });
  }
  return [h("label", { for: id, text: t(labelKey) }), input];
}

/// Enter in a field moves to the next field; Enter in the last one submits.
export function enterMovesOn(form, submit) {
  form.addEventListener("keydown", (e) => {
    if (e.key !== "Enter" || e.target.tagName === "TEXTAREA" || e.target.tagName === "BUTTON") return;
    e.preventDefault();
    // (a step of a wizard that is not shown is skipped: Enter never lands on a hidden field)
    const fields = [...form.querySelectorAll("input, select, textarea")].filter((f) => !f.disabled && f.type !== "hidden" && !f.closest("[hidden]"));
    const i = fields.indexOf(e.target);
    if (i >= 0 && i < fields.length - 1) fields[i + 1].focus();
    else submit();
  });
  form.addEventListener("submit", (e) => { e.preventDefault(); submit(); });
}

/// The values of a form's named fields as strings (checkboxes as booleans).
export function values(form) {
  const out = {};
  for (const el of form.querySelectorAll("[name]")) out[el.name] = el.type === "checkbox" ? el.checked : el.value;
  return out;
}

/// Show an error from a command: Thai and English lines, import rows, and mark the field.
export function showError(box, err, form) {
  const e = typeof err === "object" && err ? err : { th: String(err), en: String(err) };
  box.replaceChildren();
  box.className = "error";
  box.hidden = false;
  box.setAttribute("data-test", "error");
  box.append(h("div", { "data-test": "error-th", text: e.th || e.code }), h("div", { class: "muted", "data-test": "error-en", text: e.en || "" }));
  if (Array.isArray(e.rows) && e.rows.length) {
    // A many-sheet file (bringing a fund in) names the sheet of each bad cell too.
    const sheets = e.rows.some((r) => r.sheet);
    box.append(h("table", { "data-test": "error-rows" },
      h("tr", {}, sheets ? h("th", { text: t("sheet") }) : null, h("th", { text: t("row") }), h("th", { text: t("field") }), h("th", { text: t("value") }), h("th", { text: t("problem") })),
      e.rows.map((r) => h("tr", {}, sheets ? h("td", { text: r.sheet || "" }) : null, h("td", { text: r.row }), h("td", { text: r.field }), h("td", { text: r.value }), h("td", { text: `${r.message_th} / ${r.message_en}` })))));
  }
  if (form) {
    form.querySelectorAll(".invalid").forEach((x) => x.classList.remove("invalid"));
    const name = e.params && e.params.field;
    const bad = name && form.querySelector(`[name="${name}"]`);
    if (bad) { bad.classList.add("invalid"); bad.focus({ preventScroll: true }); }
  }
  bringIntoView(box);
}

/// A result appears where the eye is: the box is scrolled into the window if it is above or
/// below what shows (a long screen at 1024×768 put some results out of sight).
function bringIntoView(box) {
  if (typeof box.scrollIntoView === "function") box.scrollIntoView({ block: "nearest" });
}

/// After a form has posted money, empty the fields that made it (the amount first), so a
/// second Enter cannot post the same thing twice: it is refused as an empty amount instead.
export function clearPosted(form, names = ["amount"]) {
  for (const name of names) {
    const el = form.querySelector(`[name="${name}"]`);
    if (el) el.value = "";
  }
}

export function showOk(box, text) {
  box.replaceChildren(text);
  box.className = "ok";
  box.hidden = false;
  box.setAttribute("data-test", "ok");
  bringIntoView(box);
}

export function messageBox() { return h("div", { hidden: true }); }

/// Run `work` with the button disabled; errors go to `box`. A field is marked red only while
/// it is wrong: a success clears the marks of `form`.
export async function run(button, box, work, form) {
  if (button) button.disabled = true;
  if (box) box.hidden = true;
  try {
    const out = await work();
    if (form) form.querySelectorAll(".invalid").forEach((x) => x.classList.remove("invalid"));
    return out;
  } catch (err) {
    if (box) showError(box, err, form);
    else toast(err && err.th ? `${err.th} / ${err.en}` : String(err));
    return undefined;
  } finally {
    if (button) button.disabled = false;
  }
}

export function toast(text) {
  const el = document.getElementById("toast");
  el.textContent = text;
  el.hidden = false;
  clearTimeout(toast.timer);
  toast.timer = setTimeout(() => { el.hidden = true; }, 4000);
}

/// A path field with a "Choose…" button using the system chooser (typing works too).
export function pathField(name, labelKey, mode, opts = {}) {
  const [label, input] = field(name, labelKey, { value: opts.value || "" });
  const button = h("button", { type: "button", text: t("choose"), onclick: async () => {
    const picked = await run(button, null, () => api.choose_path({ mode, name: opts.suggest || null, extensions: opts.extensions || null }));
    if (picked) input.value = picked;
  } });
  return [label, h("div", { class: "row" }, input, button)];
}

export function table(headers, rows, opts = {}) {
  return h("table", { "data-test": opts.test },
    h("thead", {}, h("tr", {}, headers.map(([text, cls]) => h("th", { class: cls, text: one(text) })))),
    h("tbody", {}, rows));
}

export function td(text, cls) { return h("td", { class: cls, text }); }

/// Ask before what cannot be undone, saying what will happen (who, how much, what follows);
/// resolves true on the confirm button, false on cancel or Escape.
export function confirmDialog(title, lines) {
  return new Promise((resolve) => {
    let overlay;
    const done = (ok) => { overlay.remove(); resolve(ok); };
    const yes = h("button", { type: "button", class: "primary", "data-test": "confirm-yes", text: t("confirm_yes"), onclick: () => done(true) });
    const no = h("button", { type: "button", "data-test": "confirm-no", text: t("cancel"), onclick: () => done(false) });
    overlay = h("div", { class: "overlay", "data-test": "confirm" },
      h("div", { class: "dialog", role: "alertdialog", "aria-label": title },
        h("h2", { text: title }), ...lines.map((l) => h("p", { text: l })), h("div", { class: "row" }, yes, no)));
    overlay.addEventListener("keydown", (e) => { if (e.key === "Escape") done(false); });
    document.body.append(overlay);
    yes.focus();
  });
}

const STATUS_KEYS = { active: "status_active", lapsed: "status_lapsed", resigned: "status_resigned", deceased: "status_deceased", expelled: "status_expelled" };

/// Under the member-number field of `form`, who the number is as it is typed: name, status,
/// sajja savings, arrears and loans, or that there is no such member. The last one found is
/// kept on the field (`field.brief`) for the confirmations.
export function memberBeside(form, name = "member_no") {
  const input = form.querySelector(`[name="${name}"]`);
  if (!input) return;
  const line = h("div", { class: "full member-brief", "data-test": "member-brief" });
  input.after(line);
  let timer;
  const look = async () => {
    const no = input.value.trim();
    input.brief = null;
    if (!no) { line.textContent = ""; line.classList.remove("bad"); return; }
    try {
      const b = await api.member_brief({ member_no: no });
      if (input.value.trim() !== no) return;
      input.brief = b;
      const parts = [b.name, t(STATUS_KEYS[b.status] || b.status), `${t("savings")} ${baht(b.savings_balance)}`];
      if (b.arrears_periods > 0) parts.push(`${t("arrears_short")} ${digits(b.arrears_periods)} ${t("periods")} (${baht(b.arrears_amount)})`);
      if (b.loan_principal > 0) parts.push(`${t("loan_left")} ${baht(b.loan_principal)}`);
      line.textContent = parts.join(" · ");
      line.classList.toggle("bad", b.status !== "active");
    } catch (e) {
      if (input.value.trim() !== no) return;
      line.textContent = e && e.th ? e.th : String(e);
      line.classList.add("bad");
    }
  };
  input.addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(look, 250); });
  input.addEventListener("change", look);
}
