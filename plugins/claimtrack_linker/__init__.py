"""claimtrack_linker: the default linker ("fuzzy"), registered through the
``register_linkers`` hook. See :mod:`claimtrack_linker.fuzzy`."""

from __future__ import annotations

from claimtrack import Linker, hookimpl
from claimtrack_linker.fuzzy import link

FUZZY = Linker(
    name="fuzzy",
    link=link,
    default_threshold=77.0,
    description="Blocked rapidfuzz token-set matching of normalized text; negation kept apart, "
    "differing figures flagged.",
)


@hookimpl
def register_linkers(register) -> None:
    register(FUZZY)
