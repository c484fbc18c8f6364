"""The models product: one module per class or enum under ``models/``, and a lazy ``models/__init__``."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from generator.codegen.imports import import_block, isort_key, natural
from generator.codegen.literals import literal
from generator.codegen.model import Api, EnumClass, Field, ModelClass
from generator.diagnostics import DiagnosticSink
from generator.render.products import RenderJob

#: Discriminator values under this property name are unique document-wide (``#microsoft.graph.user``):
#: one shared table (``models/_odata.py``) instead of one per base class, whose size would grow
#: with depth × types.
SHARED = "@odata.type"
SHARED_MODULE = "models._odata"


def files(api: Api, sink: DiagnosticSink) -> Iterable[RenderJob]:
    shared = sorted(
        {(v, r) for c in api.classes if c.discriminator == SHARED for v, r in c.subtypes}
    )
    for cls in api.classes:
        context = class_context(api, cls)
        yield RenderJob(_path(cls.module), "models/model.py.jinja", context, formatted=True)
    if shared:
        table = [(value, f"{api.package}.{ref.module}", ref.name) for value, ref in shared]
        context = {"table": table}
        yield RenderJob(_path(SHARED_MODULE), "models/table.py.jinja", context, formatted=True)
    for enum in api.enums:
        context = enum_context(enum)
        yield RenderJob(_path(enum.module), "models/enum.py.jinja", context, formatted=True)
    for alias in api.unions:
        checking = {i for i in alias.type.imports if i != alias.ref.import_}
        context = {"alias": alias, "checking_imports": list(import_block(checking, api.package))}
        yield RenderJob(_path(alias.module), "models/union.py.jinja", context, formatted=True)
    exports = exported(api)
    yield RenderJob(
        "models/__init__.py",
        "package/lazy_init.py.jinja",
        lazy_context(api, exports, "models."),
        formatted=True,
    )


def exported(api: Api) -> dict[str, str]:
    """Every class, enum and union alias by name → its module."""
    refs = [c.ref for c in api.classes] + [e.ref for e in api.enums] + [u.ref for u in api.unions]
    return {ref.name: ref.module for ref in refs}


def _path(module: str) -> str:
    return module.replace(".", "/") + ".py"


def lazy_context(api: Api, exports: dict[str, str], strip: str) -> dict[str, Any]:
    """Context for a lazily exporting ``__init__``: name → submodule, relative to that package."""
    return {
        "title": api.title,
        "exports": [
            (name, exports[name].removeprefix(strip)) for name in sorted(exports, key=isort_key)
        ],
        "imports": sorted(
            ((module.removeprefix(strip), name) for name, module in exports.items()),
            key=lambda item: (natural(item[0]), isort_key(item[1])),
        ),
    }


def class_context(api: Api, cls: ModelClass) -> dict[str, Any]:
    base = cls.bases[0] if cls.bases else None
    real = {base.import_} if base else set()
    checking = {i for i in cls.imports if i not in real and i != cls.ref.import_}
    lines_real = list(import_block(real, api.package))
    lines_checking = list(import_block(checking, api.package))
    return {
        "cls": cls,
        "fields": [(f, field_doc(f)) for f in cls.fields],
        "field_specs": field_specs(cls, base.name if base else None),
        "base": base.name if base else "_rt.Model",
        "has_base": base is not None,
        "real_imports": lines_real,
        "checking_imports": lines_checking,
        "subtypes": [
            (value, f"{api.package}.{ref.module}", ref.name) for value, ref in cls.subtypes
        ],
        "shared_table": f"{api.package}.{SHARED_MODULE}" if cls.discriminator == SHARED else "",
    }


def field_specs(cls: ModelClass, base: str | None) -> list[str]:
    """The ``_fields`` tuple's items: the base's fields, then one ``FieldSpec`` per own field."""
    own = [
        f"_rt.FieldSpec({literal(f.python_name)}, {literal(f.wire_name)}, {f.type.codec}, {f.required})"
        for f in cls.fields
    ]
    return ([f"*{base}._fields"] if base else []) + own


def field_doc(field: Field) -> str:
    """The attribute docstring: the description, then what the schema says about the value."""
    notes = ["Read-only."] if field.read_only else []
    notes += ["Write-only."] if field.write_only else []
    notes += ["Deprecated."] if field.deprecated else []
    if field.default is not None:
        notes.append(f"Default: {field.default} (applied by the server: absent unless set).")
    said = field.doc.lower()
    notes = [note for note in notes if note.split(":")[0].rstrip(".").lower() not in said]
    parts = [field.doc.strip(), " ".join(notes)]
    return "\n\n".join(part for part in parts if part)


def enum_context(enum: EnumClass) -> dict[str, Any]:
    return {
        "enum": enum,
        "base": "_rt.OpenIntEnum" if enum.value_type == "int" else "_rt.OpenStrEnum",
    }
