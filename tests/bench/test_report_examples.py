from __future__ import annotations

from bench.metadata_report.examples import (
    ExampleValidator,
    nullable_to_json_schema,
    scan_examples,
    strip_annotations,
)

PAGE = """# Get user

```http
GET /users/{id}
```

<!-- { "blockType": "request" } -->
```http
POST https://graph.microsoft.com/v1.0/users
Content-Type: application/json

{"displayName": "x"}
```

```http
HTTP/1.1 200 OK
Content-Type: application/json

{
  "id": "1"
}
```

```http
HTTP/1.1 204 No Content
```

```json
{"not": "an example"}
```
"""


def test_only_http_messages_with_json_bodies_are_examples() -> None:
    assert scan_examples("v1.0/api/user-get.md", PAGE) == {
        ("api/user-get.md", "request"): 1,
        ("api/user-get.md", "response"): 1,
    }


def test_nullable_becomes_a_null_type() -> None:
    assert nullable_to_json_schema({"type": "string", "nullable": True}) == {
        "type": ["string", "null"]
    }
    assert nullable_to_json_schema({"enum": ["a"], "type": "string", "nullable": True}) == {
        "enum": ["a", None],
        "type": ["string", "null"],
    }
    ref = {"$ref": "#/x", "nullable": True}
    assert nullable_to_json_schema(ref) == {"anyOf": [{"$ref": "#/x"}, {"type": "null"}]}
    assert nullable_to_json_schema({"nullable": False, "type": "integer"}) == {"type": "integer"}


def test_annotations_are_not_properties() -> None:
    value = {"@odata.context": "c", "a": [{"@odata.type": "#t", "b": 1}], "m@odata.bind": []}
    assert strip_annotations(value) == {"a": [{"b": 1}]}


def test_the_single_entity_value_wrapper_is_unwrapped_when_needed() -> None:
    document = {
        "openapi": "3.0.3",
        "components": {
            "schemas": {
                "t": {
                    "type": "object",
                    "properties": {"a": {"type": "integer"}},
                    "additionalProperties": False,
                }
            }
        },
    }
    validator = ExampleValidator(document)
    schema = {"$ref": "#/components/schemas/t"}
    assert validator.errors(schema, {"value": {"a": 1}}) == []
    assert validator.errors(schema, {"a": 1, "@odata.type": "#t"}) == []
    assert validator.errors(schema, {"a": "x"}) == ["a: 'x' is not of type 'integer'"]
    assert validator.errors(None, {}) == ["the operation has no schema for this body"]


def test_openapi_31_schemas_are_used_as_they_are() -> None:
    document = {
        "openapi": "3.1.0",
        "components": {"schemas": {"t": {"type": ["string", "null"]}}},
    }
    validator = ExampleValidator(document)
    assert validator.errors({"$ref": "#/components/schemas/t"}, None) == []
    assert validator.errors({"$ref": "#/components/schemas/t"}, 3) != []
