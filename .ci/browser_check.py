#!/usr/bin/env python3
"""Real-browser check of the portal: headless Chromium (Debian's chromium + chromium-driver) driven by selenium.

Usage: python3 .ci/browser_check.py [path/to/yiwang]   (default .build/debug/yiwang; run from the repository root)

Starts `yiwang serve --demo` on a free loopback port with a fresh data directory, waits for /healthz, then at two
window sizes (phone 375×812 with mobile emulation, desktop 1280×900) checks:
  - `/`: Chinese text, a viewport meta tag, the stylesheet loaded, no horizontal page overflow;
  - `/notices` lists notices, a notice detail opens from a link, and its project page opens from the notice;
  - the real login form as `tenderer`: the workspace shows the account's name, one of its projects opens;
  - signing out (header button), then the login form as `bidder1`: the bidder workspace, an open project opens;
  - signing out, then as `regulator`: 一屏管交易 draws its charts as server-side SVG (no script) that fit the window,
    and the alert inbox opens.
Then the opening room (开标大厅) of the demo's sealed tender whose deadline has passed, open at both sizes at once
(an anonymous phone window, and a desktop window signed in as the custodian `custodian`): the countdown and the
custodian status; the custodian releases its shares through the page's form, the regulator through the API (shares
made with `yiwang custodian share` from the demo keys under <data>/demo-custodians/), and both windows show the
release and then the price sheet (唱标) without reloading. The sealed tender still open for bids shows a running
countdown.
Every page visited is checked for horizontal overflow (`scrollWidth <= innerWidth + 1`, and innerWidth still the
window's width: under mobile emulation Chromium widens the layout viewport to fit a too-wide page; wide tables may
scroll inside their own `.scroll` container) and saved as a full-page screenshot in a temp folder (path printed).

Prints one line per check and ends with `browser: N passed, M failed`; exits 1 if any check failed.
Needs: apt-get install chromium chromium-driver (fonts-wqy-zenhei for readable screenshots); pip install selenium.
"""
import base64
import json
import os
import re
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request

try:
    from selenium import webdriver
    from selenium.common.exceptions import WebDriverException
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait
except ImportError as missing:
    print(f"FAIL  selenium importable — {missing} (python3 -m pip install selenium)")
    print("browser: 0 passed, 1 failed")
    sys.exit(1)

CHROMEDRIVER = "/usr/bin/chromedriver"
CHROMIUM = "/usr/bin/chromium"
PASSWORD = "yiwang-demo"
SIZES = [("phone", 375, 812, True), ("desktop", 1280, 900, False)]
HEALTH_TIMEOUT = 60

results = {"passed": 0, "failed": 0}


def check(label, ok, detail=""):
    """Records and prints one check."""
    if ok:
        results["passed"] += 1
        print(f"PASS  {label}" + (f" — {detail}" if detail else ""), flush=True)
    else:
        results["failed"] += 1
        print(f"FAIL  {label}" + (f" — {detail}" if detail else ""), flush=True)
    return ok


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def http(url, data=None, headers=None, timeout=5):
    request = urllib.request.Request(url, data=data, headers=headers or {})
    with urllib.request.urlopen(request, timeout=timeout) as response:
        return response.read().decode("utf-8")


def start_server(binary, data_dir, log_path):
    port = free_port()
    env = dict(os.environ, YIWANG_SCHEDULER_SECONDS="0")
    log = open(log_path, "wb")
    process = subprocess.Popen(
        [binary, "serve", "--demo", "--port", str(port), "--data-dir", data_dir],
        stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, env=env, start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + HEALTH_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            break
        try:
            if http(base + "/healthz", timeout=2).strip() == "ok":
                return process, base
        except OSError:
            pass
        time.sleep(0.5)
    return process, None


def stop_server(process):
    if process is None or process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=10)


def display_name(base, username):
    """The account's display name as the JSON API reports it (the expected text in the portal's header)."""
    body = json.dumps({"username": username, "password": PASSWORD}).encode()
    answer = json.loads(http(base + "/api/v1/auth/login", body, {"Content-Type": "application/json"}))
    return answer["account"]["displayName"]


def new_driver():
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                     "--lang=zh-CN", "--window-size=1280,900", "--no-first-run", "--disable-extensions"):
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(30)
    return driver


