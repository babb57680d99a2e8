"""Shared pytest setup: tiny real models and the Prefect test server come from these plugins."""

pytest_plugins = ["tests.tiny_models", "tests.prefect_fixtures"]
