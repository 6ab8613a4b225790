"""Content errors for GitHub Actions: annotations on the changed line and a short job summary.

GitHub turns a line ``::error file=…,line=…,title=…::message`` on a step's output into a note
on that line of the pull request, and shows the Markdown appended to ``$GITHUB_STEP_SUMMARY``
on the run's page. Editors see both without opening the log.
"""

from __future__ import annotations

import os
from pathlib import Path

from .errors import ContentError


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def plain_message(error: ContentError) -> str:
    """``file linje N: problem fix`` – one line an editor can act on."""
    place = f"{error.file} linje {error.line}" if error.line else error.file
    where = f" (punkt «{error.item}»)" if error.item else ""
    return " ".join(part for part in (f"{place}{where}: {error.message}", error.fix) if part)


def annotation(error: ContentError) -> str:
    """One ``::error`` workflow command for ``error``."""
    properties = [f"file={_escape_property(error.file)}"]
    if error.line:
        properties.append(f"line={error.line}")
    title = f"Feil i punkt «{error.item}»" if error.item else "Feil i innholdet"
    properties.append(f"title={_escape_property(title)}")
    return f"::error {','.join(properties)}::{_escape_data(plain_message(error))}"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def summary(errors: list[ContentError], ok_text: str) -> str:
    """A short Markdown summary in Norwegian: the count, then one table row per error."""
    if not errors:
        return f"### Innholdskontroll: ingen feil\n\n{ok_text}\n"
    count = "1 feil" if len(errors) == 1 else f"{len(errors)} feil"
    rows = [f"| {_cell(e.file)} | {e.line or ''} | {_cell(e.message)} | {_cell(e.fix)} |" for e in errors]
    return "\n".join(
        [
            f"### Innholdskontroll: {count}",
            "",
            "Nettstedet blir ikke publisert før feilene er rettet. Feilene står også ved linjene i "
            "«Files changed» i pull-forespørselen.",
            "",
            "| Fil | Linje | Hva er galt | Slik retter du det |",
            "|---|---|---|---|",
            *rows,
            "",
        ]
    )


def write_summary(text: str) -> None:
    """Append ``text`` to the job summary, if the step runs on GitHub Actions."""
    target = os.environ.get("GITHUB_STEP_SUMMARY")
    if target:
        with Path(target).open("a", encoding="utf-8") as out:
            out.write(text)
