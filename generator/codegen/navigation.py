"""Operations → a URL tree of request builders, the way Graph SDK users navigate an API.

``/users/{user-id}/onlineMeetings/createOrGet`` becomes
``client.users.by_id(user_id).online_meetings.create_or_get(body=...)``: a literal segment is a
property, a ``{param}`` segment is ``by_id(value)``, and a segment with parameters inside
(``getReport(period='{period}')``) is a method taking them (and, when it is a leaf with one
operation, performing it). The operations of a node are methods named after their HTTP method
(``list`` for a paged or array GET, ``create`` for a POST on a collection, ``post`` for an
action); a leaf node with exactly one operation is also callable, so an action reads as a call
(``create_or_get(body=...)``, same as ``create_or_get.post(body=...)``).
Paths that differ only in parameter names (``{id}`` vs ``{user-id}``) share their nodes; each
operation still formats its own template.

Every builder node (except the root, which is the client) is one module, imported only when the
attribute that leads to it is used: that is what keeps ``import <package>.client`` cheap for
thousands of operations.
"""

from __future__ import annotations

import hashlib
import keyword
from collections.abc import Iterable
from dataclasses import dataclass, field

from generator.codegen import naming
from generator.codegen.operations import PARAM_RE, Operation, Parameter

ROOT_RESERVED = frozenset({"close", "aclose"}) | naming.GENERATED_NAMES
_MAX_MODULE = 60
_VERBS = {
    "PATCH": "update",
    "PUT": "put",
    "DELETE": "delete",
    "HEAD": "head",
    "OPTIONS": "options",
    "TRACE": "trace",
}


@dataclass(frozen=True, slots=True)
class Arg:
    python_name: str
    annotation: str


@dataclass(frozen=True, slots=True)
class Step:
    """An accessor from a node to a child node: ``kind`` is property, item or function."""

    kind: str
    name: str
    module: str
    class_name: str
    args: tuple[Arg, ...] = ()


@dataclass(frozen=True, slots=True)
class Method:
    """An operation as a method of a node; ``extra_path`` are path values the method itself takes."""

    name: str
    operation: Operation
    bound: int  # path values the builder already holds
    extra_path: tuple[Parameter, ...]
    own: tuple[Parameter, ...]  # every keyword parameter of the method (extra path values first)


@dataclass(frozen=True, slots=True)
class Node:
    module: str  # "" for the root (the client itself)
    class_name: str
    path: str  # a representative path template, for docstrings
    children: tuple[Step, ...]
    methods: tuple[Method, ...]


@dataclass(frozen=True, slots=True)
class FlatMethod:
    """The operationId-named method on the client and the navigation expression it delegates to."""

    name: str
    method: Method
    chain: str  # after ``self.``: ``users.by_id(user_id).online_meetings.create_or_get``
    #: The last step of the chain (None: the method is the client's own): the flat method builds
    #: that step's builder directly rather than walking the chain.
    builder: Step | None = None
    leaf: bool = False  # the method is the builder's ``__call__``


@dataclass(frozen=True, slots=True)
class TagGroup:
    """The flat methods of one tag, reachable as ``client.tags.<attribute>``."""

    tag: str
    attribute: str
    module: str
    class_name: str
    flat: tuple[FlatMethod, ...]  # sorted by name


@dataclass(frozen=True, slots=True)
class Tree:
    root: Node
    nodes: tuple[Node, ...]  # sorted by module
    flat: tuple[FlatMethod, ...]  # sorted by name
    tags_attribute: str  # the client attribute holding the tag groups ("tags" unless taken)
    tags: tuple[TagGroup, ...]  # sorted by tag


#: The steps from the client to a node, each with the number of path values bound before it.
_Route = tuple[tuple[Step, int], ...]


@dataclass
class _Trie:
    key: tuple[str, ...]
    children: dict[str, _Trie] = field(default_factory=dict)
    ops: list[Operation] = field(default_factory=list)

    def all_ops(self) -> Iterable[Operation]:
        yield from self.ops
        for name in sorted(self.children):
            yield from self.children[name].all_ops()


def segment_key(segment: str) -> str:
    return "{}" if PARAM_RE.fullmatch(segment) else PARAM_RE.sub("{}", segment)


def segments(path: str) -> list[str]:
    return [s for s in path.split("/") if s]


def segment_name(segment: str) -> str:
    """``onlineMeetings`` → online_meetings, ``microsoft.graph.delta()`` → delta, ``$value`` → value."""
    text = PARAM_RE.sub("", segment).split("(")[0].rstrip(":")
    text = text.rsplit(".", 1)[-1] if "." in text.strip(".") else text
    name = naming.snake(text) or "segment"
    if name[0].isdigit():
        name = "n_" + name
    return name + "_" if keyword.iskeyword(name) or keyword.issoftkeyword(name) else name


def build_tree(operations: Iterable[Operation]) -> Tree:
    root = _Trie(())
    for op in operations:
        node = root
        for seg in segments(op.path):
            key = segment_key(seg)
            node = node.children.setdefault(key, _Trie((*node.key, key)))
        node.ops.append(op)
    return _Namer(root).tree()


