"""The qualifier vocabulary: the one place that says which words hedge a
figure, and what each hedge is called.

A figure's ``qualifier`` is one of :data:`QUALIFIERS`, whatever the language:

``approximately``
    نحو، حوالي، زهاء، ما يقارب، في حدود، تقريبا؛ about, around, roughly,
    approximately, some, an estimated; also every vague magnitude ("عشرات",
    "thousands of") unless the text hedges it otherwise.
``nearly``
    قرابة، ما يقرب من، ما يناهز؛ nearly, almost, close to, just under.
``more than``
    أكثر من، ما يزيد على/عن، أزيد من، ما يربو على، يفوق، فوق؛ more than,
    over, above, in excess of, upwards of. ("over" is "more than".)
``less than``
    أقل من، ما دون، دون، ما يقل عن؛ less than, fewer than, under, below.
``at least``
    على الأقل (before or after)، ما لا يقل عن، كحد أدنى؛ at least, no fewer
    than, no less than, a minimum of, "... or more".
``at most``
    على الأكثر، ما لا يزيد عن/على، كحد أقصى؛ at most, no more than, a maximum
    of, "... or fewer".
``up to``
    ما يصل إلى، حتى؛ up to, as many as, as much as.
``may increase``
    after the figure: وقد يزداد، قد يرتفع، مرشح للارتفاع، وربما أكثر؛ and may
    rise, could increase, and counting, and rising.

A qualifier before the figure ("أكثر من 2500 شخص") and one right after it
("10 قتلى على الأقل", "2500 شخص وقد يزداد") are both part of the figure's
span. When there are both, the one before wins.
"""

from __future__ import annotations

from .words import fold_word

QUALIFIERS = (
    "approximately",
    "nearly",
    "more than",
    "less than",
    "at least",
    "at most",
    "up to",
    "may increase",
)

_BEFORE = {
    "approximately": [
        "نحو",
        "حوالي",
        "حوالى",
        "زهاء",
        "ما يقارب",
        "يقارب",
        "في حدود",
        "تقريبا",
        "about",
        "around",
        "approximately",
        "approx",
        "roughly",
        "some",
        "circa",
        "an estimated",
        "estimated",
        "in the region of",
        "on the order of",
    ],
    "nearly": [
        "قرابة",
        "ما يقرب من",
        "يقرب من",
        "ما يناهز",
        "يناهز",
        "nearly",
        "almost",
        "close to",
        "just under",
        "just shy of",
        "approaching",
    ],
    "more than": [
        "أكثر من",
        "ما يزيد على",
        "ما يزيد عن",
        "يزيد على",
        "يزيد عن",
        "أزيد من",
        "ما يربو على",
        "ما يربو عن",
        "يربو على",
        "ما يفوق",
        "يفوق",
        "فوق",
        "more than",
        "over",
        "above",
        "in excess of",
        "upwards of",
        "just over",
        "well over",
    ],
    "less than": [
        "أقل من",
        "ما دون",
        "دون",
        "ما يقل عن",
        "يقل عن",
        "less than",
        "fewer than",
        "under",
        "below",
    ],
    "at least": [
        "على الأقل",
        "ما لا يقل عن",
        "ما لا يقل على",
        "لا يقل عن",
        "at least",
        "no fewer than",
        "no less than",
        "not less than",
        "a minimum of",
    ],
    "at most": [
        "على الأكثر",
        "ما لا يزيد عن",
        "ما لا يزيد على",
        "لا يزيد عن",
        "كحد أقصى",
        "at most",
        "no more than",
        "not more than",
        "a maximum of",
    ],
    "up to": ["ما يصل إلى", "ما يصل الى", "حتى", "up to", "as many as", "as much as", "as high as"],
}

_AFTER = {
    "approximately": ["تقريبا", "or so"],
    "at least": ["على الأقل", "كحد أدنى", "at least", "or more"],
    "at most": ["على الأكثر", "كحد أقصى", "at most", "at the most", "or fewer", "or less"],
    "may increase": [
        *(
            f"{and_}قد {verb}"
            for and_ in ("", "و")
            for verb in ("يزداد", "تزداد", "يرتفع", "ترتفع", "يزيد", "تزيد")
        ),
        *(f"{adj} {noun}" for adj in ("مرشح", "مرشحة", "قابل", "قابلة") for noun in ("للارتفاع", "للزيادة")),
        "وربما أكثر",
        "and may rise",
        "and may increase",
        "and may grow",
        "and could rise",
        "and could increase",
        "and could grow",
        "and is expected to rise",
        "and is likely to rise",
        "may rise",
        "could rise",
        "and rising",
        "and counting",
    ],
}


def _index(table: dict[str, list[str]]) -> dict[str, list[tuple[tuple[str, ...], str]]]:
    """Phrases by their first folded word, longest first."""
    index: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for qualifier, phrases in table.items():
        for phrase in phrases:
            words = tuple(fold_word(w) for w in phrase.split())
            index.setdefault(words[0], []).append((words, qualifier))
    for entries in index.values():
        entries.sort(key=lambda entry: -len(entry[0]))
    return index


#: Qualifiers written before a figure, by first folded word.
BEFORE: dict[str, list[tuple[tuple[str, ...], str]]] = _index(_BEFORE)
#: Qualifiers written right after a figure, by first folded word.
AFTER: dict[str, list[tuple[tuple[str, ...], str]]] = _index(_AFTER)
#: Clitics the first word of an Arabic qualifier may carry: "بنحو 5%",
#: "وأكثر من", "لأقل من".
QUALIFIER_PREFIXES = ("", "و", "ب", "ل", "وب", "ول", "ف")
#: The qualifier of a vague magnitude ("عشرات القتلى") the text does not hedge.
VAGUE = "approximately"
