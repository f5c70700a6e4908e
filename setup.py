"""Copy the model folders (ontology/, queries/) into the wheel as package data, and with
``RKG_COMPILE=1`` compile the extraction modules with mypyc.

The folders live at the top of the repository so that domain experts find them; an
installed wheel carries a copy under ``repression_kg/data/`` that
``repression_kg.resources`` falls back to.

Extraction is pure Python; its modules are typed tightly enough for mypyc, which makes
them about 1.25x faster (benchmarks/extract.py prints which build it measured). A compiled
build is for wheels only: an editable install would put the compiled modules beside the
sources, and edits to a ``.py`` file would no longer take effect.
"""

import os
import shutil
import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).parent
sys.path.insert(0, str(ROOT / "_build"))  # (pip puts it there; `python setup.py` does not)
from backend import PENDING, compiling  # noqa: E402  (what RKG_COMPILE asks, in one place)

MODEL_DIRS = ("ontology", "queries")
#: the modules mypyc compiles: the extractors, the lookups they read and the facts they
#: make (``__init__`` stays Python: it is the import-time list of extractors)
COMPILED = sorted(
    [p for p in (ROOT / "src" / "repression_kg" / "extract").glob("*.py")
     if p.name != "__init__.py"]
    + [ROOT / "src" / "repression_kg" / name for name in ("lookups.py", "facts.py")])


class BuildWithModel(build_py):
    def run(self) -> None:
        super().run()
        target = Path(self.build_lib) / "repression_kg" / "data"
        for name in MODEL_DIRS:
            src = ROOT / name
            if src.is_dir():
                shutil.copytree(src, target / name, dirs_exist_ok=True)


def _extensions() -> list:
    if not compiling() or os.environ.get(PENDING):
        return []  # (pending: the backend asks what to install, mypy is not there yet)
    if "editable_wheel" in sys.argv:
        sys.exit("RKG_COMPILE=1 builds wheels only: an editable install stays pure Python, "
                 "so that edits to the sources take effect")
    from mypyc.build import mypycify  # (mypy is a build requirement only when compiling)

    return mypycify([str(p.relative_to(ROOT)) for p in COMPILED], opt_level="3")


setup(cmdclass={"build_py": BuildWithModel}, ext_modules=_extensions())
