"""A plugin with a misspelled hook name: it must be refused, by name."""

from claimtrack import hookimpl


@hookimpl
def extract_claim(document):  # should be extract_claims
    return []
