"""The client's operationId-named methods, a bounded number per module (generated; do not edit)."""
