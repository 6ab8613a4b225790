// Generated from partnerskap/engine/rules.py by `python -m partnerskap.engine.rules`: do not edit.
// tests/partnerskap/test_rules.py fails when this file and the Python differ.

export const MAX_IMPORT_BYTES = 2097152;
export const MAX_COMBINE_FILES = 500;
export const WALKTHROUGH_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
export const CONTENT_FIELDS = ["value", "note", "owner", "owner_name", "due", "decision", "actions"];
