"""Codegen model → files: Jinja2 templates, black, an atomic writer confined to the output directory."""
