"""A small pool of worker processes, each with the store open, that can be killed.

Neither rdflib nor pyoxigraph can stop a running query from inside the process, so each
query runs in a worker process. When a job overruns its time limit the worker is killed
(the caller gets :class:`JobTimeout`) and a fresh one is started in the background; the
other workers keep answering. The idle queue doubles as the concurrency cap: a caller
that finds no idle worker within ``wait`` seconds gets :class:`Busy`.
"""

from __future__ import annotations

import contextlib
import multiprocessing as mp
import os
import queue
import threading
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from repression_kg.serve.jobs import Reply, error


class Busy(Exception):
    """Every worker is busy."""


class JobTimeout(Exception):
    """The job ran past its time limit and its worker was killed."""


def _worker_main(conn: Connection, store_path: str, writable: bool) -> None:
    from repression_kg.serve import jobs
    from repression_kg.store import StoreError, open_store

    try:
        store = open_store(store_path, read_only=not writable)
    except StoreError as exc:
        conn.send(("failed", str(exc)))
        return
    conn.send(("ready", os.getpid()))
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        conn.send(jobs.run(store, job))


@dataclass(eq=False)
class Worker:
    process: mp.process.BaseProcess
    conn: Connection

    def kill(self) -> None:
        with contextlib.suppress(Exception):
            self.process.kill()
            self.process.join(5)
        with contextlib.suppress(Exception):
            self.conn.close()


class WorkerPool:
    def __init__(self, store_path: Path, size: int, *, writable: bool = False,
                 start_timeout: float = 60.0) -> None:
        self.store_path = str(store_path)
        self.writable = writable
        self.size = size
        self.start_timeout = start_timeout
        self._ctx = mp.get_context("spawn")
        self._idle: queue.Queue[Worker] = queue.Queue()
        self._all: set[Worker] = set()
        self._lock = threading.Lock()
        self._closed = False
        launched = [self._launch() for _ in range(size)]  # start together, then wait
        try:
            for worker in launched:
                self._idle.put(self._await(worker))
        except RuntimeError:
            for worker in launched:
                worker.kill()
            raise

    def _launch(self) -> Worker:
        parent, child = self._ctx.Pipe()
        process = self._ctx.Process(target=_worker_main, daemon=True, name="rkg-sparql-worker",
                                    args=(child, self.store_path, self.writable))
        process.start()
        child.close()
        return Worker(process, parent)

    def _await(self, worker: Worker) -> Worker:
        if not worker.conn.poll(self.start_timeout):
            worker.kill()
            raise RuntimeError("a query worker did not start in time")
        try:
            status, detail = worker.conn.recv()
        except EOFError:
            status, detail = "failed", "it exited"
        if status != "ready":
            worker.kill()
            raise RuntimeError(f"a query worker could not open the store: {detail}")
        with self._lock:
            self._all.add(worker)
        return worker

    def _start(self) -> Worker:
        return self._await(self._launch())

    def _replace(self, worker: Worker) -> None:
        """Kill ``worker`` and start its successor in the background."""
        with self._lock:
            self._all.discard(worker)
        worker.kill()

        def respawn() -> None:
            if self._closed:
                return
            try:
                self._idle.put(self._start())
            except RuntimeError:
                threading.Timer(1.0, respawn).start()

        threading.Thread(target=respawn, daemon=True).start()

    def run(self, job: dict[str, Any], *, timeout: float, wait: float = 0.0) -> Reply:
        """Run one job on an idle worker; raise Busy or JobTimeout."""
        try:
            worker = self._idle.get(timeout=wait) if wait > 0 else self._idle.get_nowait()
        except queue.Empty:
            raise Busy() from None
        try:
            worker.conn.send(job)
            if not worker.conn.poll(timeout):
                self._replace(worker)
                raise JobTimeout()
            reply: Reply = worker.conn.recv()
        except (EOFError, OSError, BrokenPipeError):
            self._replace(worker)
            return error(500, "the query worker died; it has been restarted", "worker")
        self._idle.put(worker)
        return reply

    def recycle(self) -> None:
        """Restart every idle worker (after an update, so read-only workers see it)."""
        for _ in range(self._idle.qsize()):
            try:
                worker = self._idle.get_nowait()
            except queue.Empty:
                return
            self._replace(worker)

    def close(self) -> None:
        self._closed = True
        with self._lock:
            workers = list(self._all)
            self._all.clear()
        for worker in workers:
            worker.kill()
