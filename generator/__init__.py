"""specdown: a markdown API reference → an OpenAPI 3 document → typed Python packages.

The stages, each a subpackage, in pipeline order:

- :mod:`generator.markdown` — reference pages → page model (:mod:`generator.markdown.model`)
- :mod:`generator.openapi` — page model → OpenAPI document, validation, YAML
- :mod:`generator.codegen` — any OpenAPI document → codegen model (modules, classes, operations)
- :mod:`generator.render` — codegen model → Jinja2 templates → black → files, written atomically

:mod:`generator.pipeline` wires them together; :mod:`generator.cli` is the command line.
"""

__version__ = "0.1.0"
