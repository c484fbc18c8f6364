"""Request builders, one module per node of the URL tree, imported on first use."""
