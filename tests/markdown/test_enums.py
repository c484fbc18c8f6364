"""Enums from enum pages, ``x values`` tables (every header shape), and value lists."""

from __future__ import annotations

import pytest

from generator.markdown.model import EnumDef

from .helpers import codes, page, resource_page


def enums_of(body: str, doc_type: str = "enumPageType") -> list[EnumDef]:
    return list(page(body, doc_type=doc_type, path="resources/e.md").enums)


def test_enum_page() -> None:
    (enum,) = enums_of(
        """
        # clonableTeamParts enum type

        Namespace: microsoft.graph

        ## Members

        | Member | Value| Description |
        |:-------|:-----|:------------|
        |apps|1|Copy apps.|
        |tabs|2|Copy tabs.|
        |settings|4|Copy settings.|
        |channels|8|Copy channels.|
        """
    )
    assert (enum.name, enum.source, enum.namespace, enum.flags) == (
        "clonableTeamParts",
        "page",
        "microsoft.graph",
        True,
    )
    assert [(m.name, m.value) for m in enum.members] == [
        ("apps", 1),
        ("tabs", 2),
        ("settings", 4),
        ("channels", 8),
    ]
    assert enum.members[0].description == "Copy apps."


def test_consecutive_values_are_not_flags() -> None:
    (enum,) = enums_of(
        "# mode enum type\n\n## Members\n|Member|Value|Description|\n|--|--|--|\n|a|0|x|\n|b|1|y|\n|c|2|z|\n"
    )
    assert not enum.flags


@pytest.mark.parametrize(
    ("table", "members"),
    [
        ("|Member|\n|:---|\n|a|\n|b|\n", ["a", "b"]),
        ("|Member|Value|Description|\n|--|--|--|\n|a|0|x|\n|b|1|y|\n", ["a", "b"]),
        ("|Member|Description|\n|--|--|\n|a|x|\n|b|y|\n", ["a", "b"]),
        ("|Value|Description|\n|--|--|\n|a|x|\n|b|y|\n", ["a", "b"]),
        ("|Member|Value|\n|--|--|\n|a|0|\n|b|1|\n", ["a", "b"]),
        ("|Member|Int value|Description|\n|--|--|--|\n|a|0|x|\n|b|1|y|\n", ["a", "b"]),
        ("|Member|Member|Description|\n|--|--|--|\n|a|a|x|\n|b|b|y|\n", ["a", "b"]),
        ("|Member|\n|:---|\n|`a`|\n|**b**|\n", ["a", "b"]),
    ],
)
def test_enums_md_value_tables(table: str, members: list[str]) -> None:
    result = enums_of(
        "# Enum values\n\nNamespace: microsoft.graph\n\n"
        f"### riskLevel values\n\n{table}\n### consentRequestFilterByCurrentUserOptions values \n\n|Member|\n|--|\n|reviewer|\n"
    )
    assert [e.name for e in result] == ["riskLevel", "consentRequestFilterByCurrentUserOptions"]
    assert [m.name for m in result[0].members] == members
    assert all(e.source == "table" and e.namespace == "microsoft.graph" for e in result)


def test_enum_heading_with_nbsp_and_level_four() -> None:
    result = enums_of(
        "# t resource type\n\n#### chatMessagePolicyViolationDlpActionType\u00a0values\n\n|Member|\n|--|\n|none|\n",
        doc_type="resourcePageType",
    )
    assert [e.name for e in result] == ["chatMessagePolicyViolationDlpActionType"]


def test_enum_table_without_member_column() -> None:
    result = page(
        "# E enum type\n\n## Members\n|Foo|Bar|\n|--|--|\n|a|b|\n", doc_type="enumPageType"
    )
    assert result.enums == ()
    assert "M013" in codes(result.diagnostics)


@pytest.mark.parametrize(
    ("description", "values"),
    [
        (
            "Possible values are: `Approve`, `Deny`, `NotReviewed`.",
            ("Approve", "Deny", "NotReviewed"),
        ),
        ("The possible values are: **Private**, **Public**.", ("Private", "Public")),
        ("Possible values are 'viewer', 'sharer'.", ("viewer", "sharer")),
        (
            "Possible values are: everyone, organization, and unknownFutureValue.",
            ("everyone", "organization", "unknownFutureValue"),
        ),
        ("Possible values are: 0 - `notReady`, 1 - `ready`.", ("notReady", "ready")),
        ("Possible values are: `a`, `b`. Other text `c`.", ("a", "b")),
    ],
)
def test_possible_values_lists(description: str, values: tuple[str, ...]) -> None:
    result = resource_page(
        f"|Property|Type|Description|\n|--|--|--|\n|level|riskLevel|{description}|\n"
    )
    assert result.resource is not None
    assert result.resource.properties[0].possible_values == values
    (enum,) = result.enums
    assert (enum.name, enum.source) == ("riskLevel", "possible-values")
    assert tuple(m.name for m in enum.members) == values


def test_possible_values_of_a_string_property_make_no_enum() -> None:
    result = resource_page(
        "|Property|Type|Description|\n|--|--|--|\n|s|String|Possible values are: `a`, `b`.|\n"
    )
    assert result.enums == ()
    assert result.resource is not None and result.resource.properties[0].possible_values == (
        "a",
        "b",
    )