class Visit:
    """One window size: navigation helpers, the overflow check and screenshots."""

    def __init__(self, driver, base, shots, name, width, height, mobile):
        self.driver, self.base, self.shots = driver, base, shots
        self.name, self.width, self.height, self.mobile = name, width, height, mobile
        self.count = 0

    def setup(self):
        self.driver.set_window_size(self.width, self.height)
        self.driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
            "width": self.width, "height": self.height, "deviceScaleFactor": 1, "mobile": self.mobile,
        })
        self.driver.delete_all_cookies()

    def label(self, text):
        return f"[{self.name} {self.width}x{self.height}] {text}"

    def check(self, text, ok, detail=""):
        return check(self.label(text), ok, detail)

    def get(self, path):
        self.driver.get(self.base + path)
        self.wait_loaded()

    def wait_loaded(self):
        WebDriverWait(self.driver, 20).until(lambda d: d.execute_script("return document.readyState") == "complete")

    def path(self):
        url = self.driver.current_url
        return url[len(self.base):] if url.startswith(self.base) else url

    def text(self, css="body"):
        return self.driver.find_element(By.CSS_SELECTOR, css).text

    def click_and_wait(self, element):
        old = self.driver.find_element(By.TAG_NAME, "html")
        self.driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", element)
        element.click()
        WebDriverWait(self.driver, 20).until(lambda d: self._stale(old))
        self.wait_loaded()

    @staticmethod
    def _stale(element):
        try:
            element.tag_name
            return False
        except WebDriverException:
            return True

    def page_ok(self, what):
        """Common checks for every page: not the error page, no horizontal overflow; then a screenshot."""
        title = self.driver.title
        self.check(f"{what}: not an error page", "出错了" not in title and "Not Found" not in title, f"{self.path()} · {title}")
        sizes = self.driver.execute_script(
            "return [document.documentElement.scrollWidth, window.innerWidth]")
        scroll_width, inner_width = sizes
        # With mobile emulation Chromium widens the layout viewport to fit a too-wide page (as a phone zooms out),
        # so innerWidth itself must still be the requested width.
        limit = min(inner_width, self.width)
        detail = f"scrollWidth {scroll_width} ≤ innerWidth {inner_width} + 1"
        if scroll_width > limit + 1 or inner_width > self.width:
            wide = self.driver.execute_script("""
                const w = arguments[0], out = [];
                for (const e of document.body.querySelectorAll('*')) {
                  const r = e.getBoundingClientRect();
                  if (r.right > w + 1 && !e.closest('.scroll')) {
                    out.push(e.tagName.toLowerCase() + (e.className ? '.' + String(e.className).replace(/ +/g, '.') : '') + ' right=' + Math.round(r.right));
                  }
                }
                return out.slice(0, 5);""", self.width)
            detail = (f"scrollWidth {scroll_width}, innerWidth {inner_width} (window {self.width}); "
                      f"too wide: {', '.join(wide) or '?'}")
        self.check(f"{what}: no horizontal page overflow", scroll_width <= limit + 1 and inner_width <= self.width, detail)
        self.screenshot(what)

    def screenshot(self, what):
        self.count += 1
        slug = re.sub(r"[^a-z0-9]+", "-", what.lower()).strip("-") or "page"
        path = os.path.join(self.shots, f"{self.name}-{self.count:02d}-{slug}.png")
        try:
            height = self.driver.execute_script(
                "return Math.min(Math.max(document.documentElement.scrollHeight, window.innerHeight), 8000)")
            shot = self.driver.execute_cdp_cmd("Page.captureScreenshot", {
                "format": "png", "captureBeyondViewport": True,
                "clip": {"x": 0, "y": 0, "width": self.width, "height": height, "scale": 1},
            })
            with open(path, "wb") as f:
                f.write(base64.b64decode(shot["data"]))
        except WebDriverException:
            self.driver.save_screenshot(path)

    def sign_in(self, username):
        self.get("/login")
        form = self.driver.find_element(By.CSS_SELECTOR, 'main form[action="/login"]')
        form.find_element(By.NAME, "username").send_keys(username)
        form.find_element(By.NAME, "password").send_keys(PASSWORD)
        self.click_and_wait(form.find_element(By.CSS_SELECTOR, 'button[type="submit"]'))

    def header_name(self):
        found = self.driver.find_elements(By.CSS_SELECTOR, "header.site .who")
        return found[0].text if found else ""


