"""Black-box: generate models from small specs, import them, and exercise decoding/encoding."""

from __future__ import annotations

import importlib
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from tests.codegen.helpers import generate, imported, spec

ENTITY = "#/components/schemas/microsoft.graph.entity"
DIRECTORY_OBJECT = "#/components/schemas/microsoft.graph.directoryObject"

GRAPH = spec(
    {
        "microsoft.graph.entity": {
            "type": "object",
            "properties": {"id": {"type": "string"}, "@odata.type": {"type": "string"}},
        },
        "microsoft.graph.directoryObject": {
            "allOf": [
                {"$ref": ENTITY},
                {
                    "type": "object",
                    "properties": {
                        "deletedDateTime": {
                            "type": "string",
                            "format": "date-time",
                            "nullable": True,
                        }
                    },
                },
            ]
        },
        "microsoft.graph.user": {
            "allOf": [
                {"$ref": DIRECTORY_OBJECT},
                {
                    "type": "object",
                    "properties": {
                        "displayName": {"type": "string", "nullable": True},
                        "manager": {"$ref": DIRECTORY_OBJECT},
                        "accountType": {"$ref": "#/components/schemas/microsoft.graph.accountType"},
                        "photo": {"type": "string", "format": "byte"},
                        "birthday": {"type": "string", "format": "date"},
                        "workHours": {"type": "string", "format": "duration"},
                        "tenant": {"type": "string", "format": "uuid"},
                        "settings": {"type": "object", "additionalProperties": {"type": "integer"}},
                        "address": {
                            "type": "object",
                            "properties": {"city": {"type": "string"}},
                        },
                    },
                },
            ]
        },
        "microsoft.graph.group": {
            "allOf": [
                {"$ref": DIRECTORY_OBJECT},
                {
                    "type": "object",
                    "properties": {
                        "members": {"type": "array", "items": {"$ref": DIRECTORY_OBJECT}}
                    },
                },
            ]
        },
        "microsoft.graph.accountType": {
            "type": "string",
            "enum": ["personal", "work", "unknownFutureValue"],
        },
        "microsoft.graph.directoryObjectCollectionResponse": {
            "type": "object",
            "properties": {
                "value": {"type": "array", "items": {"$ref": DIRECTORY_OBJECT}},
                "@odata.nextLink": {"type": "string", "nullable": True},
            },
        },
    }
)


@pytest.fixture(scope="module")
def graph(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ModuleType]:
    out = tmp_path_factory.mktemp("graph")
    assert generate(GRAPH, out, "graphpkg") == []
    with imported(out, "graphpkg") as package:
        yield package


def test_collection_of_base_type_decodes_to_derived_classes(graph: ModuleType) -> None:
    data = {
        "value": [
            {"@odata.type": "#microsoft.graph.user", "id": "1", "displayName": "Ada"},
            {"@odata.type": "#microsoft.graph.group", "id": "2", "members": []},
            {"id": "3"},
        ]
    }
    page = graph.DirectoryObjectCollectionResponse.from_dict(data)
    user, group, plain = page.value
    assert type(user) is graph.User and user.display_name == "Ada"
    assert type(group) is graph.Group and group.members == []
    assert type(plain) is graph.DirectoryObject
    assert page.to_dict() == data


def test_polymorphism_inside_nested_properties(graph: ModuleType) -> None:
    data = {
        "id": "1",
        "manager": {"@odata.type": "#microsoft.graph.user", "id": "0", "displayName": "Boss"},
    }
    user = graph.User.from_dict(data)
    assert type(user.manager) is graph.User and user.manager.display_name == "Boss"
    assert type(graph.Entity.from_dict({"@odata.type": "#microsoft.graph.group"})) is graph.Group
    assert user.to_dict() == data


def test_subtype_lookup_is_a_table(graph: ModuleType) -> None:
    from graphpkg.models import directory_object

    table = directory_object.DirectoryObject._subtypes
    assert table["#microsoft.graph.user"] == ("graphpkg.models.user", "User")


def test_unknown_enum_value_and_unknown_property_survive(graph: ModuleType) -> None:
    data = {"accountType": "education", "newServerField": {"x": [1, 2]}, "id": "7"}
    user = graph.User.from_dict(data)
    assert user.account_type == "education"
    assert isinstance(user.account_type, graph.AccountType)
    assert user.additional_properties == {"newServerField": {"x": [1, 2]}}
    assert user.to_dict() == data
    assert graph.User.from_dict({"accountType": "work"}).account_type is graph.AccountType.WORK


