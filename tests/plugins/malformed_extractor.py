"""A plugin that returns a claim whose span does not match its text, and a
non-claim: both are reported and dropped."""

from claimtrack import Claim, hookimpl


@hookimpl
def extract_claims(document):
    return [Claim(text="not in the document", start=0, end=5), "not a claim"]
