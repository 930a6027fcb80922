// What is open in the window (the shell's app status) and how to ask again. Screens import
// this, never main.js: main.js imports every screen, so a screen importing it made a cycle.
import { api } from "./contract.js";
import { useThaiDigits } from "./format.js";

export const app = { status: null };

let redraw = () => {};

/// main.js registers how the frame is drawn once the status is known.
export function onStatus(draw) {
  redraw = draw;
}

/// The window's size as this machine keeps it (100 to 175 percent), drawn by the webview's own
/// zoom so the page is laid out as for a narrower screen.
export const ZOOM_KEY = "kongthun.zoom";
export async function applyZoom(percent = Number(localStorage.getItem(ZOOM_KEY) || "100")) {
  const chosen = await api.screen_zoom({ percent });
  localStorage.setItem(ZOOM_KEY, String(chosen));
  return chosen;
}

/// Ask the shell what is open (after a fund is created, restored or switched) and redraw.
export async function refresh() {
  app.status = await api.app_status();
  useThaiDigits(localStorage.getItem("kongthun.thaiDigits") === "1");
  redraw();
}
