"""Latency under load at fixed arrival rates, open loop (budget point 4); updates BENCHMARKS.md.

    ART52_BENCH_DATABASE_URL=postgresql+psycopg://postgres@127.0.0.1:5432/art52_perf \\
        .venv/bin/python benchmarks/load.py [--seconds 8] [--rates 50,100,150,200,300] [--no-write]

`art52 serve --workers 2` on PostgreSQL, on 127.0.0.1 only (benchmarks/serving.py). Requests
are sent on a fixed schedule, the i-th at ``start + i / rate``, whether or not earlier ones have
been answered (open loop): a slow server does not slow the generator down, so queueing shows in
the latency. Latency runs from the scheduled send time to the end of the response, so time a
request waits in the client also counts (no coordinated omission). Each rate runs for a bounded
time; requests still unanswered ``--timeout`` seconds after their time count as failures, with
that latency. Before each rate the generator waits until the workers are idle again (they still serve
what the client gave up on).

* stateless: ``POST /v1/assess`` with the generated benchmark measures, at each rate of ``--rates``;
* stored: ``POST /v1/measures/{id}/assessments`` on measures created beforehand, at ``--stored-rate``.

The client (httpx, asyncio) runs in this process, on the same two cores as the server.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))

from sections import replace_section
from serving import Server, documents, serve

BEGIN, END = "<!-- load:begin -->", "<!-- load:end -->"


@dataclass
class Step:
    name: str
    rate: float
    seconds: float
    latencies: list[float] = field(default_factory=list)
    failures: int = 0
    statuses: dict[int, int] = field(default_factory=dict)
    server_cpu: float = 0.0

    def percentile(self, q: float) -> float:
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000 if ordered else float("nan")

    @property
    def sent(self) -> int:
        return len(self.latencies)


async def run_step(
    client: httpx.AsyncClient, step: Step, requests: list[tuple[str, dict[str, Any]]], timeout: float, ok: int
) -> None:
    """Send ``requests`` round-robin on the schedule of ``step``; record every latency."""
    loop = asyncio.get_running_loop()
    total = int(step.rate * step.seconds)
    start = loop.time() + 0.05

    async def one(i: int, due: float) -> None:
        path, body = requests[i % len(requests)]
        try:
            left = max(0.01, due + timeout - loop.time())
            answer = await asyncio.wait_for(client.post(path, json=body), timeout=left)
            step.statuses[answer.status_code] = step.statuses.get(answer.status_code, 0) + 1
            if answer.status_code != ok:
                step.failures += 1
            step.latencies.append(loop.time() - due)
        except (TimeoutError, httpx.HTTPError):
            step.failures += 1
            step.latencies.append(max(timeout, loop.time() - due))

    tasks = []
    for i in range(total):
        due = start + i / step.rate
        delay = due - loop.time()
        if delay > 0:
            await asyncio.sleep(delay)
        tasks.append(asyncio.create_task(one(i, due)))
    await asyncio.gather(*tasks)


async def warm_up(client: httpx.AsyncClient, requests: list[tuple[str, dict[str, Any]]], ok: int) -> None:
    """Every request twice, four at a time, so that both workers have compiled and registered every ruleset."""
    queue = list(requests) * 2

    async def worker() -> None:
        while queue:
            path, body = queue.pop()
            answer = await client.post(path, json=body)
            if answer.status_code != ok:
                raise RuntimeError(f"POST {path} answered {answer.status_code}: {answer.text[:300]}")

    await asyncio.gather(*(worker() for _ in range(4)))


async def drained(server: Server, limit: float = 120) -> None:
    """Wait until the workers are idle: requests the client gave up on are still being served."""
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        before = server.cpu()
        await asyncio.sleep(1)
        if server.cpu() - before < 0.05:
            return


async def create_measures(client: httpx.AsyncClient, bodies: list[dict[str, Any]]) -> list[str]:
    ids = []
    for body in bodies:
        answer = await client.post("/v1/measures", json=body)
        if answer.status_code != 201:
            raise RuntimeError(f"POST /v1/measures answered {answer.status_code}: {answer.text[:300]}")
        ids.append(answer.json()["id"])
    return ids


async def main_async(args: Any) -> list[Step]:
    bodies = documents(args.measures)
    steps: list[Step] = []
    with serve(workers=2) as server:
        limits = httpx.Limits(max_connections=args.connections, max_keepalive_connections=args.connections)
        headers = {"Authorization": f"Bearer {server.token}"}
        async with httpx.AsyncClient(
            base_url=server.url, headers=headers, limits=limits, timeout=args.timeout
        ) as client:
            stateless = [("/v1/assess", b) for b in bodies]
            await warm_up(client, stateless, 200)
            for rate in args.rates:
                step = Step("POST /v1/assess", rate, args.seconds)
                before = server.cpu()
                await run_step(client, step, stateless, args.timeout, 200)
                step.server_cpu = server.cpu() - before
                steps.append(step)
                print(_line(step), flush=True)
                await drained(server)
            ids = await create_measures(client, bodies[: args.stored_measures])
            await drained(server)
            stored = [(f"/v1/measures/{i}/assessments", {}) for i in ids]
            await warm_up(client, stored[:50], 201)
            for rate in args.stored_rates:
                step = Step("POST /v1/measures/{id}/assessments", rate, args.seconds)
                before = server.cpu()
                await run_step(client, step, stored, args.timeout, 201)
                step.server_cpu = server.cpu() - before
                steps.append(step)
                print(_line(step), flush=True)
                await drained(server)
    return steps


def _line(step: Step) -> str:
    return (
        f"{step.name} at {step.rate:g}/s: {step.sent} sent, p50 {step.percentile(0.5):.1f} ms, "
        f"p99 {step.percentile(0.99):.1f} ms, failures {step.failures}, statuses {step.statuses}, "
        f"server CPU {step.server_cpu / max(1, step.sent) * 1000:.1f} ms/request"
    )


def render(steps: list[Step], args: Any, load: str) -> str:
    rows = [
        "| endpoint | rate /s | requests | p50 ms | p99 ms | failed | server CPU ms/request |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for s in steps:
        rows.append(
            f"| `{s.name}` | {s.rate:g} | {s.sent} | {s.percentile(0.5):,.1f} | {s.percentile(0.99):,.1f} "
            f"| {s.failures} | {s.server_cpu / max(1, s.sent) * 1000:.1f} |"
        )
    stateless = [s for s in steps if s.name == "POST /v1/assess"]
    stored = [s for s in steps if s.name != "POST /v1/assess"]
    at_300 = next((s for s in stateless if s.rate == 300), None)
    at_150 = next((s for s in stored if s.rate == 150), None)
    over = [s.rate for s in stateless if s.percentile(0.99) > 100 or s.failures]
    under = [s.rate for s in stateless if s.rate not in over]
    knee = (
        f"between {max(under):g} and {min(over):g} requests/s"
        if over and under
        else (f"at or below {min(over):g} requests/s" if over else f"above {max(under):g} requests/s")
    )

    def verdict(step: Step | None, limit: float) -> str:
        if step is None:
            return "not measured"
        met = step.percentile(0.99) < limit and step.failures == 0
        return f"**{'met' if met else 'missed'}** (p99 {step.percentile(0.99):,.1f} ms)"

    return "\n".join(
        [
            BEGIN,
            "## Load (budget point 4)",
            "",
            f"Produced by `python benchmarks/load.py --seconds {args.seconds:g}`: `art52 serve --workers 2` on"
            " PostgreSQL, 127.0.0.1 only, open-loop arrivals at fixed rates (latency from each request's scheduled"
            f" time), {args.seconds:g} s per rate, requests unanswered after {args.timeout:g} s counted as failed. The"
            " client (httpx on asyncio) runs on the same 2 cores as the two workers and PostgreSQL. Load average at"
            f" the start: {load} (shared machine).",
            "",
            *rows,
            "",
            f"- p99 under 25 ms at 300 requests/s for `POST /v1/assess`: {verdict(at_300, 25)}.",
            f"- p99 under 50 ms at 150 requests/s for stored assessments: {verdict(at_150, 50)}.",
            f"- p99 of `POST /v1/assess` exceeds 100 ms {knee}.",
            END,
        ]
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=8.0, help="duration of each rate")
    parser.add_argument("--rates", default="25,50,75,100,300", help="stateless arrival rates, per second")
    parser.add_argument("--stored-rates", default="50,150", help="stored-assessment arrival rates, per second")
    parser.add_argument("--measures", type=int, default=600)
    parser.add_argument("--stored-measures", type=int, default=300)
    parser.add_argument("--connections", type=int, default=400)
    parser.add_argument("--timeout", type=float, default=10.0)
    parser.add_argument("--no-write", action="store_true", help="print only; do not update BENCHMARKS.md")
    args = parser.parse_args()
    args.rates = [float(r) for r in args.rates.split(",")]
    args.stored_rates = [float(r) for r in args.stored_rates.split(",")]
    load = " ".join(f"{x:.2f}" for x in os.getloadavg())
    started = time.perf_counter()
    steps = asyncio.run(main_async(args))
    section = render(steps, args, load)
    print(section)
    print(f"({time.perf_counter() - started:.0f} s)")
    if not args.no_write:
        replace_section(section, BEGIN, END)


if __name__ == "__main__":
    main()
