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

/// Ask the shell what is open (after a fund is created, restored or switched) and redraw.
export async function refresh() {
  app.status = await api.app_status();
  useThaiDigits(localStorage.getItem("kongthun.thaiDigits") === "1");
  redraw();
}
