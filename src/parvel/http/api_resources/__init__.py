"""API resources: shape models as the JSON an API returns (see docs/resources.md).

``JsonResource`` wraps one model, ``ResourceCollection`` many (or a paginator's page); both
become JSON responses when a route returns them.
"""

from parvel.http.api_resources.collection import AnonymousResourceCollection, ResourceCollection
from parvel.http.api_resources.resource import JsonResource
from parvel.http.api_resources.response import ResourceResponse
from parvel.http.api_resources.values import MISSING, MergeValue, MissingValue

__all__ = [
    "MISSING",
    "AnonymousResourceCollection",
    "JsonResource",
    "MergeValue",
    "MissingValue",
    "ResourceCollection",
    "ResourceResponse",
]
