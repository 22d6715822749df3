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
def resolver():
    """The package's actor dictionaries, loaded once."""
    from thucydides.actors import ActorResolver

    return ActorResolver.load()


@pytest.fixture(scope="session")
def coder():
    """The full coder, loaded once for every test file that codes text. It outputs every
    event: the tests are of how acts are read; the default confidence threshold in
    stories has its own tests (test_confidence.py)."""
    from thucydides.coder import Coder

    return Coder(min_confidence=0.0)


@pytest.fixture(scope="session")
def fast_coder():
    """The patterns-only coder, loaded once; every event, as `coder`."""
    from thucydides.coder import Coder

    return Coder(fast=True, min_confidence=0.0)
