"""Excel workbooks (.xlsx) written with XlsxWriter (pure Python, loaded in the browser on demand).

Every cell is written with its own type (never ``write()``, which would turn a note starting
with «=» into a formula or an address into a link): text as text, numbers as numbers, and
dates as real date cells in the reader's short date format.
"""

from __future__ import annotations

import datetime
import io
from typing import Any

import xlsxwriter

from .textsafety import xml_text

Sheet = tuple[str, list[list[object]]] | tuple[str, list[list[object]], list[int]]
"""(name, rows) or (name, rows, column widths); the first row is the header."""

DATE_FORMAT = 14
"""Built-in number format 14: the reader's short date (31.12.2026 in Norwegian Excel)."""
DATETIME_FORMAT = 22
"""Built-in number format 22: date and hours:minutes."""
MAX_SHEET_NAME = 31
SHEET_NAME_FORBIDDEN = str.maketrans("[]:*?/\\", "       ")
"""Characters Excel does not allow in a sheet name, each replaced by a space."""


def sheet_name(name: str) -> str:
    """A name Excel accepts for a sheet: at most 31 characters, none of ``[]:*?/\\``."""
    return name[:MAX_SHEET_NAME].translate(SHEET_NAME_FORBIDDEN)


def workbook(sheets: list[Sheet], widths: list[int] | None = None) -> bytes:
    """A workbook with one sheet per entry; the first row of each sheet is a bold, frozen header.

    Cells hold text, numbers, ``datetime.date`` (shown as the reader's short date) or
    ``datetime.datetime`` (date and time). ``widths`` applies to sheets without their own.
    """
    buffer = io.BytesIO()
    # in_memory: no temporary files; remove_timezone: Excel has no time zones; a NaN becomes #NUM!, not an error.
    book = xlsxwriter.Workbook(buffer, {"in_memory": True, "remove_timezone": True, "nan_inf_to_errors": True})
    # A fixed creation time, so the same answers give the same file.
    book.set_properties({"created": datetime.datetime(2020, 1, 1)})
    formats = {
        "header": book.add_format({"bold": True}),
        "body": book.add_format({"text_wrap": True, "valign": "top"}),
        "date": book.add_format({"num_format": DATE_FORMAT, "valign": "top"}),
        "datetime": book.add_format({"num_format": DATETIME_FORMAT, "valign": "top"}),
    }
    for sheet in sheets:
        rows = sheet[1]
        sheet_widths = sheet[2] if len(sheet) > 2 else widths
        page = book.add_worksheet(sheet_name(sheet[0]))
        page.freeze_panes(1, 0)
        for column, width in enumerate(sheet_widths or []):
            page.set_column(column, column, width)
        for r, row in enumerate(rows):
            style = formats["header"] if r == 0 else formats["body"]
            for c, value in enumerate(row):
                _write(page, r, c, value, style, formats)
    book.close()
    return buffer.getvalue()


def _write(page: Any, row: int, column: int, value: object, style: Any, formats: dict[str, Any]) -> None:
    """One cell by its type; empty cells are left out."""
    if isinstance(value, datetime.datetime):
        page.write_datetime(row, column, value, formats["datetime"])
    elif isinstance(value, datetime.date):
        page.write_datetime(row, column, value, formats["date"])
    elif isinstance(value, (int, float)) and not isinstance(value, bool):
        page.write_number(row, column, value, style)
    elif value not in (None, ""):
        page.write_string(row, column, xml_text(str(value)), style)
