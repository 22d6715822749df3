"""Shared fixtures: spaCy loads once per test session."""

import os

import pytest
from hypothesis import settings

from thucydides.nlp import load_nlp

# In CI the property tests replay the same examples every run, so a landing never
# depends on luck; locally they keep exploring new inputs.
settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")


@pytest.fixture(scope="session")
def nlp():
    return load_nlp()


@pytest.fixture(scope="session")
def coder():
    """The full coder, loaded once for every test file that codes text."""
    from thucydides.coder import Coder

    return Coder()


@pytest.fixture(scope="session")
def fast_coder():
    """The patterns-only coder, loaded once."""
    from thucydides.coder import Coder

    return Coder(fast=True)