def step(visit, what, body):
    """Runs one step; an exception is one failed check, and the next step goes on."""
    try:
        body()
    except Exception as error:  # noqa: BLE001 — a failed step must not stop the others
        message = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
        visit.check(f"{what}: step ran", False, f"{type(error).__name__}: {message} (at {visit.path()})")
        try:
            visit.screenshot(what + " error")
        except Exception:  # noqa: BLE001
            pass


def run_size(visit, names):
    visit.setup()
    driver = visit.driver

    def home():
        visit.get("/")
        inner = driver.execute_script("return window.innerWidth")
        visit.check("home: viewport width as requested", inner == visit.width, f"innerWidth {inner}")
        body = visit.text()
        visit.check("home: Chinese text (一网, 公告)", "一网" in body and "公告" in body, driver.title)
        meta = driver.execute_script(
            "const m = document.querySelector('meta[name=viewport]'); return m ? m.content : null")
        visit.check("home: viewport meta", bool(meta) and "width=device-width" in meta, f"content={meta!r}")
        rules = driver.execute_script(
            "let n = 0; for (const s of document.styleSheets) { try { n += s.cssRules.length } catch (e) {} } return n")
        visit.check("home: stylesheet loaded", rules > 0, f"{rules} CSS rules")
        visit.page_ok("home")

    def notices():
        visit.get("/notices")
        links = driver.find_elements(By.CSS_SELECTOR, 'main ul.notices li a[href^="/notices/"]')
        visit.check("notices: list has notices", len(links) > 0, f"{len(links)} notice links")
        visit.page_ok("notices")
        if not links:
            return
        title = links[0].text
        visit.click_and_wait(links[0])
        heading = visit.text("main h1")
        visit.check("notice detail: opens from the list",
                    re.fullmatch(r"/notices/[^/?#]+", visit.path()) is not None and heading == title,
                    f"{visit.path()} · h1 {heading!r}")
        visit.page_ok("notice detail")
        project_links = driver.find_elements(By.CSS_SELECTOR, 'main a[href^="/projects/"]')
        visit.check("notice detail: links to its project", len(project_links) > 0)
        if not project_links:
            return
        visit.click_and_wait(project_links[0])
        heading = visit.text("main h1")
        lots = driver.find_elements(By.CSS_SELECTOR, "main .lot")
        visit.check("project: opens from the notice",
                    visit.path().startswith("/projects/") and bool(heading) and len(lots) > 0,
                    f"{visit.path()} · h1 {heading!r} · {len(lots)} lot(s)")
        visit.page_ok("project")

    def tenderer():
        visit.sign_in("tenderer")
        name = visit.header_name()
        visit.check("tenderer: login form lands on the workspace", visit.path() == "/workspace", visit.path())
        visit.check("tenderer: workspace shows the account's name",
                    names["tenderer"] in name and names["tenderer"] in visit.text("body"), f"header {name!r}")
        visit.page_ok("tenderer workspace")
        open_first_project("tenderer: workspace lists its projects", "tenderer: one of its projects opens", "tenderer project")

    def sign_out():
        button = driver.find_element(By.CSS_SELECTOR, 'header.site form[action="/logout"] button')
        visit.click_and_wait(button)
        login_link = driver.find_elements(By.CSS_SELECTOR, 'header.site a[href="/login"]')
        visit.check("sign out: back on the home page, signed out",
                    visit.path() in ("/", "") and len(login_link) > 0 and not visit.header_name(), visit.path())
        visit.get("/workspace")
        visit.check("sign out: /workspace now asks to sign in", visit.path().startswith("/login"), visit.path())

    def bidder():
        visit.sign_in("bidder1")
        name = visit.header_name()
        visit.check("bidder1: login form lands on the workspace", visit.path() == "/workspace", visit.path())
        visit.check("bidder1: workspace shows the account's name and role",
                    names["bidder1"] in name and "投标人" in name, f"header {name!r}")
        headings = [h.text for h in driver.find_elements(By.CSS_SELECTOR, "main h2")]
        visit.check("bidder1: bidder workspace (正在招标的项目, 我的投标)",
                    "正在招标的项目" in headings and "我的投标" in headings, f"h2 {headings}")
        visit.page_ok("bidder workspace")
        open_first_project("bidder1: open projects listed", "bidder1: an open project opens for bidding", "bidder project")

    def open_first_project(listed, opens, page):
        """Checks the workspace lists projects, opens the first and checks its page heading matches."""
        projects = driver.find_elements(By.CSS_SELECTOR, 'main ul.projects a[href^="/workspace/projects/"]')
        visit.check(listed, len(projects) > 0, f"{len(projects)} project(s)")
        if not projects:
            return
        title = projects[0].text
        visit.click_and_wait(projects[0])
        heading = visit.text("main h1")
        visit.check(opens, visit.path().startswith("/workspace/projects/") and heading == title, f"{visit.path()} · h1 {heading!r}")
        visit.page_ok(page)

    def regulator():
        visit.sign_in("regulator")
        visit.get("/regulator/screen")
        charts = driver.find_elements(By.CSS_SELECTOR, "main svg.chart")
        visit.check("regulator: 一屏管交易 draws its charts as server-side SVG", len(charts) >= 6, f"{len(charts)} svg charts")
        scripts = driver.find_elements(By.CSS_SELECTOR, "main script")
        visit.check("regulator: no chart script", len(scripts) == 0, f"{len(scripts)} scripts")
        edges = driver.execute_script(
            "return Array.from(document.querySelectorAll('main svg.chart')).map(s => Math.round(s.getBoundingClientRect().right))")
        visit.check("regulator: every chart fits the window", all(edge <= visit.width + 1 for edge in edges), f"right edges {edges}")
        bars = driver.find_elements(By.CSS_SELECTOR, "main svg.chart rect")
        visit.check("regulator: the demo's lots give bars", len(bars) > 0, f"{len(bars)} bars")
        visit.page_ok("regulator screen")
        visit.get("/regulator/alerts")
        visit.check("regulator: alert inbox opens", "围标串标预警" in visit.text("main h1"), visit.text("main h1"))
        visit.page_ok("regulator alerts")

    for what, body in (("home", home), ("notices", notices), ("tenderer", tenderer),
                       ("sign out", sign_out), ("bidder1", bidder), ("sign out", sign_out), ("regulator", regulator)):
        step(visit, what, body)