def test_absent_and_null_are_different(graph: ModuleType) -> None:
    assert graph.User().to_dict() == {}
    assert graph.User(display_name=None).to_dict() == {"displayName": None}
    user = graph.User.from_dict({"displayName": None})
    assert user.display_name is None and user.id is graph.UNSET
    assert user.to_dict() == {"displayName": None}
    user.display_name = graph.UNSET
    assert user.to_dict() == {}
    assert repr(graph.User(id="1", additional_properties={"x": 1})) == (
        "User(id='1', additional_properties={'x': 1})"
    )


def test_values_keep_their_text(graph: ModuleType) -> None:
    data = {
        "deletedDateTime": "2020-06-19T22:37:39.7411811Z",
        "birthday": "1990-01-02",
        "workHours": "PT8H30M",
        "tenant": "ABCDEF00-0000-4000-8000-000000000000",
        "photo": "aGVsbG8",
        "settings": {"a": 1},
        "address": {"city": "Oslo"},
    }
    user = graph.User.from_dict(data)
    assert user.deleted_date_time.microsecond == 741181
    assert user.work_hours.total_seconds() == 8.5 * 3600
    assert user.photo == b"hello"
    assert user.address.city == "Oslo"
    assert user.to_dict() == data


def test_changed_values_are_formatted_afresh(graph: ModuleType) -> None:
    user = graph.User.from_dict({"deletedDateTime": "2020-06-19T22:37:39.7411811Z"})
    user.deleted_date_time = user.deleted_date_time.replace(year=2021)
    assert user.to_dict() == {"deletedDateTime": "2021-06-19T22:37:39.741181Z"}


def test_lenient_keeps_misfits_strict_raises(graph: ModuleType) -> None:
    rt = importlib.import_module("graphpkg._runtime")  # not imported before a model is
    data = {"deletedDateTime": "String (timestamp)", "displayName": 5}
    user = graph.User.from_dict(data)
    assert user.deleted_date_time is rt.UNSET
    assert user.to_dict() == data
    with pytest.raises(rt.DecodeError) as err:
        graph.User.from_dict(data, strict=True)
    assert err.value.path in {"/deletedDateTime", "/displayName"}


def test_json_helpers(graph: ModuleType) -> None:
    text = '{"@odata.type": "#microsoft.graph.group", "members": [{"id": "x"}]}'
    group = graph.DirectoryObject.from_json(text)
    assert type(group) is graph.Group
    assert graph.DirectoryObject.from_json(group.to_json()) == group


def test_importing_one_model_imports_only_what_it_needs(graph: ModuleType, tmp_path: Path) -> None:
    root = Path(graph.__file__ or "").parent.parent
    code = (
        "import sys; from graphpkg import User; "
        "print(sorted(m for m in sys.modules if m.startswith('graphpkg')))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=root, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == str(
        [
            "graphpkg",
            "graphpkg._runtime",
            "graphpkg.models",
            "graphpkg.models.directory_object",
            "graphpkg.models.entity",
            "graphpkg.models.user",
        ]
    )


def names_spec() -> dict[str, Any]:
    hostile = '"""\nraise SystemExit("executed")\n""" \\ {{ x }} {% y %} \u202e end"'
    props = {
        name: {"type": "string", "description": hostile}
        for name in [
            "class",
            "from",
            "self",
            "2fa",
            "a-b",
            "a_b",
            "A",
            "a",
            "additionalProperties",
            "to_dict",
            "__init__",
            "str",
            "list",
            "datetime",
            "@odata.type",
            "x y.z",
        ]
    }
    return spec(
        {
            "Thing": {"type": "object", "description": hostile, "properties": props},
            "thing": {"type": "object", "properties": {"v": {"type": "integer"}}},
            "../../x": {"type": "object", "properties": {"v": {"type": "integer"}}},
            "None": {"type": "string", "enum": ["c", "C", "", "1", "None", "a b"]},
            "Node": {
                "type": "object",
                "properties": {
                    "next": {"$ref": "#/components/schemas/Node"},
                    "children": {"type": "array", "items": {"$ref": "#/components/schemas/Node"}},
                },
            },
            "A": {"allOf": [{"$ref": "#/components/schemas/B"}], "properties": {"a": {}}},
            "B": {"allOf": [{"$ref": "#/components/schemas/A"}], "properties": {"b": {}}},
        }
    )


