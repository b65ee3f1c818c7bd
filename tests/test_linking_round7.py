"""The linker's seventh round: a year is a fact of the claim (a changed
year is a changed fact), and an English compound written with a hyphen is
the word another outlet writes without one."""

from __future__ import annotations

from claimtrack_linker import fuzzy

from claimtrack import LinkClaim, link_claims


def claim(claim_id, text, language="en", **kw):
    return LinkClaim(claim_id, text, language, **kw)


def compared(*texts: str, language: str = "en") -> list[list[str]]:
    strings, _ = fuzzy.read_claims([claim(str(i), t, language) for i, t in enumerate(texts)])
    return [s.split() for s in strings]


def test_a_changed_year_is_a_changed_fact():
    result = link_claims(
        [
            claim("a", "The first judicial elections will be held in June 2025"),
            claim("b", "The first judicial elections will be held in June 2027"),
        ]
    )
    assert result.clusters == []
    assert [(link.conflict, link.evidence["changed"]) for link in result.links] == [
        ("changed", ["#2025", "#2027"])
    ]


def test_a_changed_year_in_arabic_is_a_changed_fact():
    result = link_claims(
        [
            claim("a", "الإمارات ستطلق مسبارا إلى كوكب الزهرة في 2028", "ar"),
            claim("b", "الإمارات ستطلق مسبارا إلى كوكب الزهرة في ٢٠٣٠", "ar"),
        ]
    )
    assert result.clusters == [] and [link.conflict for link in result.links] == ["changed"]


def test_the_same_year_is_no_shared_word_but_a_year_left_out_is_no_change():
    texts = ("Egypt's wheat imports rose sharply in 2023", "Egyptian wheat imports rose sharply in 2023")
    a, b = compared(*texts)
    assert "#2023" in a and "#2023" in b
    result = link_claims([claim("a", texts[0]), claim("b", texts[1])])
    assert result.clusters == [["a", "b"]]
    # The year is in both, but a year is no shared word.
    assert result.links[0].evidence["shared_words"] == len(set(a) & set(b)) - 1
    # One outlet gives the year, the other does not: one claim.
    result = link_claims(
        [
            claim("a", "Saudi Arabia will host the Asian Cup football finals in 2027"),
            claim("b", "Saudi Arabia will host the Asian Cup football finals"),
        ]
    )
    assert result.clusters == [["a", "b"]] and result.links[0].conflict is None


def test_a_count_is_no_year():
    figures, years = fuzzy._numbers(
        "added 2 million jobs since 2020 and 12 more",
        frozenset(),
        "added 2 million jobs since 2020 and 12 more",
    )
    assert [f.value for f in figures] == [2e6, 12.0] and years == ["#2020"]
    assert fuzzy._numbers("it cost 1.5 billion", frozenset(), "it cost 1.5 billion") == (
        [fuzzy.Figure("1.5", 0, 0, 1.5e9, unit=fuzzy.BARE)],
        [],
    )


def test_a_hyphenated_compound_is_the_word_written_whole_elsewhere():
    texts = (
        "The main mission of the CSTO peace-keeping forces in Kazakhstan has been completed",
        "The main mission of the CSTO peacekeeping forces in Kazakhstan has been completed",
    )
    a, b = compared(*texts)
    assert a == b and "peacekeep" in a
    result = link_claims([claim("a", texts[0]), claim("b", texts[1])])
    assert result.clusters == [["a", "b"]] and result.links[0].conflict is None
    # Whichever claim comes first.
    assert compared(texts[1], texts[0])[0] == compared(texts[1], texts[0])[1]


def test_a_compound_nobody_writes_whole_keeps_its_parts():
    # "Haiti-based" is two words unless a claim writes "haitibased";
    # a name every outlet hyphenates stays as written by all of them.
    a, b = compared("A Haiti-based group said it left Port-au-Prince", "The group left Port-au-Prince")
    assert "haiti" in a and "base" in a
    assert [w for w in a if w in b] == [w for w in b if w in a]
    # A cease-fire is not a wildfire, once another claim says ceasefire.
    a, b = compared("Both sides agreed a cease-fire on Sunday", "Both sides agreed a ceasefire on Sunday")
    assert a == b


def test_compounds_join_only_latin_letters():
    # Digits and Arabic around a hyphen are no compound.
    assert fuzzy._COMPOUND.findall("the 2023-24 season of COVID-19 in غزة-رفح") == []


def test_a_count_written_with_a_thousands_separator_is_no_year():
    """Normalizing reads "2,050" as "2050": the raw text tells a count."""
    for a, b in [("2,050", "2,100"), ("٢٬٠٥٠", "٢٬١٠٠"), ("1,950", "1,980")]:
        result = link_claims(
            [
                claim("a", f"The death toll from the earthquake rose to {a} on Tuesday"),
                claim("b", f"The death toll from the earthquake rose to {b} on Tuesday"),
            ]
        )
        assert result.clusters == [["a", "b"]], (a, b)
        assert [link.conflict for link in result.links] == ["figure"], (a, b)
    # The text as the claim reads it once: its digits of any script as ASCII.
    assert fuzzy._written_as_year("2050", fuzzy._Written("in ٢٠٥٠ the plan ends").digits)
    assert not fuzzy._written_as_year("2050", fuzzy._Written("rose to 2,050 people").digits)
    assert not fuzzy._written_as_year("1950", fuzzy._Written("the index closed at 1.950").digits)


def test_a_compound_is_one_word_however_the_claims_write_it():
    """Once one claim writes it whole, "cease-fire" and "cease fire" are
    that word too: a third claim's spelling does not part the other two."""
    texts = [
        "The cease-fire between the two sides held overnight in Gaza",
        "The cease fire between the two sides held overnight in Gaza",
        "A ceasefire was agreed in Sudan",
    ]
    words = compared(*texts)
    assert "ceasefir" in words[0] and words[0] == words[1]
    result = link_claims([claim(str(i), t) for i, t in enumerate(texts)])
    assert result.clusters == [["0", "1"]] and result.links[0].conflict is None