def api_json(base, path, token=None, data=None, content_type="application/json"):
    headers = {"Content-Type": content_type}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    return json.loads(http(base + path, data, headers, timeout=15))


def api_token(base, username):
    body = json.dumps({"username": username, "password": PASSWORD}).encode()
    return api_json(base, "/api/v1/auth/login", data=body)["token"]


def sealed_demo_lots(base, data_dir):
    """(project id, lot id, phase) of the demo's sealed lots: those whose custodian keys the demo wrote."""
    found = []
    keys = os.path.join(data_dir, "demo-custodians")
    for project in api_json(base, "/api/v1/projects?limit=100")["items"]:
        if os.path.isdir(os.path.join(keys, project["id"])):
            for lot in project["lots"]:
                found.append((project["id"], lot["id"], lot["phase"]))
    return found


def custodian_shares(base, binary, data_dir, work, project, lot, username):
    """The share files of custodian `username` for every envelope of the lot, made with `yiwang custodian share`."""
    token = api_token(base, username)
    key = os.path.join(data_dir, "demo-custodians", project, f"{username}.key")
    text = ""
    listing = api_json(base, f"/api/v1/projects/{project}/lots/{lot}/envelopes", token)
    for index, item in enumerate(listing["items"]):
        request = urllib.request.Request(base + item["url"], headers={"Authorization": f"Bearer {token}"})
        envelope = os.path.join(work, f"{username}-{index}.ywb")
        share = os.path.join(work, f"{username}-{index}.share")
        with urllib.request.urlopen(request, timeout=15) as response, open(envelope, "wb") as f:
            f.write(response.read())
        subprocess.run([binary, "custodian", "share", "--key", key, "--in", envelope, "--out", share],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, timeout=60)
        with open(share, encoding="utf-8") as f:
            text += f.read()
    return token, text


def room_state(visit):
    """What the open room page shows now, read from the DOM."""
    return visit.driver.execute_script("""
        const q = s => document.querySelector(s);
        const table = q('#room-sheet');
        return {
          marker: window.__roomMarker || null,
          phase: q('#room-phase') ? q('#room-phase').textContent : '',
          label: q('#room-countdown-label') ? q('#room-countdown-label').textContent : '',
          countdown: q('#room-countdown-value') ? q('#room-countdown-value').textContent : '',
          live: q('#room-live') ? q('#room-live').textContent : '',
          custodians: Array.from(document.querySelectorAll('#room-custodians li')).map(li => li.textContent),
          bids: q('#room-bids') ? q('#room-bids').textContent : '',
          sheetVisible: !!table && !table.hidden,
          rows: table ? Array.from(table.querySelectorAll('tbody tr')).map(tr => tr.textContent) : [],
        };""")


