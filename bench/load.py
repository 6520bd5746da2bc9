"""Load generators: wrk with a Lua script that varies the path and counts non-2xx answers,
or, when wrk is missing, a small threaded Python loader with keep-alive connections."""

from __future__ import annotations

import http.client
import json
import re
import shutil
import subprocess
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

LUA = """
local paths = %(paths)s
local counter = 0
non2xx = 0  -- global: thread:get() reads globals only
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args) counter = math.random(#paths) end
function request()
  counter = counter + 1
  return wrk.format("GET", paths[(counter %% #paths) + 1])
end
function response(status, headers, body)
  if status < 200 or status > 299 then non2xx = non2xx + 1 end
end
function done(summary, latency, requests)
  local total = 0
  for _, t in ipairs(threads) do total = total + t:get("non2xx") end
  local e = summary.errors
  io.write(string.format("RESULT %%d %%d %%d %%d %%d %%d\\n", summary.requests, summary.duration,
    latency:percentile(50), latency:percentile(99), total,
    e.connect + e.read + e.write + e.timeout))
end
"""


@dataclass
class LoadResult:
    requests: int
    seconds: float
    p50_ms: float
    p99_ms: float
    non_2xx: int
    socket_errors: int
    tool: str

    @property
    def rps(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0


def run_load(
    base: str, paths: list[str], *, seconds: int, connections: int, threads: int
) -> LoadResult:
    if shutil.which("wrk"):
        return _wrk(base, paths, seconds=seconds, connections=connections, threads=threads)
    return _python(base, paths, seconds=seconds, connections=min(connections, 8))


def _wrk(
    base: str, paths: list[str], *, seconds: int, connections: int, threads: int
) -> LoadResult:
    lua_paths = "{" + ", ".join(json.dumps(p) for p in paths) + "}"
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as handle:
        handle.write(LUA % {"paths": lua_paths})
        script = handle.name
    try:
        out = subprocess.run(
            [
                "wrk",
                f"-t{threads}",
                f"-c{connections}",
                f"-d{seconds}s",
                "--timeout",
                "5s",
                "-s",
                script,
                base,
            ],
            capture_output=True,
            text=True,
            timeout=seconds + 30,
            check=True,
        ).stdout
    finally:
        Path(script).unlink(missing_ok=True)
    found = re.search(r"RESULT (\d+) (\d+) (\d+) (\d+) (\d+) (\d+)", out)
    if not found:
        raise RuntimeError(f"wrk gave no result:\n{out}")
    requests, duration_us, p50_us, p99_us, non2xx, errors = map(int, found.groups())
    return LoadResult(
        requests, duration_us / 1e6, p50_us / 1000, p99_us / 1000, non2xx, errors, "wrk"
    )


def _python(base: str, paths: list[str], *, seconds: int, connections: int) -> LoadResult:
    host_port = base.split("://", 1)[1].rstrip("/")
    host, port = host_port.split(":")
    latencies: list[float] = []
    counts = {"non2xx": 0, "errors": 0}
    lock = threading.Lock()
    deadline = time.monotonic() + seconds

    def worker(offset: int) -> None:
        conn = http.client.HTTPConnection(host, int(port), timeout=5)
        mine: list[float] = []
        non2xx = errors = 0
        i = offset
        while time.monotonic() < deadline:
            path = paths[i % len(paths)]
            i += 1
            start = time.perf_counter()
            try:
                conn.request("GET", path)
                response = conn.getresponse()
                response.read()
                if not 200 <= response.status < 300:
                    non2xx += 1
            except (OSError, http.client.HTTPException):
                errors += 1
                conn.close()
                conn = http.client.HTTPConnection(host, int(port), timeout=5)
                continue
            mine.append(time.perf_counter() - start)
        with lock:
            latencies.extend(mine)
            counts["non2xx"] += non2xx
            counts["errors"] += errors

    started = time.monotonic()
    workers = [threading.Thread(target=worker, args=(n * 7,)) for n in range(connections)]
    for w in workers:
        w.start()
    for w in workers:
        w.join(seconds + 10)
    elapsed = time.monotonic() - started
    latencies.sort()

    def pct(p: float) -> float:
        return (
            latencies[min(len(latencies) - 1, int(len(latencies) * p))] * 1000 if latencies else 0
        )

    return LoadResult(
        len(latencies), elapsed, pct(0.5), pct(0.99), counts["non2xx"], counts["errors"], "python"
    )
