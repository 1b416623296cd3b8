#!/usr/bin/python3
"""Writes the fuzz targets' seed corpora (tests/fuzz/corpus/<target>/) from the wire contract's
golden files (tests/data/wire), the credential test vectors (tests/data/credentials) and a few
hand-made requests. Run it again when those change; the fuzzers' own findings are kept beside
these (scripts/fuzz copies a crash's input into its target's corpus as crash-<sha1>).

    tests/fuzz/make_seeds.py
"""
import base64
import hashlib
import hmac
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
WIRE = os.path.join(ROOT, "tests", "data", "wire")
CORPUS = os.path.join(HERE, "corpus")


def wire(name):
    with open(os.path.join(WIRE, name), "rb") as f:
        return f.read()


def put(target, name, data):
    d = os.path.join(CORPUS, target)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, name), "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode())


def main():
    for name in ("venue-input.json", "venue.json"):
        put("fuzz_seat_map", name, wire(name))
    for name in ("event-input.json", "event.json", "event.draft.json"):
        put("fuzz_event", name, wire(name))
    for name in sorted(os.listdir(WIRE)):
        if name.startswith("hold-request"):
            put("fuzz_hold", name, wire(name))
        if name.startswith("sync-client"):
            put("fuzz_ws_message", name, wire(name))
    bodies = ["registration.json", "credentials.json", "refresh-request.json",
              "profile-change.json", "role-change.json", "confirm-request.json",
              "intent-request.json", "refund-request.json", "shift-opening.json",
              "block-request.json", "unblock-request.json", "device-input.json",
              "enroll-request.json", "scan-batch.json",
              "promo-code-input.json"]  # FuzzRequestBodies.cpp's order
    for i, name in enumerate(bodies):
        put("fuzz_request_bodies", name, bytes([i]) + wire(name))

    with open(os.path.join(ROOT, "tests", "data", "credentials", "vectors.json")) as f:
        vectors = json.load(f)
    for i, v in enumerate(vectors["valid"]):
        put("fuzz_credential", f"valid-{i}", v["credential"])
    for i, v in enumerate(vectors["invalid"]):
        put("fuzz_credential", f"invalid-{i}", v["credential"])

    # FuzzWebhook.cpp: the signature header, a newline, the body; signed with its secret at
    # its time, so that the seed passes the check and reaches the body's reader.
    secret, t = b"whsec_fuzz", 1772323200
    for kind, extra in (("succeeded", ""), ("payment_failed",
                        ', "last_payment_error": {"code": "card_declined"}')):
        body = ('{"id": "evt_1", "type": "payment_intent.%s", "data": {"object": '
                '{"id": "pi_1", "status": "x"%s}}}' % (kind, extra)).encode()
        mac = hmac.new(secret, str(t).encode() + b"." + body, hashlib.sha256).hexdigest()
        put("fuzz_webhook", kind, f"t={t},v1={mac}\n".encode() + body)
    put("fuzz_webhook", "stale", b"t=1,v1=00\n{}")

    requests = {
        "get-availability": "GET /api/v1/events/0192f3a0-0000-7000-8000-00000000000a/availability?since=4 HTTP/1.1\r\n"
                            "Host: tickets.example\r\nAccept-Encoding: gzip, br\r\nIf-None-Match: W/\"abc\", W/\"def\"\r\n"
                            "X-Request-Id: edge-1\r\n\r\n",
        "post-hold-chunked": "POST /api/v1/bookings/hold HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n"
                             "Authorization: Bearer x.y.z\r\nContent-Type: application/json\r\n"
                             "Idempotency-Key: k1\r\n\r\n5\r\n{\"a\":\r\n2\r\n1}\r\n0\r\n\r\n",
        "forwarded": "GET /api/v1/events?limit=5&cursor=abc HTTP/1.1\r\nHost: a\r\n"
                     "X-Forwarded-For: 203.0.113.9, 10.0.0.7\r\nForwarded: for=\"[2001:db8::1]:4711\";proto=https\r\n"
                     "Origin: https://shop.example\r\n\r\n",
        "smuggling": "POST /api/v1/bookings/hold HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked, identity\r\n"
                     "Content-Length: 4\r\n\r\nGET / HTTP/1.1\r\n\r\n",
        "http10-no-host": "DELETE /api/v1/bookings/0192f3a0-1111-7111-8111-111111111111 HTTP/1.0\r\n\r\n",
        "unknown-method": "BREW /healthz HTTP/1.1\r\nHost: a\r\n\r\n",
    }
    for name, text in requests.items():
        put("fuzz_http_head", name, text)

    cursor = base64.urlsafe_b64encode(b"1772323200000000_0192f3a0-1111-7111-8111-111111111111")
    put("fuzz_cursor", "limit-and-cursor", b"limit=10&cursor=" + cursor.rstrip(b"="))
    put("fuzz_cursor", "limit-only", "limit=100")


if __name__ == "__main__":
    main()
