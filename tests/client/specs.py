"""Inline specs for the client tests, and helpers to import what they generate."""

from __future__ import annotations

import importlib
from types import ModuleType
from typing import Any


def import_client(package: str) -> ModuleType:
    return importlib.import_module(f"{package}.client")


def ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def collection(item: str) -> dict[str, Any]:
    return {
        "type": "object",
        "properties": {
            "value": {"type": "array", "items": ref(item)},
            "@odata.nextLink": {"type": "string", "nullable": True},
        },
    }


def _json(schema: dict[str, Any], status: str = "200") -> dict[str, Any]:
    return {status: {"description": "ok", "content": {"application/json": {"schema": schema}}}}


#: A small Graph-shaped API: navigation, paging, an action, binary content, headers, scopes.
MEETINGS_SPEC: dict[str, Any] = {
    "openapi": "3.0.3",
    "info": {"title": "Meetings", "version": "1.0"},
    "servers": [{"url": "https://graph.example.com/v1.0/"}],
    "security": [{"oauth": []}],
    "paths": {
        "/users/{user-id}/onlineMeetings": {
            "parameters": [
                {"name": "user-id", "in": "path", "required": True, "schema": {"type": "string"}}
            ],
            "get": {
                "operationId": "users.listOnlineMeetings",
                "tags": ["users.onlineMeeting"],
                "summary": "List meetings",
                "x-specdown-source": "api/user-list-onlinemeetings.md:3",
                "security": [{"oauth": ["OnlineMeetings.Read", "OnlineMeetings.ReadWrite"]}],
                "parameters": [
                    {"name": "$select", "in": "query", "schema": {"type": "string"}},
                    {"name": "$top", "in": "query", "schema": {"type": "integer"}},
                    {"name": "$count", "in": "query", "schema": {"type": "boolean"}},
                    {"name": "$filter", "in": "query", "schema": {"type": "string"}},
                ],
                "responses": _json(collection("onlineMeeting")),
            },
            "post": {
                "operationId": "users.createOnlineMeeting",
                "security": [{"oauth": ["OnlineMeetings.ReadWrite"]}],
                "requestBody": {
                    "required": True,
                    "content": {"application/json": {"schema": ref("onlineMeeting")}},
                },
                "responses": _json(ref("onlineMeeting"), "201"),
            },
        },
        "/users/{user-id}/onlineMeetings/createOrGet": {
            "post": {
                "operationId": "onlineMeeting.createOrGet",
                "description": "Create or get a meeting by externalId.",
                "x-ms-idempotent": True,
                "parameters": [
                    {
                        "name": "user-id",
                        "in": "path",
                        "required": True,
                        "schema": {"type": "string"},
                    }
                ],
                "requestBody": {
                    "required": True,
                    "content": {
                        "application/json": {
                            "schema": {
                                "type": "object",
                                "properties": {
                                    "externalId": {"type": "string"},
                                    "subject": {"type": "string"},
                                    "startDateTime": {"type": "string", "format": "date-time"},
                                },
                            }
                        }
                    },
                },
                "responses": {
                    **_json(ref("onlineMeeting")),
                    **_json(ref("onlineMeeting"), "201"),
                },
            }
        },
        "/users/{user-id}/onlineMeetings/{onlineMeeting-id}": {
            "get": {
                "operationId": "users.getOnlineMeeting",
                "parameters": [
                    {
                        "name": "user-id",
                        "in": "path",
                        "required": True,
                        "schema": {"type": "string"},
                    },
                    {
                        "name": "onlineMeeting-id",
                        "in": "path",
                        "required": True,
                        "schema": {"type": "string"},
                    },
                    {
                        "name": "$select",
                        "in": "query",
                        "schema": {"type": "array", "items": {"type": "string"}},
                    },
                ],
                "responses": _json(ref("onlineMeeting")),
            },
            "patch": {
                "operationId": "users.updateOnlineMeeting",
                "parameters": [
                    {
                        "name": "user-id",
                        "in": "path",
                        "required": True,
                        "schema": {"type": "string"},
                    },
                    {
                        "name": "onlineMeeting-id",
                        "in": "path",
                        "required": True,
                        "schema": {"type": "string"},
                    },
                ],
                "requestBody": {"content": {"application/json": {"schema": ref("onlineMeeting")}}},
                "responses": {"204": {"description": "No Content"}},
            },
            "delete": {
                "operationId": "users.deleteOnlineMeeting",
                "parameters": [
                    {
                        "name": "user-id",
                        "in": "path",
                        "required": True,
                        "schema": {"type": "string"},
                    },
                    {
                        "name": "onlineMeeting-id",
                        "in": "path",
                        "required": True,
                        "schema": {"type": "string"},
                    },
                    {"name": "If-Match", "in": "header", "schema": {"type": "string"}},
                    {"name": "session", "in": "cookie", "schema": {"type": "string"}},
                    {
                        "name": "tags",
                        "in": "cookie",
                        "schema": {"type": "array", "items": {"type": "string"}},
                    },
                ],
                "responses": {"204": {"description": "No Content"}},
            },
        },
        "/me/onlineMeetings": {
            "get": {
                "operationId": "me.listOnlineMeetings",
                "parameters": [{"name": "$search", "in": "query", "schema": {"type": "string"}}],
                "responses": _json(collection("onlineMeeting")),
            }
        },
        "/me/photo/$value": {
            "get": {
                "operationId": "me.getPhotoContent",
                "responses": {
                    "200": {
                        "description": "ok",
                        "content": {
                            "image/jpeg": {"schema": {"type": "string", "format": "binary"}}
                        },
                    }
                },
            },
            "put": {
                "operationId": "me.setPhotoContent",
                "requestBody": {
                    "required": True,
                    "content": {"image/jpeg": {"schema": {"type": "string", "format": "binary"}}},
                },
                "responses": {"204": {"description": "No Content"}},
            },
        },
        "/reports/getEmailActivityCounts(period='{period}')": {
            "get": {
                "operationId": "reports.getEmailActivityCounts",
                "parameters": [
                    {"name": "period", "in": "path", "required": True, "schema": {"type": "string"}}
                ],
                "responses": {
                    "200": {
                        "description": "ok",
                        "content": {"text/csv": {"schema": {"type": "string"}}},
                    }
                },
            }
        },
        "/sites/{site-id}/list": {
            "get": {
                "operationId": "sites.getList",
                "parameters": [
                    {
                        "name": "site-id",
                        "in": "path",
                        "required": True,
                        "schema": {"type": "string"},
                    }
                ],
                "responses": _json({"type": "array", "items": {"type": "string"}}),
            },
            "post": {
                "operationId": "list",
                "parameters": [
                    {
                        "name": "site-id",
                        "in": "path",
                        "required": True,
                        "schema": {"type": "string"},
                    }
                ],
                "responses": _json({"type": "array", "items": {"type": "integer"}}),
            },
        },
    },
    "components": {
        "securitySchemes": {
            "oauth": {
                "type": "oauth2",
                "flows": {
                    "implicit": {
                        "authorizationUrl": "https://login.example.com/authorize",
                        "scopes": {},
                    }
                },
            }
        },
        "schemas": {
            "entity": {"type": "object", "properties": {"id": {"type": "string"}}},
            "onlineMeeting": {
                "allOf": [
                    ref("entity"),
                    {
                        "type": "object",
                        "properties": {
                            "subject": {"type": "string", "nullable": True},
                            "externalId": {"type": "string", "nullable": True},
                            "startDateTime": {
                                "type": "string",
                                "format": "date-time",
                                "nullable": True,
                            },
                        },
                    },
                ]
            },
        },
    },
}
