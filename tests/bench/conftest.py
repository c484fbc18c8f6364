"""Tiny inline answer key and spec shared by the metadata report's unit tests."""

from __future__ import annotations

from typing import Any

import pytest

_CSDL = """<?xml version="1.0" encoding="utf-8"?>
<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx">
  <edmx:DataServices>
    <Schema Namespace="microsoft.graph" Alias="graph" xmlns="http://docs.oasis-open.org/odata/ns/edm">
      <EnumType Name="color">
        <Member Name="red" Value="0" />
        <Member Name="green" Value="1" />
        <Member Name="unknownFutureValue" Value="2" />
      </EnumType>
      <EnumType Name="shape">
        <Member Name="round" Value="0" />
      </EnumType>
      <EntityType Name="entity" Abstract="true">
        <Key><PropertyRef Name="id" /></Key>
        <Property Name="id" Type="Edm.String" Nullable="false" />
      </EntityType>
      <EntityType Name="user" BaseType="graph.entity">
        <Property Name="displayName" Type="Edm.String" />
        <Property Name="age" Type="Edm.Int32" />
        <Property Name="favourite" Type="graph.color" />
        <Property Name="born" Type="Edm.DateTimeOffset" />
        <Property Name="tags" Type="Collection(Edm.String)" />
        <NavigationProperty Name="manager" Type="graph.user" />
        <NavigationProperty Name="photos" Type="Collection(graph.photo)" ContainsTarget="true" />
      </EntityType>
      <EntityType Name="photo" BaseType="graph.entity">
        <Property Name="size" Type="Edm.Int64" />
      </EntityType>
      <ComplexType Name="address">
        <Property Name="city" Type="Edm.String" />
      </ComplexType>
      <Action Name="reset" IsBound="true">
        <Parameter Name="bindingParameter" Type="graph.user" />
      </Action>
      <Function Name="delta" IsBound="true">
        <Parameter Name="bindingParameter" Type="Collection(graph.user)" />
        <ReturnType Type="Collection(graph.user)" />
      </Function>
      <Function Name="delta" IsBound="true">
        <Parameter Name="bindingParameter" Type="Collection(graph.photo)" />
        <ReturnType Type="Collection(graph.photo)" />
      </Function>
      <EntityContainer Name="GraphService">
        <EntitySet Name="users" EntityType="microsoft.graph.user" />
        <EntitySet Name="photos" EntityType="microsoft.graph.photo" />
        <Singleton Name="me" Type="microsoft.graph.user" />
      </EntityContainer>
    </Schema>
    <Schema Namespace="microsoft.graph.callRecords" xmlns="http://docs.oasis-open.org/odata/ns/edm">
      <ComplexType Name="endpoint">
        <Property Name="userAgent" Type="Edm.String" />
      </ComplexType>
    </Schema>
  </edmx:DataServices>
</edmx:Edmx>
"""

_SCOPES = """\ufeff<?xml version="1.0" encoding="utf-8"?>
<Schema>
  <Annotations Target="microsoft.graph/users">
    <Annotation Term="Org.OData.Capabilities.V1.ReadRestrictions">
      <Record><PropertyValue Property="Permissions"><Collection>
        <Record>
          <PropertyValue Property="SchemeName" String="Delegated (work or school account)" />
          <PropertyValue Property="Scopes"><Collection>
            <Record><PropertyValue Property="Scope" String="User.Read" /></Record>
          </Collection></PropertyValue>
        </Record>
        <Record>
          <PropertyValue Property="SchemeName" String="Application" />
          <PropertyValue Property="Scopes"><Collection>
            <Record><PropertyValue Property="Scope" String="User.Read.All" /></Record>
          </Collection></PropertyValue>
        </Record>
      </Collection></PropertyValue></Record>
    </Annotation>
    <Annotation Term="Org.OData.Capabilities.V1.DeleteRestrictions">
      <Record><PropertyValue Property="Permissions"><Collection>
        <Record>
          <PropertyValue Property="SchemeName" String="Application" />
          <PropertyValue Property="Scopes"><Collection>
            <Record><PropertyValue Property="Scope" String="User.ReadWrite.All" /></Record>
          </Collection></PropertyValue>
        </Record>
      </Collection></PropertyValue></Record>
    </Annotation>
  </Annotations>
</Schema>
"""

