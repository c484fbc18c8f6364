"""The codegen model: what to generate, computed once from any OpenAPI document.

This is the boundary between :mod:`generator.codegen` (OpenAPI dict → :class:`Api`) and
:mod:`generator.render` (:class:`Api` → files through templates). Everything a template needs is
precomputed here: Python identifiers (unique per scope, see :mod:`generator.codegen.naming`), type
annotations as strings together with the imports they need, and codec expressions that the generated
``_runtime`` module evaluates to convert between JSON values and Python values.

Conventions shared by every product (models, client, server):

- Module paths are dotted and relative to the generated package root, e.g. ``models.user``; a
  template writes ``from {{ api.package }}.{{ module }} import {{ name }}``.
- :attr:`TypeExpr.annotation` is valid under ``from __future__ import annotations``; the names it uses
  come from :attr:`TypeExpr.imports` (import them under ``if TYPE_CHECKING:`` or for real).
- :attr:`TypeExpr.codec` is a Python expression over the name ``_rt`` (the generated package's
  ``_runtime`` module: ``from <package> import _runtime as _rt``). It refers to other generated
  modules by absolute name and resolves them lazily, so it never creates an import cycle.
  ``_rt.decode(codec, json_value)`` / ``_rt.encode(codec, value)`` convert one value.
- :attr:`Api.schema_types` maps the JSON pointer of every schema in the document (components and
  inline schemas under ``paths``: parameters, request bodies, responses, headers) to its
  :class:`TypeExpr`, so the operation model can type a parameter or a body by pointer, e.g.
  ``#/paths/~1pets/get/responses/200/content/application~1json/schema``. Pointers of ``$ref``
  schemas map to the type of their target.

All values are frozen, slotted and picklable; all tuples are in a deterministic order.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True, order=True)
class Import:
    """``from <module> import <name>`` (``import <name>`` when ``module`` is empty).

    ``local`` modules are relative to the generated package root (``models.user``; ``""`` is the
    root itself); ``alias`` renames the imported name (``_runtime as _rt``).
    """

    module: str
    name: str
    local: bool = False
    alias: str = ""

    def line(self, package: str) -> str:
        alias = f" as {self.alias}" if self.alias else ""
        if not self.module and not self.local:
            return f"import {self.name}{alias}"
        module = (
            (f"{package}.{self.module}" if self.module else package) if self.local else self.module
        )
        return f"from {module} import {self.name}{alias}"


@dataclass(frozen=True, slots=True)
class TypeExpr:
    """A value type: its annotation, the imports the annotation needs, and its runtime codec.

    ``annotation`` never includes the "absent" case (``_rt.Unset``); :class:`Field` adds that.
    ``nullable`` is true when ``None`` is a valid value (``annotation`` then ends with ``| None``).
    """

    annotation: str
    codec: str
    imports: tuple[Import, ...] = ()
    nullable: bool = False


@dataclass(frozen=True, slots=True)
class Field:
    """One property of a model class."""

    python_name: str
    wire_name: str
    type: TypeExpr
    required: bool
    doc: str = ""
    default: str | None = None  # the spec's default as a Python literal (documentation only)
    read_only: bool = False
    write_only: bool = False
    deprecated: bool = False

    @property
    def annotation(self) -> str:
        """The attribute annotation: absent (``_rt.Unset``) is allowed unless required."""
        if self.required:
            return self.type.annotation
        if self.type.nullable and self.type.annotation.endswith(" | None"):
            return f"{self.type.annotation.removesuffix(' | None')} | _rt.Unset | None"
        return f"{self.type.annotation} | _rt.Unset"


@dataclass(frozen=True, slots=True, order=True)
class ClassRef:
    """A generated class (or alias) by module and name."""

    module: str
    name: str

    @property
    def import_(self) -> Import:
        return Import(self.module, self.name, local=True)


class _Defined:
    """A generated definition: its class (or alias) reference gives its name and module."""

    __slots__ = ()
    ref: ClassRef

    @property
    def name(self) -> str:
        return self.ref.name

    @property
    def module(self) -> str:
        return self.ref.module


@dataclass(frozen=True, slots=True)
class ModelClass(_Defined):
    """An object schema → a dataclass. ``bases`` come from ``allOf`` (empty: the runtime ``Model``).

    ``fields`` are the class's own fields, in spec order; ``all_fields`` include the inherited ones.
    ``discriminator`` is the wire name of the property that selects a subclass on decoding (e.g.
    ``@odata.type``) and ``subtypes`` maps its values to every class derived from this one.
    """

    ref: ClassRef
    schema: str  # JSON pointer of the source schema
    doc: str
    bases: tuple[ClassRef, ...]
    fields: tuple[Field, ...]
    all_fields: tuple[Field, ...]
    discriminator: str | None = None
    subtypes: tuple[tuple[str, ClassRef], ...] = ()
    discriminator_value: str | None = None  # this class's own value, if it has one
    additional: TypeExpr | None = None  # type of additionalProperties values, if declared
    imports: tuple[Import, ...] = ()  # everything the class's annotations need


@dataclass(frozen=True, slots=True)
class EnumMember:
    name: str
    value: str | int  # the wire value
    literal: str  # ``value`` as a Python literal


@dataclass(frozen=True, slots=True)
class EnumClass(_Defined):
    """A string or integer enum; open: unknown wire values decode and encode back unchanged."""

    ref: ClassRef
    schema: str
    doc: str
    members: tuple[EnumMember, ...]
    value_type: str  # "str" or "int"


@dataclass(frozen=True, slots=True)
class UnionAlias(_Defined):
    """A named ``oneOf``/``anyOf`` schema → a type alias ``Name: TypeAlias = "A | B"``.

    It exists for annotations only: fields typed by it carry the union's codec inline.
    """

    ref: ClassRef
    schema: str
    doc: str
    type: TypeExpr  # the union's own annotation and codec


@dataclass(frozen=True, slots=True)
class Api:
    """The whole document as the products see it."""

    package: str
    title: str
    version: str  # info.version
    openapi: str  # the document's openapi version string
    description: str
    classes: tuple[ModelClass, ...]  # sorted by module
    enums: tuple[EnumClass, ...]
    unions: tuple[UnionAlias, ...]
    schema_types: Mapping[str, TypeExpr]
    document: Mapping[str, Any] = field(repr=False, compare=False, default_factory=dict)
    source: str = ""  # the spec's path, as diagnostics name it

    def model_modules(self) -> list[str]:
        """Every module under ``models`` that defines something, sorted."""
        refs = [c.ref for c in self.classes] + [e.ref for e in self.enums]
        return sorted({r.module for r in refs + [u.ref for u in self.unions]})
