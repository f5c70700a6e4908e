"""The build backend: setuptools, plus mypy when a compiled build is asked for.

``RKG_COMPILE=1 pip install .`` (or ``pip wheel .``) compiles the extraction modules to C
with mypyc, the way black and mypy ship their wheels; setup.py lists them. mypyc comes
with mypy, so the build needs mypy only then, and an ordinary install stays pure Python.
"""

from __future__ import annotations

import os

from setuptools import build_meta as _setuptools
from setuptools.build_meta import *  # noqa: F403  (the PEP 517 hooks setuptools gives)

#: what a compiled build needs besides setuptools
COMPILE_REQUIRES = ["mypy>=1.10"]


def compiling() -> bool:
    return os.environ.get("RKG_COMPILE", "").strip().lower() in {"1", "true", "yes"}


#: set while setuptools reads setup.py for its own requirements, before mypy is installed
PENDING = "RKG_COMPILE_PENDING"


def get_requires_for_build_wheel(config_settings=None):  # noqa: ANN001, ANN201
    if not compiling():
        return _setuptools.get_requires_for_build_wheel(config_settings)
    os.environ[PENDING] = "1"
    try:
        base = _setuptools.get_requires_for_build_wheel(config_settings)
    finally:
        del os.environ[PENDING]
    return [*base, *COMPILE_REQUIRES]