REF = "#/components/schemas/"


def _spec() -> dict[str, Any]:
    user_body = {
        "content": {"application/json": {"schema": {"$ref": REF + "microsoft.graph.user"}}}
    }
    return {
        "openapi": "3.0.3",
        "paths": {
            "/users/{user-id}": {
                "get": {
                    "security": [{"oauth2": ["User.Read", "User.Read.All"]}],
                    "x-specdown-source": "api/user-get.md:20",
                    "responses": {
                        "200": {
                            "description": "ok",
                            "content": {
                                "application/json": {
                                    "schema": {"$ref": REF + "microsoft.graph.user"},
                                    "examples": {
                                        "good": {
                                            "value": {
                                                "@odata.type": "#x",
                                                "displayName": None,
                                                "age": 3,
                                            },
                                            "x-specdown-source": "api/user-get.md:40",
                                        },
                                        "bad": {
                                            "value": {"age": "three"},
                                            "x-specdown-source": "api/user-get.md:60",
                                        },
                                    },
                                }
                            },
                        }
                    },
                },
                "delete": {
                    "security": [{"oauth2": ["User.Read"]}],
                    "x-specdown-source": "api/user-delete.md:9",
                    "responses": {"204": {"description": "gone"}},
                },
                "patch": {
                    "requestBody": {
                        **user_body,
                        "content": {
                            "application/json": {
                                **user_body["content"]["application/json"],
                                "examples": {
                                    "p": {
                                        "value": {"favourite": "red"},
                                        "x-specdown-source": "api/user-update.md:30",
                                    }
                                },
                            }
                        },
                    },
                    "responses": {"204": {"description": "done"}},
                },
            },
            "/me/microsoft.graph.reset": {"post": {"responses": {"204": {"description": "done"}}}},
            "/me/photos/delta()": {"get": {"responses": {"200": {"description": "ok"}}}},
        },
        "components": {
            "schemas": {
                "microsoft.graph.entity": {
                    "title": "entity",
                    "type": "object",
                    "properties": {"id": {"type": "string"}},
                },
                "microsoft.graph.user": {
                    "allOf": [
                        {"$ref": REF + "microsoft.graph.entity"},
                        {
                            "title": "user",
                            "type": "object",
                            "properties": {
                                "displayName": {"type": "string", "nullable": True},
                                "age": {"type": "integer", "format": "int32", "nullable": True},
                                "favourite": {
                                    "anyOf": [
                                        {"$ref": REF + "microsoft.graph.color"},
                                        {"type": "object", "nullable": True},
                                    ]
                                },
                                "born": {
                                    "type": "string",
                                    "x-specdown-source": "resources/user.md:12",
                                },
                                "tags": {"type": "array", "items": {"type": "string"}},
                                "Manager": {"$ref": REF + "microsoft.graph.user"},
                            },
                        },
                    ],
                    "x-specdown-source": "resources/user.md:1",
                },
                "microsoft.graph.Photo": {
                    "title": "photo",
                    "type": "object",
                    "properties": {"size": {"type": "integer", "format": "int64"}},
                    "x-specdown-source": {"path": "resources/photo.md", "line": 3},
                },
                "microsoft.graph.color": {
                    "title": "color",
                    "type": "string",
                    "enum": ["red", "Green"],
                },
            }
        },
    }


@pytest.fixture
def spec() -> dict[str, Any]:
    return _spec()


@pytest.fixture
def csdl_xml() -> str:
    return _CSDL


@pytest.fixture
def scopes_xml() -> str:
    return _SCOPES
