"""Serialization runtime of the generated models: codecs, the ``Model`` base, open enums.

Static code, the same in every generated package. Conventions:

- ``UNSET`` marks an absent property: it is never sent. ``None`` is an explicit JSON ``null``.
- Values keep the text they were read from where re-formatting would change it (date-times with
  7 fractional digits, upper-case UUIDs, unpadded base64): a round trip gives back the same JSON.
- Members a model does not declare are kept in ``additional_properties`` and written back. When
  decoding leniently (the default), a declared member whose value does not fit its type is kept
  there too, unchanged; ``strict=True`` raises :class:`DecodeError` instead.
"""

from __future__ import annotations

import base64
import binascii
import datetime
import enum
import importlib
import json
import re
import uuid as _uuid
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, ClassVar, Final, NamedTuple, Self


class Unset(enum.Enum):
    """The type of :data:`UNSET`, the value of a property that is absent (not null)."""

    UNSET = "UNSET"

    def __repr__(self) -> str:
        return "UNSET"


UNSET: Final = Unset.UNSET


class DecodeError(ValueError):
    """A JSON value does not fit the declared type; ``path`` is a JSON pointer to it."""

    def __init__(self, path: str, message: str) -> None:
        super().__init__(f"{path or '/'}: {message}")
        self.path = path or "/"
        self.message = message


class Codec:
    """Converts one JSON value to its Python value and back."""

    __slots__ = ()

    def decode(self, value: Any, path: str, strict: bool) -> Any:
        raise NotImplementedError

    def encode(self, value: Any) -> Any:
        return to_json_value(value)


class _Scalar(Codec):
    __slots__ = ("kinds", "what")

    def __init__(self, kinds: tuple[type, ...], what: str) -> None:
        self.kinds = kinds
        self.what = what

    def decode(self, value: Any, path: str, strict: bool) -> Any:
        if isinstance(value, self.kinds) and (
            bool in self.kinds or not isinstance(value, bool)
        ):
            return value
        raise DecodeError(path, f"expected {self.what}, got {type(value).__name__}")


class _Any(Codec):
    __slots__ = ()

    def decode(self, value: Any, path: str, strict: bool) -> Any:
        return value


STR: Final = _Scalar((str,), "a string")
INT: Final = _Scalar((int,), "an integer")
FLOAT: Final = _Scalar((int, float), "a number")
BOOL: Final = _Scalar((bool,), "a boolean")
ANY_OBJECT: Final = _Scalar((dict,), "an object")
ANY: Final = _Any()


class _Textual(Codec):
    """A value parsed from a string that remembers its text (``wire_text``) for the way back."""

    __slots__ = ()

    def parse(self, text: str) -> Any:
        raise NotImplementedError

    def format(self, value: Any) -> str:
        raise NotImplementedError

    def decode(self, value: Any, path: str, strict: bool) -> Any:
        if not isinstance(value, str):
            raise DecodeError(path, f"expected a string, got {type(value).__name__}")
        try:
            return self.parse(value)
        except (ValueError, TypeError, binascii.Error) as exc:
            raise DecodeError(path, f"{value!r} is not valid: {exc}") from None

    def encode(self, value: Any) -> Any:
        if value is None:
            return None
        text = getattr(value, "wire_text", None)
        if isinstance(text, str):
            try:
                if self.parse(text) == value:
                    return text
            except (ValueError, TypeError, binascii.Error):
                pass
        return self.format(value)


_FRACTION = re.compile(r"(\.\d{6})\d+")


class DateTime(datetime.datetime):
    """A ``datetime`` read from JSON; ``wire_text`` is the text it was read from."""

    __slots__ = ("wire_text",)
    wire_text: str


class Date(datetime.date):
    __slots__ = ("wire_text",)
    wire_text: str


class Time(datetime.time):
    __slots__ = ("wire_text",)
    wire_text: str


class Duration(datetime.timedelta):
    __slots__ = ("wire_text",)
    wire_text: str


class UUID(_uuid.UUID):
    __slots__ = ("wire_text",)
    wire_text: str


class Base64(bytes):
    """``bytes`` read from base64 text; ``wire_text`` is that text."""

    wire_text: str


def _iso_text(text: str) -> str:
    text = _FRACTION.sub(r"\1", text.strip())
    return text[:-1] + "+00:00" if text[-1:] in {"Z", "z"} else text


