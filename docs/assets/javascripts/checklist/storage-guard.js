// Browser storage that may be blocked: every access to localStorage or sessionStorage goes
// through here, so a browser that forbids site data never throws into the page.
import { WALKTHROUGH_ID_PATTERN } from "./rules.js";

/** The storage area (window.localStorage or sessionStorage), or null when the browser blocks it. */
export function openArea(name, probeKey) {
  try {
    const area = window[name];
    area.setItem(probeKey, "1");
    area.removeItem(probeKey);
    return area;
  } catch {
    return null;
  }
}

/** A value from sessionStorage, or null when it is missing or blocked. */
export function sessionGet(key) {
  try {
    return window.sessionStorage.getItem(key);
  } catch {
    return null;
  }
}

/** Store a per-tab value; a blocked sessionStorage only loses the per-tab choice. */
export function sessionSet(key, value) {
  try {
    window.sessionStorage.setItem(key, value);
  } catch {
    /* the per-tab choice is a convenience, the answers do not depend on it */
  }
}

export function isQuotaError(error) {
  return Boolean(
    error &&
    (error.name === "QuotaExceededError" || error.name === "NS_ERROR_DOM_QUOTA_REACHED" || error.code === 22),
  );
}

/** True for a plain JSON object (not null, not a list). */
export function isObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

const TEXT_FIELDS = ["note", "owner", "owner_name", "due", "decision", "hash", "text", "updated"];

/** The shape of one stored answer: fields of the wrong type would break the page and the exports. */
export function isAnswer(value) {
  if (!isObject(value)) return false;
  if ("value" in value && !(typeof value.value === "string" || Number.isFinite(value.value))) return false;
  if (TEXT_FIELDS.some((field) => field in value && typeof value[field] !== "string")) return false;
  if ("actions" in value && !(Array.isArray(value.actions) && value.actions.every(isObject))) return false;
  return true;
}

/** Archived answers: {itemId: answer with its text}. */
export function isArchive(value) {
  return isObject(value) && Object.values(value).every(isAnswer);
}

const RECORD_FIELD_CHECKS = {
  name: (v) => typeof v === "string" && v.length > 0,
  created: (v) => typeof v === "string",
  updated: (v) => typeof v === "string",
  exported: (v) => v === null || typeof v === "string",
  version: (v) => v === null || typeof v === "string",
  items: (v) => v === null || (isObject(v) && Object.values(v).every((h) => typeof h === "string")),
  participants: (v) => typeof v === "string",
  meeting_date: (v) => typeof v === "string",
  seq: (v) => Number.isFinite(v),
};

/** Whether one field of a walk-through record has the shape the page relies on. */
export function isRecordField(field, value) {
  const check = RECORD_FIELD_CHECKS[field];
  return check ? check(value) : true;
}

/** A walk-through record from the old single-list format. */
export function isRecord(value) {
  return (
    isObject(value) &&
    typeof value.id === "string" &&
    WALKTHROUGH_ID_PATTERN.test(value.id) &&
    Object.entries(value).every(([field, v]) => field === "id" || isRecordField(field, v))
  );
}
