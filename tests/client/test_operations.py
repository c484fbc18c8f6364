"""The operation model and the URL tree, from small inline specs (no rendering: fast)."""

from __future__ import annotations

from typing import Any

from generator.codegen.build import build_api
from generator.codegen.navigation import Tree, build_tree
from generator.codegen.operations import Operation, build_operations
from generator.diagnostics import DiagnosticSink
from tests.client.specs import MEETINGS_SPEC


def _ops(spec: dict[str, Any]) -> tuple[tuple[Operation, ...], DiagnosticSink]:
    sink = DiagnosticSink()
    api = build_api(spec, package="pkg", source="spec.yaml", sink=sink)
    return build_operations(api, "spec.yaml", sink), sink


def _by_id(ops: tuple[Operation, ...]) -> dict[str, Operation]:
    return {op.operation_id: op for op in ops}


def _tree() -> Tree:
    return build_tree(_ops(MEETINGS_SPEC)[0])


def test_parameters_names_types_and_order() -> None:
    op = _by_id(_ops(MEETINGS_SPEC)[0])["users.listOnlineMeetings"]
    assert op.method == "GET" and op.path_format == "/users/{0}/onlineMeetings"
    assert [(p.python_name, p.location, p.annotation) for p in op.parameters] == [
        ("user_id", "path", "str"),
        ("count", "query", "bool | None"),
        ("filter", "query", "str | None"),
        ("select", "query", "Sequence[str] | str | None"),
        ("top", "query", "int | None"),
    ]
    assert not any(p.explode for p in op.parameters if p.wire_name.startswith("$"))


def test_paging_scopes_idempotency_and_source() -> None:
    ops = _by_id(_ops(MEETINGS_SPEC)[0])
    listing = ops["users.listOnlineMeetings"]
    assert listing.response.paging is not None
    assert listing.response.paging.item.annotation == "OnlineMeeting"
    assert listing.scopes == ("OnlineMeetings.Read", "OnlineMeetings.ReadWrite")
    assert listing.source == "api/user-list-onlinemeetings.md:3"
    assert listing.idempotent
    assert not ops["users.createOnlineMeeting"].idempotent
    assert ops["onlineMeeting.createOrGet"].idempotent  # x-ms-idempotent
    assert ops["users.createOnlineMeeting"].body is not None
    assert ops["users.createOnlineMeeting"].response.annotation == "OnlineMeeting"


def test_bodies_and_results_by_media_type() -> None:
    ops = _by_id(_ops(MEETINGS_SPEC)[0])
    put = ops["me.setPhotoContent"]
    assert put.body is not None and (put.body.kind, put.body.annotation) == (
        "binary",
        "bytes | IO[bytes]",
    )
    assert ops["me.getPhotoContent"].response.annotation == "bytes"
    assert ops["reports.getEmailActivityCounts"].response.annotation == "str"
    assert ops["users.deleteOnlineMeeting"].response.annotation == "None"
    create_or_get = ops["onlineMeeting.createOrGet"]
    assert create_or_get.body is not None
    assert create_or_get.body.annotation.endswith("| Mapping[str, Any]")


def test_x_ms_pageable_with_custom_names() -> None:
    spec = {
        "openapi": "3.0.3",
        "info": {"title": "t", "version": "1"},
        "paths": {
            "/things": {
                "get": {
                    "operationId": "things",
                    "x-ms-pageable": {"nextLinkName": "next", "itemName": "items"},
                    "responses": {
                        "200": {
                            "description": "ok",
                            "content": {
                                "application/json": {
                                    "schema": {
                                        "type": "object",
                                        "properties": {
                                            "items": {
                                                "type": "array",
                                                "items": {"type": "integer"},
                                            },
                                            "next": {"type": "string"},
                                        },
                                    }
                                }
                            },
                        }
                    },
                }
            }
        },
    }
    (op,), _ = _ops(spec)
    assert op.response.paging is not None
    assert (op.response.paging.item_name, op.response.paging.next_name) == ("items", "next")
    assert op.response.paging.item.annotation == "int"