class _DateTimeCodec(_Textual):
    __slots__ = ()

    def parse(self, text: str) -> Any:
        v = datetime.datetime.fromisoformat(_iso_text(text))
        out = DateTime(
            v.year, v.month, v.day, v.hour, v.minute, v.second, v.microsecond, v.tzinfo
        )
        out.wire_text = text
        return out

    def format(self, value: Any) -> str:
        text = str(value.isoformat())
        return text[:-6] + "Z" if text.endswith("+00:00") else text


class _DateCodec(_Textual):
    __slots__ = ()

    def parse(self, text: str) -> Any:
        v = datetime.date.fromisoformat(text)
        out = Date(v.year, v.month, v.day)
        out.wire_text = text
        return out

    def format(self, value: Any) -> str:
        return str(value.isoformat())


class _TimeCodec(_Textual):
    __slots__ = ()

    def parse(self, text: str) -> Any:
        v = datetime.time.fromisoformat(_iso_text(text))
        out = Time(v.hour, v.minute, v.second, v.microsecond, v.tzinfo)
        out.wire_text = text
        return out

    def format(self, value: Any) -> str:
        return str(value.isoformat())


_DURATION = re.compile(
    r"(?P<sign>[-+])?P(?:(?P<weeks>\d+(?:\.\d+)?)W)?(?:(?P<days>\d+(?:\.\d+)?)D)?"
    r"(?:T(?:(?P<hours>\d+(?:\.\d+)?)H)?(?:(?P<minutes>\d+(?:\.\d+)?)M)?"
    r"(?:(?P<seconds>\d+(?:\.\d+)?)S)?)?"
)


class _DurationCodec(_Textual):
    """ISO 8601 durations without years and months (those have no fixed length)."""

    __slots__ = ()

    def parse(self, text: str) -> Any:
        match = _DURATION.fullmatch(text.strip())
        if (
            match is None
            or text.strip() in {"P", "-P", "+P"}
            or text.strip().endswith("T")
        ):
            raise ValueError(
                "not an ISO 8601 duration of weeks, days, hours, minutes, seconds"
            )
        parts = {k: float(v) for k, v in match.groupdict().items() if v and k != "sign"}
        v = datetime.timedelta(**parts)
        v = -v if match["sign"] == "-" else v
        out = Duration(v.days, v.seconds, v.microseconds)
        out.wire_text = text
        return out

    def format(self, value: Any) -> str:
        sign = "-" if value < datetime.timedelta(0) else ""
        value = abs(value)
        hours, rest = divmod(value.seconds, 3600)
        minutes, seconds = divmod(rest, 60)
        secs = f"{seconds}.{value.microseconds:06d}".rstrip("0").rstrip(".")
        return f"{sign}P{value.days}DT{hours}H{minutes}M{secs}S"


class _UUIDCodec(_Textual):
    __slots__ = ()

    def parse(self, text: str) -> Any:
        out = UUID(text)
        object.__setattr__(out, "wire_text", text)
        return out

    def format(self, value: Any) -> str:
        return str(value)


class _Base64Codec(_Textual):
    __slots__ = ()

    def parse(self, text: str) -> Any:
        padded = text + "=" * (-len(text) % 4)
        raw = (
            base64.urlsafe_b64decode(padded)
            if "-" in text or "_" in text
            else base64.b64decode(padded, validate=True)
        )
        out = Base64(raw)
        out.wire_text = text
        return out

    def format(self, value: Any) -> str:
        return base64.b64encode(bytes(value)).decode("ascii")


DATETIME: Final = _DateTimeCodec()
DATE: Final = _DateCodec()
TIME: Final = _TimeCodec()
DURATION: Final = _DurationCodec()
UUID_: Final = _UUIDCodec()
BASE64: Final = _Base64Codec()
BINARY: Final = BASE64


class Nullable(Codec):
    __slots__ = ("inner",)

    def __init__(self, inner: Codec) -> None:
        self.inner = inner

    def decode(self, value: Any, path: str, strict: bool) -> Any:
        return None if value is None else self.inner.decode(value, path, strict)

    def encode(self, value: Any) -> Any:
        return None if value is None else self.inner.encode(value)


class ListOf(Codec):
    __slots__ = ("item",)

    def __init__(self, item: Codec) -> None:
        self.item = item

    def decode(self, value: Any, path: str, strict: bool) -> Any:
        if not isinstance(value, list):
            raise DecodeError(path, f"expected an array, got {type(value).__name__}")
        return [self.item.decode(v, f"{path}/{i}", strict) for i, v in enumerate(value)]

    def encode(self, value: Any) -> Any:
        return None if value is None else [self.item.encode(v) for v in value]