def wait_room(visit, predicate, timeout=15):
    """Waits until the open page's state satisfies `predicate` (the page is never reloaded); returns the last state."""
    state = room_state(visit)
    deadline = time.monotonic() + timeout
    while not predicate(state) and time.monotonic() < deadline:
        time.sleep(0.25)
        state = room_state(visit)
    return state


def run_opening_room(driver, base, shots, binary, data_dir, work):
    """The opening room at 375 px and 1280 px at once; a custodian form release, an API release, the price sheet live."""
    phone = Visit(driver, base, shots, "phone", 375, 812, True)
    desktop_driver = None
    try:
        lots = sealed_demo_lots(base, data_dir)
        waiting = [entry for entry in lots if entry[2] == "bidding-closed"]
        upcoming = [entry for entry in lots if entry[2] == "announced"]
        if not check("opening room: the demo has a sealed lot waiting for custodians", bool(waiting), f"{lots}"):
            return
        project, lot, _ = waiting[0]
        path = f"/projects/{project}/lots/{lot}/opening"
        desktop_driver = new_driver()
        desktop = Visit(desktop_driver, base, shots, "desktop", 1280, 900, False)
        phone.setup()
        desktop.setup()
        desktop.sign_in("custodian")
        for visit in (phone, desktop):
            visit.get(f"/projects/{project}")
            links = visit.driver.find_elements(By.CSS_SELECTOR, f'main a[href="{path}"]')
            visit.check("opening room: linked from the project page", len(links) > 0)
            visit.get(path)
            visit.driver.execute_script("window.__roomMarker = 'loaded-once'")
            state = wait_room(visit, lambda s: s["live"] == "实时", 10)
            visit.check("opening room: Chinese page, live connection (EventSource)",
                        "开标大厅" in visit.text("main h1") and state["live"] == "实时", f"live {state['live']!r}")
            visit.check("opening room: countdown shown, deadline passed",
                        state["label"] == "投标已截止" and state["countdown"] == "00:00:00", f"{state['label']} {state['countdown']}")
            visit.check("opening room: 3 custodians, none released yet; 3 frozen bids; no price sheet",
                        len(state["custodians"]) == 3 and all("未提交" in c for c in state["custodians"])
                        and state["bids"].startswith("3") and not state["sheetVisible"],
                        f"{state['custodians']} · {state['bids']}")
            visit.page_ok("opening room before release")
        # the custodian releases through the page's form (shares made by the CLI from its demo key)
        _, shares = custodian_shares(base, binary, data_dir, work, project, lot, "custodian")
        form = desktop.driver.find_element(By.CSS_SELECTOR, "#share-form")
        desktop.check("opening room: the custodian sees the share form", form.is_displayed())
        desktop.driver.execute_script("arguments[0].value = arguments[1]", form.find_element(By.NAME, "text"), shares)
        form.find_element(By.CSS_SELECTOR, 'button[type="submit"]').click()
        WebDriverWait(desktop.driver, 20).until(
            lambda d: d.find_element(By.CSS_SELECTOR, "#share-form .form-result").text not in ("", "正在提交……"))
        result = desktop.driver.find_element(By.CSS_SELECTOR, "#share-form .form-result").text
        desktop.check("opening room: the form releases the custodian's shares", "已提交" in result, result)
        for visit in (phone, desktop):
            state = wait_room(visit, lambda s: sum("已提交" in c for c in s["custodians"]) == 1)
            visit.check("opening room: the release appears without reloading",
                        state["marker"] == "loaded-once" and sum("已提交" in c for c in state["custodians"]) == 1
                        and not state["sheetVisible"], f"{state['custodians']}")
        # the regulator releases through the API: k = 2 reached, every bid opens, the price sheet appears everywhere
        token, shares = custodian_shares(base, binary, data_dir, work, project, lot, "regulator")
        opened = api_json(base, f"/api/v1/projects/{project}/lots/{lot}/shares", token, shares.encode(), "text/plain")
        check("opening room: the API release opens the lot", opened.get("phase") == "opened", opened.get("phase"))
        for visit in (phone, desktop):
            state = wait_room(visit, lambda s: s["sheetVisible"] and len(s["rows"]) == 3)
            visit.check("opening room: the price sheet (唱标) appears without reloading",
                        state["marker"] == "loaded-once" and state["sheetVisible"] and len(state["rows"]) == 3
                        and all("." in row for row in state["rows"]), f"{state['rows']} · {state['phase']}")
            visit.page_ok("opening room after the opening")
        if upcoming:
            up_project, up_lot, _ = upcoming[0]
            desktop.get(f"/projects/{up_project}/lots/{up_lot}/opening")
            first = wait_room(desktop, lambda s: s["label"] != "" and ":" in s["countdown"], 10)
            time.sleep(2.2)
            second = room_state(desktop)
            desktop.check("opening room: an open sealed tender counts down to its deadline",
                          first["label"] == "距投标截止暨开标" and second["countdown"] != first["countdown"],
                          f"{first['countdown']} → {second['countdown']}")
            desktop.page_ok("opening room counting down")
    except Exception as error:  # noqa: BLE001 — one failed check, the rest of the run goes on
        message = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
        check("opening room: step ran", False, f"{type(error).__name__}: {message}")
    finally:
        if desktop_driver is not None:
            try:
                desktop_driver.quit()
            except Exception:  # noqa: BLE001
                pass


