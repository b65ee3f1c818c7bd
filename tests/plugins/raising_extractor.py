"""A plugin whose extractor always raises: the import must go on without it."""

from claimtrack import hookimpl


@hookimpl
def extract_claims(document):
    raise RuntimeError("this extractor is broken")