class MapOf(Codec):
    __slots__ = ("value",)

    def __init__(self, value: Codec) -> None:
        self.value = value

    def decode(self, value: Any, path: str, strict: bool) -> Any:
        if not isinstance(value, dict):
            raise DecodeError(path, f"expected an object, got {type(value).__name__}")
        return {
            k: self.value.decode(v, f"{path}/{_escape(k)}", strict)
            for k, v in value.items()
        }

    def encode(self, value: Any) -> Any:
        return (
            None
            if value is None
            else {k: self.value.encode(v) for k, v in value.items()}
        )


_LOADED: dict[tuple[str, str], Any] = {}


class SharedTable(Mapping[str, tuple[str, str]]):
    """A discriminator table shared by a whole hierarchy, imported on first lookup.

    OData types (``@odata.type``) are unique across a document, so one table serves every base
    class; the caller checks that the class found is a subclass of the one being decoded.
    """

    __slots__ = ("module", "name")

    def __init__(self, module: str, name: str) -> None:
        self.module = module
        self.name = name

    def _table(self) -> Mapping[str, tuple[str, str]]:
        table: Mapping[str, tuple[str, str]] = load(self.module, self.name)
        return table

    def __getitem__(self, key: str) -> tuple[str, str]:
        return self._table()[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._table())

    def __len__(self) -> int:
        return len(self._table())


def load(module: str, name: str) -> Any:
    """A generated class by module and name, imported on first use (no import cycles)."""
    key = (module, name)
    found = _LOADED.get(key)
    if found is None:
        found = _LOADED[key] = getattr(importlib.import_module(module), name)
    return found


class ModelOf(Codec):
    __slots__ = ("module", "name")

    def __init__(self, module: str, name: str) -> None:
        self.module = module
        self.name = name

    def decode(self, value: Any, path: str, strict: bool) -> Any:
        return load(self.module, self.name).decode_from(value, path, strict)


class EnumOf(Codec):
    __slots__ = ("module", "name")

    def __init__(self, module: str, name: str) -> None:
        self.module = module
        self.name = name

    def decode(self, value: Any, path: str, strict: bool) -> Any:
        cls = load(self.module, self.name)
        kind = str if issubclass(cls, str) else int
        if not isinstance(value, kind) or isinstance(value, bool):
            raise DecodeError(
                path, f"expected {kind.__name__} for {self.name}, got {value!r}"
            )
        return cls(value)


class UnionOf(Codec):
    """``oneOf``/``anyOf``: the branch named by the discriminator, else the first that fits.

    A branch fits when it decodes strictly; a model branch that keeps no unknown members is
    preferred over one that does.
    """

    __slots__ = ("branches", "discriminator", "mapping")

    def __init__(
        self,
        branches: Sequence[Codec],
        discriminator: str | None = None,
        mapping: Mapping[str, int] | None = None,
    ) -> None:
        self.branches = tuple(branches)
        self.discriminator = discriminator
        self.mapping = dict(mapping or {})

    def decode(self, value: Any, path: str, strict: bool) -> Any:
        if self.discriminator is not None and isinstance(value, Mapping):
            tag = value.get(self.discriminator)
            index = self.mapping.get(tag) if isinstance(tag, str) else None
            if index is not None:
                return self.branches[index].decode(value, path, strict)
        fallback: list[Any] = []
        for branch in self.branches:
            try:
                result = branch.decode(value, path, True)
            except DecodeError:
                continue
            if not isinstance(result, Model) or not result.additional_properties:
                return result
            fallback.append(result)
        if fallback:
            return fallback[0]
        raise DecodeError(path, "the value fits none of the alternatives")


class FieldSpec(NamedTuple):
    """One declared property: attribute name, wire name, codec, and whether it is required."""

    attr: str
    wire: str
    codec: Codec
    required: bool = False


def _escape(token: str) -> str:
    return token.replace("~", "~0").replace("/", "~1")


_BY_WIRE: dict[type, dict[str, FieldSpec]] = {}