def test_hostile_names_and_descriptions(tmp_path: Path) -> None:
    diagnostics = generate(names_spec(), tmp_path, "hostile")
    assert any(d.code == "G002" for d in diagnostics)
    assert not list(tmp_path.parent.glob("x")), "nothing may be written outside the output"
    with imported(tmp_path, "hostile") as package:
        thing = package.Thing
        wires = [spec.wire for spec in thing._fields]
        assert len(wires) == 16 == len({spec.attr for spec in thing._fields})
        assert all(spec.attr.isidentifier() for spec in thing._fields)
        value = {w: w for w in wires}
        assert thing.from_dict(value).to_dict() == value
        assert '\\ {{ x }} {% y %} \u202e end"' in (thing.__doc__ or "")
        assert {package.Thing, package.Thing2} and package.X.from_dict({"v": 1}).v == 1
        member_values = [m.value for m in package.NoneModel]
        assert member_values == ["c", "C", "", "1", "None", "a b"]
        node = package.Node.from_dict({"next": {"next": {}}, "children": [{}]})
        assert node.to_dict() == {"next": {"next": {}}, "children": [{}]}


def test_defects_are_warnings_with_pointers(tmp_path: Path) -> None:
    bad = spec(
        {
            "Bad": {
                "type": "object",
                "properties": {
                    "seed": {"type": "int64"},
                    "list": {"type": "array"},
                    "rec": {"$recursiveRef": "#"},
                    "ref": {"$ref": "#/components/schemas/Missing"},
                    "far": {"$ref": "other.yaml#/x"},
                },
            }
        }
    )
    diagnostics = generate(bad, tmp_path, "defects")
    messages = {(d.code, d.message.split(":")[0]) for d in diagnostics}
    root = "#/components/schemas/Bad/properties"
    assert ("G001", f"{root}/seed") in messages
    assert ("G001", f"{root}/list") in messages
    assert ("G001", f"{root}/rec") in messages
    assert ("G003", f"{root}/ref") in messages
    assert ("G003", f"{root}/far") in messages
    with imported(tmp_path, "defects") as package:
        data = {"seed": 1, "list": [1, "a"], "rec": {}, "ref": 1, "far": None}
        assert package.Bad.from_dict(data).to_dict() == data


def test_unions_by_discriminator_and_by_trying(tmp_path: Path) -> None:
    cat = {"type": "object", "required": ["kind"], "properties": {"kind": {"enum": ["cat"]}}}
    dog = {
        "type": "object",
        "required": ["kind", "bark"],
        "properties": {"kind": {"enum": ["dog"]}, "bark": {"type": "boolean"}},
    }
    doc = spec(
        {
            "Cat": cat,
            "Dog": dog,
            "AnyPet": {
                "anyOf": [
                    {"$ref": "#/components/schemas/Cat"},
                    {"$ref": "#/components/schemas/Dog"},
                ]
            },
            "Owner": {
                "type": "object",
                "properties": {
                    "pet": {
                        "oneOf": [
                            {"$ref": "#/components/schemas/Cat"},
                            {"$ref": "#/components/schemas/Dog"},
                        ],
                        "discriminator": {"propertyName": "kind"},
                    },
                    "either": {
                        "anyOf": [{"type": "integer"}, {"type": "string", "format": "date"}]
                    },
                    "maybe": {"type": ["string", "null"]},
                    "other": {"$ref": "#/components/schemas/AnyPet"},
                    "kitten": {
                        "anyOf": [
                            {"$ref": "#/components/schemas/Cat"},
                            {"type": "object", "nullable": True},
                        ]
                    },
                },
            },
        },
        openapi="3.1.0",
    )
    assert generate(doc, tmp_path, "unions") == []
    with imported(tmp_path, "unions") as package:
        owner = package.Owner.from_dict({"pet": {"kind": "dog", "bark": True}, "either": 3})
        assert type(owner.pet) is package.Dog and owner.either == 3
        with pytest.raises(package.DecodeError) as err:
            package.Dog.from_dict({"kind": "dog", "bark": "loud"})
        assert err.value.path == "/bark" and "expected a boolean" in err.value.message
        with pytest.raises(package.DecodeError, match="'bark' is missing"):
            package.Dog.from_dict({"kind": "dog"})
        owner = package.Owner.from_dict({"pet": {"kind": "cat"}, "either": "2020-01-01"})
        assert type(owner.pet) is package.Cat and owner.either.year == 2020
        data = {"pet": {"kind": "cat"}, "either": "2020-01-01", "maybe": None, "kitten": None}
        assert package.Owner.from_dict(data).to_dict() == data
        kitten = package.Owner.from_dict({"kitten": {"kind": "cat"}}).kitten
        assert type(kitten) is package.Cat
        other = package.Owner.from_dict({"other": {"kind": "dog", "bark": False}}).other
        assert type(other) is package.Dog
        assert package.AnyPet == "Cat | Dog"  # a type alias, for annotations
        assert "other: AnyPet | _rt.Unset" in Path(package.models.owner.__file__).read_text()
        fields = {spec.attr: spec for spec in package.Owner._fields}
        assert type(fields["kitten"].codec).__name__ == "Nullable"
