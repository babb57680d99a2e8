"""Summarizer and translator backends behind two small interfaces (see models.base)."""
