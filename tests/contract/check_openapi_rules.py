#!/usr/bin/python3
"""The house rules of docs/openapi.json that a generic linter does not know (issue 17), so that
a generated client can trust the document:
- every operation has `security` (`[]` where public) and declared tags;
- every object schema with properties says which are `required`; every array's items are typed;
  every enum has a type;
- every response declares X-Request-Id (101 aside); a keyed operation's (Idempotency-Key) 2xx
  answers declare Idempotent-Replayed; a rate-limited operation (one with a 429) declares the
  RateLimit headers on every answer
  the limiter sees (all but 413 and 503), and its 429 a required Retry-After.

    check_openapi_rules.py OPENAPI_JSON
"""
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import validate_responses  # noqa: E402  (its $ref resolution)

METHODS = ("get", "put", "post", "delete", "patch")


def main():
    doc = json.load(open(sys.argv[1], encoding="utf-8"))
    problems = []

    resolve = validate_responses.Checker(doc).resolve

    def schemas(x, where):
        if isinstance(x, dict):
            if "properties" in x and "required" not in x:
                problems.append(f"{where}: an object schema without `required`")
            if x.get("type") == "array" or (isinstance(x.get("type"), list) and "array" in x["type"]):
                items = x.get("items")
                if not isinstance(items, dict) or not ({"type", "$ref", "oneOf", "anyOf", "allOf"} & set(items)):
                    problems.append(f"{where}: an array whose items have no type")
            if "enum" in x and "type" not in x:
                problems.append(f"{where}: an enum without a type")
            for k, v in x.items():
                schemas(v, f"{where}/{k}")
        elif isinstance(x, list):
            for i, v in enumerate(x):
                schemas(v, f"{where}/{i}")

    schemas(doc.get("components", {}).get("schemas", {}), "#/components/schemas")
    tags = {t["name"] for t in doc.get("tags", [])}
    for path, item in doc["paths"].items():
        for m in METHODS:
            op = item.get(m)
            if op is None:
                continue
            name = f"{m.upper()} {path}"
            if "security" not in op:
                problems.append(f"{name}: no `security` (use [] when public)")
            for t in op.get("tags", []) or [None]:
                if t not in tags:
                    problems.append(f"{name}: tag {t!r} is not declared")
            schemas(op.get("requestBody", {}), f"{name} requestBody")
            keyed = any(resolve(p).get("name") == "Idempotency-Key" for p in op.get("parameters", []))
            limited = "429" in op["responses"]
            for code, r in op["responses"].items():
                r = resolve(r)
                schemas(r.get("content", {}), f"{name} {code}")
                headers = set(r.get("headers", {}))
                if code != "101" and "X-Request-Id" not in headers:
                    problems.append(f"{name} {code}: X-Request-Id not declared")
                if keyed and code.startswith("2") and "Idempotent-Replayed" not in headers:
                    problems.append(f"{name} {code}: Idempotent-Replayed not declared")
                # 413 and 503 are answered before the limiter counts the request.
                if limited and code not in ("413", "503") and not {"RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset"} <= headers:
                    problems.append(f"{name} {code}: the RateLimit headers not declared")
                if code == "429" and not resolve(r["headers"].get("Retry-After", {})).get("required"):
                    problems.append(f"{name} 429: Retry-After not declared required")
    for p in problems:
        print(p)
    print(f"{len(problems)} departures from the house rules")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
