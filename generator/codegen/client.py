"""Operations and the URL tree → what the client templates print, every expression precomputed.

A builder method and the flat method that delegates to it share one :class:`MethodView` shape, so the
one template macro renders both, for ``Client`` and ``AsyncClient`` alike.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace

from generator.codegen import naming
from generator.codegen.imports import import_block
from generator.codegen.literals import literal, tuple_literal
from generator.codegen.model import Import
from generator.codegen.navigation import FlatMethod, Method, Node, Step, TagGroup, Tree
from generator.codegen.operations import Operation, Parameter


@dataclass(frozen=True, slots=True)
class MethodView:
    name: str
    params: tuple[str, ...]  # "top: int | None = None"
    returns: str  # the result annotation (paged: the item type)
    kind: str  # json | optional_json | binary | text | empty | paged
    doc: str
    op_const: str = ""  # builder methods: the module's Operation constant
    send_args: tuple[str, ...] = ()  # builder methods: keyword arguments of Sender.send
    codec: str = ""  # json / optional_json / paged: the codec of the result (or item)
    item_name: str = ""  # paged: literals
    next_name: str = ""
    #: Flat methods: the delegated call (``.get(select=select)``, or ``(…)`` for ``__call__``) on
    #: ``target``: ``builder``, built from ``builder_module``/``builder_class`` and the path
    #: values ``builder_path``, or the client itself (``self``, ``self._client`` in tag groups).
    call: str = ""
    target: str = ""
    builder_module: str = ""
    builder_class: str = ""
    builder_path: str = ""
    sender: str = ""  # the expression for the client's sender


@dataclass(frozen=True, slots=True)
class StepView:
    kind: str  # property | call
    name: str
    params: tuple[str, ...]  # "user_id: str"
    module: str
    class_name: str
    path_expr: str  # the child's path tuple


@dataclass(frozen=True, slots=True)
class OpConst:
    name: str
    expr: str  # Operation(...) call


@dataclass(frozen=True, slots=True)
class ModuleView:
    """One module's builders: its steps, its methods, and what it imports."""

    class_name: str
    path: str
    steps: tuple[StepView, ...]
    methods: tuple[MethodView, ...]
    ops: tuple[OpConst, ...]
    imports: tuple[str, ...]  # import lines ("" between sections)
    type_imports: tuple[str, ...]  # the same, under ``if TYPE_CHECKING:``
    bases: tuple[str, ...] = ("Builder",)  # of the sync class; the async one adds ``Async``


#: What ``client/_client.py`` (``Client.__init__``, the tag groups) imports besides its bases.
CLIENT_IMPORTS = frozenset(
    {
        Import("collections.abc", "Mapping"),
        Import("collections.abc", "Sequence"),
        Import("typing", "Self"),
        Import("", "httpx"),
        Import("client._auth", "AsyncCredential", True),
        Import("client._auth", "Credential", True),
        Import("client._core", "AsyncSender", True),
        Import("client._core", "Sender", True),
        Import("client._retry", "RetryPolicy", True),
    }
)
CLIENT_TYPE_IMPORTS = frozenset(
    {Import("client._tags", "AsyncTags", True), Import("client._tags", "Tags", True)}
)
BUILDER = Import("client._core", "Builder", True)
#: Flat (operationId-named) methods per module under ``client/_flat/``: a large spec has thousands,
#: and one module holding all of them would be black's largest job by far.
FLAT_PER_MODULE = 150
_RUNTIME = Import("", "_runtime", True, alias="_rt")


def _header(
    package: str,
    methods: list[MethodView],
    real: set[Import],
    checking: set[Import],
    defined: Iterable[str],
) -> tuple[tuple[str, ...], tuple[str, ...], list[MethodView]]:
    """(imports, type-checking imports, methods) of a client module.

    A name imported for real is not imported again for type checking. A model whose name is
    taken in the module (the runtime's ``Operation``, a builder class) is imported under an alias
    (``Operation as OperationModel``), and the methods' annotations say so.
    """
    checking = {i for i in checking if i not in real}
    if checking:
        real.add(Import("typing", "TYPE_CHECKING"))
    if any(_casts(m) for m in methods):
        real.add(Import("typing", "cast"))
    taken = {i.alias or i.name for i in real} | set(defined)
    taken |= {i.alias or i.name for i in checking if not i.module.startswith("models.")}
    used = taken | {i.name for i in checking}  # an alias must not be another import's name
    renamed: dict[str, str] = {}
    for item in sorted(checking, key=lambda i: (i.module, i.name)):
        if item.local and item.module.startswith("models.") and item.name in taken:
            alias = item.name + "Model"
            while alias in used:
                alias += "_"
            used.add(alias)
            renamed[item.name] = alias
            checking = (checking - {item}) | {replace(item, alias=alias)}
    if renamed:
        methods = [_rename_method(m, renamed) for m in methods]
    return import_block(real, package), import_block(checking, package), methods


