#!/usr/bin/python3
"""The box office driven end to end through the accessibility tree (AT-SPI), as a screen reader
and a person would (issue 14): sign in, open the shift, sell two best-available seats for cash
to a named customer, print to a CUPS PDF printer, decode the QR codes from the PDF and check
them against the server, find the booking at will-call and refund it, close the shift with the
cash counted; the report matches the server's. Run by tests/e2e/run-boxoffice-e2e.sh, which
starts ticketd, a private CUPS and the app under Xvfb with an AT-SPI bus.

Only Debian's /usr/bin/python3 has pyatspi."""
import argparse
import json
import os
import pathlib
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request

import pyatspi

import e2e_atspi
from e2e_atspi import api, fail, find, get, label, log, menu, press, shot, text_of, type_into, wait
from e2e_atspi import app, showing, walk

def pages(pdf):
    """The PDF's page count; 0 while it is still being written."""
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    return next((int(l.split()[-1]) for l in info.splitlines() if l.startswith("Pages:")), 0)


def new_pdfs(before):
    """The PDFs printed since `before`, once complete."""
    found = sorted(set(pathlib.Path(e2e_atspi.ARGS.pdf_dir).glob("*.pdf")) - before,
                   key=os.path.getmtime)
    return [p for p in found if pages(p) > 0]


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--server", required=True)
    p.add_argument("--password", required=True)
    p.add_argument("--email", required=True)
    p.add_argument("--pdf-dir", required=True)
    p.add_argument("--printer", default="TicketPDF")
    p.add_argument("--screenshots")
    args = e2e_atspi.ARGS = p.parse_args()
    e2e_atspi.APP_NAME = "boxoffice"

    wait("the box office on the accessibility bus", app, 30)
    log("the app is on the bus")
    if os.environ.get("E2E_DUMP"):
        time.sleep(2)
        for n in walk(app()):
            print(n.getRoleName(), repr(n.name), showing(n))

    # Sign in (the server and e-mail came from the command line).
    get("frame", "Box office", must_show=False)
    shot("boxoffice-signin")
    type_into("Password", args.password)
    press("push button", "Sign in")

    # Open the shift with 100.00 in the drawer.
    type_into("Opening float", "100.00")
    press("push button", "Open the shift")
    get("list", "Events, today's first")
    log("signed in, the shift open")
    token = api("POST", "/auth/login", body={"email": args.email, "password": args.password})["access_token"]
    shift = api("GET", "/boxoffice/shifts/current", token)
    if shift["opening_float"] != "100.00":
        fail(f"the server's shift: {shift}")

    # The printer: Settings > Printer > TicketPDF, as a person would choose it.
    menu(["Settings", "Printer", args.printer])
    press("push button", "Sell tickets for this event")
    best = get("push button", "Best available")
    wait("the seat map loaded", lambda: best.getState().contains(pyatspi.STATE_ENABLED) and label("Message") == "")

    # Two best-available seats for Ada Lovelace, paid 100.00 in cash: 20.00 change.
    type_into("Customer name", "Ada Lovelace")
    press("push button", "Best available")
    cart = get("table", "Cart")
    wait("two places in the cart", lambda: cart.queryTable().nRows == 2)
    shot("boxoffice-sale")
    press("push button", "Pay cash")
    tendered = get("text", "Amount tendered")
    wait("the total filled in", lambda: text_of(tendered) != "")
    total = text_of(tendered)
    type_into("Amount tendered", "100.00")
    wait("the change due", lambda: label("Change due") != "")
    shot("boxoffice-payment")
    before = set(pathlib.Path(args.pdf_dir).glob("*.pdf"))
    press("push button", "Take the cash")
    done = wait("the sale completed", lambda: "Sold" in label("Sale completed") and label("Sale completed"))
    log(f"sold: {done}")
    if f"Change due: {100 - float(total):.2f}" not in done:
        fail(f"the change: {done} (total {total})")

    # The printout: the tickets and the receipt in one PDF; its QR codes are the credentials
    # the server issued for this booking.
    pdf = wait("the printout in " + args.pdf_dir, lambda: new_pdfs(before), 60)[-1]
    log(f"printed: {pdf}")
    work = pathlib.Path(tempfile.mkdtemp(prefix="boxoffice-e2e-pages."))
    subprocess.run(["pdftoppm", "-q", "-r", "150", "-png", str(pdf), str(work / "page")],
                   check=True)
    codes = []
    for page in sorted(work.glob("page*.png")):
        r = subprocess.run(["zbarimg", "-q", "--raw", str(page)], capture_output=True, text=True)
        codes += [c for c in r.stdout.split("\n") if c]
    # (cups-pdf distils the job again and its text comes out without a Unicode map, so the
    # pages are counted rather than read: a page per ticket, then the receipt.)
    if pages(pdf) != 3:
        fail(f"the printout has {pages(pdf)} pages, not 2 tickets and the receipt")
    found = api("GET", "/bookings?q=lovelace", token)["items"]
    if len(found) != 1:
        fail(f"will-call search on the server: {found}")
    booking = found[0]
    issued = sorted(t["qr_code"] for t in booking["tickets"])
    if sorted(codes) != issued or len(codes) != 2:
        fail(f"QR codes {codes} are not the booking's credentials {issued}")
    if any(t["status"] != "active" for t in booking["tickets"]):
        fail(f"tickets not active: {booking['tickets']}")
    log("the two QR codes decode to the booking's active credentials")
    if args.screenshots:  # the first ticket's page, as printed
        subprocess.run(["pdftoppm", "-q", "-r", "60", "-png", "-f", "1", "-l", "1", str(pdf),
                        str(work / "ticket")], check=True)
        for f in work.glob("ticket*.png"):
            shutil.move(str(f), str(pathlib.Path(args.screenshots) / "boxoffice-ticket.png"))
    shutil.rmtree(work, ignore_errors=True)

    # Will-call: the name finds the booking; Del's question shows the refund, then confirmed.
    menu(["Go", "Will-call"])
    type_into("Search bookings", "Lovelace")
    table = get("table", "Bookings found")
    wait("the booking found", lambda: table.queryTable().nRows == 1)
    shot("boxoffice-willcall")
    press("push button", "Cancel and refund")
    wait("the refund's amount asked about",
         lambda: "policy " + booking["total"] in label("Message"))
    press("push button", "Confirm the refund")
    wait("the refund said", lambda: "Give back " + booking["total"] in label("Message"))
    after = api("GET", f"/bookings/{booking['booking_id']}", token)
    if after["status"] != "refunded":
        fail(f"the booking after the refund: {after['status']}")
    log("refunded at will-call")

    # Close the shift: 100.00 float + 80.00 cash sold - 80.00 cash refunded = 100.00 expected;
    # 99.50 counted is 0.50 short.
    before = set(pathlib.Path(args.pdf_dir).glob("*.pdf"))
    menu(["Go", "Close the shift…"])
    type_into("Counted cash", "99.50")
    press("push button", "Close the shift")
    wait("the shift closed", lambda: "closed" in label("Message"))
    report = label("Shift report")
    shot("boxoffice-shift-report")
    closed = api("GET", f"/boxoffice/shifts/{shift['shift_id']}", token)
    log(f"the server's shift: expected {closed['expected_cash']}, counted {closed['counted_cash']}, difference {closed['difference']}")
    if closed["closed_at"] is None or closed["expected_cash"] != "100.00" or closed["difference"] != "-0.50":
        fail(f"the server's shift: {closed}")
    for figure in (closed["expected_cash"], closed["counted_cash"], closed["difference"]):
        if figure not in report:
            fail(f"the app's report {report!r} lacks {figure}")
    pdf = wait("the report printed", lambda: new_pdfs(before), 60)[-1]
    if pages(pdf) != 1:
        fail(f"the printed report has {pages(pdf)} pages")
    log("the shift closed; the report matches the server's figures, and was printed")
    log("PASSED")


if __name__ == "__main__":
    main()
