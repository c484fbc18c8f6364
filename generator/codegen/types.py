"""Type expressions: primitives by OpenAPI type and format, and the combinators over them.

Each :class:`TypeExpr` pairs an annotation with a codec expression over ``_rt`` (the generated
``_runtime`` module); see :mod:`generator.codegen.model` for the conventions.
"""

from __future__ import annotations

from generator.codegen.literals import literal, tuple_literal
from generator.codegen.model import ClassRef, Import, TypeExpr


def _t(annotation: str, codec: str, *imports: Import) -> TypeExpr:
    return TypeExpr(annotation, codec, tuple(imports))


ANY = _t("Any", "_rt.ANY", Import("typing", "Any"))
STR = _t("str", "_rt.STR")
INT = _t("int", "_rt.INT")
FLOAT = _t("float", "_rt.FLOAT")
BOOL = _t("bool", "_rt.BOOL")
DICT_ANY = _t("dict[str, Any]", "_rt.ANY_OBJECT", Import("typing", "Any"))
DATETIME = _t("datetime.datetime", "_rt.DATETIME", Import("", "datetime"))
DATE = _t("datetime.date", "_rt.DATE", Import("", "datetime"))
TIME = _t("datetime.time", "_rt.TIME", Import("", "datetime"))
DURATION = _t("datetime.timedelta", "_rt.DURATION", Import("", "datetime"))
UUID = _t("uuid.UUID", "_rt.UUID_", Import("", "uuid"))
BYTES = _t("bytes", "_rt.BASE64")
BINARY = _t("bytes", "_rt.BINARY")

STRING_FORMATS = {
    "date-time": DATETIME,
    "date": DATE,
    "time": TIME,
    "duration": DURATION,
    "uuid": UUID,
    "byte": BYTES,
    "base64": BYTES,
    "base64url": BYTES,
    "binary": BINARY,
}

PRIMITIVES = {"string": STR, "integer": INT, "number": FLOAT, "boolean": BOOL}


def string(fmt: object) -> TypeExpr:
    return STRING_FORMATS.get(fmt, STR) if isinstance(fmt, str) else STR


def _merge(*exprs: TypeExpr) -> tuple[Import, ...]:
    return tuple(sorted({i for e in exprs for i in e.imports}))


def list_of(item: TypeExpr) -> TypeExpr:
    return TypeExpr(f"list[{item.annotation}]", f"_rt.ListOf({item.codec})", item.imports)


def map_of(value: TypeExpr) -> TypeExpr:
    return TypeExpr(f"dict[str, {value.annotation}]", f"_rt.MapOf({value.codec})", value.imports)


def nullable(expr: TypeExpr) -> TypeExpr:
    if expr.nullable or expr.annotation == "Any":
        return expr
    return TypeExpr(f"{expr.annotation} | None", f"_rt.Nullable({expr.codec})", expr.imports, True)


def model(ref: ClassRef, package: str) -> TypeExpr:
    return TypeExpr(
        ref.name, f'_rt.ModelOf("{package}.{ref.module}", "{ref.name}")', (ref.import_,)
    )


def enum(ref: ClassRef, package: str) -> TypeExpr:
    return TypeExpr(ref.name, f'_rt.EnumOf("{package}.{ref.module}", "{ref.name}")', (ref.import_,))


def union(
    branches: list[TypeExpr], discriminator: str | None, mapping: list[tuple[str, int]]
) -> TypeExpr:
    """``A | B``: decoded by discriminator value (→ branch index) when known, else branch by branch."""
    has_null = any(b.nullable for b in branches)
    branches = [non_null(b) for b in branches]
    unique: list[TypeExpr] = []
    for branch in branches:
        if branch.annotation not in {u.annotation for u in unique}:
            unique.append(branch)
    if any(b.annotation == "Any" for b in unique):
        return ANY
    if len(unique) == 1:
        return nullable(unique[0]) if has_null else unique[0]
    codecs = tuple_literal(b.codec for b in unique)
    options = ""
    if discriminator is not None and mapping:
        index = {b.annotation: i for i, b in enumerate(unique)}
        table = ", ".join(
            f"{literal(value)}: {index[branches[i].annotation]}" for value, i in sorted(mapping)
        )
        options = f", discriminator={literal(discriminator)}, mapping={{{table}}}"
    annotation = " | ".join(b.annotation for b in unique)
    expr = TypeExpr(annotation, f"_rt.UnionOf({codecs}{options})", _merge(*unique))
    return nullable(expr) if has_null else expr


def non_null(expr: TypeExpr) -> TypeExpr:
    """``X | None`` → ``X`` (its codec unwrapped), so a union states ``None`` once, at the end."""
    if not expr.nullable:
        return expr
    codec = expr.codec.removeprefix("_rt.Nullable(").removesuffix(")")
    return TypeExpr(expr.annotation.removesuffix(" | None"), codec, expr.imports)
