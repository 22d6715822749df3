"""Actors: dictionaries, resolution of a mention to a CAMEO actor code, coreference."""

from thucydides.actors.codes import check_code, country_codes
from thucydides.actors.coref import DocumentActors
from thucydides.actors.resolve import ActorMatch, ActorResolver

__all__ = ["ActorMatch", "ActorResolver", "DocumentActors", "check_code", "country_codes"]
