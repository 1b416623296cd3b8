#!/usr/bin/python3
"""Checks every answer of ticketd that the integration tests received against docs/openapi.json.

tests/support/HttpClient writes each answer down (one JSON line: the test, method, path, status,
headers and body) under the build's test-exchanges directory; ctest runs this after the tests
(contract.responses, the cleanup of the `exchanges` fixture). An answer fails when:
- its path and method, or its status, are not in the document (a 404 or 405 on an unknown
  path or method must still be a problem document);
- a header the document marks required is missing, or a declared header's value does not fit
  its schema;
- its media type is not one the document names for that status, or it has a body where the
  document declares none;
- its JSON body does not validate against the schema (JSON Schema 2020-12, the dialect of
  OpenAPI 3.1) with every `$ref` resolved in the document.

    validate_responses.py OPENAPI_JSON EXCHANGES_DIR

Debian's python3-jsonschema (4.10 on Debian 12) or a newer one.
"""
import collections
import glob
import json
import os
import re
import sys

import jsonschema

METHODS = ("get", "put", "post", "delete", "patch", "head", "options")


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    doc_path, exchanges = sys.argv[1], sys.argv[2]
    with open(doc_path, encoding="utf-8") as f:
        doc = json.load(f)
    checker = Checker(doc)
    files = sorted(glob.glob(os.path.join(exchanges, "*.jsonl")))
    if not files:
        # A run of tests that call no HTTP route (tst_migrations alone, say) records nothing.
        print(f"no answers recorded under {exchanges}: nothing to check")
        return 0
    seen = 0
    for name in files:
        with open(name, encoding="utf-8") as f:
            for n, line in enumerate(f, 1):
                try:
                    x = json.loads(line)
                except ValueError:
                    checker.fail({"test": os.path.basename(name), "method": "?", "path": f"line {n}",
                                  "status": 0}, "a line that is not JSON (a test killed mid-write?)")
                    continue
                seen += 1
                checker.check(x)
    print(f"{seen} answers from {len(files)} test processes checked against {doc_path}")
    print(f"{len(checker.operations_seen)} of {checker.operation_count} operations seen; "
          f"{len(checker.failures)} answers differ from the document")
    unseen = sorted(checker.all_operations - checker.operations_seen)
    if unseen:
        print("operations no integration test called: " + ", ".join(unseen))
    by_kind = collections.Counter(kind for kind, _ in checker.failures)
    for kind, count in by_kind.most_common():
        print(f"  {count:6} x {kind}")
    shown = collections.Counter()
    for kind, text in checker.failures:
        shown[kind] += 1
        if shown[kind] <= 5:
            print("FAIL " + text)
    return 1 if checker.failures else 0


