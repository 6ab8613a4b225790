"""A file the engine makes for the browser to offer as a download."""

from __future__ import annotations

from dataclasses import dataclass

CSV_MIME = "text/csv;charset=utf-8"
XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@dataclass(frozen=True)
class ExportFile:
    """A download: its name, its media type and its bytes (sent to the page beside the JSON reply, not in it)."""

    filename: str
    mime: str
    data: bytes
