"""The OpenAPI document at run time: JSON pointers, ``$ref`` chains and lazily built validators.

Validators are compiled on first use, one per schema pointer, so starting a server for a spec with
thousands of operations costs nothing per operation. OpenAPI 3.0 schemas are checked with JSON
Schema draft 4 plus ``nullable``; 3.1 schemas with draft 2020-12. A schema the validator cannot
handle (a spec defect such as ``type: int64``) is reported once and not enforced, so a defective
spec never turns a request into a 500.
"""

from __future__ import annotations

import importlib
import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

LOG = logging.getLogger(__name__)
BASE_URI = "urn:specdown:openapi"
_MAX_REF_HOPS = 64


@dataclass(frozen=True, slots=True)
class Violation:
    """One way an instance fails its schema; ``path`` locates it inside the instance."""

    path: tuple[str | int, ...]
    message: str
    keyword: str


def escape(token: str) -> str:
    """One JSON pointer token (RFC 6901)."""
    return token.replace("~", "~0").replace("/", "~1")


class Spec:
    """Read-only view of the OpenAPI document, with per-pointer validator caching."""

    def __init__(self, document: dict[str, Any], text: str | None = None) -> None:
        self.document = document
        self.text = text  # the document as JSON text, when the caller has it already
        self.is_31 = str(document.get("openapi", "")).startswith("3.1")
        self._validators: dict[tuple[str, bool], Any] = {}
        self._registry: Any = None

    def resolve(self, pointer: str) -> Any:
        """The node at a local JSON pointer (``/paths/~1pets/get``, ``#`` optional), or None."""
        node: Any = self.document
        for raw in pointer.removeprefix("#").split("/")[1:] if pointer else []:
            token = raw.replace("~1", "/").replace("~0", "~")
            if isinstance(node, dict):
                node = node.get(token)
            elif isinstance(node, list) and token.isdigit() and int(token) < len(node):
                node = node[int(token)]
            else:
                return None
        return node

    def deref(self, node: Any) -> Any:
        """Follow local ``$ref`` chains; an external or broken reference gives None."""
        for _ in range(_MAX_REF_HOPS):
            if not isinstance(node, dict) or "$ref" not in node:
                return node
            ref = node["$ref"]
            if not isinstance(ref, str) or not ref.startswith("#"):
                return None
            node = self.resolve(ref)
        return None

    def follow(self, pointer: str) -> tuple[str, Any]:
        """``(pointer, node)`` after following local ``$ref`` chains from ``pointer``."""
        node = self.resolve(pointer)
        for _ in range(_MAX_REF_HOPS):
            ref = node.get("$ref") if isinstance(node, dict) else None
            if not isinstance(ref, str):
                return pointer, node
            if not ref.startswith("#"):
                break
            pointer = ref
            node = self.resolve(pointer)
        return pointer, None

    def violations(
        self, pointer: str, instance: Any, *, strict: bool = False
    ) -> list[Violation] | None:
        """Every way ``instance`` fails the schema at ``pointer``; None when it cannot be checked.

        Requests are checked leniently: a typed ``additionalProperties`` beside declared
        ``properties`` is not enforced. Microsoft's specs put ``additionalProperties: {type:
        object}`` on every ``allOf`` part, which read strictly rejects the base class's own
        properties (``id`` is not an object) in every entity. ``strict`` checks by the letter, as
        schema-conformance testers do; the mock makes its answers pass that.
        """
        key = (pointer, strict)
        validator = self._validator(key)
        if validator is None:
            return None
        try:
            return sorted(_violations(validator.iter_errors(instance)), key=_order)
        except Exception as exc:  # a defect in the spec's schema, not in the request
            LOG.warning("schema %s cannot be enforced: %s", pointer, exc)
            self._validators[key] = None
            return None

    def _validator(self, key: tuple[str, bool]) -> Any:
        if key in self._validators:
            return self._validators[key]
        pointer, strict = key
        validator = None
        if self.resolve(pointer) is not None:
            cls = _validator_class(self.is_31, strict)
            schema = {
                "$ref": f"{BASE_URI}#{quote(pointer.removeprefix('#'), safe='/~')}"
            }
            checker = (
                _format_checker() if strict else None
            )  # docs examples say "id-value"
            validator = cls(
                schema, registry=self._schema_registry(), format_checker=checker
            )
        self._validators[key] = validator
        return validator

    def _schema_registry(self) -> Any:
        if self._registry is None:
            referencing = importlib.import_module("referencing")
            specs = importlib.import_module("referencing.jsonschema")
            dialect = specs.DRAFT202012 if self.is_31 else specs.DRAFT4
            resource = referencing.Resource(
                contents=self.document, specification=dialect
            )
            self._registry = referencing.Registry().with_resource(BASE_URI, resource)
        return self._registry


