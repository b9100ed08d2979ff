"""`make bench-desk`: requests per second and p50/p99 latency of `POST /requests` on a real desk process.

SQLite (the embedded default) and PostgreSQL (a throw-away server started with Debian's initdb), each
at 1 and 50 concurrent clients, every client on its own keep-alive connection. The proof of work and
the rate limit are off (they guard the reader, not the database); every request is valid and distinct,
so each one is stored. Goal: 200 accepted requests per second with p99 under 200 ms on SQLite at 50.
"""
from __future__ import annotations

import argparse
import http.client
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlencode, urlsplit

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO / "hooks"), str(REPO / "tests"), str(REPO)]

from support import desk, postgres  # noqa: E402
from support.sitebuild import copy_project  # noqa: E402

GOAL = "SQLite, 50 clients: ≥ 200 accepted/s, p99 < 200 ms"


def one_client(url: str, bodies: list[bytes], latencies: list[float], statuses: list[int]) -> None:
    parts = urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=60)
    headers = {"Content-Type": "application/x-www-form-urlencoded", "Accept": "application/json"}
    for body in bodies:
        start = time.perf_counter()
        connection.request("POST", "/requests", body=body, headers=headers)
        response = connection.getresponse()
        response.read()
        latencies.append(time.perf_counter() - start)
        statuses.append(response.status)
    connection.close()


def bodies(count: int, tag: str) -> list[bytes]:
    return [urlencode({**desk.FORM, "idempotency_key": f"{tag}-{n}"}).encode() for n in range(count)]


def run(url: str, clients: int, total: int, tag: str) -> dict[str, float]:
    per_client = [bodies(total // clients, f"{tag}-{c}") for c in range(clients)]
    latencies: list[float] = []
    statuses: list[int] = []
    threads = [threading.Thread(target=one_client, args=(url, b, latencies, statuses)) for b in per_client]
    start = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - start
    latencies.sort()
    accepted = statuses.count(201)
    return {"accepted": accepted, "sent": len(statuses), "rps": accepted / wall,
            "p50": statistics.median(latencies) * 1000, "p99": latencies[int(len(latencies) * 0.99) - 1] * 1000}


def measure(name: str, database_url: str, project: Path, args: argparse.Namespace) -> list[str]:
    rows = []
    with desk.server(database_url, project, DESK_LOG_LEVEL="error") as running:
        run(running.url, 4, 40, f"{name}-warm")
        for clients in (1, 50):
            total = args.requests if clients > 1 else max(args.requests // 10, 50)
            r = run(running.url, clients, total, f"{name}-{clients}")
            rows.append(f"| {name} | {clients} | {r['accepted']}/{r['sent']} | {r['rps']:.0f} | "
                        f"{r['p50']:.1f} | {r['p99']:.1f} |")
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=2000, help="requests at 50 clients (a tenth at 1)")
    args = parser.parse_args()
    rows = ["| database | clients | accepted/sent | requests/s | p50 ms | p99 ms |", "|---|---|---|---|---|---|"]
    with tempfile.TemporaryDirectory() as folder:
        project = copy_project(Path(folder) / "project")
        rows += measure("SQLite", f"sqlite:///{Path(folder) / 'desk.sqlite3'}", project, args)
        with postgres.server() as server_url:
            rows += measure("PostgreSQL", postgres.new_database(server_url, "bench"), project, args)
    print("\n".join(rows))
    print(f"\nGoal: {GOAL}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
