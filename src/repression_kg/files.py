"""Writing files so that a crash never leaves half a file behind.

Every output of the project (exports, reports, generated ontology files, graph/) goes
through here: a temporary file beside the target, then ``os.replace``; on any error the
temporary file is removed and the old target stays as it was. Files get the mode a plain
``open()`` would give them (``tempfile`` alone makes them owner-only).
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def public_mode() -> int:
    """The mode a plain ``open()`` would give a new file (0o666 less the umask).

    >>> 0 < public_mode() <= 0o666
    True
    """
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


@contextmanager
def atomic_path(target: Path) -> Iterator[str]:
    """A temporary path beside ``target`` to write to; it replaces ``target`` when the
    block ends without an error, and is removed otherwise."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(fd)
    try:
        yield tmp
        os.chmod(tmp, public_mode())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_text(target: Path, text: str) -> Path:
    """Write ``text`` (UTF-8, ``\\n`` line ends) to ``target`` atomically."""
    with atomic_path(target) as tmp, open(tmp, "w", encoding="utf-8", newline="\n") as fh:
        fh.write(text)
    return target
