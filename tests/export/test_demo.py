"""`rkg demo` on a three-document corpus: every step runs, the outputs exist, and it says
where to open them."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from repression_kg.resources import repo_root

pytestmark = pytest.mark.slow
DOCUMENTS = ("24_zhilin-kazakhstan.html", "97_zhilin-ru.txt", "03_kara-murza-sentence.txt")


def test_demo_writes_every_output_and_prints_where(tmp_path: Path) -> None:
    root = repo_root()
    if root is None or not (root / "corpus").is_dir():
        pytest.skip("needs a checkout with corpus/")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name in DOCUMENTS:
        shutil.copy(root / "corpus" / name, corpus / name)
    exports = tmp_path / "exports"
    done = subprocess.run(
        [sys.executable, "-m", "repression_kg", "demo", "--corpus", str(corpus),
         "--store", str(tmp_path / "store"), "--exports", str(exports)],
        capture_output=True, text=True, timeout=600, check=False)
    assert done.returncode == 0, done.stderr[-3000:]
    for path in ("analysis/report.md", "analysis/report.html", "site/index.html",
                 "overview.html", "statutes.html", "transfers.html", "principles.html"):
        assert (exports / path).is_file(), path
        assert (exports / path).stat().st_mode & 0o044, f"{path} is readable by its owner only"
        assert (exports / path).resolve().as_uri() in done.stderr
    # the headline queries print readable columns, not IRIs
    assert "Mikhail Zhilin" in done.stdout and "Kazakhstan" in done.stdout.title()
    assert "/id/person/" not in done.stdout and "id:person/" not in done.stdout
    report = (exports / "analysis" / "report.md").read_text(encoding="utf-8")
    assert "## Transfer flows" in report and "Source: `rkg query transfers`" in report
