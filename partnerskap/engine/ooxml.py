"""A minimal Word (.docx) writer with the standard library only: minutes with headings, paragraphs and a table.

python-docx needs lxml, which Pyodide's core does not ship, so the engine writes the few parts
it needs itself (the tests open every file with python-docx). Excel files: :mod:`.xlsx`.
"""

from __future__ import annotations

import io
import zipfile
from html import escape  # not xml.sax.saxutils, which pulls in ~38 modules

from .textsafety import xml_text

_EPOCH = (2020, 1, 1, 0, 0, 0)


def _x(text: object) -> str:
    """XML-escape text and drop every character XML 1.0 cannot hold."""
    return escape(xml_text(str(text)), quote=False).replace('"', "&quot;")


def _zip(parts: dict[str, str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, content in parts.items():
            info = zipfile.ZipInfo(name, date_time=_EPOCH)
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, content.encode("utf-8"))
    return buffer.getvalue()


_XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
_OFFICE = "application/vnd.openxmlformats-officedocument"
_RELATIONSHIP = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def _content_types(overrides: list[tuple[str, str]]) -> str:
    """``[Content_Types].xml`` for the package parts (path, content type)."""
    return (
        f'{_XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        + "".join(f'<Override PartName="{path}" ContentType="{kind}"/>' for path, kind in overrides)
        + "</Types>"
    )


def _relationships(targets: list[tuple[str, str]]) -> str:
    """A ``.rels`` part: (relationship type URL, target) numbered rId1, rId2 …"""
    return (
        f'{_XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        + "".join(
            f'<Relationship Id="rId{i}" Type="{kind}" Target="{target}"/>'
            for i, (kind, target) in enumerate(targets, start=1)
        )
        + "</Relationships>"
    )


class DocxBuilder:
    """Builds a simple Word document: headings, paragraphs, bullet-like lines and tables."""

    def __init__(self) -> None:
        self._body: list[str] = []

    def heading(self, text: str, level: int = 1) -> None:
        self._body.append(f'<w:p><w:pPr><w:pStyle w:val="Heading{level}"/></w:pPr>{self._run(text)}</w:p>')

    def paragraph(self, text: str = "", bold_prefix: str = "") -> None:
        runs = (self._run(bold_prefix, bold=True) if bold_prefix else "") + self._run(text)
        self._body.append(f"<w:p>{runs}</w:p>")

    def bullets(self, lines: list[str]) -> None:
        """A bulleted list, one paragraph per line (Word's own list numbering, so it is a list to screen readers)."""
        for line in lines:
            self._body.append(
                f'<w:p><w:pPr><w:pStyle w:val="ListBullet"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>'
                f"</w:pPr>{self._run(line)}</w:p>"
            )

    def table(self, header: list[str], rows: list[list[str]]) -> None:
        def row(cells: list[str], bold: bool) -> str:
            return (
                "<w:tr>"
                + "".join(
                    f'<w:tc><w:tcPr><w:tcW w:w="0" w:type="auto"/></w:tcPr><w:p>{self._run(c, bold=bold)}</w:p></w:tc>'
                    for c in cells
                )
                + "</w:tr>"
            )

        borders = "".join(
            f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="808080"/>'
            for side in ("top", "left", "bottom", "right", "insideH", "insideV")
        )
        self._body.append(
            f'<w:tbl><w:tblPr><w:tblW w:w="5000" w:type="pct"/><w:tblBorders>{borders}</w:tblBorders></w:tblPr>'
            f"{row(header, True).replace('<w:tr>', '<w:tr><w:trPr><w:tblHeader/></w:trPr>', 1)}{''.join(row(r, False) for r in rows)}</w:tbl>"
        )
        self._body.append("<w:p/>")

    @staticmethod
    def _run(text: str, bold: bool = False) -> str:
        props = "<w:rPr><w:b/></w:rPr>" if bold else ""
        lines = str(text).split("\n")
        content = "<w:br/>".join(f'<w:t xml:space="preserve">{_x(line)}</w:t>' for line in lines)
        return f"<w:r>{props}{content}</w:r>"

    def build(self, title: str) -> bytes:
        ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
        styles = "".join(
            f'<w:style w:type="paragraph" w:styleId="Heading{level}"><w:name w:val="heading {level}"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/>'
            f'<w:pPr><w:keepNext/><w:spacing w:before="240" w:after="120"/><w:outlineLvl w:val="{level - 1}"/></w:pPr><w:rPr><w:b/><w:sz w:val="{size}"/></w:rPr></w:style>'
            for level, size in ((1, 36), (2, 28), (3, 24), (4, 22))
        )
        styles += (
            '<w:style w:type="paragraph" w:styleId="ListBullet">'
            '<w:name w:val="List Bullet"/><w:basedOn w:val="Normal"/>'
            '<w:pPr><w:numPr><w:numId w:val="1"/></w:numPr><w:spacing w:after="60"/></w:pPr></w:style>'
        )
        numbering = (
            f'{_XML}<w:numbering {ns}><w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="singleLevel"/>'
            '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/>'
            '<w:lvlText w:val="\u2022"/><w:lvlJc w:val="left"/>'
            '<w:pPr><w:ind w:left="720" w:hanging="360"/></w:pPr></w:lvl></w:abstractNum>'
            '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>'
        )
        parts = {
            "[Content_Types].xml": _content_types(
                [
                    ("/word/document.xml", f"{_OFFICE}.wordprocessingml.document.main+xml"),
                    ("/word/styles.xml", f"{_OFFICE}.wordprocessingml.styles+xml"),
                    ("/word/numbering.xml", f"{_OFFICE}.wordprocessingml.numbering+xml"),
                    ("/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml"),
                ]
            ),
            "_rels/.rels": _relationships(
                [
                    (f"{_RELATIONSHIP}/officeDocument", "word/document.xml"),
                    (
                        "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
                        "docProps/core.xml",
                    ),
                ]
            ),
            "docProps/core.xml": (
                f'{_XML}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">'
                f"<dc:title>{_x(title)}</dc:title><dc:language>nb-NO</dc:language></cp:coreProperties>"
            ),
            "word/_rels/document.xml.rels": _relationships(
                [(f"{_RELATIONSHIP}/styles", "styles.xml"), (f"{_RELATIONSHIP}/numbering", "numbering.xml")]
            ),
            "word/numbering.xml": numbering,
            "word/styles.xml": (
                f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles {ns}>'
                '<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Calibri" w:hAnsi="Calibri" w:cs="Calibri"/><w:sz w:val="22"/><w:lang w:val="nb-NO"/></w:rPr></w:rPrDefault>'
                '<w:pPrDefault><w:pPr><w:spacing w:after="120"/></w:pPr></w:pPrDefault></w:docDefaults>'
                '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>'
                f"{styles}</w:styles>"
            ),
            "word/document.xml": (
                f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {ns}><w:body>'
                + "".join(self._body)
                + '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1134" w:header="708" w:footer="708" w:gutter="0"/></w:sectPr>'
                "</w:body></w:document>"
            ),
        }
        return _zip(parts)
