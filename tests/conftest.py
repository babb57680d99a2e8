"""Shared pytest setup: fixtures for tiny real models live in tests/tiny_models.py."""

pytest_plugins = ["tests.tiny_models"]
