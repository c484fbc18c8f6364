"""Page model → OpenAPI document: build, validate, serialise (see ``document``, ``validate``, ``dump``)."""

from generator.openapi.document import build_document
from generator.openapi.dump import dump_yaml
from generator.openapi.validate import validate_document

__all__ = ["build_document", "dump_yaml", "validate_document"]