def tag_groups(flat: Iterable[FlatMethod]) -> tuple[TagGroup, ...]:
    by_tag: dict[str, list[FlatMethod]] = {}
    for entry in flat:
        by_tag.setdefault(entry.method.operation.tag, []).append(entry)
    attributes = naming.Registry(naming.GENERATED_NAMES)
    modules = naming.Registry(fold=str.lower)
    classes = naming.Registry(naming.GENERATED_NAMES | {"Tags", "AsyncTags"})
    groups = []
    for tag in sorted(by_tag):
        base = naming.snake(tag) or "default"
        base = base if not base[0].isdigit() else "tag_" + base
        attribute = attributes.claim(base + "_" if keyword.iskeyword(base) else base, separator="_")
        module = modules.claim(attribute.rstrip("_"), separator="_")
        class_name = classes.claim(naming.pascal(module) + "Operations")
        groups.append(TagGroup(tag, attribute, module, class_name, tuple(by_tag[tag])))
    return tuple(groups)


class _Namer:
    def __init__(self, root: _Trie) -> None:
        self.root = root
        self.modules = naming.Registry(fold=str.lower)
        self.classes = naming.Registry(naming.GENERATED_NAMES)
        self.nodes: list[Node] = []
        self.pending: list[tuple[Method, _Route, bool]] = []

    def tree(self) -> Tree:
        root = self.node(self.root, "", "Client", route=())
        taken = {s.name for s in root.children} | {m.name for m in root.methods}
        names = naming.Registry(ROOT_RESERVED | taken)
        tags_attribute = names.claim("tags", separator="_")
        flat = [
            FlatMethod(
                names.claim(method.operation.python_name, separator="_"),
                method,
                self.chain(route, method, leaf),
                route[-1][0] if route else None,
                leaf,
            )
            for method, route, leaf in self.pending
        ]
        flat.sort(key=lambda f: f.name)
        return Tree(
            root,
            tuple(sorted(self.nodes, key=lambda n: n.module)),
            tuple(flat),
            tags_attribute,
            tag_groups(flat),
        )

    def module_for(self, trie: _Trie) -> tuple[str, str]:
        words = [segment_name(k) if k != "{}" else "item" for k in trie.key]
        name = "_".join(words)
        if len(name) > _MAX_MODULE:
            digest = hashlib.sha1("/".join(trie.key).encode()).hexdigest()[:8]
            name = f"{name[: _MAX_MODULE - 9]}_{digest}"
        module = self.modules.claim(name, separator="_")
        return module, self.classes.claim(naming.pascal(module) + "Builder")

    def node(self, trie: _Trie, module: str, class_name: str, route: _Route) -> Node:
        names = naming.Registry(ROOT_RESERVED if not trie.key else ())
        bound = sum(k.count("{}") for k in trie.key)
        sample = next(iter(trie.all_ops()), None)
        children: list[Step] = []
        methods: list[Method] = []
        for key in sorted(trie.children):
            sub = trie.children[key]
            rep = next(iter(sub.all_ops()))
            n_args = key.count("{}")
            args = tuple(
                Arg(p.python_name, p.annotation)
                for p in rep.path_parameters[bound : bound + n_args]
            )
            if n_args and key != "{}" and not sub.children and len(sub.ops) == 1:
                name = names.claim(segment_name(key), separator="_")
                methods.append(self.method(name, sub.ops[0], bound))
                continue
            kind = "item" if key == "{}" else ("function" if n_args else "property")
            name = names.claim("by_id" if kind == "item" else segment_name(key), separator="_")
            sub_module, sub_class = self.module_for(sub)
            step = Step(kind, name, sub_module, sub_class, args)
            children.append(step)
            sub_route = (*route, (step, bound))
            self.nodes.append(self.node(sub, sub_module, sub_class, sub_route))
        for op in sorted(trie.ops, key=lambda o: (o.method, o.path)):
            verb = self.verb(op, trie)
            methods.append(self.method(names.claim(verb, separator="_"), op, bound))
        if trie.key and not trie.children and len(trie.ops) == 1:
            self.pending.append((methods[0], route, True))  # call the leaf itself
            methods.append(self.method("__call__", trie.ops[0], bound))
        else:
            self.pending.extend((method, route, False) for method in methods)
        path = sample.path if sample else "/"
        return Node(module, class_name, path, tuple(children), tuple(methods))

    @classmethod
    def chain(cls, route: _Route, method: Method, leaf: bool) -> str:
        """The navigation expression for ``method``, with its operation's own parameter names."""
        parts = [step.name + cls.call(step, method.operation, bound) for step, bound in route]
        return ".".join(parts if leaf else [*parts, method.name])

    @staticmethod
    def call(step: Step, op: Operation, bound: int) -> str:
        """The accessor call in a flat method's chain, with ``op``'s own parameter names."""
        values = op.path_parameters[bound : bound + len(step.args)]
        if step.kind == "item":
            return f"({values[0].python_name})"
        if step.kind == "function":
            pairs = ", ".join(
                f"{a.python_name}={v.python_name}" for a, v in zip(step.args, values, strict=True)
            )
            return f"({pairs})"
        return ""

    @staticmethod
    def method(name: str, op: Operation, bound: int) -> Method:
        extra = op.path_parameters[bound:]
        others = tuple(p for p in op.parameters if p.location != "path")
        return Method(name, op, bound, extra, extra + others)

    @staticmethod
    def verb(op: Operation, trie: _Trie) -> str:
        if op.method == "GET":
            many = op.response.paging is not None or op.response.annotation.startswith("list[")
            return "list" if many else "get"
        if op.method == "POST":
            collection = "{}" in trie.children or any(
                o.method == "GET" and o.response.paging is not None for o in trie.ops
            )
            return "create" if collection else "post"
        return _VERBS.get(op.method, op.method.lower())
