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
        "minutes.unanswered": "Ikke besvart",
        # Combine («Sammenstill»).
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
        "combine.disagreement.sample_stdev": "Standardavvik (utvalg) {value}",
        "combine.disagreement.share_disagreeing": "{percent} svarte noe annet enn det vanligste svaret",
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
        # Import (answer files, share links, stored answers): why something was refused.
        "and": "og",
        "import.unreadable": "Filen kunne ikke leses. Velg en JSON-fil eksportert fra Partnerskapsverktøyet.",
        "import.too_large": "Filen er for stor ({size} MB). En svarfil kan være høyst {limit} MB.",
        "import.empty": "Filen er tom.",
        "import.not_utf8": "Filen er ikke en tekstfil i UTF-8. Velg en JSON-fil eksportert fra Partnerskapsverktøyet.",
        "import.bad_json": (
            "Filen er ikke gyldig JSON – den kan være avkortet eller skadet (feil på linje {line}, tegn {column})."
        ),
        "import.json_problem": "Filen {problem} Ingen svar er endret.",
        "import.not_answer_file": (
            "Filen er ikke en svarfil fra Partnerskapsverktøyet. Velg en JSON-fil som er eksportert fra en sjekkliste."
        ),
        "import.no_format_version": "Filen mangler formatversjon og kan ikke leses.",
        "import.newer_format": (
            "Filen er laget med en nyere versjon av Partnerskapsverktøyet. "
            "Last inn siden på nytt for å få den nyeste versjonen, og prøv igjen."
        ),
        "import.bad_exported": "Filen har et ugyldig eksporttidspunkt («exported»).",
        "import.another_checklist": "en annen sjekkliste",
        "import.other_checklist": (
            "Filen gjelder sjekklisten {shown}, ikke «{current}». Åpne riktig sjekkliste og importer der."
        ),
        "import.no_checklist_version": "Filen mangler sjekklisteversjon.",
        "import.bad_checklist_title": "Filen har en ugyldig sjekklistetittel («checklist.title»).",
        "import.bad_item_list": "Filen har en ugyldig liste over punkter («checklist.items»).",
        "import.no_name": "Gjennomgangen i filen mangler navn.",
        "import.walkthrough_name": "navnet på gjennomgangen",
        "import.bad_walkthrough_id": "Gjennomgangen i filen har en ugyldig id.",
        "import.bad_walkthrough_date": "Gjennomgangen i filen har en ugyldig dato («{key}»).",
        "import.bad_participants_type": "Deltakerlisten i filen har feil type (den skal være tekst).",
        "import.participants": "deltakerlisten",
        "import.bad_meeting_date": "Ugyldig møtedato i filen. Møtedatoen skal være en dato (ÅÅÅÅ-MM-DD).",
        "import.bad_item_id": "Filen har et svar til et punkt med ugyldig id.",
        "import.stored_bad_shape": "Svarene har feil form (de er ikke en samling av svar per punkt).",
        "import.stored_bad_id": "Punkt-id-en er ugyldig.",
        "import.surrogate": (
            "Filen har ugyldige tegn i {where} (en halv tegnkode uten sin andre halvdel). "
            "Den er skadet eller ikke laget av Partnerskapsverktøyet. Ingen svar er endret."
        ),
        "import.unsafe_number": (
            "Filen har et tall i {where} som er for stort til å lagres nøyaktig (høyst {limit} i absoluttverdi). "
            "Ingen svar er endret."
        ),
        "import.item.known": "punkt {number} («{text}»)",
        "import.item.unknown": "punkt «{id}»",
        "import.answer_to": "svaret på {item}",
        "import.the_file": "filen",
        "import.unknown_fields": (
            "Filen har ukjente felter i {where}: {shown}. Den er ikke en uendret eksport fra Partnerskapsverktøyet."
        ),
        "import.incomplete": "Filen er ufullstendig: {where} mangler eller har feil form.",
        "import.too_long": "Teksten i {what} er for lang ({length} tegn; høyst {limit}).",
        "import.markup": (
            "Filen inneholder skript eller aktivt HTML-innhold i {what}. Av sikkerhetshensyn importeres den ikke."
        ),
        "import.bad_shape": "Filen har feil form på {where}.",
        "import.bad_type": "Filen har feil type i {where} («{key}» skal være tekst).",
        "import.unknown_owner": "Ukjent ansvarlig i {where}. Gyldige verdier er {sides}.",
        "import.bad_due": "Ugyldig frist i {where}. Fristen skal være en dato (ÅÅÅÅ-MM-DD).",
        "import.bad_hash": "Filen har en ugyldig kontrollsum i {where}.",
        "import.bad_time": "Ugyldig tidspunkt i {where}.",
        "import.bad_archived_version": "Ugyldig versjon i {where} («archived_in_version» skal være et versjonsnummer).",
        "import.bad_actions": "Filen har feil form på tiltakene i {where}.",
        "import.an_action": "et tiltak i {where}",
        "import.bad_action_type": "Filen har feil type i et tiltak i {where}.",
        "import.bad_action_values": "Filen har ugyldige verdier i et tiltak i {where}.",
        "import.bad_action_due": "Ugyldig frist i et tiltak i {where}.",
        "import.bad_value": "Filen har en ugyldig verdi i {where}.",
        "import.number_too_large": "Tallet i {where} er for stort til å lagres nøyaktig.",
        "import.not_an_option": "Svaret «{value}» på {item} finnes ikke blant svaralternativene.",
        "import.number_problem": "{problem} Ingen svar er endret.",
        "import.must_be_text": "Svaret på {item} skal være tekst.",
        # Share links.
        "link.too_large": (
            "Svarene er for store til å deles som lenke ({length} tegn; grensen er {limit}). "
            "Bruk eksport til fil i stedet."
        ),
        "link.empty": "Lenken inneholder ingen svar.",
        "link.too_long": (
            "Lenken er for lang ({length} tegn; grensen er {limit}). Den er ikke laget av Partnerskapsverktøyet."
        ),
        "link.newer_format": (
            "Lenken er laget med en nyere versjon av Partnerskapsverktøyet. "
            "Last inn siden på nytt for å få den nyeste versjonen, og prøv igjen."
        ),
        "link.not_a_link": (
            "Lenken er ikke en delingslenke fra Partnerskapsverktøyet, eller den er ufullstendig. "
            "Kopier hele lenken og prøv igjen."
        ),
        "link.bad_characters": (
            "Lenken er skadet eller ufullstendig (den har ugyldige tegn). Kopier hele lenken og prøv igjen."
        ),
        "link.damaged": "Lenken er skadet eller ufullstendig. Kopier hele lenken og prøv igjen.",
        "link.cannot_unpack": (
            "Lenken er skadet eller ufullstendig: svarene i den kan ikke pakkes ut. Kopier hele lenken og prøv igjen."
        ),
        "link.unpacks_too_large": (
            "Lenken pakker ut til mer enn en svarfil kan være ({limit} MB). "
            "Den er ikke laget av Partnerskapsverktøyet og åpnes ikke."
        ),
        "link.truncated": (
            "Lenken er skadet eller ufullstendig: svarene i den er avkortet. Kopier hele lenken og prøv igjen."
        ),
        "link.refused": "Svarene i lenken kan ikke åpnes. {reason}",
        # The engine's own requests.
        "engine.not_loaded": "Sjekklisten «{checklist}» er ikke lastet. Last inn siden på nytt.",
        "engine.no_such_item": "Sjekklisten har ikke noe punkt «{item}».",
        "engine.bad_request": "Forespørselen til sjekklistemotoren {problem} Ingen svar er endret.",
        "engine.internal": (
            "Det oppstod en feil i sjekklistemotoren. Svarene dine er ikke endret. "
            "Prøv igjen, eller last inn siden på nytt. Skjer det igjen, meld fra til den som drifter nettstedet "
            "(se «Meld fra» i tilgjengelighetserklæringen) og fortell hva du gjorde; "
            "de tekniske detaljene står i nettleserens konsoll."
        ),
        "engine.too_deep": "Innholdet er nestet for dypt til å behandles. Ingen svar er endret.",
        "engine.package_unavailable": (
            "Excel-filen kunne ikke lages: delen av sjekklistemotoren som skriver Excel-filer, "
            "kunne ikke lastes ned. Er du uten nett? Prøv igjen når du er på nett, eller last ned som CSV. "
            "Ingen svar er endret."
        ),
        # Numbers typed into a number item.
        "number.whole": "Svaret på {item} må være et heltall (uten desimaler).",
        "number.below": "Svaret på {item} kan ikke være mindre enn {limit}.",
        "number.above": "Svaret på {item} kan ikke være større enn {limit}.",
        "number.not_a_number": "Svaret på {item} må være et tall, for eksempel 12.",
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


def text(key: str, /, **values: Any) -> Any:
    """The wording for ``key`` in :data:`LANGUAGE`, with ``{name}`` placeholders filled from ``values``."""
    found = STRINGS[LANGUAGE][key]
    return found.format(**values) if values and isinstance(found, str) else found


def counted(key: str, count: int, /, **values: Any) -> str:
    """``key.one`` or ``key.many`` by ``count`` (Norwegian has two plural forms)."""
    return text(f"{key}.{'one' if count == 1 else 'many'}", count=count, **values)


def number_text(number: int) -> str:
    """A whole number as Nav writes it, with a (no-break) space between thousands: 8000 → «8 000»."""
    return f"{number:,}".replace(",", "\u00a0")


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