def test_spec_defects_are_warnings_not_failures() -> None:
    spec = {
        "openapi": "3.0.3",
        "info": {"title": "t", "version": "1"},
        "paths": {
            "/a/{undeclared}": {
                "get": {
                    "parameters": [
                        {"name": "ghost", "in": "path", "required": True},
                        {"in": "query"},
                        {"$ref": "#/components/parameters/missing"},
                    ],
                    "responses": {},
                }
            }
        },
    }
    (op,), sink = _ops(spec)
    assert [p.python_name for p in op.parameters] == ["undeclared"]
    assert op.python_name == "get_a_undeclared"  # no operationId: from method and path
    messages = " ".join(d.message for d in sink.items)
    assert "'undeclared' is not declared" in messages and "'ghost' is not in the path" in messages


def test_tree_navigation_and_flat_names() -> None:
    tree = _tree()
    assert [s.name for s in tree.root.children] == ["me", "reports", "sites", "users"]
    nodes = {n.path: n for n in tree.nodes}
    meetings = nodes["/users/{user-id}/onlineMeetings"]
    assert sorted(s.name for s in meetings.children) == ["by_id", "create_or_get"]
    assert sorted(m.name for m in meetings.methods) == ["create", "list"]
    action = nodes["/users/{user-id}/onlineMeetings/createOrGet"]
    assert [m.name for m in action.methods] == ["post", "__call__"]  # a callable leaf
    reports = next(n for n in tree.nodes if n.module == "reports")
    assert [m.name for m in reports.methods] == ["get_email_activity_counts"]  # function inlined
    flat = {f.name: f.chain for f in tree.flat}
    assert (
        flat["online_meeting_create_or_get"] == "users.by_id(user_id).online_meetings.create_or_get"
    )
    assert flat["users_get_online_meeting"] == (
        "users.by_id(user_id).online_meetings.by_id(online_meeting_id).get"
    )
    assert flat["reports_get_email_activity_counts"] == "reports.get_email_activity_counts"
    assert "list_" in flat  # operationId "list" would shadow the builtin


def test_paths_differing_in_parameter_names_share_nodes() -> None:
    ok = {"200": {"description": "ok"}}
    spec = {
        "openapi": "3.0.3",
        "info": {"title": "t", "version": "1"},
        "paths": {
            "/users/{id}": {"get": {"operationId": "a", "responses": ok}},
            "/users/{user-id}/photo": {"get": {"operationId": "b", "responses": ok}},
        },
    }
    tree = build_tree(_ops(spec)[0])
    assert sorted(n.module for n in tree.nodes) == ["users", "users_item", "users_item_photo"]
    flat = {f.name: f.chain for f in tree.flat}
    assert flat == {"a": "users.by_id(id).get", "b": "users.by_id(user_id).photo"}


def test_tree_is_deterministic() -> None:
    assert _tree() == _tree()


def test_tag_groups() -> None:
    tree = _tree()
    assert tree.tags_attribute == "tags"
    groups = {g.tag: g for g in tree.tags}
    assert sorted(groups) == ["default", "users.onlineMeeting"]
    assert groups["users.onlineMeeting"].attribute == "users_online_meeting"
    assert [f.name for f in groups["users.onlineMeeting"].flat] == ["users_list_online_meetings"]


def test_consistency_level_header_is_never_required() -> None:
    spec = {
        "openapi": "3.0.3",
        "info": {"title": "t", "version": "1"},
        "paths": {
            "/users": {
                "get": {
                    "parameters": [
                        {"name": "ConsistencyLevel", "in": "header", "required": True},
                        {"name": "X-Other", "in": "header", "required": True},
                    ],
                    "responses": {},
                }
            }
        },
    }
    (op,), _ = _ops(spec)
    assert [(p.python_name, p.required) for p in op.parameters] == [
        ("consistency_level", False),
        ("x_other", True),
    ]