class Checker:
    def __init__(self, doc):
        self.doc = doc
        self.components = doc.get("components", {})
        self.failures = []
        self.validators = {}
        self.operations_seen = set()
        self.routes = []
        self.all_operations = set()
        for template, item in doc["paths"].items():
            names = re.findall(r"\{([^}]+)\}", template)
            pattern = "^" + re.sub(r"\\\{[^}]+\\\}", "[^/]+", re.escape(template)) + "$"
            # Literal segments win over parameters (/bookings/hold before /bookings/{id}).
            self.routes.append((len(names), re.compile(pattern), template, item))
            for m in METHODS:
                if m in item:
                    self.all_operations.add(f"{m.upper()} {template}")
        self.routes.sort(key=lambda r: r[0])
        self.operation_count = len(self.all_operations)

    def fail(self, x, why, kind=None):
        where = f"{x.get('test', '?')}: {x.get('method')} {x.get('path')} -> {x.get('status')}"
        self.failures.append((kind or why, f"{where}: {why}"))

    def resolve(self, obj):
        while isinstance(obj, dict) and "$ref" in obj:
            ref = obj["$ref"]
            assert ref.startswith("#/"), ref
            node = self.doc
            for part in ref[2:].split("/"):
                node = node[part.replace("~1", "/").replace("~0", "~")]
            obj = node
        return obj

    def validator(self, key, schema):
        v = self.validators.get(key)
        if v is None:
            # The schema with the document's components beside it, so that "#/components/..."
            # resolves from its root, whichever jsonschema version resolves it.
            root = {"allOf": [schema], "components": self.components}
            v = jsonschema.Draft202012Validator(root)
            self.validators[key] = v
        return v

    def check(self, x):
        method = x["method"].lower()
        status = int(x["status"])
        path = x["path"]
        route = next((r for r in self.routes if r[1].match(path)), None)
        problem_schema = {"$ref": "#/components/schemas/Problem"}
        if route is None:
            if status in (404, 405):
                self.check_problem(x, problem_schema)
            else:
                self.fail(x, "a path the document does not have", "undocumented path")
            return
        _, _, template, item = route
        if method == "options":
            # A CORS preflight, answered by the edge for every path (info.description).
            if status not in (204, 403, 404, 405):
                self.fail(x, "a preflight answered other than 204/403", "preflight")
            return
        lookup = "get" if method == "head" else method
        op = item.get(lookup)
        if op is None:
            if status == 405:
                self.check_problem(x, problem_schema)
            else:
                self.fail(x, f"{method.upper()} is not an operation of {template}",
                          "undocumented method")
            return
        self.operations_seen.add(f"{lookup.upper()} {template}")
        responses = op.get("responses", {})
        response = responses.get(str(status)) or responses.get(f"{status // 100}XX") \
            or responses.get("default")
        if response is None:
            self.fail(x, f"status {status} is not among {sorted(responses)} of "
                         f"{lookup.upper()} {template}", "undocumented status")
            return
        response = self.resolve(response)
        headers = {k.lower(): v for k, v in x.get("headers", {}).items()}
        for name, h in response.get("headers", {}).items():
            h = self.resolve(h)
            value = headers.get(name.lower())
            if value is None:
                if h.get("required"):
                    self.fail(x, f"the required header {name} is missing", f"header {name} missing")
                continue
            schema = h.get("schema", {})
            if schema.get("type") == "integer":
                if not re.fullmatch(r"-?\d+", value):
                    self.fail(x, f"header {name}: {value!r} is not an integer", f"header {name}")
                    continue
                value = int(value)
            errors = list(self.validator(("header", name, template), schema).iter_errors(value))
            if errors:
                self.fail(x, f"header {name}: {errors[0].message}", f"header {name}")
        content = response.get("content")
        media = (headers.get("content-type") or "").split(";")[0].strip()
        size = x.get("body_size", 0)
        if not content:
            if size and method != "head":
                self.fail(x, f"a body ({media}, {size} bytes) where the document declares none",
                          "undeclared body")
            return
        if method == "head" or status == 304:
            return
        declared = {k.split(";")[0].strip(): v for k, v in content.items()}
        if media not in declared:
            self.fail(x, f"media type {media!r}, the document says {sorted(content)}",
                      "media type")
            return
        schema = declared[media].get("schema")
        if schema is None or not (media.endswith("json")):
            return
        if headers.get("content-encoding"):
            return  # compressed as the test asked; the same answer uncompressed is checked too
        body = x.get("body")
        if body is None:
            self.fail(x, "a JSON answer was not recorded", "not recorded")
            return
        try:
            value = json.loads(body)
        except ValueError:
            self.fail(x, f"the {media} body is not JSON: {body[:120]!r}", "not JSON")
            return
        key = (template, lookup, str(status), media)
        self.report_errors(x, self.validator(key, schema), value,
                           f"{lookup.upper()} {template} {status}")

    def check_problem(self, x, schema):
        body = x.get("body")
        try:
            value = json.loads(body or "")
        except ValueError:
            self.fail(x, "not a problem document", "problem")
            return
        self.report_errors(x, self.validator(("problem",), schema), value, "Problem")

    def report_errors(self, x, validator, value, what):
        errors = sorted(validator.iter_errors(value), key=lambda e: list(e.absolute_path))
        if errors:
            e = errors[0]
            at = "/".join(str(p) for p in e.absolute_path) or "(the body)"
            schema_at = "/".join(str(p) for p in list(e.absolute_schema_path)[2:])
            self.fail(x, f"{what}: at {at}: {e.message} (schema: {schema_at}; "
                         f"{len(errors)} error(s))",
                      f"{what}: {re.sub(r'/[0-9]+', '/*', at)}: {e.validator}")


if __name__ == "__main__":
    sys.exit(main())
