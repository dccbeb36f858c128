"""Fresh databases for the service tests: a PostgreSQL schema of their own, dropped afterwards.

PostgreSQL runs when ART52_TEST_DATABASE_URL is set (CI sets it); each use gets
an empty schema through ``search_path``, so runs never see each other's rows and
the shared database is left as it was found.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from sqlalchemy import text

from art52.adapters.database import make_engine

POSTGRES_URL = os.environ.get("ART52_TEST_DATABASE_URL")
BACKENDS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]


@contextmanager
def postgres_schema() -> Iterator[tuple[str, str]]:
    """``(url, schema)`` of an empty schema, or a skip when no PostgreSQL server is configured."""
    if not POSTGRES_URL:
        pytest.skip("PostgreSQL tests need ART52_TEST_DATABASE_URL")
    schema = f"art52_test_{uuid.uuid4().hex[:12]}"
    admin = make_engine(POSTGRES_URL)
    with admin.begin() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    try:
        yield POSTGRES_URL, schema
    finally:
        with admin.begin() as connection:
            connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()