def module_view(
    node: Node,
    package: str,
    flat: Iterable[FlatMethod] = (),
    *,
    base: Import = BUILDER,
) -> ModuleView:
    consts = naming.Registry()
    methods: list[MethodView] = []
    ops: list[OpConst] = []
    imports: set[Import] = set()
    for method in node.methods:
        const = consts.claim("_OP_" + method.name.upper(), separator="_")
        ops.append(OpConst(const, operation_expr(method.operation)))
        methods.append(builder_method(method, const))
        imports.update(method.operation.imports)
    for entry in flat:
        methods.append(flat_method(entry))
        imports.update(entry.method.operation.imports)
    steps = tuple(step_view(s) for s in node.children)
    shadowed = ({s.name for s in steps} | {m.name for m in methods}) & _BUILTIN_TYPES
    if shadowed:  # annotations name such a builtin as ``builtins.<name>``
        qualified = {name: f"builtins.{name}" for name in shadowed}
        methods = [_rename_method(m, qualified) for m in methods]
        steps = tuple(replace(s, params=_rename(s.params, qualified)) for s in steps)
        imports.add(Import("", "builtins"))
    imports = _referenced(imports | _TYPING, methods, steps)
    for s in node.children:
        module = f"client._paths.{s.module}"
        imports.update(
            {Import(module, s.class_name, True), Import(module, "Async" + s.class_name, True)}
        )
    real = {base, replace(base, name="Async" + base.name)}
    real.update(
        Import("client._request", name, True)
        for name in ("NO_BODY", "Operation")
        if _mentions(name, methods, ops)
    )
    if any(m.kind == "paged" for m in methods):
        real |= {
            Import("client._paging", "AsyncPageIterator", True),
            Import("client._paging", "PageIterator", True),
        }
    if any(m.codec for m in methods if m.op_const):
        real.add(_RUNTIME)
    defined = (node.class_name, "Async" + node.class_name)
    lines, type_lines, methods = _header(package, methods, real, imports, defined)
    return ModuleView(
        class_name=node.class_name,
        path=node.path,
        steps=steps,
        methods=tuple(methods),
        ops=tuple(ops),
        imports=lines,
        type_imports=type_lines,
        bases=(base.name,),
    )


def _casts(method: MethodView) -> bool:
    """Whether the method template casts a decoded value (see ``method`` in ``_macros.jinja``)."""
    return not method.call and method.kind in {"json", "optional_json", "paged"}


def _mentions(name: str, methods: Iterable[MethodView], ops: Iterable[OpConst]) -> bool:
    texts = [op.expr for op in ops] + [arg for m in methods for arg in m.send_args]
    return any(name in _identifiers(text) for text in texts)


def _identifiers(text: str) -> set[str]:
    return {match.group(1) for match in _NAME.finditer(text)}


def _referenced(
    imports: set[Import], methods: Iterable[MethodView], steps: Iterable[StepView]
) -> set[Import]:
    """The imports whose name the module's signatures mention: an unused import fails F401."""
    texts = [t for m in methods for t in (*m.params, m.returns)]
    texts += [t for s in steps for t in s.params]
    names = set().union(*(_identifiers(text) for text in texts))
    return {i for i in imports if i.name in names}


#: Builtins that annotations use and that a member of a builder may be named (``list()``).
_BUILTIN_TYPES = frozenset(
    {"bool", "bytes", "dict", "float", "int", "list", "object", "set", "str"}
)
_NAME = re.compile(r"(?<![\w.])([A-Za-z_]\w*)")


def _rename(texts: tuple[str, ...], names: dict[str, str]) -> tuple[str, ...]:
    """``texts`` (annotations, or ``name: annotation = default`` parameters, whose parameter names
    are left alone) with the identifiers in ``names`` replaced."""

    def sub(match: re.Match[str]) -> str:
        return names.get(match.group(1), match.group(1))

    out = []
    for text in texts:
        head, sep, tail = text.partition(": ")
        out.append(head + sep + _NAME.sub(sub, tail) if sep else _NAME.sub(sub, text))
    return tuple(out)


