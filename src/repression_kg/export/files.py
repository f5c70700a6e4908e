"""File helpers shared by the exports."""

from __future__ import annotations

import os


def public_mode() -> int:
    """The mode a plain ``open()`` would give a new file (0o666 less the umask).

    ``tempfile.mkstemp`` creates files readable by their owner only; an export moved into
    place from one would stay unreadable to a web server or a colleague.

    >>> 0 < public_mode() <= 0o666
    True
    """
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask
