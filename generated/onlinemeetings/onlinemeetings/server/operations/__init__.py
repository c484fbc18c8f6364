"""Every operation of the API, from one table per service. Generated; do not edit."""

from __future__ import annotations

from onlinemeetings.server._runtime import Operation
from onlinemeetings.server.operations import (
    me_online_meeting_service,
    users_online_meeting_service,
)

OPERATIONS: tuple[Operation, ...] = (
    *me_online_meeting_service.OPERATIONS,
    *users_online_meeting_service.OPERATIONS,
)
