"""The ChatInfo model (#/components/schemas/microsoft.graph.chatInfo)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from onlinemeetings import _runtime as _rt


@dataclass(slots=True, kw_only=True, repr=False)
class ChatInfo(_rt.Model):
    """Identifies the Microsoft Teams chat thread that goes with an onlineMeeting, and optionally a message in it."""

    message_id: str | _rt.Unset | None = _rt.UNSET
    """The identifier of a message in the thread. 0 stands for the thread itself."""
    reply_chain_message_id: str | _rt.Unset | None = _rt.UNSET
    """The identifier of the message that starts the reply chain."""
    thread_id: str | _rt.Unset | None = _rt.UNSET
    """The identifier of the chat thread."""

    _fields: ClassVar[tuple[_rt.FieldSpec, ...]] = (
        _rt.FieldSpec("message_id", "messageId", _rt.Nullable(_rt.STR), False),
        _rt.FieldSpec(
            "reply_chain_message_id",
            "replyChainMessageId",
            _rt.Nullable(_rt.STR),
            False,
        ),
        _rt.FieldSpec("thread_id", "threadId", _rt.Nullable(_rt.STR), False),
    )
