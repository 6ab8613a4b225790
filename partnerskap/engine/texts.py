"""Every word the engine writes for people, per language, in one place.

Like GOV.UK Frontend's i18n defaults: code asks for a key (``text("minutes.decisions")``)
and fills in named values; a nynorsk version is a second dict with the same keys. Dates
go through :func:`date_text` only. Enum-like values in the engine's replies are codes
(``"done"``, ``"sample_stdev"``), never these words.
"""

from __future__ import annotations

import datetime
from typing import Any

LANGUAGE = "nb"
"""The language every export and reply is written in (bokmål; the site has no other yet)."""

MONTHS = {
    "nb": (
        "januar",
        "februar",
        "mars",
        "april",
        "mai",
        "juni",
        "juli",
        "august",
        "september",
        "oktober",
        "november",
        "desember",
    ),
}

STRINGS: dict[str, dict[str, Any]] = {
    "nb": {
        # Who follows an item up.
        "owner.stat": "Stat",
        "owner.kommune": "Kommune",
        "owner.begge": "Begge",
        "yes": "Ja",
        "no": "Nei",
        "not_answered": "Ikke besvart",
        "due": "frist {date}",
        "done": "utført",
        "action.untitled": "Tiltak uten beskrivelse",
        # Columns of the answer exports (CSV, Excel).
        "answers.columns": [
            "Avsnitt",
            "Nr.",
            "Punkt-id",
            "Spørsmål / aktivitet",
            "Svar",
            "Notat",
            "Ansvarlig",
            "Navn",
            "Frist",
            "Vedtak",
            "Roller",
            "Fase",
            "Tiltak",
        ],
        "answers.sheet": "Svar",
        "answers.archived_section": "Arkivert (punktet er fjernet)",
        "answers.archived_heading": "Arkiverte svar (punkter som er fjernet fra sjekklisten)",
        # The action list (minutes, Markdown, CSV and Excel).
        "actions.columns": ["Nr.", "Punkt", "Tiltak", "Ansvarlig", "Frist", "Utført"],
        "actions.table_columns": [
            "Nr.",
            "Punkt-id",
            "Punkt",
            "Tiltak",
            "Ansvarlig",
            "Navn",
            "Frist",
            "Utført",
        ],
        "actions.sheet": "Tiltak",
        "actions.heading": "Tiltak",
        "actions.one": "Tiltak",
        "actions.none": "Ingen tiltak er registrert.",
        # The meeting's metadata (minutes header, Excel sheet).
        "meta.sheet": "Om gjennomgangen",
        "meta.walkthrough": "Gjennomgang",
        "meta.meeting_date": "Møtedato",
        "meta.date": "Dato",
        "meta.participants": "Deltakere",
        "meta.checklist": "Sjekkliste",
        "meta.checklist_id": "Sjekkliste-id",
        "meta.checklist_line": "{title}, versjon {version}",
        "meta.version": "Sjekklisteversjon",
        "meta.exported": "Eksportert",
        "meta.exported_utc": "Eksportert (UTC)",
        "meta.columns": ["Felt", "Verdi"],
        "meta.progress": "Fremdrift",
        # Minutes.
        "minutes.title": "Referat: {checklist}",
        "minutes.decisions": "Vedtak",
        "minutes.decisions.none": "Ingen vedtak er registrert.",
        "minutes.follow_up": "Svart Nei eller Delvis",
        "minutes.follow_up.none": "Ingen punkter er besvart med Nei eller Delvis.",
        "minutes.items": "Punkt for punkt",
        "minutes.answer": "Svar",
        "minutes.note": "Notat",
        "minutes.decision": "Vedtak",
        "minutes.responsible": "Ansvar",
        "minutes.participants.none": "Ingen deltakere er registrert.",
        # Combine («Sammenstill»).
        "combine.stats": {
            "mean": "Gjennomsnitt",
            "median": "Median",
            "sample_stdev": "Standardavvik (utvalg)",
            "min": "Lavest",
            "max": "Høyest",
        },
        "combine.item_columns": [
            "Avsnitt",
            "Nr.",
            "Punkt-id",
            "Spørsmål / aktivitet",
            "Antall svar",
            "Fordeling",
            "Gjennomsnitt",
            "Median",
            "Standardavvik (utvalg)",
            "Lavest",
            "Høyest",
            "Uenighet",
            "Notater",
            "Fritekstsvar",
        ],
        "combine.sheet.items": "Per punkt",
        "combine.sheet.respondents": "Per respondent",
        "combine.sheet.table": "Tabell",
        "combine.respondent": "Respondent",
        "combine.file": "Fil",
        "combine.sum": "Sum",
        "combine.count_share": "{label}: {count} ({percent})",
        "combine.disagreement.sample_stdev": "Standardavvik {value}",
        "combine.disagreement.share_disagreeing": "{percent} svarte noe annet enn det vanligste svaret",
        "combine.distribution_caption": "Fordeling av svarene på {item}",
        "combine.table_caption.one": "{checklist}: svar fra {count} respondent",
        "combine.table_caption.many": "{checklist}: svar fra {count} respondenter",
        "combine.missing_not_drawn": "Manglende svar er ikke tegnet; de står som «ikke besvart».",
        "combine.summary.one": "{count} svarfil er sammenstilt.",
        "combine.summary.many": "{count} svarfiler er sammenstilt.",
        "combine.skipped.one": "{count} fil er hoppet over.",
        "combine.skipped.many": "{count} filer er hoppet over.",
        "combine.too_many": "For mange filer: høyst {limit} kan sammenstilles om gangen.",
        "combine.unreadable": "Filen kunne ikke leses.",
        "combine.fault": "Filen kunne ikke leses på grunn av en feil i verktøyet.",
        "combine.other_version": (
            "Filen gjelder versjon {version} av «{checklist}», ikke versjon {current}. "
            "Importer den i sjekklisten og eksporter den på nytt, så kan den sammenstilles."
        ),
        "combine.same_walkthrough": "Filen er samme gjennomgang som «{file}» og er hoppet over.",
        "combine.same_answers": "Filen har nøyaktig de samme svarene som «{file}» og er hoppet over.",
        "combine.no_table": "Sjekklisten har ingen tallsvar, så det finnes ingen tabell å eksportere.",
        "unknown_format": "Ukjent eksportformat «{kind}».",
        # Compare («Sammenlign»).
        "compare.first": "Første gjennomgang",
        "compare.second": "Andre gjennomgang",
        "compare.fields": {"note": "Notat", "owner": "Ansvarlig", "due": "Frist", "decision": "Vedtak"},
        "compare.outcome": {"done": "utført", "removed": "fjernet"},
        "compare.summary": "Fra «{a}» til «{b}»: {changed}, {unchanged}.",
        "compare.changed.one": "{count} svar er endret",
        "compare.changed.many": "{count} svar er endret",
        "compare.unchanged.one": "{count} er likt",
        "compare.unchanged.many": "{count} er like",
        "compare.items.one": "{count} punkt",
        "compare.items.many": "{count} punkter",
        "compare.only": "{only_a} er besvart bare i «{a}», {only_b} bare i «{b}».",
        "compare.actions_new.one": "{count} nytt tiltak",
        "compare.actions_new.many": "{count} nye tiltak",
        "compare.actions_resolved.one": "{count} tiltak",
        "compare.actions_resolved.many": "{count} tiltak",
        "compare.actions": "{new}, {resolved} utført eller fjernet.",
        # Charts (the text a screen reader gets in each chart's <desc>).
        "chart.not_answered": "ikke besvart",
        "chart.kind.bars": "Liggende stolpediagram",
        "chart.kind.stacked": "Stablet liggende stolpediagram",
        "chart.summary.single": "{kind} med {rows} rader ({names}).",
        "chart.summary.series": "{kind} med {rows} rader og {count} serier: {names}.",
        "chart.largest": "Største verdi",
        "chart.largest_sum": "Største sum",
        "chart.answers_total": "{total} svar i alt. {shares}.",
        "chart.no_answers": "Ingen svar.",
        "chart.answer_count": "Antall svar",
        # Progress.
        "progress.answered": "{answered} av {total} besvart",
        "progress.not_applicable": " ({count} ikke aktuelt)",
    },
}


def text(key: str, **values: Any) -> Any:
    """The wording for ``key`` in :data:`LANGUAGE`, with ``{name}`` placeholders filled from ``values``."""
    found = STRINGS[LANGUAGE][key]
    return found.format(**values) if values and isinstance(found, str) else found


def counted(key: str, count: int, **values: Any) -> str:
    """``key.one`` or ``key.many`` by ``count`` (Norwegian has two plural forms)."""
    return text(f"{key}.{'one' if count == 1 else 'many'}", count=count, **values)


def date_text(iso: str) -> str:
    """An ISO date as people write it: «2026-11-30» → «30. november 2026»; anything else unchanged."""
    try:
        day = datetime.date.fromisoformat(iso)
    except (TypeError, ValueError):
        return iso if isinstance(iso, str) else ""
    return f"{day.day}. {MONTHS[LANGUAGE][day.month - 1]} {day.year}"


def percent_text(share: float) -> str:
    """A share 0–1 as a whole percentage with a no-break space: «67 %»."""
    return f"{round(100 * share)}\u00a0%"
