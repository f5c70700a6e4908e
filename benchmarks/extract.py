"""Extraction throughput, per-extractor cost, and worst-case lines (no catastrophic regexes).

    python benchmarks/extract.py                    # 1k and 10k synthetic 5 KB documents
    python benchmarks/extract.py --sizes 1000 --adversarial-mb 5 --profile

Single core, in process: each synthetic document goes through ingest (bytes → Document:
decode, repair, normalise) and ``extract_document``. What a process pays once (loading
the lookups, compiling the patterns) is timed first, on a document of its own, and
printed as the start-up. Prints documents/s, MB/s, the share
of each extractor, and peak memory (RSS high-water mark; ``--tracemalloc`` adds Python
heap peaks at some cost in speed). Then times a set of adversarial single lines of
``--adversarial-mb`` MB each through the whole pipeline, each in a child process that is
killed after ``--timeout`` seconds, so a catastrophic backtracking regex shows up as
"did not finish" instead of hanging the benchmark. Numbers are printed, never asserted.

It measures the installed package and says which build that is: pure Python (an
editable or ordinary install) or the mypyc-compiled modules of ``RKG_COMPILE=1 pip
install .``.
"""

from __future__ import annotations

import argparse
import cProfile
import multiprocessing as mp
import pstats
import resource
import sys
import time
import tracemalloc
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Literal

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import generate_documents  # noqa: E402

from repression_kg.extract import EXTRACTORS, Context  # noqa: E402
from repression_kg.facts import DocumentFacts  # noqa: E402
from repression_kg.ingest import document_from_bytes  # noqa: E402

ADVERSARIAL = {
    "letters": "a",
    "spaces": " ",
    "periods": ".",
    "abbreviations": "Art. Maj. A. ч. ст. ",
    "citations": "Article 30, Part 1, in conjunction with Article 205.5, Part 2, ",
    "digits": "1234567890.",
    "quotes": "«“‘\"",
    "capitalised words": "Ivan Petrov Sidorov Court ",
    "durations": "six and a half years and ",
    "html-ish": "<p><b>&amp;",
    "html unclosed tags": "<a <a title=\"x>",
    "mixed scripts": "Жилин Zhilin 鈥淲 205.5 ",
    "dates": "15 February 2023 in March ",
}


def run_pipeline(text_bytes: bytes, doc_id: str, timings: dict[str, float], *,
                 fmt: Literal["text", "markdown", "html"] = "text",
                 on_step: Callable[[str], None] | None = None) -> DocumentFacts:
    start = time.perf_counter()
    if on_step is not None:
        on_step("ingest")
    doc = document_from_bytes(text_bytes, doc_id=doc_id, fmt=fmt)
    now = time.perf_counter()
    timings["ingest"] += now - start
    ctx = Context(doc=doc, facts=DocumentFacts(document=doc.meta()))
    for step in EXTRACTORS:
        if on_step is not None:
            on_step(step.name)
        t0 = time.perf_counter()
        step.func(ctx)
        timings[step.name] += time.perf_counter() - t0
    return ctx.facts


def warm_up(size: int) -> float:
    """Extract one document of another seed, so that what every process pays once (the
    lookups loaded, the patterns compiled, pymorphy3's dictionaries opened) is timed on
    its own and not spread over the documents measured; its seconds."""
    (doc_id, text), = generate_documents(1, seed=1, size=size)
    start = time.perf_counter()
    run_pipeline(text.encode("utf-8"), f"warm-up-{doc_id}", defaultdict(float))
    return time.perf_counter() - start


def throughput(n: int, size: int, *, use_tracemalloc: bool) -> dict[str, float]:
    """Documents are made one at a time and only their extraction is timed, as `rkg
    extract` reads one file at a time: the peak memory is the extractor's, not that of a
    corpus held in memory."""
    timings: dict[str, float] = defaultdict(float)
    if use_tracemalloc:
        tracemalloc.start()
    facts = total_bytes = 0
    elapsed = 0.0
    for doc_id, text in generate_documents(n, seed=42, size=size):
        data = text.encode("utf-8")
        total_bytes += len(data)
        start = time.perf_counter()
        out = run_pipeline(data, doc_id, timings)
        elapsed += time.perf_counter() - start
        facts += sum(len(getattr(out, name)) for name in
                     ("persons", "charges", "sentences", "courts", "events", "organisations",
                      "places", "principles", "relations"))
    heap_peak = tracemalloc.get_traced_memory()[1] if use_tracemalloc else 0
    if use_tracemalloc:
        tracemalloc.stop()
    print(f"\n{n} documents, {total_bytes / 1e6:.1f} MB, {elapsed:.2f} s: "
          f"{n / elapsed:.0f} docs/s, {total_bytes / 1e6 / elapsed:.2f} MB/s, "
          f"{facts / n:.1f} facts/doc")
    for name, seconds in sorted(timings.items(), key=lambda kv: -kv[1]):
        print(f"  {name:<14} {seconds:7.2f} s  {100 * seconds / elapsed:5.1f}%  "
              f"{1000 * seconds / n:6.2f} ms/doc")
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"  peak RSS so far {rss:.0f} MiB"
          + (f"; Python heap peak {heap_peak / 2**20:.0f} MiB" if use_tracemalloc else ""))
    return {"docs_per_s": n / elapsed, "mb_per_s": total_bytes / 1e6 / elapsed}


