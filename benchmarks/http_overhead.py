"""Server CPU per stateless `POST /v1/assess` against the pipeline's own cost (budget point 3).

    .venv/bin/python benchmarks/http_overhead.py [--requests 600] [--profile] [--no-write]

An `art52 serve` with one worker (benchmarks/serving.py; PostgreSQL by default) is
sent the generated benchmark measures one after another from this process over one
keep-alive connection; the server's CPU time (``/proc/PID/stat``) over those requests,
per request, is compared with the CPU time of ``Assessor.assess`` on the same
documents in this process, measured in the same run. ``--profile`` runs a second
server under cProfile and prints where its time goes. The results replace the HTTP
section of BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import io
import os
import pstats
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))

from sections import replace_section
from serving import REPO, documents, serve

BEGIN, END = "<!-- http:begin -->", "<!-- http:end -->"


def send_all(url: str, token: str, bodies: list[dict[str, Any]]) -> None:
    with httpx.Client(base_url=url, headers={"Authorization": f"Bearer {token}"}, timeout=30) as client:
        for body in bodies:
            answer = client.post("/v1/assess", json=body)
            if answer.status_code != 200:
                raise RuntimeError(f"POST /v1/assess answered {answer.status_code}: {answer.text[:300]}")


def measure(bodies: list[dict[str, Any]], rounds: int) -> tuple[float, float, float]:
    """Best of ``rounds`` interleaved passes, CPU seconds per request or assessment: the server's, and the
    pipeline's in this process from the document and from the parsed measure (same load for all three)."""
    from art52.engine.durable import DurableBackend
    from art52.rulebook.loader import load_rulebook
    from art52.services.assessments import Assessor, parse_measure

    assessor = Assessor(load_rulebook(REPO / "rules"), DurableBackend())
    parsed = [parse_measure(b) for b in bodies]
    for m in parsed:
        assessor.assess(m)
    server_best = doc_best = parsed_best = float("inf")
    with serve(workers=1) as server:
        send_all(server.url, server.token, bodies[:50])  # warm-up: rulesets registered, sessions created
        for _ in range(rounds):
            before = server.cpu()
            send_all(server.url, server.token, bodies)
            server_best = min(server_best, (server.cpu() - before) / len(bodies))
            started = time.process_time()
            for b in bodies:
                assessor.assess(b)
            doc_best = min(doc_best, (time.process_time() - started) / len(bodies))
            started = time.process_time()
            for m in parsed:
                assessor.assess(m)
            parsed_best = min(parsed_best, (time.process_time() - started) / len(bodies))
    return server_best, doc_best, parsed_best


def profile(bodies: list[dict[str, Any]], top: int = 30) -> str:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "serve.prof"
        with serve(workers=1, prefix=["-m", "cProfile", "-o", str(out)]) as server:
            send_all(server.url, server.token, bodies[:50])
            send_all(server.url, server.token, bodies)
        for _ in range(50):
            if out.exists():
                break
            time.sleep(0.2)
        text = io.StringIO()
        stats = pstats.Stats(str(out), stream=text)
        stats.sort_stats("cumulative").print_stats(top)
        stats.sort_stats("tottime").print_stats(top)
        return text.getvalue().replace(f"{REPO}/", "")


def render(server: float, doc: float, parsed: float, args: Any, load: str) -> str:
    ratio = server / parsed
    verdict = "met" if ratio <= 1.5 else "missed"
    return "\n".join(
        [
            BEGIN,
            "## HTTP overhead (budget point 3)",
            "",
            f"Produced by `python benchmarks/http_overhead.py --requests {args.requests}`: `art52 serve` with one"
            " worker on PostgreSQL, sent the generated measures one after another over one keep-alive connection"
            " from another process; server CPU from `/proc/PID/stat`. The pipeline is measured in the benchmark"
            f" process, each of its passes right after one of the server's; best of {args.rounds} each. Load average"
            f" at the start: {load} (2 cores, shared).",
            "",
            "| cost per stateless assessment | CPU ms | vs pipeline |",
            "|---|---:|---:|",
            f"| pipeline: `Assessor.assess` on a parsed measure | {parsed * 1000:.2f} | 1.00× |",
            f"| pipeline from the document (measure parsed and validated) | {doc * 1000:.2f} | {doc / parsed:.2f}× |",
            f"| server: `POST /v1/assess` | {server * 1000:.2f} | {ratio:.2f}× |",
            "",
            f"Target: at most 1.5× the pipeline — **{verdict}** ({ratio:.2f}×).",
            END,
        ]
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=600)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--profile", action="store_true", help="also profile a server and print where time goes")
    parser.add_argument("--no-write", action="store_true", help="print only; do not update BENCHMARKS.md")
    args = parser.parse_args()
    load = " ".join(f"{x:.2f}" for x in os.getloadavg())
    bodies = documents(args.requests)
    server, doc, parsed = measure(bodies, args.rounds)
    section = render(server, doc, parsed, args, load)
    print(section, flush=True)
    if args.profile:
        print(profile(bodies))
    if not args.no_write:
        replace_section(section, BEGIN, END)


if __name__ == "__main__":
    main()
