"""Shared fixtures: spaCy loads once per test session."""

import pytest

from thucydides.nlp import load_nlp


@pytest.fixture(scope="session")
def nlp():
    return load_nlp()
