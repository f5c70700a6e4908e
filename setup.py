"""Copy the model folders (ontology/, queries/) into the wheel as package data.

The folders live at the top of the repository so that domain experts find them; an
installed wheel carries a copy under ``repression_kg/data/`` that
``repression_kg.resources`` falls back to.
"""

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).parent
MODEL_DIRS = ("ontology", "queries")


class BuildWithModel(build_py):
    def run(self) -> None:
        super().run()
        target = Path(self.build_lib) / "repression_kg" / "data"
        for name in MODEL_DIRS:
            src = ROOT / name
            if src.is_dir():
                shutil.copytree(src, target / name, dirs_exist_ok=True)


setup(cmdclass={"build_py": BuildWithModel})
