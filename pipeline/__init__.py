"""Pure stages of the vnbrief pipeline: ingest, clean, segment, render, store."""
