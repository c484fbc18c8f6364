"""One operation page's request line, normalised: the unit that becomes one OpenAPI operation.

When several pages document the same method and path (Intune documents ``GET
/deviceAppManagement/mobileApps/{id}`` once per derived app type), the first page in path order
leads and the others ride along in ``others``: their examples are kept and their types reconciled.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.markdown.model import Operation, Page, RequestLine
from generator.openapi.context import source_of
from generator.openapi.paths import NormalPath
from generator.openapi.resolve import namespace_of


@dataclass(frozen=True, slots=True)
class Endpoint:
    page: Page
    op: Operation
    request: RequestLine
    path: NormalPath
    method: str  # lower case
    others: tuple[Endpoint, ...] = ()

    @property
    def all(self) -> tuple[Endpoint, ...]:
        return (self, *self.others)

    @property
    def namespace(self) -> str:
        return namespace_of(self.page)

    @property
    def source(self) -> str:
        return source_of(self.page.path, self.request.line)

    @property
    def returns_collection(self) -> bool:
        response = self.op.response
        if response is None:
            return False
        return response.collection or (response.type is not None and response.type.collection)

    @property
    def kind(self) -> str:
        """list, get, create, update, set, delete, action or function (drives ids and bodies)."""
        path, op = self.path, self.op
        if self.method == "get":
            if path.ends_with_call:
                return "function"
            return "list" if self.returns_collection and not path.ends_with_key else "get"
        if self.method == "delete":
            return "delete"
        if self.method == "patch":
            return "update"
        if self.method == "put":
            return "set"
        if path.ends_with_call:
            return "action"
        status = op.response.status if op.response else None
        if path.special == "$ref" or status == 201 or (op.body_type and not op.body_params):
            return "create"
        return "action"
