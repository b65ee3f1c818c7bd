"""claimtrack_linker: the default linker ("fuzzy"), registered through the
``register_linkers`` hook. See :mod:`claimtrack_linker.fuzzy`."""

from __future__ import annotations

from claimtrack import Linker, hookimpl


@hookimpl
def register_linkers(register) -> None:
    register(FUZZY)


# Imported after the hook is defined: loading the linker's lexicon normalizes
# its words through the plugin hooks, which loads the default plugins, this
# one included, while this module is still being imported. Had the hook not
# been defined by then, the plugin would be registered without it and no
# "fuzzy" linker would exist (a script that imported claimtrack_linker first
# found none).
from claimtrack_linker.fuzzy import check_similar, figures_differ, link  # noqa: E402

FUZZY = Linker(
    name="fuzzy",
    link=link,
    default_threshold=77.0,
    description="Blocked rapidfuzz token-set matching of normalized text; negation kept apart, "
    "differing figures flagged.",
    figures_differ=figures_differ,
    check_similar=check_similar,
)
