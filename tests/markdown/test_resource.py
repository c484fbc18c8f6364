"""Resource pages: table shapes, modifiers, base types, annotation quirks, JSON representation."""

from __future__ import annotations

import pytest

from .helpers import codes, page, resource_page

ANNOTATED = """
# user resource type

Namespace: microsoft.graph

Represents a user. Inherits from [directoryObject](directoryobject.md).

## Properties

| Property | Type | Description |
|:---------|:-----|:------------|
| id | String | The identifier. Inherited from [directoryObject](directoryobject.md). Key. Not nullable. Read-only. |
| displayName | String | The name. Supports `$filter`. Required. |
| ageGroup | [ageGroup](#agegroup-values) | The age group. Possible values are: `minor`, `notAdult`, `adult`. |
| manager | [user](user.md) | Nullable. Deprecated. |

### ageGroup values

|Member|Value|Description|
|:---|:---|:---|
|minor|0|A minor.|
|notAdult|1|Not an adult.|
|adult|2|An adult.|

## Relationships

| Relationship | Type | Description |
|:-------------|:-----|:------------|
| memberOf | [directoryObject](directoryobject.md) collection | Groups. Read-only. Nullable. Supports `$expand`. |

## JSON representation

<!-- {
  "blockType": "resource",
  "optionalProperties": [],
  "keyProperty": "id",
  "baseType": "microsoft.graph.directoryObject",
  "openType": "true",
  "@odata.type": "microsoft.graph.user",
} -->
```json
{
  "id": "String (identifier)",
  "displayName": "String",
}
```
"""


def test_annotated_resource_page() -> None:
    result = page(ANNOTATED, doc_type="resourcePageType", path="resources/user.md")
    resource = result.resource
    assert resource is not None
    assert resource.name == "user" and resource.odata_type == "microsoft.graph.user"
    assert result.namespace == "microsoft.graph"
    assert resource.base_type == "microsoft.graph.directoryObject"
    assert (
        resource.base_link is not None and resource.base_link.page == "resources/directoryobject.md"
    )
    assert resource.key_property == "id" and resource.open_type and not resource.abstract
    assert resource.json_example == {"id": "String (identifier)", "displayName": "String"}
    assert resource.description.startswith("Represents a user.")
    props = {p.name: p for p in resource.properties}
    assert list(props) == ["id", "displayName", "ageGroup", "manager"]
    assert props["id"].read_only and props["id"].nullable is False
    assert props["id"].inherited_from == "directoryObject"
    assert props["displayName"].required and props["displayName"].nullable is None
    assert props["ageGroup"].possible_values == ("minor", "notAdult", "adult")
    assert props["manager"].nullable is True and props["manager"].deprecated
    (rel,) = resource.relationships
    assert rel.navigation and rel.read_only and rel.type is not None and rel.type.collection
    (enum,) = [e for e in result.enums if e.source == "table"]
    assert enum.name == "ageGroup" and [m.name for m in enum.members] == [
        "minor",
        "notAdult",
        "adult",
    ]
    assert [m.value for m in enum.members] == [0, 1, 2]
    assert result.diagnostics == ()


def test_name_from_title_and_base_from_sentence_without_annotation() -> None:
    result = page(
        """
        # androidLobApp resource type

        Contains properties.

        Inherits from [mobileLobApp](../resources/intune-apps-mobilelobapp.md)

        ## Properties
        |Property|Type|Description|
        |:---|:---|:---|
        |id|String|Key. Inherited from [mobileApp](../resources/intune-apps-mobileapp.md)|
        """,
        doc_type="resourcePageType",
        path="resources/intune-apps-androidlobapp.md",
    )
    assert result.resource is not None
    assert result.resource.name == "androidLobApp"
    assert result.resource.base_type == "mobileLobApp"
    assert result.resource.base_link is not None
    assert result.resource.base_link.page == "resources/intune-apps-mobilelobapp.md"
    assert result.resource.properties[0].inherited_from == "mobileApp"


