"""The compiled build (``RKG_COMPILE=1``, mypyc) extracts exactly what pure Python does.

mypyc turns annotations into runtime checks, so a ``str`` that is really ``str | None``
raises in the compiled build alone. This test builds the extraction modules from a copy of
the checkout, as setup.py does for a wheel, and compares the facts of the whole corpus
(and the seeds, when ../shared exists) with the pure build's, line for line.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from tests.conftest import CORPUS, ROOT, SEEDS

pytestmark = pytest.mark.slow

#: what a build from a copy of the checkout needs
TREE = ("src", "ontology", "queries", "_build", "setup.py", "pyproject.toml", "README.md")

#: prints the facts of every document named on the command line, one JSON line each, and
#: first the file the extraction base module was loaded from
_RUN = """
import sys
from pathlib import Path
from repression_kg.extract import base, extract_document
from repression_kg.facts import DocumentFacts
from repression_kg.ingest import read_document
print(base.__file__)
for name in sys.argv[1:]:
    line = extract_document(read_document(Path(name))).to_json()
    assert DocumentFacts.from_json(line).to_json() == line, name  # (facts.py is compiled too)
    print(line)
"""


def _compiler_missing() -> str | None:
    try:
        import mypyc.build  # noqa: F401
    except ImportError:
        return "mypy (for mypyc) is not installed: pip install mypy"
    if not (shutil.which("cc") or shutil.which("gcc")):
        return "no C compiler on the machine (mypyc writes C)"
    return None


@pytest.fixture(scope="module")
def compiled_src(tmp_path_factory: pytest.TempPathFactory) -> Path:
    reason = _compiler_missing()
    if reason:
        pytest.skip(reason)
    copy = tmp_path_factory.mktemp("compiled")
    for name in TREE:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, copy / name,
                            ignore=shutil.ignore_patterns("__pycache__", "*.so"))
        else:
            shutil.copy2(source, copy / name)
    env = {**os.environ, "RKG_COMPILE": "1"}
    done = subprocess.run([sys.executable, "setup.py", "build_ext", "--inplace"], cwd=copy,
                          env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    return copy / "src"


def _facts(src: Path, paths: list[Path]) -> list[str]:
    env = {**os.environ, "PYTHONPATH": str(src)}
    done = subprocess.run([sys.executable, "-c", _RUN, *map(str, paths)], env=env,
                          capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 0, done.stderr[-3000:]
    return done.stdout.splitlines()


def _documents() -> list[Path]:
    paths = sorted(p for p in CORPUS.iterdir() if p.suffix in {".txt", ".md", ".html"})
    if SEEDS is not None and SEEDS.is_dir():
        paths += sorted(SEEDS.glob("*.txt"))
    return paths


def test_compiled_build_gives_the_facts_of_the_pure_build(compiled_src: Path) -> None:
    paths = _documents()
    compiled = _facts(compiled_src, paths)
    pure = _facts(ROOT / "src", paths)
    assert compiled[0].endswith(".so"), f"the compiled build loaded {compiled[0]}"
    assert pure[0].endswith(".py")
    assert len(compiled) == len(pure) == len(paths) + 1
    for path, got, want in zip(paths, compiled[1:], pure[1:], strict=True):
        assert got == want, f"{path.name}: the compiled build extracts other facts"


def test_editable_compiled_install_is_refused(tmp_path: Path) -> None:
    """An editable install would put compiled modules beside the sources, where they
    shadow every later edit; setup.py says so instead."""
    done = subprocess.run([sys.executable, str(ROOT / "setup.py"), "editable_wheel"],
                          cwd=ROOT, env={**os.environ, "RKG_COMPILE": "1"},
                          capture_output=True, text=True)
    assert done.returncode != 0
    assert "editable install stays pure Python" in done.stderr
