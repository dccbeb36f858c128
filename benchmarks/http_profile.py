"""Where a stateless `POST /v1/assess` spends its CPU inside the application (budget point 3).

    .venv/bin/python benchmarks/http_profile.py [--requests 300] [--top 40]

The ASGI application is called in this process (no socket, no HTTP parser), under
cProfile; the thread pool that runs synchronous routes is replaced by a direct call
so the profiler sees the route too; it counts CPU time, not waiting. The output is grouped by package (art52's
pipeline, FastAPI and Starlette, pydantic, the middleware, the rest), then the top
functions. The database is ART52_BENCH_DATABASE_URL (benchmarks/serving.py).
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import io
import os
import pstats
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

import anyio.to_thread
import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))

from serving import REPO, create_token, documents, environment


async def _inline(func: Callable[..., Any], *args: Any, **_: Any) -> Any:
    return func(*args)


def group(path: str) -> str:
    for marker, name in (
        ("/art52/engine/", "art52 engine"),
        ("/art52/reasoning/", "art52 reasoning"),
        ("/art52/services/", "art52 services"),
        ("/art52/domain/", "art52 domain"),
        ("/art52/rulebook/", "art52 rulebook"),
        ("/api/", "art52 HTTP layer (routes, middleware, schemas)"),
        ("/art52/adapters/", "art52 adapters (database)"),
        ("/fastapi/", "FastAPI"),
        ("/starlette/", "Starlette"),
        ("/pydantic", "pydantic"),
        ("/sqlalchemy/", "SQLAlchemy"),
        ("/psycopg", "psycopg"),
        ("/logging/", "logging"),
        ("/json/", "json"),
        ("/asyncio/", "asyncio"),
        ("/anyio/", "anyio"),
        ("/httpx/", "httpx (the client)"),
    ):
        if marker in path:
            return name
    return "other"


async def drive(app: Any, token: str, bodies: list[dict[str, Any]]) -> None:
    transport = httpx.ASGITransport(app=app)
    headers = {"Authorization": f"Bearer {token}"}
    async with httpx.AsyncClient(transport=transport, base_url="http://127.0.0.1", headers=headers) as client:
        for body in bodies:
            answer = await client.post("/v1/assess", json=body)
            if answer.status_code != 200:
                raise RuntimeError(f"{answer.status_code}: {answer.text[:300]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=300)
    parser.add_argument("--top", type=int, default=40)
    args = parser.parse_args()
    env = environment()
    token = create_token(env)
    os.environ.update(env)
    anyio.to_thread.run_sync = _inline  # type: ignore[assignment]

    from art52.api.app import create_app

    app = create_app()
    bodies = documents(args.requests)
    asyncio.run(drive(app, token, bodies[:50]))
    profile = cProfile.Profile(time.process_time)  # CPU, not waiting on the database
    profile.enable()
    asyncio.run(drive(app, token, bodies))
    profile.disable()
    stats = pstats.Stats(profile)
    own: dict[str, float] = defaultdict(float)
    for (path, _, _), (_, _, tottime, _, _) in stats.stats.items():  # type: ignore[attr-defined]
        own[group(path)] += tottime
    total = sum(own.values())
    print(f"own time by package over {len(bodies)} requests (profiled; total {total:.2f} s):")
    for name, spent in sorted(own.items(), key=lambda kv: -kv[1]):
        print(f"  {name:50s} {spent / len(bodies) * 1000:7.3f} ms/request  {spent / total:6.1%}")
    text = io.StringIO()
    pstats.Stats(profile, stream=text).sort_stats("cumulative").print_stats(args.top)
    pstats.Stats(profile, stream=text).sort_stats("tottime").print_stats(args.top)
    print(text.getvalue().replace(f"{REPO}/", ""))


if __name__ == "__main__":
    main()
