"""Property tests over every extractor, the figure grammar, the date
finders and the normalizer (bench/fuzz_targets.py): no input makes them
raise, and none takes more than linear time."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))

from fuzz_targets import ADVERSARIAL, SEPARATORS, TEXT_TARGETS, corpus_words, growth

token = st.one_of(
    st.sampled_from(corpus_words()),
    st.text(max_size=3),
    st.integers(min_value=0, max_value=10**20).map(str),
)
texts = st.lists(st.tuples(token, st.sampled_from(SEPARATORS)), max_size=50).map(
    lambda pairs: "".join(a + b for a, b in pairs)
)
FUZZ = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@pytest.mark.parametrize("target", sorted(TEXT_TARGETS))
@FUZZ
@given(text=texts)
def test_never_raises(target, text):
    TEXT_TARGETS[target](text)


@pytest.mark.parametrize("target", sorted(TEXT_TARGETS))
@FUZZ
@given(text=st.text(max_size=200))
def test_never_raises_on_arbitrary_unicode(target, text):
    TEXT_TARGETS[target](text)


#: Per target, the pattern that costs it most (bench/reliability.py runs
#: every pattern, on larger inputs).
WORST = [
    "open quotes",
    "attribution",
    "figures",
    "no spaces",
    "letter run",
    "countries",
    "places",
    "promises",
    "periods",
]


@pytest.mark.timeout(120)
@pytest.mark.parametrize("target", sorted(TEXT_TARGETS))
def test_time_grows_linearly(target):
    """8x the input may take at most 12x the time (CPU time, median of
    three ratios: robust against other processes' load)."""
    slow = {name: growth(TEXT_TARGETS[target], ADVERSARIAL[name], 600) for name in WORST}
    assert max(slow.values()) <= 12, slow
