"""The ``azureaadv2`` OAuth2 scheme and each operation's scopes from its permissions table.

Every listed scope is sufficient on its own ("one of the following permissions"), so each becomes its
own security requirement; ``x-ms-permissions`` keeps the delegated/application split the table states.
"""

from __future__ import annotations

import re
from typing import Any

from generator.markdown.model import Operation
from generator.openapi.context import BuildContext

SCHEME = "azureaadv2"
_AUTHORIZE = "https://login.microsoftonline.com/common/oauth2/v2.0/authorize"
_TOKEN = "https://login.microsoftonline.com/common/oauth2/v2.0/token"
_SCOPE = re.compile(r"^[A-Za-z][\w.-]*$")
_KINDS = ("delegatedWork", "delegatedPersonal", "application")


def operation_security(
    ctx: BuildContext, op: Operation
) -> tuple[list[dict[str, list[str]]], dict[str, list[str]]]:
    """(security requirements, ``x-ms-permissions``); both empty when the page names no scope."""
    by_kind: dict[str, list[str]] = {}
    for permission in op.permissions:
        scopes = [s for s in permission.scopes if _SCOPE.match(s)]
        if not scopes:
            continue
        listed = by_kind.setdefault(permission.kind, [])
        listed.extend(s for s in scopes if s not in listed)
        target = (
            ctx.application_scopes if permission.kind == "application" else ctx.delegated_scopes
        )
        target.update(scopes)
    ordered = {kind: by_kind[kind] for kind in _KINDS if kind in by_kind}
    ordered.update({k: v for k, v in sorted(by_kind.items()) if k not in ordered})
    requirements: list[dict[str, list[str]]] = []
    for scope in dict.fromkeys(s for scopes in ordered.values() for s in scopes):
        requirements.append({SCHEME: [scope]})
    return requirements, ordered


def security_schemes(ctx: BuildContext) -> dict[str, Any]:
    return {
        SCHEME: {
            "type": "oauth2",
            "flows": {
                "authorizationCode": {
                    "authorizationUrl": _AUTHORIZE,
                    "tokenUrl": _TOKEN,
                    "scopes": {s: s for s in sorted(ctx.delegated_scopes)},
                },
                "clientCredentials": {
                    "tokenUrl": _TOKEN,
                    "scopes": {s: s for s in sorted(ctx.application_scopes)},
                },
            },
        }
    }
