#!/usr/bin/python3
"""The gate scanner driven end to end through the accessibility tree (AT-SPI), as gate staff
and a screen reader would (issue 16): enroll with the organizer's code, choose the event, then
tickets typed as a handheld scanner types them (key events, ending with Enter): a valid one, the
same again, a forged one, a cancelled one, each with its result on screen. Then ticketd is cut
off (SIGSTOP): ten more are decided on the scanner; the scanner is killed (SIGKILL) and started
again; ticketd comes back (SIGCONT): all ten arrive, each exactly once. Run by
tests/e2e/run-gatescanner-e2e.sh.

Only Debian's /usr/bin/python3 has pyatspi."""
import argparse
import json
import os
import signal
import subprocess
import time
import urllib.request

import pyatspi

import e2e_atspi
from e2e_atspi import api, fail, find, log, press, shot, wait

KEY_ENTER = 0xFF0D
KEY_ESCAPE = 0xFF1B


def login(email, password):
    return api("POST", "/auth/login", body={"email": email, "password": password})["access_token"]


def set_up(args):
    """A published event of two sold bookings (cash, at the box office): 12 tickets to let in,
    and one whose booking is then cancelled. Its id, the codes, the cancelled code, the
    organizer's token and a scanner's one-time code."""
    org = login(args.email, args.password)
    rows = [{"label": r, "seats": [{"number": n, "x": n, "y": i} for n in range(1, 6)]}
            for i, r in enumerate("ABCD")]
    venue = api("POST", "/venues", org, {
        "name": "Gate Hall", "address": "3 Door Lane", "city": "York", "country": "GB",
        "latitude": 53.96, "longitude": -1.08, "timezone": "Europe/London",
        "seat_map": {"sections": [{"key": "MAIN", "name": "Stalls", "kind": "seated",
                                   "rows": rows}]}})
    event = api("POST", "/events", org, {
        "venue_id": venue["id"], "title": "Doors at Seven", "description": "", "genre": "music",
        "start_time": time.strftime("%Y-%m-%dT19:00:00Z", time.gmtime(time.time() + 86400)),
        "end_time": time.strftime("%Y-%m-%dT23:00:00Z", time.gmtime(time.time() + 86400)),
        "currency": "GBP",
        "tiers": [{"name": "Stalls", "price": "20.00", "section_keys": ["MAIN"]}]})
    api("POST", f"/events/{event['id']}/publish", org)
    seat_ids = [s["seat_id"] for s in api("GET", f"/events/{event['id']}/availability")["seats"]]
    box = login(args.box_email, args.box_password)
    api("POST", "/boxoffice/shifts", box, {"currency": "GBP", "opening_float": "50.00"})

    def sell(ids, key):
        def keyed(method, path, body, step):
            req = urllib.request.Request(args.server + "/api/v1" + path, method=method)
            req.add_header("Authorization", "Bearer " + box)
            req.add_header("Content-Type", "application/json")
            req.add_header("Idempotency-Key", f"{key}-{step}")
            with urllib.request.urlopen(req, json.dumps(body).encode(), timeout=10) as r:
                return json.loads(r.read())
        held = keyed("POST", "/bookings/hold", {"event_id": event["id"], "seat_ids": ids}, "hold")
        pay = keyed("POST", "/payments/intent",
                    {"booking_id": held["booking_id"], "method": "cash"}, "intent")
        done = keyed("POST", "/bookings/confirm",
                     {"booking_id": held["booking_id"], "payment_id": pay["payment_id"]}, "confirm")
        return held["booking_id"], [t["qr_code"] for t in done["tickets"]]

    codes = sell(seat_ids[:6], "first")[1] + sell(seat_ids[6:12], "second")[1]
    cancelled_booking, cancelled = sell(seat_ids[12:13], "third")
    api("DELETE", f"/bookings/{cancelled_booking}", box)
    device = api("POST", "/checkin/devices", org, {"name": "Door 1", "gate": "Main"})
    return event["id"], codes, cancelled[0], org, device["enrollment_code"]


def editable(name):
    """The editable field named `name` (its label, of the same words, is not)."""
    def look():
        for n in e2e_atspi.walk(e2e_atspi.app()):
            try:
                if n.name == name and e2e_atspi.showing(n) and \
                        n.getState().contains(pyatspi.STATE_EDITABLE):
                    return n
            except Exception:
                continue
        return None
    return wait(f"the field {name!r}", look)


def keys(text, enter=True):
    """Key events, as a keyboard or a handheld scanner sends them to the focused control."""
    for c in text:
        pyatspi.Registry.generateKeyboardEvent(ord(c), None, pyatspi.KEY_SYM)
    if enter:
        pyatspi.Registry.generateKeyboardEvent(KEY_ENTER, None, pyatspi.KEY_SYM)


def type_into(name, text, enter=True):
    field = editable(name)
    field.queryComponent().grabFocus()
    wait(f"{name!r} focused", lambda: field.getState().contains(pyatspi.STATE_FOCUSED))
    keys(text, enter)


