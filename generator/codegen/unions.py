"""``oneOf``/``anyOf`` → union type expressions, decoded by discriminator or branch by branch.

A component union also gets a name: a type alias module (:class:`UnionAlias`) for annotations.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from generator.codegen import naming, types
from generator.codegen.loader import child, unescape
from generator.codegen.model import TypeExpr, UnionAlias
from generator.codegen.schema_facts import COMPONENT_SCHEMAS, is_null_branch, text_of

if TYPE_CHECKING:
    from generator.codegen.schemas import SchemaBuilder


def union_type(
    builder: SchemaBuilder, node: Mapping[str, Any], pointer: str, hint: str
) -> TypeExpr:
    key = "oneOf" if "oneOf" in node else "anyOf"
    options = node[key]
    if not isinstance(options, list) or not options:
        builder.defect(pointer, f"`{key}` must be a non-empty list; typed as Any")
        return types.ANY
    branches: list[TypeExpr] = []
    targets: list[str] = []
    nullable = False
    for i, option in enumerate(options):
        if is_null_branch(option):
            nullable = True
            continue
        where = child(pointer, key, i)
        title = text_of(option, "title") if isinstance(option, Mapping) else ""
        branches.append(builder.type_of(option, where, hint + naming.pascal(title or str(i + 1))))
        targets.append(builder.resolver.follow(option, where)[1])
    if not branches:
        return types.ANY
    disc = node.get("discriminator")
    disc = disc if isinstance(disc, Mapping) else {}
    prop = disc.get("propertyName")
    mapping: list[tuple[str, int]] = []
    if isinstance(prop, str):
        mapping = _union_mapping(builder, disc, prop, targets)
    expr = types.union(branches, prop if isinstance(prop, str) else None, mapping)
    return types.nullable(expr) if nullable else expr


def named_union(
    builder: SchemaBuilder, node: Mapping[str, Any], pointer: str, expr: TypeExpr
) -> TypeExpr:
    """A component union becomes an alias (``Name = A | B``); uses keep the inline codec."""
    ref = builder.names.get(pointer)
    if ref is None or " | " not in types.non_null(expr).annotation:
        return expr
    inner = types.non_null(expr)
    doc = text_of(node, "description") or text_of(node, "title")
    builder.unions[pointer] = UnionAlias(ref, pointer, doc, inner)
    alias = TypeExpr(ref.name, inner.codec, (ref.import_,))
    return types.nullable(alias) if expr.nullable else alias


def _union_mapping(
    builder: SchemaBuilder, disc: Mapping[str, Any], prop: str, targets: list[str]
) -> list[tuple[str, int]]:
    """Discriminator value → branch index: the explicit mapping, then each branch's own tag."""
    index = {target: i for i, target in enumerate(targets)}
    result: dict[str, int] = {}
    explicit = disc.get("mapping")
    for value, ref in (explicit if isinstance(explicit, Mapping) else {}).items():
        if isinstance(ref, str):
            target = ref if ref.startswith("#") else COMPONENT_SCHEMAS + ref
            if target in index:
                result[str(value)] = index[target]
    for target, i in index.items():
        for value in _tags(builder, target, prop):
            result.setdefault(value, i)
    return sorted(result.items())


def _tags(builder: SchemaBuilder, pointer: str, prop: str) -> list[str]:
    """The discriminator values a schema declares for ``prop`` (a const or a short enum)."""
    node = builder.resolver.get(pointer)
    parts = [node] + (list(node.get("allOf") or []) if isinstance(node, Mapping) else [])
    for part in parts:
        props = part.get("properties") if isinstance(part, Mapping) else None
        spec = props.get(prop) if isinstance(props, Mapping) else None
        if isinstance(spec, Mapping):
            if isinstance(spec.get("const"), str):
                return [spec["const"]]
            values = spec.get("enum")
            if isinstance(values, list) and all(isinstance(v, str) for v in values):
                return list(values)
    if pointer.startswith(COMPONENT_SCHEMAS):
        return [unescape(pointer[len(COMPONENT_SCHEMAS) :])]
    return []
