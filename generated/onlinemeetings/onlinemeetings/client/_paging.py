"""Paging through collections: follow ``@odata.nextLink`` (or the spec's ``x-ms-pageable`` name).

A list operation returns a :class:`PageIterator` (or :class:`AsyncPageIterator`) without sending
anything; the first request goes out when you iterate.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

import httpx

from onlinemeetings.client._core import AsyncSender, Sender
from onlinemeetings.client._request import Operation

__all__ = ["AsyncPageIterator", "Page", "PageIterator", "PagingLoopError"]

T = TypeVar("T")


class PagingLoopError(RuntimeError):
    """The service sent a next link that was already followed: paging would never end."""

    def __init__(self, url: str) -> None:
        super().__init__(f"the next link {url} was already followed; paging stopped")
        self.url = url


@dataclass(frozen=True, slots=True)
class Page(Generic[T]):
    """One page of a collection: its items, the link to the next page, and the rest of the body."""

    items: list[T]
    next_link: str | None = None
    count: int | None = None  # ``@odata.count`` when the request asked for it
    delta_link: str | None = (
        None  # ``@odata.deltaLink`` on the last page of a delta query
    )
    raw: Mapping[str, Any] = field(default_factory=dict, repr=False)

    @classmethod
    def from_json(
        cls,
        data: Any,
        decode: Callable[[Any], T],
        *,
        item_name: str = "value",
        next_name: str = "@odata.nextLink",
    ) -> Page[T]:
        body: Mapping[str, Any] = (
            data if isinstance(data, Mapping) else {item_name: data}
        )
        values = body.get(item_name)
        next_link = body.get(next_name)
        count = body.get("@odata.count")
        delta = body.get("@odata.deltaLink")
        return cls(
            items=[decode(v) for v in values] if isinstance(values, list) else [],
            next_link=next_link if isinstance(next_link, str) and next_link else None,
            count=(
                count
                if isinstance(count, int) and not isinstance(count, bool)
                else None
            ),
            delta_link=delta if isinstance(delta, str) else None,
            raw=body,
        )


class PageIterator(Generic[T]):
    """The items of a collection across all its pages, fetched lazily as you iterate.

    ``for item in it`` yields items; ``for page in it.pages()`` yields
    :class:`Page` objects (items, next link, count); ``it.first_page()`` fetches one page only.
    """

    __slots__ = ("_decode", "_first", "_item_name", "_next_name", "_op", "_sender")

    def __init__(
        self,
        sender: Sender,
        op: Operation,
        first: Callable[[], httpx.Response],
        decode: Callable[[Any], T],
        *,
        item_name: str = "value",
        next_name: str = "@odata.nextLink",
    ) -> None:
        self._sender = sender
        self._op = op
        self._first = first
        self._decode = decode
        self._item_name = item_name
        self._next_name = next_name

    def pages(self) -> Iterator[Page[T]]:
        """Every page in order, following the next link until the service gives none.

        Raises :class:`PagingLoopError` when a next link repeats one already followed.
        """
        response = self._first()
        followed: set[str] = set()
        while True:
            page = self._page(response)
            yield page
            if not page.next_link:
                return
            next_url = str(
                response.url.join(page.next_link)
            )  # absolute, or relative to this page
            if next_url in followed:
                raise PagingLoopError(next_url)
            followed.add(next_url)
            response = self._sender.send_next(self._op, next_url)

    def first_page(self) -> Page[T]:
        """Only the first page (one request)."""
        return self._page(self._first())

    def __iter__(self) -> Iterator[T]:
        for page in self.pages():
            for item in page.items:
                yield item

    def to_list(self) -> list[T]:
        """All items of all pages in one list."""
        return [item for item in self]

    def _page(self, response: httpx.Response) -> Page[T]:
        return Page.from_json(
            response.json(),
            self._decode,
            item_name=self._item_name,
            next_name=self._next_name,
        )


class AsyncPageIterator(Generic[T]):
    """The items of a collection across all its pages, fetched lazily as you iterate.

    ``async for item in it`` yields items; ``async for page in it.pages()`` yields
    :class:`Page` objects (items, next link, count); ``await it.first_page()`` fetches one page only.
    """

    __slots__ = ("_decode", "_first", "_item_name", "_next_name", "_op", "_sender")

    def __init__(
        self,
        sender: AsyncSender,
        op: Operation,
        first: Callable[[], Awaitable[httpx.Response]],
        decode: Callable[[Any], T],
        *,
        item_name: str = "value",
        next_name: str = "@odata.nextLink",
    ) -> None:
        self._sender = sender
        self._op = op
        self._first = first
        self._decode = decode
        self._item_name = item_name
        self._next_name = next_name

    async def pages(self) -> AsyncIterator[Page[T]]:
        """Every page in order, following the next link until the service gives none.

        Raises :class:`PagingLoopError` when a next link repeats one already followed.
        """
        response = await self._first()
        followed: set[str] = set()
        while True:
            page = self._page(response)
            yield page
            if not page.next_link:
                return
            next_url = str(
                response.url.join(page.next_link)
            )  # absolute, or relative to this page
            if next_url in followed:
                raise PagingLoopError(next_url)
            followed.add(next_url)
            response = await self._sender.send_next(self._op, next_url)

    async def first_page(self) -> Page[T]:
        """Only the first page (one request)."""
        return self._page(await self._first())

    async def __aiter__(self) -> AsyncIterator[T]:
        async for page in self.pages():
            for item in page.items:
                yield item

    async def to_list(self) -> list[T]:
        """All items of all pages in one list."""
        return [item async for item in self]

    def _page(self, response: httpx.Response) -> Page[T]:
        return Page.from_json(
            response.json(),
            self._decode,
            item_name=self._item_name,
            next_name=self._next_name,
        )
