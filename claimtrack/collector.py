"""Pausing Python's cycle collector around work that makes many objects
and no garbage cycles: imports and linking.

The collector runs every few hundred allocations, and each of its older
passes walks every object still alive. Work that keeps many objects alive
while it allocates (a commit group's documents, a store's claims and their
links) pays for those walks again and again, for nothing freed: such
objects go by reference counting. :func:`collector_paused` turns automatic
collection off for a block and puts it back as it was; the caller collects
at the points where what it held has been let go, if anything can leave
cycles behind.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


@contextlib.contextmanager
def collector_paused() -> Iterator[bool]:
    """Automatic cycle collection off in the block, as it was after. Yields
    whether it was on before: whether the caller should collect itself."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield enabled
    finally:
        if enabled:
            gc.enable()