def _rename_method(view: MethodView, names: dict[str, str]) -> MethodView:
    (returns,) = _rename((view.returns,), names)
    return replace(view, params=_rename(view.params, names), returns=returns)


_TYPING = {
    Import("collections.abc", "Mapping"),
    Import("collections.abc", "Sequence"),
    Import("typing", "IO"),
    Import("typing", "Any"),
}


def step_view(step: Step) -> StepView:
    if step.kind == "property":
        return StepView("property", step.name, (), step.module, step.class_name, "self._path")
    params = tuple(f"{a.python_name}: {a.annotation}" for a in step.args)
    values = "".join(f", {a.python_name}" for a in step.args)
    return StepView(
        "call", step.name, params, step.module, step.class_name, f"(*self._path{values})"
    )


def operation_expr(op: Operation) -> str:
    args = [
        literal(op.method),
        literal(op.path_format),
        literal(op.path),
        literal(op.operation_id),
    ]
    if op.scopes:
        args.append(f"scopes={tuple_literal(literal(s) for s in op.scopes)}")
    if op.idempotent:
        args.append("idempotent=True")
    if op.body is not None:
        args.append(f"content_type={literal(op.body.content_type)}")
    if op.response.content_type and op.response.kind != "json":
        args.append(f"accept={literal(op.response.content_type)}")
    return f"Operation({', '.join(args)})"


def _signature(params: Iterable[Parameter], op: Operation) -> tuple[str, ...]:
    out = [f"{p.python_name}: {p.annotation}" + ("" if p.required else " = None") for p in params]
    if op.body is not None:
        optional = "" if op.body.required else " | None = None"
        out.append(f"body: {op.body.annotation}{optional}")
    return tuple(out)


def _result(op: Operation) -> tuple[str, str]:
    """(kind, codec) of the method's result."""
    response = op.response
    if response.paging is not None:
        return "paged", response.paging.item.codec
    if response.kind == "json" and response.type is not None:
        return ("optional_json" if response.optional else "json"), response.type.codec
    return response.kind, ""


def builder_method(method: Method, const: str) -> MethodView:
    op = method.operation
    kind, codec = _result(op)
    extra = "".join(f", {p.python_name}" for p in method.extra_path)
    send = [f"path=(*self._path{extra})" if extra else "path=self._path"]
    query = [p for p in method.own if p.location == "query"]
    if query:
        items = (f"({literal(p.wire_name)}, {p.python_name}, {p.explode})" for p in query)
        send.append(f"query={tuple_literal(items)}")
    for location, argument in (("header", "headers"), ("cookie", "cookies")):
        named = [p for p in method.own if p.location == location]
        if named:
            pairs = (f"({literal(p.wire_name)}, {p.python_name})" for p in named)
            send.append(f"{argument}={tuple_literal(pairs)}")
    if op.body is not None:
        send.append("body=body" if op.body.required else "body=NO_BODY if body is None else body")
    paging = op.response.paging
    return MethodView(
        name=method.name,
        params=_signature(method.own, op),
        returns=op.response.annotation,
        kind=kind,
        doc=docstring(op, method.own),
        op_const=const,
        send_args=tuple(send),
        codec=codec,
        item_name=literal(paging.item_name) if paging else "",
        next_name=literal(paging.next_name) if paging else "",
    )


def flat_method(entry: FlatMethod, *, via_client: bool = False) -> MethodView:
    """The flat method on the client, or (``via_client``) its copy in a tag group."""
    op = entry.method.operation
    own = list(entry.method.own)
    path_params = op.path_parameters[: entry.method.bound]
    args = [f"{p.python_name}={p.python_name}" for p in own]
    if op.body is not None:
        args.append("body=body")
    kind, codec = _result(op)
    client = "self._client" if via_client else "self"
    arguments = f"({', '.join(args)})"
    step = entry.builder
    return MethodView(
        name=entry.name,
        params=_signature([*path_params, *own], op),
        returns=op.response.annotation,
        kind=kind,
        doc=short_docstring(op, entry.chain),
        codec=codec,
        call=arguments if entry.leaf else f".{entry.method.name}{arguments}",
        target="builder" if step else client,
        builder_module=step.module if step else "",
        builder_class=step.class_name if step else "",
        builder_path=tuple_literal(p.python_name for p in path_params) if step else "",
        sender=f"{client}._sender",
    )


