"""Placeholder: fixtures that build tiny random-weight seq2seq models (filled in by the models work)."""
