"""Bytes → text: UTF-8 (with or without a byte-order mark), UTF-16 and UTF-32.

Files written on Windows often carry a byte-order mark or are saved as UTF-16;
both are accepted. Anything else that is not valid UTF-8 (Latin-1, Windows-1252
...) is refused with the offending byte and its position, never guessed: a
wrong guess would change names and quotes without anyone noticing.
"""

from __future__ import annotations

import codecs

from art52.errors import DocumentError

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def detect_encoding(data: bytes) -> str:
    """The encoding of ``data``: from its byte-order mark, from NUL bytes (UTF-16 without a mark), else UTF-8."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding
    if len(data) >= 2 and data[0] == 0 and data[1] != 0:
        return "utf-16-be"
    if len(data) >= 2 and data[0] != 0 and data[1] == 0:
        return "utf-16-le"
    return "utf-8"


def decode_text(data: bytes) -> str:
    """The text of a document; DocumentError naming the encoding problem if it cannot be read."""
    encoding = detect_encoding(data)
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        before = data[: error.start]
        line = before.count(b"\n") + 1
        column = error.start - (before.rfind(b"\n") + 1) + 1
        bad = data[error.start : error.start + 1].hex()
        name = {"utf-8": "UTF-8", "utf-8-sig": "UTF-8"}.get(encoding, encoding.upper())
        raise DocumentError(
            f"not valid {name} text (byte 0x{bad} at line {line}, column {column}); "
            "save the file as UTF-8 (or UTF-16 with a byte-order mark)",
            line=line,
        ) from None
