"""Prefect flows and the `vnbrief` command line: they compose the pure stages, nothing more."""