def _adversarial_child(unit: str, mb: float, queue: mp.Queue) -> None:
    line = (unit * (int(mb * 1e6) // max(1, len(unit.encode("utf-8"))) + 1))
    data = line.encode("utf-8")[: int(mb * 1e6)]
    data = data.decode("utf-8", errors="ignore").encode("utf-8")
    timings: dict[str, float] = defaultdict(float)
    start = time.perf_counter()
    try:
        run_pipeline(data, "adversarial", timings, fmt="html" if "<" in unit else "text",
                     on_step=lambda name: queue.put(("step", name)))
        error = ""
    except Exception as exc:  # report, do not hide: the pipeline must not crash
        error = f"{type(exc).__name__}: {exc}"[:200]
    slowest = max(timings.items(), key=lambda kv: kv[1]) if timings else ("-", 0.0)
    queue.put(("done", (time.perf_counter() - start, slowest, error)))


def adversarial(mb: float, timeout: float, only: list[str] | None = None) -> None:
    print(f"\nadversarial single lines of {mb} MB (timeout {timeout:.0f} s each)")
    ctx = mp.get_context("fork")
    for name, unit in ADVERSARIAL.items():
        if only and name not in only:
            continue
        queue: mp.Queue = ctx.Queue()
        proc = ctx.Process(target=_adversarial_child, args=(unit, mb, queue))
        proc.start()
        proc.join(timeout)
        step, result = "?", None
        while True:  # the last step the child announced, and its result if it finished
            try:
                kind, value = queue.get(timeout=1)
            except Exception:
                break
            if kind == "step":
                step = value
            else:
                result = value
        if proc.is_alive():
            proc.kill()
            proc.join()
            print(f"  {name:<18} DID NOT FINISH in {timeout:.0f} s (stuck in: {step})")
            continue
        if result is None:
            print(f"  {name:<18} child died (exit {proc.exitcode}) in {step}")
            continue
        seconds, (slow_name, slow_s), error = result
        note = f"  ERROR {error}" if error else ""
        print(f"  {name:<18} {seconds:7.2f} s  (slowest: {slow_name} {slow_s:.2f} s){note}")


def profile(n: int, size: int) -> None:
    docs = [(i, t.encode("utf-8")) for i, t in generate_documents(n, seed=7, size=size)]
    timings: dict[str, float] = defaultdict(float)
    prof = cProfile.Profile()
    prof.enable()
    for doc_id, data in docs:
        run_pipeline(data, doc_id, timings)
    prof.disable()
    print(f"\ncProfile over {n} documents, top 20 by cumulative time:")
    pstats.Stats(prof).sort_stats("cumulative").print_stats(20)


def build_kind() -> str:
    """Which build of the extractors runs: the mypyc-compiled one (``RKG_COMPILE=1 pip
    install .``) or pure Python (an editable install, or an ordinary one)."""
    from repression_kg.extract import base

    compiled = Path(base.__file__).suffix in {".so", ".pyd"}
    return f"compiled with mypyc ({base.__file__})" if compiled else "pure Python"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--doc-size", type=int, default=5000, help="characters per document")
    parser.add_argument("--adversarial-mb", type=float, default=5.0)
    parser.add_argument("--timeout", type=float, default=300.0)
    parser.add_argument("--tracemalloc", action="store_true")
    parser.add_argument("--profile", action="store_true", help="cProfile 300 documents")
    parser.add_argument("--skip-adversarial", action="store_true")
    parser.add_argument("--only", nargs="+", choices=sorted(ADVERSARIAL), metavar="CASE",
                        help="adversarial cases to run (default: all)")
    args = parser.parse_args()
    print(f"extractors: {', '.join(e.name for e in EXTRACTORS)}")
    print(f"build: {build_kind()}")
    print(f"start-up (the first document: lookups loaded, patterns compiled): "
          f"{warm_up(args.doc_size):.2f} s")
    for n in args.sizes:
        throughput(n, args.doc_size, use_tracemalloc=args.tracemalloc)
    if args.profile:
        profile(300, args.doc_size)
    if not args.skip_adversarial:
        adversarial(args.adversarial_mb, args.timeout, args.only)


if __name__ == "__main__":
    main()