def start_app(args):
    log_file = open(args.app_log, "a")
    # As tests/e2e/lib.sh starts an app: on the accessibility bus, in English, its own home.
    home = os.environ.get("HOME_FOR_APP", args.data_dir + "-home")
    env = dict(os.environ, QT_LINUX_ACCESSIBILITY_ALWAYS_ON="1", HOME=home,
               XDG_CONFIG_HOME=home + "/.config", LANG="C.UTF-8", LANGUAGE="en")
    env.pop("QT_QPA_PLATFORM", None)
    # An app that cannot reach the X server at once (a busy CI machine: "could not connect to
    # display") exits straight away; it is started again, a few times, before the test fails.
    for attempt in range(1, 4):
        proc = subprocess.Popen([args.app, "--server", args.server, "--data-dir", args.data_dir],
                                stdout=log_file, stderr=subprocess.STDOUT, env=env)
        end = time.time() + 30
        while time.time() < end and proc.poll() is None:
            try:
                if e2e_atspi.app():
                    return proc
            except Exception:  # the tree changes under us: ask again
                pass
            time.sleep(0.1)
        if proc.poll() is None:
            break
        log(f"the gate scanner exited at start (status {proc.returncode}, attempt {attempt}); "
            "starting it again")
        time.sleep(1)
    wait("the gate scanner on the accessibility bus", e2e_atspi.app, 5)
    return proc


def handheld(code):
    """A handheld scanner: the code's characters as key events, then Enter, into the focused
    field (the scan view keeps it focused)."""
    field = editable("Handheld scanner input")
    wait("the handheld field focused", lambda: field.getState().contains(pyatspi.STATE_FOCUSED))
    keys(code)


def result(expected, timeout=10.0):
    """The result on screen (an alert a screen reader says)."""
    node = wait(f"the result {expected!r}", lambda: find("alert", expected), timeout)
    return node


def any_result():
    return next((n for n in e2e_atspi.walk(e2e_atspi.app())
                 if n.getRoleName() == "alert" and e2e_atspi.showing(n)), None)


def scan(code, expected, timeout=10.0):
    # The last result put away first (Escape), so that the one read is this scan's.
    pyatspi.Registry.generateKeyboardEvent(KEY_ESCAPE, None, pyatspi.KEY_SYM)
    wait("the last result put away", lambda: any_result() is None)
    handheld(code)
    node = result(expected, timeout)
    log(f"scanned: {expected} ({node.description})")
    return node


def stats(event, org):
    return api("GET", f"/events/{event}/checkin/stats", org)


def main():
    p = argparse.ArgumentParser()
    for name in ("--server", "--app", "--data-dir", "--app-log", "--email", "--password",
                 "--box-email", "--box-password"):
        p.add_argument(name, required=True)
    p.add_argument("--ticketd-pid", type=int, required=True)
    p.add_argument("--screenshots")
    args = e2e_atspi.ARGS = p.parse_args()
    e2e_atspi.APP_NAME = "gatescanner"
    e2e_atspi.SHOT_AREA = "1100x720+0+0"

    event, codes, cancelled, org, enrollment = set_up(args)
    log(f"event {event}: {len(codes)} tickets, one cancelled; enrollment code {enrollment}")
    app = start_app(args)
    try:
        # Enroll with the code, as typed from the organizer's screen.
        type_into("Enrollment code", enrollment[:4] + "-" + enrollment[4:8] + "-" + enrollment[8:],
                  enter=False)
        shot("gatescanner-e2e-enroll")
        press("push button", "Enroll")
        button = wait("the event to choose",
                      lambda: next((n for n in e2e_atspi.walk(e2e_atspi.app())
                                    if n.getRoleName() == "push button"
                                    and n.name.startswith("Doors at Seven")), None), 20)
        button.queryAction().doAction(0)
        editable("Handheld scanner input")
        wait("the ticket list", lambda: find("status bar", "Online") is not None, 20)
        log("enrolled, event chosen, online")

        scan(codes[0], "Admitted")
        shot("gatescanner-e2e-admitted")
        scan(codes[0], "Already inside")
        forged = codes[1][:12] + ("B" if codes[1][12] == "A" else "A") + codes[1][13:]
        scan(forged, "Refused: not a valid ticket")
        scan(cancelled, "Refused: cancelled ticket")
        s = stats(event, org)
        if s["admitted"] != 1 or s["refused"] != 3:
            fail(f"the server's counts after four scans: {s}")

        # The server cut off: the scanner decides alone, and says so.
        os.kill(args.ticketd_pid, signal.SIGSTOP)
        log("ticketd stopped")
        try:
            for i in range(10):
                node = scan(codes[2 + i], "Admitted", 15)
                if "server did not answer" not in (node.description or ""):
                    fail(f"scan {i + 1} offline without saying so: {node.description!r}")
            wait("the offline badge with ten waiting",
                 lambda: find("status bar", "Offline: deciding here, 10 scans waiting"), 20)
            shot("gatescanner-e2e-offline")
            log("ten scans decided on the scanner, waiting")
            # Killed as a power cut would: nothing more is written.
            app.send_signal(signal.SIGKILL)
            app.wait()
            log("the scanner killed")
            wait("the scanner gone from the bus", lambda: e2e_atspi.app() is None, 20)
            app = start_app(args)
            editable("Handheld scanner input")
            log("the scanner started again, on its event")
        finally:
            os.kill(args.ticketd_pid, signal.SIGCONT)
            log("ticketd back")
        wait("the queue sent", lambda: find("status bar", "Online"), 60)
        s = wait("all ten on the server", lambda: (lambda x: x if x["admitted"] >= 11 else None)(
            stats(event, org)), 30)
        time.sleep(2)  # anything more would come now
        s = stats(event, org)
        if s["admitted"] != 11 or s["refused"] != 3 or s["conflicts"] != 0 or s["inside"] != 11:
            fail(f"each scan exactly once: {s}")
        log(f"all ten arrived exactly once: {s}")
    finally:
        if app.poll() is None:
            app.terminate()
            app.wait(10)
    log("passed")


if __name__ == "__main__":
    main()
