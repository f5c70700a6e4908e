"""Start and stop a real `rkg serve` subprocess (shared by the server and browser tests)."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import urllib.request
from pathlib import Path


def start_server(store: Path, *args: str, timeout: float = 60.0) -> tuple[subprocess.Popen, str]:
    """Start `rkg serve --port 0 …`; return the process and its base URL once it answers."""
    process = subprocess.Popen(
        [sys.executable, "-m", "repression_kg", "serve", "--store", str(store), "--port", "0",
         "--quiet", *args],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
        env=dict(os.environ, PYTHONUNBUFFERED="1"))
    deadline = time.monotonic() + timeout
    assert process.stderr is not None
    line = process.stderr.readline()
    if "rkg serve: http://" not in line:
        process.kill()
        raise RuntimeError(f"server did not start: {line}{process.stderr.read()}")
    url = line.split("rkg serve: ", 1)[1].split("/ ", 1)[0]
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url + "/health", timeout=5) as reply:
                if reply.status == 200:
                    return process, url
        except OSError:
            time.sleep(0.1)
    process.kill()
    raise RuntimeError("server did not answer /health in time")


def stop_server(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=10)
