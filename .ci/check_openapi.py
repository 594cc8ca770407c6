#!/usr/bin/env python3
"""Checks the OpenAPI document of the JSON API.

Usage: python3 .ci/check_openapi.py [path/to/openapi.json]   (run from the repository root)

1. Validates the document against the OpenAPI specification (openapi-spec-validator).
2. Checks that every route registered in APIController's `func add…Routes` functions (`group.get/post/put/...("…"`,
   in APIController*.swift) is documented under /api/v1 with the same method (`:name` path parameters become `{name}`).

Prints `openapi: N paths, M operations, valid` and exits 0 on success; lists the problems and exits 1 otherwise.
"""
import json
import re
import sys
from pathlib import Path

DEFAULT_DOCUMENT = "Sources/Server/Resources/openapi.json"
CONTROLLER = "Sources/Server/API/APIController.swift"
PREFIX = "/api/v1/"
METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
ROUTE = re.compile(r'\bgroup\.(get|post|put|delete|patch|head|options)\(\s*"([^"]*)"')


def fail(problems):
    for problem in problems:
        print(f"openapi: {problem}", file=sys.stderr)
    sys.exit(1)


def controller_routes(source):
    """(method, path) pairs of the `group.<method>("…"` calls inside every `func add…Routes` of the source."""
    routes = []
    for match in re.finditer(r"func add[A-Za-z]*Routes", source):
        routes += routes_in(source, match.start())
    return routes


def routes_in(source, start):
    """Routes registered in the function body starting at `start`."""
    # The body of addRoutes: from its opening brace to the matching closing brace.
    open_brace = source.index("{", start)
    depth, end = 0, open_brace
    for end in range(open_brace, len(source)):
        if source[end] == "{":
            depth += 1
        elif source[end] == "}":
            depth -= 1
            if depth == 0:
                break
    body = source[open_brace:end]
    routes = []
    for method, route in ROUTE.findall(body):
        route = re.sub(r":([A-Za-z_][A-Za-z0-9_]*)", r"{\1}", route.strip("/"))
        routes.append((method, PREFIX + route))
    return routes


def main():
    path = Path(sys.argv[1] if len(sys.argv) > 1 else DEFAULT_DOCUMENT)
    try:
        from openapi_spec_validator import validate
    except ImportError:
        fail(["openapi-spec-validator is not installed (pip install openapi-spec-validator)"])
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        fail([f"cannot load {path}: {error}"])
    if not isinstance(document, dict):
        fail([f"{path} is not a JSON object"])

    try:
        validate(document)
    except Exception as error:  # the validator raises several exception types
        message = getattr(error, "message", None) or str(error)
        if len(message) > 400:
            message = message[:400] + " …"
        where = "/".join(str(part) for part in getattr(error, "absolute_path", []) or [])
        fail([f"{path} is not a valid OpenAPI document" + (f" at /{where}" if where else "") + f": {message}"])

    problems = []
    if not str(document.get("openapi", "")).startswith("3.1"):
        problems.append(f"expected OpenAPI 3.1.x, found {document.get('openapi')!r}")

    paths = document.get("paths") or {}
    try:
        source = "\n".join(path.read_text(encoding="utf-8") for path in sorted(Path(CONTROLLER).parent.glob("APIController*.swift")))
    except OSError as error:
        fail([f"cannot read {CONTROLLER} (run from the repository root): {error}"])
    routes = controller_routes(source)
    if not routes:
        problems.append(f"no routes found in {CONTROLLER} addRoutes")
    missing = [f"{method.upper()} {route}" for method, route in routes
               if method not in (paths.get(route) or {})]
    if missing:
        problems.append(f"{len(missing)} route(s) of {CONTROLLER} missing from {path}:")
        problems.extend(f"  missing {entry}" for entry in missing)
    if problems:
        fail(problems)

    operations = sum(1 for item in paths.values() for key in item if key in METHODS)
    print(f"openapi: {len(paths)} paths, {operations} operations, valid")


if __name__ == "__main__":
    main()
