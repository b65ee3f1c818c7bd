"""A loose plugin for --plugins-dir tests: every sentence containing
"CHECKME" is a claim."""

import re

from claimtrack import Claim, hookimpl


@hookimpl
def extract_claims(document):
    return [
        Claim(text=m.group(), start=m.start(), end=m.end(), kind="reported", figures=[], dates=[])
        for m in re.finditer(r"[^.\n]*CHECKME[^.\n]*", document.text)
    ]