def auction_state(visit):
    """What the open auction room shows now, read from the DOM."""
    return visit.driver.execute_script("""
        const q = s => document.querySelector(s);
        const room = q('#auction-room');
        return {
          marker: window.__auctionMarker || null,
          seq: room ? room.getAttribute('data-seq') : null,
          price: room ? room.getAttribute('data-price') : null,
          countdown: q('#auction-countdown') ? q('#auction-countdown').textContent : '',
          live: q('#auction-live') ? q('#auction-live').textContent : '',
          phase: q('#auction-phase') ? q('#auction-phase').textContent : '',
          rows: Array.from(document.querySelectorAll('#auction-bids tbody tr')).map(tr => tr.textContent),
        };""")


def wait_auction(visit, predicate, timeout=15):
    state = auction_state(visit)
    deadline = time.monotonic() + timeout
    while not predicate(state) and time.monotonic() < deadline:
        time.sleep(0.25)
        state = auction_state(visit)
    return state


def run_auction_room(driver, base, shots):
    """The auction room (网络竞价室) at 375 px (anonymous) and 1280 px (bidder1) at once: live over WebSocket, the
    countdown on server time, a bid from the page's form and one through the API reach both windows without reloading."""
    desktop_driver = None
    try:
        tenderer, admin = api_token(base, "tenderer"), api_token(base, "admin")
        project = api_json(base, "/api/v1/projects", tenderer, json.dumps({
            "title": "国有企业闲置车辆转让（网络竞价）", "catalogCode": "property.online-auction", "region": "厦门市",
            "lots": [{"title": "车辆一批", "estimateFen": 10_000_000, "depositFen": 100_000}]}).encode())
        now = time.time()
        iso = lambda t: time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(t))
        auction = api_json(base, f"/api/v1/projects/{project['id']}/lots/{project['lots'][0]['id']}/auctions", tenderer, json.dumps({
            "kind": "english", "startPriceFen": 5_000_000, "incrementFen": 10_000, "depositFen": 500_000, "reserveFen": 6_000_000,
            "opensAt": iso(now + 3), "closesAt": iso(now + 600), "countdownSeconds": 300}).encode())
        bidders = {}
        for user in ("bidder1", "bidder2"):
            bidders[user] = api_token(base, user)
            registration = api_json(base, f"/api/v1/auctions/{auction['id']}/registrations", bidders[user], b"{}")
            api_json(base, f"/api/v1/auctions/{auction['id']}/registrations/{registration['id']}/deposit", admin, b'{"amountFen": 500000}')
        path = f"/auctions/{auction['id']}"
        phone = Visit(driver, base, shots, "phone", 375, 812, True)
        desktop_driver = new_driver()
        desktop = Visit(desktop_driver, base, shots, "desktop", 1280, 900, False)
        phone.setup()
        desktop.setup()
        desktop.sign_in("bidder1")
        for visit in (phone, desktop):
            visit.get(path)
            visit.driver.execute_script("window.__auctionMarker = 'loaded-once'")
            state = wait_auction(visit, lambda s: s["live"] == "实时 live" and s["seq"] not in (None, "0"), 15)
            visit.check("auction room: Chinese page, live over WebSocket, opened on time",
                        "产权网络竞价" in visit.text("main h1") and state["live"] == "实时 live" and state["seq"] not in (None, "0"),
                        f"{state['live']!r} seq {state['seq']}")
            first = state["countdown"]
            time.sleep(1.3)
            visit.check("auction room: the countdown runs (server time)", re.match(r"^\d\d:\d\d:\d\d$", auction_state(visit)["countdown"] or "")
                        is not None and auction_state(visit)["countdown"] != first, f"{first} → {auction_state(visit)['countdown']}")
            visit.page_ok("auction room before bidding")
        form = desktop.driver.find_element(By.CSS_SELECTOR, "#auction-bid")
        desktop.check("auction room: the qualified bidder sees the bid form", form.is_displayed())
        form.find_element(By.NAME, "amount").send_keys("50000.00")
        form.find_element(By.CSS_SELECTOR, 'button[type="submit"]').click()
        WebDriverWait(desktop.driver, 15).until(lambda d: d.find_element(By.CSS_SELECTOR, "#auction-bid-result").text != "")
        result = desktop.driver.find_element(By.CSS_SELECTOR, "#auction-bid-result").text
        desktop.check("auction room: the form's bid is acknowledged", "出价成功" in result, result)
        api_json(base, f"/api/v1/auctions/{auction['id']}/bids", bidders["bidder2"], json.dumps({"clientBidId": "browser-2", "amountFen": 5_020_000}).encode())
        for visit in (phone, desktop):
            state = wait_auction(visit, lambda s: s["price"] == "5020000" and len(s["rows"]) == 2)
            visit.check("auction room: both bids appear live, by bidder number, without reloading",
                        state["marker"] == "loaded-once" and state["price"] == "5020000" and len(state["rows"]) == 2
                        and not any("企业" in row for row in state["rows"]), f"{state['price']} {state['rows']}")
            visit.page_ok("auction room after two bids")
    except Exception as error:  # noqa: BLE001 — one failed check, the rest of the run goes on
        message = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
        check("auction room: step ran", False, f"{type(error).__name__}: {message}")
    finally:
        if desktop_driver is not None:
            try:
                desktop_driver.quit()
            except Exception:  # noqa: BLE001
                pass