@dataclass(slots=True, kw_only=True, repr=False)
class Model:
    """Base of every generated model."""

    additional_properties: dict[str, Any] = field(default_factory=dict)
    """Members the schema does not declare (or that did not fit their type), kept as read."""

    _fields: ClassVar[tuple[FieldSpec, ...]] = ()
    _discriminator: ClassVar[str | None] = None
    _subtypes: ClassVar[Mapping[str, tuple[str, str]]] = {}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], *, strict: bool = False) -> Self:
        """Decode a JSON object; a discriminator (e.g. ``@odata.type``) selects a subclass."""
        result: Self = cls.decode_from(data, "", strict)
        return result

    @classmethod
    def from_json(cls, text: str | bytes, *, strict: bool = False) -> Self:
        return cls.from_dict(json.loads(text), strict=strict)

    def to_dict(self) -> dict[str, Any]:
        """The JSON object: set properties (``None`` as null), then the additional ones."""
        out: dict[str, Any] = {}
        for spec in self._fields:
            value = getattr(self, spec.attr)
            if value is not UNSET:
                out[spec.wire] = spec.codec.encode(value)
        for key, value in self.additional_properties.items():
            if key not in out:
                out[key] = to_json_value(value)
        return out

    def to_json(self, **kwargs: Any) -> str:
        return json.dumps(self.to_dict(), **kwargs)

    def __repr__(self) -> str:
        """Only what is set: a Graph entity declares a hundred properties and sets a few."""
        parts = [
            f"{spec.attr}={getattr(self, spec.attr)!r}"
            for spec in self._fields
            if getattr(self, spec.attr) is not UNSET
        ]
        if self.additional_properties:
            parts.append(f"additional_properties={self.additional_properties!r}")
        return f"{type(self).__name__}({', '.join(parts)})"

    @classmethod
    def subtype_for(cls, data: Mapping[str, Any]) -> type[Self]:
        """The class named by the discriminator value in ``data`` (a table lookup), else ``cls``."""
        if cls._discriminator is None:
            return cls
        value = data.get(cls._discriminator)
        entry = cls._subtypes.get(value) if isinstance(value, str) else None
        if entry is None:
            return cls
        found = load(*entry)
        return found if isinstance(found, type) and issubclass(found, cls) else cls

    @classmethod
    def decode_from(cls, data: Any, path: str, strict: bool) -> Self:
        if not isinstance(data, Mapping):
            raise DecodeError(path, f"expected an object, got {type(data).__name__}")
        target = cls.subtype_for(data)
        by_wire = _BY_WIRE.get(target)
        if by_wire is None:
            by_wire = _BY_WIRE[target] = {spec.wire: spec for spec in target._fields}
        values: dict[str, Any] = {}
        extra: dict[str, Any] = {}
        for key, raw in data.items():
            spec = by_wire.get(key)
            if spec is None:
                extra[key] = raw
                continue
            try:
                values[spec.attr] = spec.codec.decode(
                    raw, f"{path}/{_escape(key)}", strict
                )
            except DecodeError as error:
                if (
                    strict or spec.required
                ):  # a required value that does not fit: no object
                    raise error from None
                extra[key] = raw
        for spec in target._fields:
            if spec.required and spec.attr not in values:
                raise DecodeError(
                    path, f"the required property {spec.wire!r} is missing"
                )
        return target(additional_properties=extra, **values)


class OpenStrEnum(str, enum.Enum):
    """A string enum that also accepts values it does not list, and keeps them."""

    @classmethod
    def _missing_(cls, value: object) -> Any:
        if not isinstance(value, str):
            return None
        member = str.__new__(cls, value)
        member._name_ = value
        member._value_ = value
        return member

    def __str__(self) -> str:
        return str(self.value)


class OpenIntEnum(int, enum.Enum):
    """An integer enum that also accepts values it does not list, and keeps them."""

    @classmethod
    def _missing_(cls, value: object) -> Any:
        if not isinstance(value, int) or isinstance(value, bool):
            return None
        member = int.__new__(cls, value)
        member._name_ = str(value)
        member._value_ = value
        return member


def to_json_value(value: Any) -> Any:
    """Any model, enum, date, time, UUID, bytes, list or dict → plain JSON values."""
    if (
        value is None
        or isinstance(value, bool | int | float | str)
        and not isinstance(value, enum.Enum)
    ):
        return value
    if isinstance(value, Model):
        return value.to_dict()
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, datetime.datetime):
        return DATETIME.encode(value)
    if isinstance(value, datetime.date):
        return DATE.encode(value)
    if isinstance(value, datetime.time):
        return TIME.encode(value)
    if isinstance(value, datetime.timedelta):
        return DURATION.encode(value)
    if isinstance(value, _uuid.UUID):
        return UUID_.encode(value)
    if isinstance(value, bytes):
        return BASE64.encode(value)
    if isinstance(value, Mapping):
        return {str(k): to_json_value(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [to_json_value(v) for v in value]
    return value


def decode(codec: Codec, value: Any, *, strict: bool = False) -> Any:
    """Decode one JSON value with a codec expression from the codegen model."""
    return codec.decode(value, "", strict)


def encode(codec: Codec, value: Any) -> Any:
    """Encode one Python value; ``UNSET`` is the caller's to leave out."""
    return codec.encode(value)
