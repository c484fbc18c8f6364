"""Schemas → type expressions, model classes and enums.

One :class:`SchemaBuilder` walks a document. Every schema it meets is typed once, memoised by JSON
pointer. Object schemas become classes (``allOf`` with a ``$ref`` → a base class; other ``allOf``
parts are merged in), enums become open enum classes, ``oneOf``/``anyOf`` become unions, everything
else is inlined (``list[...]``, ``dict[str, ...]``, primitives). A class's name is allocated before
its fields are typed, so self- and mutually-recursive schemas (a user whose manager is a user) work.
Spec defects are G001 warnings naming the JSON pointer; the schema is then typed as best it can be.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from generator.codegen import naming, types
from generator.codegen.literals import value_literal
from generator.codegen.loader import Resolver, child, unescape
from generator.codegen.model import ClassRef, EnumClass, EnumMember, Field, TypeExpr, UnionAlias
from generator.codegen.schema_facts import (
    COMPONENT_SCHEMAS,
    is_null_schema,
    nullable_flag,
    text_of,
)
from generator.codegen.unions import named_union, union_type
from generator.diagnostics import DiagnosticSink


@dataclass
class Draft:
    """A class while the document is being walked (frozen into a ModelClass afterwards)."""

    ref: ClassRef
    pointer: str
    doc: str
    base: Draft | None
    fields: list[Field] = field(default_factory=list)
    discriminator: str | None = None
    mapping: dict[str, str] = field(default_factory=dict)  # value → schema pointer

    def all_fields(self) -> list[Field]:
        return [*(self.base.all_fields() if self.base else []), *self.fields]


class SchemaBuilder:
    def __init__(self, resolver: Resolver, package: str, sink: DiagnosticSink) -> None:
        self.resolver = resolver
        self.package = package
        self.sink = sink
        self.source = resolver.source
        self.types: dict[str, TypeExpr] = {}
        self.drafts: dict[str, Draft] = {}
        self.enums: dict[str, EnumClass] = {}
        self.unions: dict[str, UnionAlias] = {}
        self.names: dict[str, ClassRef] = {}  # pre-allocated names of component schemas
        self._active: set[str] = set()
        self._pending: list[tuple[Draft, list[tuple[Mapping[str, Any], str]]]] = []
        self._done: set[str] = set()
        self._classes = naming.Registry(on_rename=self._renamed)
        self._modules = naming.Registry({"_runtime", "__init__"}, fold=str.lower)

    # -- diagnostics -------------------------------------------------------------------------------

    def defect(self, pointer: str, message: str) -> None:
        self.sink.warning(self.source, 0, "G001", f"{pointer}: {message}")

    def _renamed(self, original: str, renamed: str) -> None:
        self.sink.warning(self.source, 0, "G002", f"name {original!r} is taken; using {renamed!r}")

    # -- names -------------------------------------------------------------------------------------

    def _allocate(self, candidates: list[str]) -> ClassRef:
        names = [naming.class_name(c) for c in candidates]
        free = self._classes.first_free(names)
        name = self._classes.claim(free if free is not None else names[0])
        if free is not None and free != names[0]:
            self.sink.info(
                self.source,
                0,
                "G002",
                f"name {names[0]!r} is taken; using {free!r} (more of the key)",
            )
        module = self._modules.claim(naming.module_name(name), separator="_")
        return ClassRef(f"models.{module}", name)

    def allocate_components(self, schemas: Mapping[str, Any]) -> None:
        """Name every component schema that becomes a class or enum, shortest keys first.

        ``microsoft.graph.user`` is tried as ``User``, then ``GraphUser``, then ``MicrosoftGraphUser``.
        """
        keys = sorted(schemas, key=lambda k: (k.count("."), k))
        for key in keys:
            node = schemas[key]
            if self._kind(node, named=True) in {"class", "enum", "union"}:
                segments = [s for s in key.split(".") if s] or [key]
                candidates = [".".join(segments[-n:]) for n in range(1, len(segments) + 1)]
                self.names[COMPONENT_SCHEMAS + key.replace("~", "~0").replace("/", "~1")] = (
                    self._allocate(candidates)
                )

    def _kind(self, node: Any, *, named: bool = False) -> str:
        """class, enum, union or inline; ``named``: a component, where ``allOf: [$ref]`` alone
        declares a subclass (inline, it only wraps a reference, e.g. to add a description)."""
        if not isinstance(node, Mapping) or "$ref" in node:
            return "inline"
        if isinstance(node.get("enum"), list) and [v for v in node["enum"] if v is not None]:
            values = [v for v in node["enum"] if v is not None]
            if all(isinstance(v, str) for v in values) or all(
                isinstance(v, int) and not isinstance(v, bool) for v in values
            ):
                return "enum"
            return "inline"
        if "oneOf" in node or "anyOf" in node:
            return "class" if isinstance(node.get("properties"), Mapping) else "union"
        parts = [p for p in node.get("allOf") or [] if not is_null_schema(p)]
        if isinstance(node.get("allOf"), list):
            own = node.get("properties")
            if len(parts) == 1 and isinstance(parts[0], Mapping) and not own:
                return "class" if named and self._is_class_ref(parts[0]) else "inline"
            return "class"
        return "class" if isinstance(node.get("properties"), Mapping) else "inline"

    def _is_class_ref(self, part: Mapping[str, Any], depth: int = 0) -> bool:
        """Whether ``part`` is (a chain of refs to) an object schema: then it can be a base."""
        ref = part.get("$ref")
        target = self.resolver.get(ref) if isinstance(ref, str) else part
        if not isinstance(target, Mapping) or depth > 20:
            return False
        if "$ref" in target:
            return self._is_class_ref(target, depth + 1)
        if self._kind(target) == "class":
            return True
        parts = target.get("allOf")
        return (
            isinstance(parts, list)
            and len(parts) == 1
            and isinstance(parts[0], Mapping)
            and (self._is_class_ref(parts[0], depth + 1))
        )

    # -- typing ------------------------------------------------------------------------------------

    def type_of(self, node: Any, pointer: str, hint: str) -> TypeExpr:
        known = self.types.get(pointer)
        if known is not None:
            return known
        if pointer in self._active:
            self.defect(
                pointer, "the schema contains itself with no object in between; typed as Any"
            )
            return types.ANY
        self._active.add(pointer)
        try:
            expr = self._type_of(node, pointer, hint)
        finally:
            self._active.discard(pointer)
        self.types[pointer] = expr
        return expr

    def _type_of(self, node: Any, pointer: str, hint: str) -> TypeExpr:
        if not isinstance(node, Mapping):
            if node is not True and node is not False:
                self.defect(pointer, "a schema must be an object; typed as Any")
            return types.ANY
        if "$ref" in node:
            target, where = self.resolver.follow(node, pointer)
            if where == pointer:
                return types.ANY
            expr = self.type_of(target, where, self.hint_for(where))
            return types.nullable(expr) if nullable_flag(node) else expr
        for key in ("$recursiveRef", "$dynamicRef"):
            if key in node:
                self.defect(pointer, f"{key} is not supported; typed as Any")
                return types.ANY
        kind = self._kind(node, named=pointer in self.names)
        if kind == "class":
            expr = types.model(self._build_class(node, pointer, hint), self.package)
        elif kind == "enum":
            expr = self._build_enum(node, pointer, hint)
        elif "oneOf" in node or "anyOf" in node:
            expr = named_union(self, node, pointer, union_type(self, node, pointer, hint))
        elif isinstance(node.get("allOf"), list):
            expr = self._single_all_of(node, pointer, hint)
        else:
            expr = self._plain(node, pointer, hint)
        nullable = nullable_flag(node) or (
            isinstance(node.get("enum"), list) and None in node["enum"]
        )
        return types.nullable(expr) if nullable else expr

    def hint_for(self, pointer: str) -> str:
        """A class name stem for a schema at ``pointer``: the last meaningful token."""
        if pointer.startswith(COMPONENT_SCHEMAS):
            return unescape(pointer[len(COMPONENT_SCHEMAS) :].split("/", maxsplit=1)[0])
        tokens = [unescape(t) for t in pointer.split("/")[1:]]
        return "".join(naming.pascal(t) for t in tokens[-3:]) or "Schema"

    def _single_all_of(self, node: Mapping[str, Any], pointer: str, hint: str) -> TypeExpr:
        parts = [(i, p) for i, p in enumerate(node["allOf"]) if not is_null_schema(p)]
        if not parts:
            return types.ANY
        i, part = parts[0]
        expr = self.type_of(part, child(pointer, "allOf", i), hint)
        if len(parts) < len(node["allOf"]):
            expr = types.nullable(expr)
        return expr

    def _plain(self, node: Mapping[str, Any], pointer: str, hint: str) -> TypeExpr:
        kinds = node.get("type")
        if isinstance(kinds, list):
            real = [k for k in kinds if k != "null"]
            if len(real) > 1:
                branches = [self._plain({**node, "type": k}, pointer, hint) for k in real]
                return types.union(branches, None, [])
            kinds = real[0] if real else None
        if "const" in node and kinds is None:
            kinds = {str: "string", bool: "boolean", int: "integer", float: "number"}.get(
                type(node["const"])
            )
        if kinds is None:
            if "items" in node:
                kinds = "array"
            elif "additionalProperties" in node or "properties" in node:
                kinds = "object"
            elif "format" in node:
                kinds = "string"
        if kinds == "string":
            return types.string(node.get("format"))
        if kinds in types.PRIMITIVES:
            return types.PRIMITIVES[kinds]
        if kinds == "array":
            if "items" not in node:
                self.defect(pointer, "an array schema has no `items`; items typed as Any")
                return types.list_of(types.ANY)
            items = node["items"]
            if isinstance(items, list):  # draft-4 tuple form
                self.defect(pointer, "`items` is a list (tuple validation); items typed as Any")
                return types.list_of(types.ANY)
            return types.list_of(self.type_of(items, child(pointer, "items"), hint + "Item"))
        if kinds == "object":
            extra = node.get("additionalProperties")
            if isinstance(extra, Mapping) and extra and extra != {"type": "object"}:
                where = child(pointer, "additionalProperties")
                return types.map_of(self.type_of(extra, where, hint + "Value"))
            return types.DICT_ANY
        if kinds is None:
            return types.ANY
        return self._bad_type(kinds, node, pointer)

    def _bad_type(self, kinds: object, node: Mapping[str, Any], pointer: str) -> TypeExpr:
        guess = {"int32": "integer", "int64": "integer", "long": "integer", "int": "integer"}
        guess |= {"float": "number", "double": "number", "decimal": "number"}
        guess |= {"bool": "boolean", "str": "string", "text": "string", "file": "string"}
        real = guess.get(kinds) if isinstance(kinds, str) else None
        if real is None:
            self.defect(pointer, f"`type: {kinds}` is not an OpenAPI type; typed as Any")
            return types.ANY
        self.defect(pointer, f"`type: {kinds}` is not an OpenAPI type; read as `{real}`")
        return self._plain({**node, "type": real}, pointer, "")

    # -- enums -------------------------------------------------------------------------------------

    def _build_enum(self, node: Mapping[str, Any], pointer: str, hint: str) -> TypeExpr:
        values: list[str | int] = []
        for value in node["enum"]:
            if value is not None and value not in values:
                values.append(value)
        if len(values) == 1 and pointer not in self.names:
            return types.STR if isinstance(values[0], str) else types.INT  # a tag, not a choice
        ref = self.names.get(pointer) or self._allocate([hint])
        members = naming.Registry({"MRO"}, on_rename=None)
        given = node.get("x-enum-varnames")  # member names that some specs carry
        names = given if isinstance(given, list) and len(given) == len(values) else values
        built = tuple(
            EnumMember(
                members.claim(naming.member_name(n), separator="_"), v, value_literal(v) or ""
            )
            for n, v in zip(names, values, strict=True)
        )
        kind = "int" if isinstance(values[0], int) else "str"
        doc = text_of(node, "description") or text_of(node, "title")
        self.enums[pointer] = EnumClass(ref, pointer, doc, built, kind)
        return types.enum(ref, self.package)

    # -- classes -----------------------------------------------------------------------------------

    def _build_class(self, node: Mapping[str, Any], pointer: str, hint: str) -> ClassRef:
        """Name the class and find its base now; its fields are typed later, by :meth:`finish`."""
        ref = self.names.get(pointer) or self._allocate([hint])
        self.types[pointer] = types.model(ref, self.package)  # before anything else: recursion
        base, parts = self._split_all_of(node, pointer)
        inline = [
            text_of(p, "description") for p, at in parts if at.startswith(pointer + "/allOf/")
        ]
        doc = (
            text_of(node, "description") or text_of(node, "title") or next(filter(None, inline), "")
        )
        draft = Draft(ref, pointer, doc, base)
        self.drafts[pointer] = draft
        for part, _ in parts:
            disc = part.get("discriminator")
            if isinstance(disc, Mapping) and isinstance(disc.get("propertyName"), str):
                draft.discriminator = disc["propertyName"]
                raw = disc.get("mapping")
                for value, target in (raw if isinstance(raw, Mapping) else {}).items():
                    if isinstance(target, str):
                        tgt = target if target.startswith("#") else COMPONENT_SCHEMAS + target
                        draft.mapping[str(value)] = tgt
        self._pending.append((draft, parts))
        return ref

    def finish(self) -> None:
        """Type the fields of every class met so far (bases first); typing them may meet more."""
        while self._pending:
            draft, parts = self._pending.pop(0)
            self._complete(draft, parts)

    def _complete(self, draft: Draft, parts: list[tuple[Mapping[str, Any], str]]) -> None:
        if draft.pointer in self._done:
            return
        self._done.add(draft.pointer)
        base = draft.base
        if base is not None and base.pointer not in self._done:
            for i, (pending, base_parts) in enumerate(self._pending):
                if pending is base:
                    del self._pending[i]
                    self._complete(base, base_parts)
                    break
        self._add_fields(draft, parts)

    def _split_all_of(
        self, node: Mapping[str, Any], pointer: str
    ) -> tuple[Draft | None, list[tuple[Mapping[str, Any], str]]]:
        """The base class (the first ``allOf`` part that is a class) and the parts to merge in."""
        base: Draft | None = None
        parts: list[tuple[Mapping[str, Any], str]] = []
        for i, part in enumerate(node.get("allOf") or []):
            where = child(pointer, "allOf", i)
            target, at = self.resolver.follow(part, where)
            if not isinstance(target, Mapping) or is_null_schema(target):
                continue
            if (
                base is None
                and at != where
                and self._kind(target, named=at in self.names) == "class"
            ):
                if at in self._active:
                    self.defect(where, "inheritance is cyclic; this part is merged, not a base")
                else:
                    self.type_of(target, at, self.hint_for(at))
                    base = self.drafts.get(at)
                    if base is not None:
                        continue
            parts.extend(self._flatten(target, at))
        parts.append((node, pointer))
        return base, parts

    def _flatten(
        self, node: Mapping[str, Any], pointer: str
    ) -> list[tuple[Mapping[str, Any], str]]:
        """A merged ``allOf`` part and, recursively, its own ``allOf`` parts."""
        out: list[tuple[Mapping[str, Any], str]] = []
        for i, part in enumerate(node.get("allOf") or []):
            target, at = self.resolver.follow(part, child(pointer, "allOf", i))
            if isinstance(target, Mapping) and at not in self._active:
                self._active.add(at)
                try:
                    out.extend(self._flatten(target, at))
                finally:
                    self._active.discard(at)
        out.append((node, pointer))
        return out

    def _add_fields(self, draft: Draft, parts: list[tuple[Mapping[str, Any], str]]) -> None:
        inherited = draft.base.all_fields() if draft.base else []
        wires = {f.wire_name for f in inherited}
        registry = naming.Registry(
            {f.python_name for f in inherited} | naming.MODEL_ATTRIBUTES, on_rename=self._renamed
        )
        required: set[str] = set()
        for part, _ in parts:
            req = part.get("required")
            if isinstance(req, list):
                required.update(r for r in req if isinstance(r, str))
        for part, where in parts:
            props = part.get("properties")
            if props is not None and not isinstance(props, Mapping):
                self.defect(child(where, "properties"), "`properties` must be an object; ignored")
                continue
            for wire, spec in (props or {}).items():
                if wire in wires:
                    continue  # redeclared (or overridden) from a base: the base's field stands
                wires.add(wire)
                at = child(where, "properties", wire)
                expr = self.type_of(spec, at, draft.ref.name + naming.pascal(wire))
                draft.fields.append(self._field(registry, wire, spec, expr, wire in required))

    def _field(
        self,
        registry: naming.Registry,
        wire: str,
        spec: Any,
        expr: TypeExpr,
        required: bool,
    ) -> Field:
        node: Mapping[str, Any] = spec if isinstance(spec, Mapping) else {}
        return Field(
            python_name=registry.claim(naming.field_name(wire), separator="_"),
            wire_name=wire,
            type=expr,
            required=required,
            doc=text_of(node, "description") or text_of(node, "title"),
            default=value_literal(node["default"]) if "default" in node else None,
            read_only=node.get("readOnly") is True,
            write_only=node.get("writeOnly") is True,
            deprecated=node.get("deprecated") is True,
        )
