"""Reading an uploaded measure document: JSON, or YAML by its file name, within the body limit."""

from __future__ import annotations

from typing import Any

from fastapi import UploadFile

from art52.documents.json_reader import load_json
from art52.documents.text import decode_text
from art52.documents.yaml_reader import load_yaml
from art52.errors import DocumentError, MeasureError, RequestError


async def read_upload(upload: UploadFile, max_bytes: int) -> Any:
    """The document in ``upload``; DocumentError (with its line) if it cannot be read."""
    raw = await upload.read(max_bytes + 1)
    if len(raw) > max_bytes:
        raise DocumentError(f"the file is larger than {max_bytes} bytes")
    text = decode_text(raw)
    name = (upload.filename or "").lower()
    return load_yaml(text)[0] if name.endswith((".yaml", ".yml")) else load_json(text)


def upload_problem(error: DocumentError | MeasureError | RequestError) -> str:
    """What is wrong with an uploaded document, in one sentence."""
    if isinstance(error, DocumentError):
        line = f" (line {error.line})" if error.line else ""
        return f"The file could not be read{line}: {error.message}"
    shown = "; ".join(f"{i.path or 'the document'}: {i.message}" for i in error.issues)
    return f"The document is not a valid measure: {shown}"
