#!/usr/bin/python3
"""The organizer's app driven end to end through the accessibility tree (AT-SPI), as a screen
reader and a person would (issue 15): sign in, draw a venue of two seated sections and a
standing area by keyboard (the Insert menu), save it, make an event of two tiers on it and
publish it after its summary; then a sale made through the API appears on the open dashboard
within a second; the report exported as CSV is the API's. Run by
tests/e2e/run-organizer-e2e.sh, which starts ticketd and the app under Xvfb with an AT-SPI bus.

Only Debian's /usr/bin/python3 has pyatspi."""
import argparse
import pathlib
import time
import urllib.request

import e2e_atspi
from e2e_atspi import api, fail, get, label, log, menu, press, shot, type_into, wait, walk


def list_items(name):
    """The texts of a list's items."""
    return [n.name for n in walk(get("list", name)) if n.getRoleName() == "list item"]


def csv_of(path, token):
    req = urllib.request.Request(e2e_atspi.ARGS.server + "/api/v1" + path)
    req.add_header("Authorization", "Bearer " + token)
    req.add_header("Accept", "text/csv")
    with urllib.request.urlopen(req, timeout=10) as r:
        return r.read()


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--server", required=True)
    p.add_argument("--email", required=True)
    p.add_argument("--password", required=True)
    p.add_argument("--box-email", required=True)
    p.add_argument("--box-password", required=True)
    p.add_argument("--documents", required=True)
    p.add_argument("--screenshots")
    args = e2e_atspi.ARGS = p.parse_args()
    e2e_atspi.APP_NAME = "organizer"
    e2e_atspi.SHOT_AREA = "1280x800+0+0"

    wait("the organizer's app on the accessibility bus", e2e_atspi.app, 30)
    log("the app is on the bus")
    type_into("Password", args.password)
    press("push button", "Sign in")
    get("list", "Events")
    log("signed in")

    # A venue drawn by keyboard: two seated sections, a standing area and the stage.
    menu(["File", "New venue"])
    for entry in ("A seated section", "A seated section", "A standing area", "The stage"):
        menu(["Insert", entry])
    for field, value in (("Venue name", "The E2E Hall"), ("Address", "2 Test Road"),
                         ("City", "Leeds"), ("Country", "GB"), ("Time zone", "Europe/London")):
        type_into(field, value)
    shot("organizer-e2e-designer")
    menu(["File", "Save the venue"])
    wait("the venue saved", lambda: "Saved" in label("Message"))
    token = api("POST", "/auth/login", body={"email": args.email, "password": args.password})["access_token"]
    venues = api("GET", "/venues", token)["items"]
    if len(venues) != 1 or venues[0]["total_capacity"] != 900:
        fail(f"the server's venues: {[(v['name'], v['total_capacity']) for v in venues]}")
    sections = [(s["key"], s["kind"]) for s in venues[0]["seat_map"]["sections"]]
    if sections != [("S1", "seated"), ("S2", "seated"), ("GA", "standing")]:
        fail(f"the saved sections: {sections}")
    log("the venue is saved: two seated sections of 200 and 500 standing places")

    # An event of two tiers (every seat at one price, the standing area), published.
    menu(["Event", "New event"])
    type_into("Title", "E2E Night")
    type_into("Price of new tiers", "35.00")
    press("push button", "One tier for all seats")
    press("push button", "Save the event")
    wait("the event listed", lambda: any("E2E Night" in i and "draft" in i
                                         for i in list_items("Events")))
    menu(["Event", "Publish…"])
    press("push button", "Yes")
    wait("the event on sale", lambda: any("on sale" in i for i in list_items("Events")))
    event = api("GET", "/events?mine=true", token)["items"][0]
    if event["status"] != "published" or len(event["tiers"]) != 2:
        fail(f"the server's event: {event['status']}, {len(event['tiers'])} tiers")
    log("the event is published with two tiers")

    # The dashboard, open and live; a sale at the box office through the API shows on it.
    menu(["Event", "Dashboard"])
    wait("the dashboard live", lambda: label("Live") == "Live", 30)
    wait("the report read", lambda: "Sold 0" in label("Totals"))
    box = api("POST", "/auth/login", body={"email": args.box_email, "password": args.box_password})["access_token"]
    api("POST", "/boxoffice/shifts", box, {"currency": "GBP", "opening_float": "50.00"})
    seats = api("GET", f"/events/{event['id']}/availability")["seats"]
    wanted = [s["seat_id"] for s in seats if s["label"] in ("S1-A-1", "S1-A-2")]

    def keyed(method, path, body, key):
        req = urllib.request.Request(args.server + "/api/v1" + path, method=method,
                                     data=__import__("json").dumps(body).encode())
        req.add_header("Authorization", "Bearer " + box)
        req.add_header("Content-Type", "application/json")
        req.add_header("Idempotency-Key", key)
        with urllib.request.urlopen(req, timeout=10) as r:
            return __import__("json").loads(r.read())

    booking = keyed("POST", "/bookings/hold", {"event_id": event["id"], "seat_ids": wanted}, "e2e-hold")
    cash = keyed("POST", "/payments/intent", {"booking_id": booking["booking_id"], "method": "cash"}, "e2e-cash")
    keyed("POST", "/bookings/confirm", {"booking_id": booking["booking_id"], "payment_id": cash["payment_id"]}, "e2e-confirm")
    sold_at = time.time()
    wait("the sale on the dashboard", lambda: "Sold 2" in label("Totals"), 5)
    seen = time.time() - sold_at
    wait("its money on the dashboard", lambda: "70.00 GBP" in label("Totals"), 5)
    money = time.time() - sold_at
    log(f"the sale showed on the dashboard after {seen * 1000:.0f} ms (its money after {money * 1000:.0f} ms)")
    if seen > 1.0:
        fail(f"the sale took {seen:.2f} s to show")
    shot("organizer-e2e-dashboard")

    # The report exported as CSV (the file dialog's Save takes the suggested name).
    before = set(pathlib.Path(args.documents).glob("*.csv"))
    menu(["Event", "Export the report as CSV…"])
    press("push button", "Save")
    exported = wait("the CSV written", lambda: sorted(set(pathlib.Path(args.documents).glob("*.csv")) - before))[-1]
    wait("the CSV complete", lambda: exported.stat().st_size > 0)
    written = exported.read_bytes()
    expected = csv_of(f"/events/{event['id']}/report?interval=day", token)
    if written != expected:
        fail(f"the exported CSV differs from the API's:\n{written!r}\n{expected!r}")
    log(f"the exported report ({exported.name}) is the API's CSV, byte for byte")
    log("PASSED")


if __name__ == "__main__":
    main()
