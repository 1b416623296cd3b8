#!/usr/bin/python3
"""An SMTP server for the mail tests (aiosmtpd, Debian's python3-aiosmtpd), on loopback: each
message it takes is written whole to a file of its own in MAILDIR. It can refuse recipients for
good (--refuse TEXT: 550 for an address containing it) and hold its answer to the first message
after taking it (--hold-first SECONDS: the message is stored, the 250 comes that much later), so
a test can stop the sender between a delivery and its record.

    smtp_sink.py --port 2525 --maildir /tmp/box [--refuse ada@] [--hold-first 5]
"""
import argparse, asyncio, os, time, uuid

from aiosmtpd.controller import Controller


class Sink:
    def __init__(self, maildir, refuse, hold_first):
        self.maildir = maildir
        self.refuse = refuse
        self.hold_first = hold_first
        self.taken = 0

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if self.refuse and self.refuse in address:
            return "550 5.1.1 no such mailbox here"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        name = os.path.join(self.maildir, "%d-%s.eml" % (time.time_ns(), uuid.uuid4().hex))
        with open(name + ".part", "wb") as f:
            f.write(envelope.original_content or envelope.content)
        os.rename(name + ".part", name)
        self.taken += 1
        if self.taken == 1 and self.hold_first > 0:
            await asyncio.sleep(self.hold_first)
        return "250 Message accepted for delivery"


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--port", type=int, required=True)
    p.add_argument("--maildir", required=True)
    p.add_argument("--refuse", default="")
    p.add_argument("--hold-first", type=float, default=0)
    a = p.parse_args()
    os.makedirs(a.maildir, exist_ok=True)
    controller = Controller(Sink(a.maildir, a.refuse, a.hold_first), hostname="127.0.0.1",
                            port=a.port)
    controller.start()
    print("listening", flush=True)
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        pass
    finally:
        controller.stop()


if __name__ == "__main__":
    main()
