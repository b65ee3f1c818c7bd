"""Fact-check ratings: the label a reviewer wrote, and its place on one scale.

Every fact-checker words verdicts its own way ("زائف", "مضلل", "Pants on
Fire", "Four Pinocchios"). claimtrack keeps the label as written and maps it
to one of six points so reviews from many desks can be compared and
exported as ClaimReview with a numeric ``ratingValue``:

=============  ============  =================================================
scale          ratingValue   meaning
=============  ============  =================================================
true           5             accurate, nothing significant missing
mostly true    4             accurate but needs clarification
mixture        3             partly accurate, partly not
mostly false   2             misleading, exaggerated, out of context
false          1             inaccurate, fabricated, altered
other          (none)        unverifiable, satire, opinion: no truth value
=============  ============  =================================================

:data:`LABELS` is the table of known labels (Arabic and English); plugins add
theirs through the ``register_rating_labels`` hook. Labels are matched after
:func:`claimtrack.normalize.normalize` (case, diacritics, hamza and ta
marbuta forms, punctuation do not matter).
"""

from __future__ import annotations

from collections.abc import Iterable

from claimtrack.normalize import normalize

#: The scale, best first.
SCALE: tuple[str, ...] = ("true", "mostly true", "mixture", "mostly false", "false", "other")

#: ClaimReview ``ratingValue`` of each graded point (``other`` has none),
#: on a 1 (worst) to 5 (best) range.
RATING_VALUES: dict[str, int] = {"true": 5, "mostly true": 4, "mixture": 3, "mostly false": 2, "false": 1}
BEST_RATING, WORST_RATING = 5, 1


def _labels(scale: str, words: str) -> dict[str, str]:
    return {label.strip(): scale for label in words.split("|") if label.strip()}


#: Known labels by scale point, as fact-checkers write them.
LABELS: dict[str, str] = {
    **_labels(
        "true",
        "true|correct|accurate|verified|confirmed|fact|real|genuine|authentic|"
        "صحيح|صحيحة|حقيقي|حقيقية|دقيق|دقيقة|مؤكد|مؤكدة|صادق|صادقة|موثوق",
    ),
    **_labels(
        "mostly true",
        "mostly true|mostly correct|largely accurate|mostly accurate|true but|correct but|"
        "needs clarification|one pinocchio|"
        "صحيح في معظمه|صحيح الى حد كبير|صحيح إلى حد ما|صحيح غالبا|صحيح مع تحفظ|يحتاج توضيحا|"
        "صحيح نسبيا|صحيح ولكن",
    ),
    **_labels(
        "mixture",
        "mixture|mixed|half true|half-true|partly true|partly false|partially true|partially false|"
        "partly correct|two pinocchios|mixed evidence|"
        "نصف صحيح|نصف حقيقة|صحيح جزئيا|صحيح جزئياً|خطأ جزئيا|زائف جزئيا|مختلط|مزيج|منقوص|"
        "بين الصحة والخطأ",
    ),
    **_labels(
        "mostly false",
        "mostly false|misleading|exaggerated|exaggeration|out of context|missing context|"
        "lacks context|needs context|distorted|deceptive|cherry picked|spins the facts|inaccurate|"
        "not accurate|three pinocchios|mostly inaccurate|"
        "مضلل|مضللة|خادع|خادعة|مبالغ فيه|مبالغ فيها|مبالغة|غير دقيق|غير دقيقة|خارج السياق|"
        "منزوع من سياقه|مجتزأ|مجتزا|ينقصه السياق|يفتقر للسياق|عنوان مضلل|محرف جزئيا|"
        "زائف في معظمه|خاطئ في معظمه",
    ),
    **_labels(
        "false",
        "false|fake|wrong|incorrect|untrue|fabricated|hoax|pants on fire|pants on fire!|"
        "four pinocchios|altered|doctored|manipulated|baseless|debunked|not true|"
        "زائف|زائفة|كاذب|كاذبة|كذب|خاطئ|خاطئة|خطأ|غير صحيح|غير صحيحة|ملفق|ملفقة|مفبرك|مفبركة|"
        "مزيف|مزيفة|محرف|محرفة|مختلق|مختلقة|شائعة|إشاعة|لا أساس له|عار عن الصحة",
    ),
    **_labels(
        "other",
        "unverifiable|unproven|unverified|unsupported|no evidence|not enough evidence|satire|"
        "opinion|research in progress|outdated|legend|labeled satire|"
        "غير مؤكد|غير مؤكدة|غير مثبت|لا يمكن التحقق|لا يمكن التحقق منه|غير قابل للتحقق|"
        "ساخر|ساخرة|سخرية|رأي|قيد التحقق|لا دليل",
    ),
}


def label_key(label: str) -> str:
    """The form labels are compared in (case, diacritics, letter variants
    and punctuation folded away)."""
    return normalize(label)


class Ratings:
    """The label table in force: :data:`LABELS` plus what plugins add."""

    def __init__(self, labels: dict[str, str] | None = None) -> None:
        self._table: dict[str, str] = {}
        self.add(labels if labels is not None else LABELS)

    def add(self, labels: dict[str, str] | Iterable[tuple[str, str]]) -> None:
        """Map more labels; a later mapping of the same label wins."""
        items = labels.items() if isinstance(labels, dict) else labels
        for label, scale in items:
            if scale not in SCALE:
                raise ValueError(f"rating scale must be one of {', '.join(SCALE)}: {scale!r}")
            self._table[label_key(label)] = scale

    def scale_of(self, label: str | None) -> str | None:
        """The scale point of ``label``, or None when it is not known.

        A label that is not in the table as a whole ("This claim is false")
        is placed by the known labels inside it, longest first, when every
        one of them points to the same scale point; anything ambiguous
        ("true, but misleading") stays unknown rather than guessed.
        """
        if not label:
            return None
        key = label_key(label)
        if key in self._table:
            return self._table[key]
        words = key.split()
        found: list[tuple[int, int, str]] = []  # (start, end, scale)
        for size in range(min(len(words), 6), 0, -1):
            for start in range(len(words) - size + 1):
                end = start + size
                if any(s < end and start < e for s, e, _ in found):
                    continue  # inside a longer known label
                scale = self._table.get(" ".join(words[start:end]))
                if scale is not None:
                    found.append((start, end, scale))
        scales = {scale for _, _, scale in found}
        return scales.pop() if len(scales) == 1 else None

    def from_value(self, value: float, best: float | None, worst: float | None) -> str | None:
        """A numeric rating placed on the scale by where it lies between
        ``worst`` and ``best`` (ClaimReview's defaults: 1 and 5)."""
        best = 5 if best is None else best
        worst = 1 if worst is None else worst
        if best == worst or not min(best, worst) <= value <= max(best, worst):
            return None
        position = (value - worst) / (best - worst)  # 0 worst .. 1 best
        return SCALE[4 - round(position * 4)]

    def __len__(self) -> int:
        return len(self._table)


_cached: tuple[tuple[object, ...], Ratings] | None = None


def get_ratings() -> Ratings:
    """:data:`LABELS` with every plugin's ``register_rating_labels`` additions.

    Built once per set of implementing plugins (importing thousands of
    reviews asks for every one of them), again when a plugin is added."""
    global _cached
    from claimtrack.plugins import get_plugin_manager

    caller = get_plugin_manager().hook.register_rating_labels
    key = (caller, *(impl.plugin for impl in caller.get_hookimpls()))
    if _cached is not None and _cached[0] == key:
        return _cached[1]
    ratings = Ratings()
    caller(register=lambda label, scale: ratings.add({label: scale}))
    _cached = (key, ratings)
    return ratings
