"""Arabic claim extraction (in progress)."""