def docstring(op: Operation, params: Iterable[Parameter]) -> str:
    """Summary, description, arguments, result, errors, permissions and the source page."""
    parts = [op.summary or f"{op.method} {op.path}"]
    if op.description and op.description != op.summary:
        parts.append(op.description)
    lines = [f"    {p.python_name}: {_one_line(p.doc) or p.wire_name}" for p in params]
    if op.body is not None:
        lines.append(
            f"    body: {_one_line(op.body.doc) or 'the request body'} ({op.body.content_type})"
        )
    if lines:
        parts.append("Args:\n" + "\n".join(lines))
    result = "an iterator over the items of every page" if op.response.paging else None
    if result:
        parts.append(f"Returns:\n    {result} (``.pages()`` for page-level access).")
    parts.append("Raises:\n    ApiError: the response status was not 2xx (a subclass per status).")
    facts = [f"HTTP: ``{op.method} {op.path}`` (operationId ``{op.operation_id}``)"]
    if op.all_scopes:
        facts.append("Permissions: " + ", ".join(op.all_scopes))
    if op.deprecated:
        facts.append("Deprecated.")
    if op.source:
        facts.append(f"Source: {op.source}")
    parts.append("\n".join(facts))
    return "\n\n".join(parts)


def short_docstring(op: Operation, chain: str) -> str:
    """A flat method's docstring: what it does and where the full documentation is.

    Kept short on purpose: the client class holds one flat method per operation (twice, sync and
    async), and its size is what ``import <package>.client`` pays for.
    """
    first = _one_line(op.summary) or _one_line(op.description).split(". ")[0] or op.operation_id
    return (
        f"{first}\n\n``{op.method} {op.path}``; same as ``client.{chain}(...)``, documented there."
    )


def _one_line(text: str) -> str:
    return " ".join(text.split())


ROOT = Node("_root", "Root", "/", (), ())


def root_view(tree: Tree, package: str) -> ModuleView:
    """``client/_root.py``: the navigation from the client, and the operations on ``/``."""
    return module_view(replace(tree.root, module=ROOT.module, class_name=ROOT.class_name), package)


def flat_views(tree: Tree, package: str) -> list[tuple[str, ModuleView]]:
    """(module, view) of each ``client/_flat/`` module: a class of flat methods over ``Root``."""
    views = []
    for start in range(0, len(tree.flat), FLAT_PER_MODULE):
        number = start // FLAT_PER_MODULE + 1
        node = replace(ROOT, module=f"part{number:03d}", class_name=f"Flat{number:03d}")
        chunk = tree.flat[start : start + FLAT_PER_MODULE]
        base = Import(f"client.{ROOT.module}", ROOT.class_name, True)
        views.append((node.module, module_view(node, package, chunk, base=base)))
    return views


def client_view(flat: list[tuple[str, ModuleView]], package: str) -> ModuleView:
    """``client/_client.py``: ``Client`` over every flat class (or over ``Root`` when none)."""
    bases = [Import(f"client._flat.{m}", v.class_name, True) for m, v in flat]
    bases = bases or [Import(f"client.{ROOT.module}", ROOT.class_name, True)]
    real = set(CLIENT_IMPORTS) | {
        b for base in bases for b in (base, replace(base, name="Async" + base.name))
    }
    lines, type_lines, _ = _header(package, [], real, set(CLIENT_TYPE_IMPORTS), ())
    return ModuleView(
        class_name="Client",
        path="/",
        steps=(),
        methods=(),
        ops=(),
        imports=lines,
        type_imports=type_lines,
        bases=tuple(b.name for b in bases),
    )


def tag_view(group: TagGroup, package: str) -> ModuleView:
    """A tag group's module: its operations' flat methods, delegating to the client's."""
    methods = tuple(flat_method(entry, via_client=True) for entry in group.flat)
    imports = {i for entry in group.flat for i in entry.method.operation.imports} | _TYPING
    imports = _referenced(imports, methods, ())
    imports |= {
        Import("client._client", "Client", True),
        Import("client._client", "AsyncClient", True),
    }
    real: set[Import] = set()
    if any(m.kind == "paged" for m in methods):
        real |= {
            Import("client._paging", "AsyncPageIterator", True),
            Import("client._paging", "PageIterator", True),
        }
    defined = (group.class_name, "Async" + group.class_name)
    lines, type_lines, view_methods = _header(package, list(methods), real, imports, defined)
    return ModuleView(
        class_name=group.class_name,
        path=group.tag,
        steps=(),
        methods=tuple(view_methods),
        ops=(),
        imports=lines,
        type_imports=type_lines,
    )
