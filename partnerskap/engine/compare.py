"""«Sammenlign»: what changed between two walk-throughs of one checklist (e.g. since last year)."""

from __future__ import annotations

from typing import Any

from . import labels
from .definition import Definition, ItemRef
from .rules import is_answered
from .texts import counted, text

DETAIL_FIELDS = ("note", "owner", "due", "decision")
"""Fields besides the answer whose changes are reported (their names are ``compare.fields`` in texts)."""

OUTCOMES = ("done", "removed")
"""How an open action was resolved: marked done, or no longer in the later walk-through."""


def _side(walkthrough: Any, fallback: str) -> tuple[str, dict[str, Any]]:
    if not isinstance(walkthrough, dict):
        return fallback, {}
    name = walkthrough.get("name")
    answers = walkthrough.get("answers")
    return (name.strip() if isinstance(name, str) and name.strip() else fallback), (
        answers if isinstance(answers, dict) else {}
    )


def _answer(answers: dict[str, Any], item_id: str) -> dict[str, Any]:
    answer = answers.get(item_id)
    return answer if isinstance(answer, dict) else {}


def _ref(ref: ItemRef) -> dict[str, Any]:
    return {"id": ref.id, "number": ref.number, "text": ref.data["text"]}


def _field(answer: dict[str, Any], key: str) -> str:
    if key == "owner":
        return labels.responsible(answer)
    value = answer.get(key)
    return value.strip() if isinstance(value, str) else ""


def _action_key(action: dict[str, Any]) -> str:
    return " ".join(str(action.get("what", "")).split()).casefold()


def _action(ref: ItemRef, action: dict[str, Any], outcome: str = "") -> dict[str, Any]:
    """An action in the reply: its fields (``owner_side`` a code), and ``line``, the action as one line of text.

    A resolved action also has ``outcome`` (a code of :data:`OUTCOMES`) and ``outcome_text`` (its wording);
    its ``line`` leaves out «utført», which ``outcome_text`` says.
    """
    entry = {
        **_ref(ref),
        "what": str(action.get("what", "")),
        "owner_side": action.get("owner", "") if action.get("owner", "") in labels.OWNER_SIDES else "",
        "owner_name": str(action.get("owner_name", "")),
        "due": str(action.get("due", "")),
        "done": bool(action.get("done", False)),
        "line": labels.action_line({**action, "done": False} if outcome else action),
    }
    if outcome:
        entry |= {"outcome": outcome, "outcome_text": text("compare.outcome")[outcome]}
    return entry


def _number(definition: Definition, item: dict[str, Any], value: Any) -> float | None:
    """The answer as a number, for numbers and numeric scales (1–6); ``None`` otherwise."""
    scale = definition.scale_of(item)
    if item["type"] != "number" and not (scale and scale.get("numeric")):
        return None
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def compare(definition: Definition, a: dict[str, Any], b: dict[str, Any]) -> dict[str, Any]:
    """Compare walk-through ``a`` (earlier) with ``b`` (later); both ``{"name": ..., "answers": {...}}``."""
    name_a, answers_a = _side(a, text("compare.first"))
    name_b, answers_b = _side(b, text("compare.second"))
    changed, only_a, only_b, actions_new, actions_resolved = [], [], [], [], []
    details: dict[str, list[dict[str, Any]]] = {key: [] for key in DETAIL_FIELDS}
    unchanged = 0
    for ref in definition.items:
        item = ref.data
        old, new = _answer(answers_a, ref.id), _answer(answers_b, ref.id)
        in_a, in_b = is_answered(old), is_answered(new)
        if in_a and in_b:
            if old["value"] != new["value"]:
                entry = {
                    **_ref(ref),
                    "from_value": old["value"],
                    "to_value": new["value"],
                    "from_label": definition.value_label(item, old["value"]),
                    "to_label": definition.value_label(item, new["value"]),
                }
                before, after = _number(definition, item, old["value"]), _number(definition, item, new["value"])
                if before is not None and after is not None:
                    delta = after - before
                    entry["change"] = int(delta) if delta.is_integer() else round(delta, 2)
                changed.append(entry)
            else:
                unchanged += 1
        elif in_a:
            only_a.append({**_ref(ref), "label": definition.value_label(item, old["value"])})
        elif in_b:
            only_b.append({**_ref(ref), "label": definition.value_label(item, new["value"])})
        for key in DETAIL_FIELDS:
            earlier, later_text = _field(old, key), _field(new, key)
            if earlier != later_text:
                title = text("compare.fields")[key]
                details[key].append({**_ref(ref), "field": key, "title": title, "from": earlier, "to": later_text})
        old_actions = (
            [x for x in old.get("actions", []) if isinstance(x, dict)] if isinstance(old.get("actions"), list) else []
        )
        new_actions = (
            [x for x in new.get("actions", []) if isinstance(x, dict)] if isinstance(new.get("actions"), list) else []
        )
        old_keys = {_action_key(x) for x in old_actions}
        new_by_key: dict[str, dict[str, Any]] = {}
        for action in new_actions:
            new_by_key.setdefault(_action_key(action), action)
            if _action_key(action) not in old_keys:
                actions_new.append(_action(ref, action))
        for action in old_actions:
            if action.get("done"):
                continue
            later = new_by_key.get(_action_key(action))
            if later is None:
                actions_resolved.append(_action(ref, action, "removed"))
            elif later.get("done"):
                actions_resolved.append(_action(ref, later, "done"))
    summary = {
        "changed": len(changed),
        "unchanged": unchanged,
        "only_a": len(only_a),
        "only_b": len(only_b),
        **{f"{key}_changed": len(entries) for key, entries in details.items()},
        "actions_new": len(actions_new),
        "actions_resolved": len(actions_resolved),
    }
    return {
        "a": {"name": name_a},
        "b": {"name": name_b},
        "changed": changed,
        "only_a": only_a,
        "only_b": only_b,
        "note_changed": details["note"],
        "owner_changed": details["owner"],
        "due_changed": details["due"],
        "decision_changed": details["decision"],
        "actions_new": actions_new,
        "actions_resolved": actions_resolved,
        "summary": {**summary, "text": _summary_text(summary, name_a, name_b)},
    }


def _summary_text(summary: dict[str, int], name_a: str, name_b: str) -> str:
    shown = text(
        "compare.summary",
        a=name_a,
        b=name_b,
        changed=counted("compare.changed", summary["changed"]),
        unchanged=counted("compare.unchanged", summary["unchanged"]),
    )
    if summary["only_a"] or summary["only_b"]:
        only_a = counted("compare.items", summary["only_a"])
        shown += " " + text("compare.only", a=name_a, b=name_b, only_a=only_a, only_b=summary["only_b"])
    if summary["actions_new"] or summary["actions_resolved"]:
        new = counted("compare.actions_new", summary["actions_new"])
        resolved = counted("compare.actions_resolved", summary["actions_resolved"])
        shown += " " + text("compare.actions", new=new, resolved=resolved)
    return shown
