"""Load on the validation service: requests per second and p99 latency at 50 concurrent clients.

    python benchmarks/load.py                 # 5,000 requests or 30 s per route, then the page
    python benchmarks/load.py --requests 1000 --seconds 10 --no-page

The server is the app ``vncomment serve`` runs (same middleware, JSON access log on), one
uvicorn worker on 127.0.0.1, in its own process. Two routes of that one app are measured with
the same bodies, taking turns in five rounds: ``POST /v1/validate`` judging real comments
(ViCTSD from ``../shared/corpus``, or the project's ``examples/comments.txt`` when it is
absent), and
``POST /bench/constant``, which reads and parses the same body and answers a constant report,
so that the ratio is what judging the comment costs on top of HTTP, parsing and encoding. The
client is a small asyncio HTTP/1.1 client (keep-alive, one connection per client) in this
process, so client and server share the machine: figures are for loopback, bounded in count
and in time, and only the ratio measured side by side means much on a shared machine.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from _corpus import CORPUS, comments  # noqa: E402
from _page import machine, write_section  # noqa: E402
from fastapi import Request, Response  # noqa: E402

CONSTANT = {"ok": True, "syllable_count": 10, "violations": []}
ROUTES = ("/v1/validate", "/bench/constant")
ROUNDS = 5


def bench_app() -> Any:
    """The service with one more route answering a constant (run in the server process)."""
    from vncomment.server import Settings, create_app

    app = create_app(Settings())
    constant = json.dumps(CONSTANT).encode()

    @app.post("/bench/constant", include_in_schema=False)
    async def answer_constant(request: Request) -> Response:
        json.loads(await request.body())  # the same reading and parsing, no judgement
        return Response(constant, media_type="application/json")

    return app


def _serve(port: int) -> None:
    import uvicorn
    from uvicorn.config import LOGGING_CONFIG

    from vncomment.cli.serve import _log_config

    uvicorn.run(bench_app(), host="127.0.0.1", port=port, access_log=False,
                log_config=_log_config(LOGGING_CONFIG), log_level="warning")


def _texts(limit: int) -> tuple[list[str], str]:
    if (CORPUS / "victsd.tsv").exists():
        texts = [t for t, _ in zip(comments("victsd"), range(limit), strict=False) if t.strip()]
        return texts, f"{len(texts):,} ViCTSD comments (../shared/corpus)"
    path = HERE.parent / "examples" / "comments.txt"
    texts = [line for line in path.read_text("utf-8").splitlines() if line.strip()]
    return texts, f"the {len(texts)} comments of examples/comments.txt (no ../shared/corpus)"


async def _client(port: int, requests: list[bytes], state: dict[str, Any],
                  latencies: list[float]) -> None:
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    try:
        while state["next"] < state["limit"] and time.perf_counter() < state["deadline"]:
            request = requests[state["next"] % len(requests)]
            state["next"] += 1
            started = time.perf_counter()
            writer.write(request)
            head = await reader.readuntil(b"\r\n\r\n")
            status = int(head.split(b" ", 2)[1])
            length = 0
            for line in head.split(b"\r\n"):
                if line.lower().startswith(b"content-length:"):
                    length = int(line.split(b":", 1)[1])
            await reader.readexactly(length)
            latencies.append(time.perf_counter() - started)
            if status != 200:
                state["errors"] += 1
    finally:
        writer.close()


async def _load(port: int, path: str, bodies: list[bytes], clients: int, limit: int,
                seconds: float, first: int) -> tuple[list[float], float, int]:
    """Latencies, seconds taken and errors of up to ``limit`` requests from body ``first`` on."""
    requests = [
        (f"POST {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
         f"Content-Length: {len(body)}\r\n\r\n").encode() + body
        for body in bodies
    ]
    latencies: list[float] = []
    state = {"next": first, "limit": first + limit, "deadline": time.perf_counter() + seconds,
             "errors": 0}
    started = time.perf_counter()
    await asyncio.gather(*(_client(port, requests, state, latencies) for _ in range(clients)))
    return latencies, time.perf_counter() - started, int(state["errors"])


def _summary(rounds: list[tuple[list[float], float, int]]) -> dict[str, Any]:
    latencies = sorted(t for run in rounds for t in run[0])
    seconds = sum(run[1] for run in rounds)
    return {
        "requests": len(latencies),
        "seconds": seconds,
        "rate": len(latencies) / seconds,
        "p50": latencies[len(latencies) // 2] * 1000,
        "p99": latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))] * 1000,
        "errors": sum(run[2] for run in rounds),
    }


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _start_server(port: int) -> subprocess.Popen[bytes]:
    code = f"import sys; sys.path.insert(0, {str(HERE)!r}); import load; load._serve({port})"
    server = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return server
        except OSError:
            if server.poll() is not None or time.monotonic() > deadline:
                server.kill()
                sys.exit("the benchmark server did not start")
            time.sleep(0.2)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=5000, help="per route (default 5000)")
    parser.add_argument("--seconds", type=float, default=30, help="per route (default 30)")
    parser.add_argument("--clients", type=int, default=50, help="concurrent clients (default 50)")
    parser.add_argument("--no-page", action="store_true", help="do not write docs/benchmarks.md")
    args = parser.parse_args()

    texts, source = _texts(args.requests)
    bodies = [json.dumps({"text": t, "lang": "vi"}, ensure_ascii=False).encode() for t in texts]
    port = _free_port()
    server = _start_server(port)
    # The two routes take turns, in rounds, so that a change in the machine's load (it is
    # shared) falls on both alike.
    per_round = -(-args.requests // ROUNDS)
    rounds: dict[str, list[tuple[list[float], float, int]]] = {path: [] for path in ROUTES}
    try:
        warm = min(500, args.requests)
        for path in ROUTES:
            asyncio.run(_load(port, path, bodies, args.clients, warm, args.seconds, 0))
        for n in range(ROUNDS):
            for path in ROUTES if n % 2 else ROUTES[::-1]:
                rounds[path].append(asyncio.run(_load(
                    port, path, bodies, args.clients, per_round, args.seconds / ROUNDS,
                    n * per_round)))
    finally:
        server.terminate()
        server.wait(timeout=20)
    runs = {path: _summary(rounds[path]) for path in ROUTES}

    validate, constant = runs["/v1/validate"], runs["/bench/constant"]
    rows = [
        "| route | requests | seconds | requests/s | p50 ms | p99 ms | errors |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for name, run in (("`POST /v1/validate` (judges the comment)", validate),
                      ("`POST /bench/constant` (same app, constant answer)", constant)):
        rows.append(f"| {name} | {run['requests']:,} | {run['seconds']:.1f} | {run['rate']:,.0f} "
                    f"| {run['p50']:.1f} | {run['p99']:.1f} | {run['errors']} |")
    ratio = (f"**/v1/validate answers at {validate['rate'] / constant['rate']:.0%} of the "
             f"constant route's rate; its p99 is {validate['p99'] / constant['p99']:.1f}× the "
             f"constant's.**")
    table = "\n".join(rows)
    print(table + "\n\n" + ratio)
    if args.no_page:
        return
    write_section("server-load", "\n\n".join([
        "## Validation service under load",
        machine("fastapi", "starlette", "uvicorn", "pydantic"),
        f"`python benchmarks/load.py` (`make bench`): {args.clients} concurrent clients on "
        f"loopback, keep-alive, at most {args.requests:,} requests or {args.seconds:.0f} s per "
        f"route, in {ROUNDS} rounds where the routes take turns, after "
        f"{min(500, args.requests)} warm-up requests each; one uvicorn worker as "
        f"`vncomment serve` runs it (JSON access log on); bodies are {source}, one per request. "
        "The constant route is the same app reading and parsing the same body and answering "
        "a fixed report, so the ratio is the cost of judging the comment. The client runs on "
        "the same machine as the server.",
        table,
        ratio,
    ]))


if __name__ == "__main__":
    main()
