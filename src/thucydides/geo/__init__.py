"""Places: an offline GeoNames gazetteer and the rules that give each event its location."""

from thucydides.geo.gazetteer import Gazetteer, GazetteerDataError, Place, normalize_name
from thucydides.geo.locate import document_countries, document_place, locate, resolve

__all__ = [
    "Gazetteer",
    "GazetteerDataError",
    "Place",
    "document_countries",
    "document_place",
    "locate",
    "normalize_name",
    "resolve",
]
