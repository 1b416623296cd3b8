#!/usr/bin/env python3
"""Makes the ticket-credential test vectors (vectors.json) with an implementation independent of
common/domain: Python's hashlib (BLAKE2b) and the `cryptography` package (Ed25519). The format
is in docs/ticket-credentials.md. Run: python3 make_vectors.py > vectors.json"""
import base64, hashlib, json, struct, uuid
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives import serialization

def b64(b):
    return base64.urlsafe_b64encode(b).rstrip(b"=").decode()

def keypair(seed):
    sk = Ed25519PrivateKey.from_private_bytes(seed)
    pk = sk.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return sk, pk, hashlib.blake2b(pk, digest_size=32).digest()[:8]

def credential(sk, key_id, c):
    seat = uuid.UUID(c["seat_id"]).bytes if c["seat_id"] else bytes(16)
    claims = (bytes([1]) + key_id + uuid.UUID(c["ticket_id"]).bytes + uuid.UUID(c["event_id"]).bytes
              + uuid.UUID(c["tier_id"]).bytes + seat + struct.pack(">qq", c["valid_from"], c["valid_until"]))
    assert len(claims) == 89
    return "TK1." + b64(claims) + "." + b64(sk.sign(claims))

seed_a = bytes(range(32))                 # event A's key
seed_b = bytes(range(32, 64))             # event B's key
event_a = "0192f3a0-0000-7000-8000-00000000000a"
event_b = "0192f3a0-0000-7000-8000-00000000000b"
sk_a, pk_a, id_a = keypair(seed_a)
sk_b, pk_b, id_b = keypair(seed_b)
seated = {"ticket_id": "0192f3a0-1111-7111-8111-111111111111", "event_id": event_a,
          "tier_id": "0192f3a0-2222-7222-8222-222222222222", "seat_id": "0192f3a0-3333-7333-8333-333333333333",
          "valid_from": 1772323200, "valid_until": 1772409600}
standing = dict(seated, ticket_id="0192f3a0-4444-7444-8444-444444444444", seat_id=None)
good_seated = credential(sk_a, id_a, seated)
good_standing = credential(sk_a, id_a, standing)
# One changed character in the claims (a different ticket id byte), the signature kept.
parts = good_seated.split(".")
raw = bytearray(base64.urlsafe_b64decode(parts[1] + "=" * (-len(parts[1]) % 4)))
raw[20] ^= 0x01
altered = "TK1." + b64(bytes(raw)) + "." + parts[2]
# Event A's claims signed with event B's key (which the verifier trusts for B only).
other_event_key = credential(sk_b, id_b, seated)

print(json.dumps({
    "keys": [{"event_id": event_a, "seed": seed_a.hex(), "public_key": pk_a.hex(), "key_id": id_a.hex()},
             {"event_id": event_b, "seed": seed_b.hex(), "public_key": pk_b.hex(), "key_id": id_b.hex()}],
    "valid": [{"claims": seated, "credential": good_seated}, {"claims": standing, "credential": good_standing}],
    "invalid": [{"credential": altered, "error": "bad_signature", "why": "one bit of the ticket id changed"},
                {"credential": other_event_key, "error": "wrong_event", "why": "event A's ticket signed with event B's key"},
                {"credential": good_seated[:-4], "error": "malformed", "why": "signature cut short"},
                {"credential": "TK2." + good_seated[4:], "error": "malformed", "why": "unknown version prefix"}],
}, indent=2))
