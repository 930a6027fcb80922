// Money and dates on screen. Amounts arrive as integer satang and are shown as 1,234.50
// (Thai digits when the fund prints them); dates as Buddhist-era dd/mm/yyyy, which the
// library also accepts back. The same rules as src/thai (tested against it in
// src-tauri/tests/format.rs).
const THAI_DIGITS = "๐๑๒๓๔๕๖๗๘๙";
let thaiDigits = false;

export function useThaiDigits(on) { thaiDigits = !!on; }

export function digits(text) {
  const s = String(text);
  return thaiDigits ? s.replace(/[0-9]/g, (d) => THAI_DIGITS[d]) : s;
}

/// Integer satang -> "1,234.50" (negative with a leading minus).
export function baht(satang) {
  const n = Number(satang || 0);
  const neg = n < 0;
  const abs = Math.abs(n);
  const whole = Math.floor(abs / 100).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const cents = String(abs % 100).padStart(2, "0");
  return digits(`${neg ? "-" : ""}${whole}.${cents}`);
}

/// Amount input as typed: Thai digits become Arabic, thousands separators are put back,
/// at most two decimals kept. Returns the text to show.
export function formatTyped(text) {
  let s = String(text).replace(/[๐-๙]/g, (d) => String(THAI_DIGITS.indexOf(d))).replace(/[^0-9.]/g, "");
  const dot = s.indexOf(".");
  let whole = dot >= 0 ? s.slice(0, dot) : s;
  let frac = dot >= 0 ? s.slice(dot + 1).replace(/\./g, "").slice(0, 2) : null;
  whole = whole.replace(/^0+(?=\d)/, "").replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return frac === null ? whole : `${whole || "0"}.${frac}`;
}

/// "2026-10-31" -> "31/10/2569".
export function beDate(iso) {
  if (!iso) return "";
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return digits(iso);
  return digits(`${m[3]}/${m[2]}/${Number(m[1]) + 543}`);
}

/// "2026-10" -> "10/2569".
export function beMonth(key) {
  const m = /^(\d{4})-(\d{2})$/.exec(key || "");
  return m ? digits(`${m[2]}/${Number(m[1]) + 543}`) : digits(key || "");
}

const MONTHS_TH = ["มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน", "กรกฎาคม", "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม"];

/// "2026-10" -> "ตุลาคม 2569".
export function monthLong(key) {
  const m = /^(\d{4})-(\d{2})$/.exec(key || "");
  return m ? digits(`${MONTHS_TH[Number(m[2]) - 1]} ${Number(m[1]) + 543}`) : digits(key || "");
}

/// The month before the one of an ISO date: "2026-11-22" -> "2026-10".
export function previousMonth(iso) {
  const y = Number(iso.slice(0, 4)), m = Number(iso.slice(5, 7));
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, "0")}`;
}

/// A path as a person reads it: the file and its folder, the rest left out when it is long.
export function shortPath(path) {
  const p = String(path || "");
  if (p.length <= 48) return p;
  const parts = p.split(/[\\/]/).filter(Boolean);
  return parts.length > 2 ? `…/${parts.slice(-2).join("/")}` : p;
}

/// "1,234.5" -> 123450 satang by string arithmetic (no floating point); NaN when not a number.
export function toSatang(text) {
  const s = String(text || "0").replace(/[๐-๙]/g, (d) => String(THAI_DIGITS.indexOf(d))).replace(/,/g, "").trim() || "0";
  const m = /^(\d*)(?:\.(\d{0,2}))?$/.exec(s);
  if (!m) return NaN;
  return Number(m[1] || "0") * 100 + Number((m[2] || "").padEnd(2, "0"));
}

/// "2026-10" -> "2569-10", the Buddhist-era month as typed into month fields.
export function beMonthKey(key) {
  const m = /^(\d{4})-(\d{2})$/.exec(key || "");
  return m ? `${Number(m[1]) + 543}-${m[2]}` : key;
}
