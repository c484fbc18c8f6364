"""The operations tagged me.onlineMeeting: route, service method, parameters, body. Generated."""

from __future__ import annotations

from onlinemeetings import _runtime as _rt
from onlinemeetings.server._runtime import Body, Operation, Param

OPERATIONS: tuple[Operation, ...] = (
    Operation(
        "me.ListOnlineMeetings",
        "GET",
        "/me/onlineMeetings",
        "/me/onlineMeetings",
        "MeOnlineMeetingService",
        "me_list_online_meetings",
        "#/paths/~1me~1onlineMeetings/get",
        200,
        params=(
            Param(
                "$filter",
                "query",
                "filter",
                schema="#/components/parameters/filter/schema",
            ),
            Param(
                "$select",
                "query",
                "select",
                schema="#/components/parameters/select/schema",
            ),
            Param("$top", "query", "top", schema="#/components/parameters/top/schema"),
        ),
        encode=lambda value: _rt.encode(
            _rt.ModelOf(
                "onlinemeetings.models.online_meeting_collection_response",
                "OnlineMeetingCollectionResponse",
            ),
            value,
        ),
    ),
    Operation(
        "me.CreateOnlineMeetings",
        "POST",
        "/me/onlineMeetings",
        "/me/onlineMeetings",
        "MeOnlineMeetingService",
        "me_create_online_meetings",
        "#/paths/~1me~1onlineMeetings/post",
        201,
        params=(
            Param(
                "Accept-Language",
                "header",
                "accept_language",
                schema="#/paths/~1me~1onlineMeetings/post/parameters/0/schema",
                explode=True,
            ),
        ),
        body=Body(
            True,
            ("application/json",),
            schema="#/paths/~1me~1onlineMeetings/post/requestBody/content/application~1json/schema",
            decode=lambda value: _rt.decode(
                _rt.ModelOf("onlinemeetings.models.online_meeting", "OnlineMeeting"),
                value,
            ),
        ),
        encode=lambda value: _rt.encode(
            _rt.ModelOf("onlinemeetings.models.online_meeting", "OnlineMeeting"), value
        ),
    ),
    Operation(
        "me.onlineMeetings.createOrGet",
        "POST",
        "/me/onlineMeetings/createOrGet",
        "/me/onlineMeetings/createOrGet",
        "MeOnlineMeetingService",
        "me_online_meetings_create_or_get",
        "#/paths/~1me~1onlineMeetings~1createOrGet/post",
        200,
        body=Body(
            True,
            ("application/json",),
            schema="#/paths/~1me~1onlineMeetings~1createOrGet/post/requestBody/content/application~1json/schema",
            decode=lambda value: _rt.decode(
                _rt.ModelOf(
                    "onlinemeetings.models.me_online_meetings_create_or_get_request",
                    "MeOnlineMeetingsCreateOrGetRequest",
                ),
                value,
            ),
        ),
        encode=lambda value: _rt.encode(
            _rt.ModelOf("onlinemeetings.models.online_meeting", "OnlineMeeting"), value
        ),
    ),
    Operation(
        "me.GetOnlineMeetings",
        "GET",
        "/me/onlineMeetings/{onlineMeeting-id}",
        "/me/onlineMeetings/{online_meeting_id}",
        "MeOnlineMeetingService",
        "me_get_online_meetings",
        "#/paths/~1me~1onlineMeetings~1{onlineMeeting-id}/get",
        200,
        params=(
            Param(
                "onlineMeeting-id",
                "path",
                "online_meeting_id",
                required=True,
                schema="#/paths/~1me~1onlineMeetings~1{onlineMeeting-id}/get/parameters/0/schema",
                explode=True,
                route_key="online_meeting_id",
            ),
            Param(
                "$select",
                "query",
                "select",
                schema="#/components/parameters/select/schema",
            ),
            Param(
                "Accept-Language",
                "header",
                "accept_language",
                schema="#/paths/~1me~1onlineMeetings~1{onlineMeeting-id}/get/parameters/2/schema",
                explode=True,
            ),
        ),
        encode=lambda value: _rt.encode(
            _rt.ModelOf("onlinemeetings.models.online_meeting", "OnlineMeeting"), value
        ),
    ),
    Operation(
        "me.DeleteOnlineMeetings",
        "DELETE",
        "/me/onlineMeetings/{onlineMeeting-id}",
        "/me/onlineMeetings/{online_meeting_id}",
        "MeOnlineMeetingService",
        "me_delete_online_meetings",
        "#/paths/~1me~1onlineMeetings~1{onlineMeeting-id}/delete",
        204,
        params=(
            Param(
                "onlineMeeting-id",
                "path",
                "online_meeting_id",
                required=True,
                schema="#/paths/~1me~1onlineMeetings~1{onlineMeeting-id}/delete/parameters/0/schema",
                explode=True,
                route_key="online_meeting_id",
            ),
        ),
    ),
    Operation(
        "me.UpdateOnlineMeetings",
        "PATCH",
        "/me/onlineMeetings/{onlineMeeting-id}",
        "/me/onlineMeetings/{online_meeting_id}",
        "MeOnlineMeetingService",
        "me_update_online_meetings",
        "#/paths/~1me~1onlineMeetings~1{onlineMeeting-id}/patch",
        200,
        params=(
            Param(
                "onlineMeeting-id",
                "path",
                "online_meeting_id",
                required=True,
                schema="#/paths/~1me~1onlineMeetings~1{onlineMeeting-id}/patch/parameters/0/schema",
                explode=True,
                route_key="online_meeting_id",
            ),
        ),
        body=Body(
            True,
            ("application/json",),
            schema="#/paths/~1me~1onlineMeetings~1{onlineMeeting-id}/patch/requestBody/content/application~1json/schema",
            decode=lambda value: _rt.decode(
                _rt.ModelOf("onlinemeetings.models.online_meeting", "OnlineMeeting"),
                value,
            ),
        ),
        encode=lambda value: _rt.encode(
            _rt.ModelOf("onlinemeetings.models.online_meeting", "OnlineMeeting"), value
        ),
    ),
)
