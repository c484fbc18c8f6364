"""OData type name → (module, class): the subclass lookup table shared by every hierarchy."""

TABLE: dict[str, tuple[str, str]] = {
    "#microsoft.graph.identity": ("onlinemeetings.models.identity", "Identity"),
    "#microsoft.graph.onlineMeeting": (
        "onlinemeetings.models.online_meeting",
        "OnlineMeeting",
    ),
}