def main():
    started = time.monotonic()
    binary = sys.argv[1] if len(sys.argv) > 1 else ".build/debug/yiwang"
    if not os.access(binary, os.X_OK):
        check(f"server binary {binary} exists", False)
        print(f"browser: {results['passed']} passed, {results['failed']} failed")
        return 1
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    work = tempfile.mkdtemp(prefix="yiwang-browser-")
    data_dir = os.path.join(work, "data")
    shots = os.path.join(work, "screenshots")
    os.makedirs(data_dir)
    os.makedirs(shots)
    log_path = os.path.join(work, "server.log")
    print(f"browser: screenshots in {shots}", flush=True)
    process, driver = None, None
    try:
        process, base = start_server(os.path.abspath(binary), data_dir, log_path)
        exited = process.poll()
        why = f"the server exited with code {exited}" if exited is not None else f"no answer within {HEALTH_TIMEOUT} s"
        if not check("server: /healthz answers ok", base is not None, base or why):
            with open(log_path, "rb") as f:
                sys.stdout.write(f.read().decode("utf-8", "replace")[-4000:])
            return 1
        names = {user: display_name(base, user) for user in ("tenderer", "bidder1")}
        driver = new_driver()
        for name, width, height, mobile in SIZES:
            run_size(Visit(driver, base, shots, name, width, height, mobile), names)
        run_opening_room(driver, base, shots, os.path.abspath(binary), data_dir, work)
        run_auction_room(driver, base, shots)
    except Exception as error:  # noqa: BLE001 — counted, then the server is stopped all the same
        check("browser check ran", False, f"{type(error).__name__}: {str(error).strip().splitlines()[0] if str(error).strip() else ''}")
    finally:
        if driver is not None:
            try:
                driver.quit()
            except Exception:  # noqa: BLE001
                pass
        stop_server(process)
        if results["failed"] and os.path.exists(log_path):
            print(f"browser: server log in {log_path}")
        print(f"browser: screenshots in {shots} ({time.monotonic() - started:.1f} s)")
        print(f"browser: {results['passed']} passed, {results['failed']} failed", flush=True)
    return 1 if results["failed"] else 0


if __name__ == "__main__":
    sys.exit(main())