@pytest.mark.parametrize(
    "header",
    [
        "|Property|Type|Description|",
        "| Property name | Type | Description |",
        "|Name|Type|Description|",
        "|**Property**|**Type**|**Description**|",
        "|Property&nbsp;name|Type|Description&nbsp;&nbsp;|",
        "Property | Type | Description",
    ],
)
def test_property_header_spellings(header: str) -> None:
    result = resource_page(f"{header}\n|---|---|---|\n|a|Int32|x|\n")
    assert result.resource is not None
    (prop,) = result.resource.properties
    assert prop.name == "a" and prop.type is not None and prop.type.name == "Int32"


def test_two_column_property_table() -> None:
    result = resource_page("|Property|Type|\n|---|---|\n|a|Boolean|\n")
    assert result.resource is not None and result.resource.properties[0].description == ""


def test_unescaped_pipe_merges_into_the_description() -> None:
    result = resource_page(
        "|Property|Type|Description|\n|:--|:--|:--|\n"
        "|payloadFileName|String|Payload file name (*.mobileconfig | *.xml).|\n"
    )
    assert result.resource is not None
    (prop,) = result.resource.properties
    assert prop.description == "Payload file name (*.mobileconfig | *.xml)."
    assert codes(result.diagnostics) == ["M003"]


def test_short_row_and_row_without_leading_pipe() -> None:
    result = resource_page(
        "|Property|Type|Description|\n|:--|:--|:--|\n|a|String|\ndescriptionForReviewers | String | Context.\n"
    )
    assert result.resource is not None
    assert [p.name for p in result.resource.properties] == ["a", "descriptionForReviewers"]
    assert "M003" in codes(result.diagnostics)


def test_group_rows_are_skipped() -> None:
    result = resource_page(
        "|Property|Type|Description|\n|--|--|--|\n|**Group**| | |\n|a|String|x|\n"
    )
    assert result.resource is not None and [p.name for p in result.resource.properties] == ["a"]


def test_table_without_known_columns_is_reported() -> None:
    result = resource_page("|Foo|Bar|\n|--|--|\n|a|b|\n")
    assert result.resource is not None and result.resource.properties == ()
    assert codes(result.diagnostics) == ["M012"]


def test_annotation_quirks() -> None:
    result = page(
        """
        # thing resource type

        ## JSON representation

        <!-- {
          'blockType': 'resource',
          "@odata.type": "microsoft.graph.callRecords.thing",
          "abstract": "true",
          "baseType": null,
        } -->

        ```json
        {"a": "String"}
        ```
        """,
        doc_type="resourcePageType",
        path="resources/callrecords-thing.md",
    )
    assert result.resource is not None
    assert result.resource.name == "thing" and result.resource.abstract
    assert result.resource.base_type is None
    assert result.namespace == "microsoft.graph.callRecords"


def test_broken_annotation_is_reported() -> None:
    result = page(
        """
        # thing resource type

        <!-- { "blockType": "resource" "@odata.type" } -->
        ```json
        {}
        ```
        """,
        doc_type="resourcePageType",
    )
    assert "M002" in codes(result.diagnostics)


def test_resource_page_without_a_name_is_reported() -> None:
    result = page("# The things we keep\n\n## Properties\n", doc_type="resourcePageType")
    assert result.resource is None
    assert "M007" in codes(result.diagnostics)


@pytest.mark.parametrize(
    "sentence",
    [
        "This resource is a subclass of [educationResource](educationresource.md).",
        "Derived from [educationResource](educationresource.md).",
        "The **x** resource is derived from [**educationResource**](educationresource.md) and more.",
        "x derives from [educationResource](educationresource.md)",
        "Inherits from [educationResource](educationresource.md).",
    ],
)
def test_base_type_phrasings(sentence: str) -> None:
    result = page(
        f"# x resource type\n\n{sentence}\n\n## Properties\n", doc_type="resourcePageType"
    )
    assert result.resource is not None and result.resource.base_type == "educationResource"


def test_derived_without_a_link_is_not_a_base() -> None:
    result = page(
        "# x resource type\n\nA value derived from the user's settings.\n",
        doc_type="resourcePageType",
    )
    assert result.resource is not None and result.resource.base_type is None
