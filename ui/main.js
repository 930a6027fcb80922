// The window's frame: asks the shell what is open, draws the menu for a fund or for the
// province, routes by the address hash, shows progress events as a bar.
import { api } from "./contract.js";
import { listen } from "./ipc.js";
import { t, setLang, currentLang } from "./i18n.js";
import { h } from "./dom.js";
import { app, refresh, onStatus, applyZoom, ZOOM_KEY } from "./session.js";
import * as start from "./screen-start.js";
import * as dashboard from "./screen-dashboard.js";
import * as members from "./screen-members.js";
import * as money from "./screen-money.js";
import * as welfare from "./screen-welfare.js";
import * as meetings from "./screen-meetings.js";
import * as loans from "./screen-loans.js";
import * as reports from "./screen-reports.js";
import * as settings from "./screen-settings.js";
import * as province from "./screen-province.js";

// The menu: a section heading has no screen; a screen with fund kinds shows only for those
// (a welfare fund's books have no sajja or loan accounts, a savings group's no welfare ones).
const FUND_SCREENS = [
  ["nav_money"],
  ["dashboard", dashboard.render],
  ["members", members.render],
  ["collection", money.collection],
  ["savings", money.savings, ["savings", "both"]],
  ["cashbook", money.cashbook],
  ["journal", money.journal],
  ["nav_fund"],
  ["welfare", welfare.render],
  ["meetings", meetings.render],
  ["loans", loans.render, ["savings", "both"]],
  ["reports", reports.render],
  ["usb", reports.usb],
  ["settings", settings.render],
  ["province", null],
];

function fundScreens() {
  const kind = app.status && app.status.fund_kind;
  return FUND_SCREENS.filter(([, , kinds]) => !kinds || !kind || kinds.includes(kind));
}

onStatus(draw);

function draw() {
  const s = app.status;
  document.getElementById("lang-switch").textContent = t("switch_to");
  document.getElementById("recorder").textContent = s.mode === "fund" ? `${t("recorder_label")}: ${s.recorder}` : "";
  document.getElementById("fund-title").textContent = s.mode === "fund" ? `${s.fund_name} (${s.fund_code})` : s.mode === "province" ? `${t("app")} · ${t("province")}` : t("app");
  const nav = document.getElementById("nav");
  nav.replaceChildren();
  if (s.mode === "fund") {
    for (const [key, fn] of fundScreens()) {
      if (fn === undefined) { nav.append(h("div", { class: "section", text: t(key) })); continue; }
      nav.append(h("a", { href: `#${key}`, "data-test": `nav-${key}`, text: t(key), title: t(key) }));
    }
  } else if (s.mode === "province") {
    for (const [key] of province.TABS) nav.append(h("a", { href: `#province/${key}`, "data-test": `nav-province-${key}`, text: t(key) }));
  }
  nav.hidden = s.mode !== "fund" && s.mode !== "province";
  route();
}

function route() {
  const s = app.status;
  const main = document.getElementById("main");
  main.replaceChildren();
  const hash = decodeURIComponent(location.hash.slice(1));
  const [screen, ...rest] = hash.split("/");
  document.querySelectorAll("#nav a").forEach((a) => a.classList.toggle("active", a.getAttribute("href") === `#${hash}` || a.getAttribute("href") === `#${screen}`));
  if (s.mode === "first_run" || s.mode === "broken") return start.render(main, s);
  if (s.mode === "province") return province.render(main, rest[0] || (screen === "province" ? rest[0] : null));
  if (screen === "province") {
    return api.open_province().then(() => { location.hash = "#province/import_bundles"; return refresh(); });
  }
  const found = fundScreens().find(([key, fn]) => key === (screen || "dashboard") && fn);
  (found ? found[1] : dashboard.render)(main, rest);
}

window.addEventListener("hashchange", () => app.status && route());

document.getElementById("lang-switch").addEventListener("click", () => {
  setLang(currentLang() === "th" ? "en" : "th");
  draw();
});

listen("progress", (event) => {
  const p = event.payload;
  const box = document.getElementById("progress");
  box.hidden = p.done >= p.total;
  document.getElementById("progress-label").textContent = currentLang() === "en" ? p.en : p.th;
  const bar = document.getElementById("progress-bar");
  bar.max = Math.max(1, p.total);
  if (p.done === 0 && p.total <= 1) bar.removeAttribute("value"); else bar.value = p.done;
});

setLang(currentLang());
// the window's size chosen on this machine (Settings), applied before anything is drawn
if (localStorage.getItem(ZOOM_KEY) && localStorage.getItem(ZOOM_KEY) !== "100") applyZoom().catch(() => {});
refresh().catch((e) => {
  document.getElementById("main").replaceChildren(h("div", { class: "error", text: `${e.th || e} / ${e.en || ""}` }));
});
