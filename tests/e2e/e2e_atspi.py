"""What the end-to-end tests share: finding and driving an app's controls through the
accessibility tree (AT-SPI), as a screen reader and a person would, and the REST API. Only
Debian's /usr/bin/python3 has pyatspi."""
import json
import pathlib
import subprocess
import sys
import time
import urllib.request

import pyatspi

# Set by the test: its arguments (server, screenshots), the app's name on the bus, and the
# screen area its screenshots take.
ARGS = None
APP_NAME = None
SHOT_AREA = "1100x720+0+0"


def log(msg):
    print(f"e2e: {msg}", flush=True)


def fail(msg):
    log("FAILED: " + msg)
    shot("failure")
    sys.exit(1)


def shot(name):
    if ARGS and getattr(ARGS, "screenshots", None):
        path = pathlib.Path(ARGS.screenshots) / f"{name}.png"
        # The app's window sits at the screen's corner at its starting size (main.cpp).
        subprocess.run(["import", "-window", "root", "-crop", SHOT_AREA, "+repage", str(path)],
                       check=False)


def wait(what, fn, timeout=20.0):
    end = time.time() + timeout
    last = None
    while time.time() < end:
        try:
            last = fn()
            if last:
                return last
        except Exception as e:  # the tree changes under us: ask again
            last = e
        time.sleep(0.1)
    fail(f"{what} (last: {last!r})")


def app():
    desktop = pyatspi.Registry.getDesktop(0)
    for a in desktop:
        if a is not None and a.name == APP_NAME:
            return a
    return None


def walk(node, depth=0):
    if node is None or depth > 40:
        return
    yield node
    try:
        children = list(node)
    except Exception:
        return
    for c in children:
        yield from walk(c, depth + 1)


def showing(node):
    try:
        return node.getState().contains(pyatspi.STATE_SHOWING)
    except Exception:
        return False


def find(role, name, root=None, must_show=True):
    root = root or app()
    for n in walk(root):
        try:
            roles = role if isinstance(role, tuple) else (role,)
            if n.getRoleName() in roles and n.name == name and (not must_show or showing(n)):
                return n
        except Exception:
            continue
    return None


def get(role, name, timeout=20.0, must_show=True):
    return wait(f"a {role} named {name!r}", lambda: find(role, name, must_show=must_show), timeout)


def press(role, name):
    node = get(role, name)
    wait(f"{name!r} enabled", lambda: node.getState().contains(pyatspi.STATE_ENABLED))
    node.queryAction().doAction(0)


def type_into(name, text):
    node = get(("text", "password text"), name)
    node.queryEditableText().setTextContents(text)


def text_of(node):
    t = node.queryText()
    return t.getText(0, t.characterCount)


def label(name):
    """A label's text: Qt shows a label's accessible name in place of its text, and its text
    as the description (the app sets both)."""
    node = get("label", name)
    return node.description or ""


def menu(path):
    """Triggers a menu item by its path of names, e.g. ["Go", "Will-call"]."""
    node = app()
    for name in path:
        node = wait(f"menu entry {name!r}",
                    lambda: find("menu item", name, root=node, must_show=False))
    node.queryAction().doAction(0)


def api(method, path, token=None, body=None):
    req = urllib.request.Request(ARGS.server + "/api/v1" + path, method=method)
    if token:
        req.add_header("Authorization", "Bearer " + token)
    data = None
    if body is not None:
        data = json.dumps(body).encode()
        req.add_header("Content-Type", "application/json")
    with urllib.request.urlopen(req, data, timeout=10) as r:
        return json.loads(r.read() or b"null")
