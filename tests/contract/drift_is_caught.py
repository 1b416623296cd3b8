#!/usr/bin/python3
"""Proves that validate_responses.py fails on drift: each answer below departs from
docs/openapi.json in one way and must be caught; the last is right and must pass.

    drift_is_caught.py OPENAPI_JSON
"""
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import validate_responses  # noqa: E402

RID = {"x-request-id": "r1", "content-type": "application/json"}
PROBLEM = {"x-request-id": "r1", "content-type": "application/problem+json"}
EVENT = "0190b1c2-0000-7000-8000-000000000001"
SEAT = "0190b1c2-0000-7000-8000-000000000002"
TIER = "0190b1c2-0000-7000-8000-000000000003"
AVAILABILITY = {"event_id": EVENT, "seq": 4, "tiers": [
    {"tier_id": TIER, "name": "Main", "price": "10.00", "currency": "EUR", "total": 1,
     "available": 1, "held": 0, "sold": 0, "blocked": 0}],
    "seats": [{"seat_id": SEAT, "label": "A-1", "tier_id": TIER, "status": "available"}]}


def answer(status, body, headers=RID, method="GET", path=f"/api/v1/events/{EVENT}/availability"):
    return {"test": "drift", "method": method, "path": path, "status": status,
            "headers": headers, "body": json.dumps(body), "body_size": len(json.dumps(body))}


def without(d, key):
    return {k: v for k, v in d.items() if k != key}


CAUGHT = {
    "a required field missing": answer(200, without(AVAILABILITY, "seq")),
    "a field of the wrong type": answer(200, {**AVAILABILITY, "seq": "4"}),
    "a status outside the enum": answer(200, {**AVAILABILITY, "seats": [
        {**AVAILABILITY["seats"][0], "status": "reserved"}]}),
    "no X-Request-Id": answer(200, AVAILABILITY, headers={"content-type": "application/json"}),
    "an undocumented status": answer(418, {"type": "about:blank", "title": "t", "status": 418,
                                           "code": "teapot", "detail": "d"}, headers=PROBLEM),
    "an undocumented path": answer(200, {}, path="/api/v1/nowhere"),
    "a wrong media type": answer(200, AVAILABILITY, headers={"x-request-id": "r1",
                                                             "content-type": "text/html"}),
    "a 404 that is not a problem": answer(404, {"error": "no"}, headers=PROBLEM),
}
RIGHT = answer(200, AVAILABILITY)


def main():
    doc = json.load(open(sys.argv[1], encoding="utf-8"))
    bad = 0
    for what, x in CAUGHT.items():
        c = validate_responses.Checker(doc)
        c.check(x)
        print(f"{'caught' if c.failures else 'MISSED'}: {what}"
              + (f" ({c.failures[0][1]})" if c.failures else ""))
        bad += not c.failures
    c = validate_responses.Checker(doc)
    c.check(RIGHT)
    for _, text in c.failures:
        print(f"a right answer failed: {text}")
        bad += 1
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