def _order(item: Violation) -> tuple[str, str]:
    return (".".join(map(str, item.path)), item.message)


def _violations(errors: Iterator[Any]) -> Iterator[Violation]:
    for error in errors:
        path = tuple(error.absolute_path)
        if error.validator == "required" and isinstance(error.instance, dict):
            for name in error.validator_value:
                if name not in error.instance:
                    yield Violation((*path, name), "is a required property", "required")
        elif error.validator == "additionalProperties" and isinstance(
            error.instance, dict
        ):
            allowed = set(error.schema.get("properties", {}))
            for name in sorted(set(error.instance) - allowed):
                yield Violation(
                    (*path, name), "is not an allowed property", "additionalProperties"
                )
        else:
            yield Violation(path, error.message, str(error.validator))


_CLASSES: dict[tuple[bool, bool], Any] = {}


def _validator_class(is_31: bool, strict: bool) -> Any:
    """Draft 2020-12 for 3.1; draft 4 with OpenAPI 3.0's ``nullable`` for 3.0."""
    if (is_31, strict) not in _CLASSES:
        jsonschema = importlib.import_module("jsonschema")
        base = jsonschema.Draft202012Validator if is_31 else jsonschema.Draft4Validator
        keywords: dict[str, Any] = {}
        if not is_31:
            keywords = {
                key: _allow_null(base.VALIDATORS[key]) for key in ("type", "enum")
            }
        if not strict:
            keywords["additionalProperties"] = _open_objects(
                base.VALIDATORS["additionalProperties"]
            )
        _CLASSES[is_31, strict] = jsonschema.validators.extend(base, keywords)
    return _CLASSES[is_31, strict]


def _open_objects(check: Any) -> Any:
    def keyword(validator: Any, value: Any, instance: Any, schema: Any) -> Any:
        if (
            isinstance(value, dict)
            and isinstance(schema, dict)
            and schema.get("properties")
        ):
            return iter(())
        return check(validator, value, instance, schema)

    return keyword


def _allow_null(check: Any) -> Any:
    def keyword(validator: Any, value: Any, instance: Any, schema: Any) -> Any:
        if (
            instance is None
            and isinstance(schema, dict)
            and schema.get("nullable") is True
        ):
            return iter(())
        return check(validator, value, instance, schema)

    return keyword


_PARTIAL_TIME = r"([01]\d|2[0-3]):[0-5]\d:([0-5]\d|60)(\.\d+)?"
_OFFSET = r"([Zz]|[+-]([01]\d|2[0-3]):[0-5]\d)"
_DATE = r"\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])"
_DUR_TIME = r"T(\d+H(\d+M(\d+S)?)?|\d+M(\d+S)?|\d+S)"
_DUR_DATE = r"(\d+D|\d+M(\d+D)?|\d+Y(\d+M(\d+D)?)?)"
#: RFC 3339 as JSON Schema defines these formats (the duration grammar of its appendix A: no
#: fractions, no sign). jsonschema checks them only when optional packages are installed, and
#: checkers such as schemathesis' always do; so the mock's strict check always does too.
RFC3339 = {
    "date-time": re.compile(f"{_DATE}[Tt ]{_PARTIAL_TIME}{_OFFSET}"),
    "time": re.compile(f"{_PARTIAL_TIME}{_OFFSET}"),
    "duration": re.compile(f"P({_DUR_DATE}({_DUR_TIME})?|{_DUR_TIME}|\\d+W)"),
}


def _format_checker() -> Any:
    """Every format jsonschema knows (draft 4's own list lacks uuid…), RFC 3339's always."""
    checker = importlib.import_module("jsonschema").FormatChecker()
    for name, pattern in RFC3339.items():
        checker.checks(name)(_matcher(pattern))
    return checker


def _matcher(pattern: re.Pattern[str]) -> Any:
    def check(value: object) -> bool:
        return not isinstance(value, str) or pattern.fullmatch(value) is not None

    return check
