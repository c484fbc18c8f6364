"""Any OpenAPI 3.0/3.1 document (a plain dict) → the codegen model (:mod:`generator.codegen.model`)."""
