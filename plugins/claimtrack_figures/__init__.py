"""Figures: numbers with units in Arabic and English text (in progress)."""
