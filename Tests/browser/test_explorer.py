#!/usr/bin/env python3
"""Browser test of the explorer page in headless Chromium (Debian's chromium + chromium-driver).

Starts `descent serve --port 0` (or uses --url), then checks that the page opens on the ready
race, that moving a learning-rate slider redraws that optimizer's path, that a second (fifth)
optimizer can be added, that clicking the plot moves the start, that the state is in the URL,
that the 1-D mode prints θ and the loss, and that Ctrl-C (SIGINT) stops the server cleanly.
Every wait is bounded; the whole run is killed after --timeout seconds.

    python3 Tests/browser/test_explorer.py --server ".build/debug/descent serve --port 0"
"""
import argparse
import os
import re
import shlex
import signal
import subprocess
import sys
import threading
import time

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

WAIT = 20  # seconds for any one condition


def log(message):
    print(f"[browser-test] {message}", flush=True)


def start_server(command):
    """Runs the server command and returns (process, base URL) once it prints its address."""
    process = subprocess.Popen(shlex.split(command), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    found = {}

    def read():
        for line in process.stdout:
            match = re.search(r"(http://[0-9.:a-z]+/)", line)
            if match and "url" not in found:
                found["url"] = match.group(1)

    threading.Thread(target=read, daemon=True).start()
    deadline = time.time() + 60
    while "url" not in found:
        if process.poll() is not None:
            raise SystemExit(f"server exited early ({process.returncode}): {process.stderr.read()}")
        if time.time() > deadline:
            process.kill()
            raise SystemExit("server did not print its address within 60 s")
        time.sleep(0.05)
    return process, found["url"]


def stop_server(process):
    """Sends SIGINT (Ctrl-C) and expects a clean exit with status 0 within 15 s."""
    process.send_signal(signal.SIGINT)
    try:
        status = process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        process.kill()
        raise AssertionError("the server did not stop within 15 s of SIGINT")
    stderr = process.stderr.read()
    assert status == 0, f"the server exited with {status} after SIGINT: {stderr}"
    lines = [l for l in stderr.splitlines() if re.search(r"(GET|POST) /", l)]
    assert lines, "the server logged no requests"
    log(f"server stopped cleanly after SIGINT; {len(lines)} request log lines")


def make_driver():
    options = webdriver.ChromeOptions()
    for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--window-size=1400,1000", "--hide-scrollbars"]:
        options.add_argument(argument)
    if os.path.exists("/usr/bin/chromium"):
        options.binary_location = "/usr/bin/chromium"
    options.set_capability("goog:loggingPrefs", {"browser": "SEVERE"})
    driver_path = "/usr/bin/chromedriver" if os.path.exists("/usr/bin/chromedriver") else None
    service = Service(executable_path=driver_path) if driver_path else Service()
    driver = webdriver.Chrome(service=service, options=options)
    driver.set_page_load_timeout(WAIT)
    driver.set_script_timeout(WAIT)
    return driver


def wait_for(driver, condition, what):
    try:
        return WebDriverWait(driver, WAIT, poll_frequency=0.05).until(lambda d: condition(d))
    except Exception as error:
        raise AssertionError(f"timed out waiting for {what}") from error


def path_d(driver, run):
    return driver.execute_script(
        f"const p = document.querySelector('path.run-path[data-run=\"{run}\"]'); return p && p.getAttribute('d');")


def run_paths(driver):
    return driver.find_elements(By.CSS_SELECTOR, "path.run-path")


def check_page(driver, base):
    driver.get(base)
    wait_for(driver, lambda d: d.find_element(By.TAG_NAME, "body").get_attribute("data-state") == "ready",
             "the first race to be drawn")
    wait_for(driver, lambda d: len(run_paths(d)) == 4, "four paths (the default race)")
    rows = driver.find_elements(By.CSS_SELECTOR, "#legend tbody tr")
    assert len(rows) == 4, f"legend has {len(rows)} rows"
    assert "SGD(lr=0.95)" in rows[0].text, rows[0].text
    log("default race drawn: 4 paths, legend " + " | ".join(r.text.split("\n")[0] for r in rows))

    # Move the first optimizer's learning-rate slider with the keyboard.
    before = path_d(driver, 0)
    slider = driver.find_element(By.CSS_SELECTOR, '.card[data-run="0"] input[data-arg="lr"]')
    slider.send_keys(*([Keys.ARROW_LEFT] * 15))
    wait_for(driver, lambda d: path_d(d, 0) not in (None, before), "the first path to change after the lr slider moved")
    label = driver.find_element(By.CSS_SELECTOR, '.card[data-run="0"] output').text
    assert float(label) < 0.95, f"lr label still {label}"
    wait_for(driver, lambda d: f"opt=sgd(lr={label})" in d.current_url, f"the URL to hold lr={label}")
    log(f"lr slider moved to {label}: path 0 redrawn, URL updated")

    # Add an optimizer.
    driver.find_element(By.ID, "add-optimizer").click()
    wait_for(driver, lambda d: len(run_paths(d)) == 5, "a fifth path after adding an optimizer")
    wait_for(driver, lambda d: len(d.find_elements(By.CSS_SELECTOR, "#legend tbody tr")) == 5, "a fifth legend row")
    assert len(driver.find_elements(By.CSS_SELECTOR, ".card")) == 5
    wait_for(driver, lambda d: d.current_url.count("opt=") == 5, "five optimizers in the URL")
    log("optimizer added: 5 cards, 5 paths, 5 legend rows")

    # Click the plot to move the start.
    start_x = driver.find_element(By.ID, "start-x").get_attribute("value")
    plot = driver.find_element(By.CSS_SELECTOR, "#landscape svg")
    ActionChains(driver).move_to_element_with_offset(plot, 120, 40).click().perform()
    wait_for(driver, lambda d: d.find_element(By.ID, "start-x").get_attribute("value") != start_x,
             "the start to move after a click on the plot")
    log(f"start moved by a click: x {start_x} -> {driver.find_element(By.ID, 'start-x').get_attribute('value')}")

    # A link reproduces a view.
    driver.get(base + "#f=rosenbrock&steps=50&opt=adam(lr=0.05)&opt=sgd(lr=0.001,momentum=0.9)&k=20")
    driver.refresh()
    wait_for(driver, lambda d: len(run_paths(d)) == 2 and d.find_element(By.ID, "function-select")
             .get_attribute("value") == "rosenbrock", "the linked rosenbrock race")
    wait_for(driver, lambda d: d.find_element(By.ID, "k-output").text.replace(" ", "") == "20/50", "step 20 of 50 shown")
    log("a link reproduced a rosenbrock race at step 20 of 50")

    # The 1-D learning-rate mode.
    driver.find_element(By.ID, "tab-1d").click()
    wait_for(driver, lambda d: len(d.find_elements(By.CSS_SELECTOR, "#table-1d tbody tr")) == 11, "11 rows (epochs 0-10)")
    driver.find_element(By.CSS_SELECTOR, '.presets button[data-lr="2.18"]').click()
    wait_for(driver, lambda d: "diverging" in d.find_element(By.ID, "summary-1d").text, "lr 2.18 to diverge")
    summary = driver.find_element(By.ID, "summary-1d").text
    assert "θ =" in summary and "loss =" in summary, summary
    wait_for(driver, lambda d: "mode=1d" in d.current_url and "lr=2.18" in d.current_url, "the 1-D state in the URL")
    log(f"1-D mode: {summary}")

    errors = [e for e in driver.get_log("browser") if "favicon" not in e.get("message", "")]
    assert not errors, f"console errors: {errors}"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--server", default=".build/debug/descent serve --port 0",
                        help="command that starts the server and prints its http:// address")
    parser.add_argument("--url", help="use a running server at this address instead")
    parser.add_argument("--timeout", type=int, default=180, help="kill the whole test after this many seconds")
    parser.add_argument("--screenshot", help="save a screenshot of the end state here")
    args = parser.parse_args()

    def watchdog(*_):
        print("[browser-test] FAILED: overall timeout", file=sys.stderr, flush=True)
        os._exit(3)

    signal.signal(signal.SIGALRM, watchdog)
    signal.alarm(args.timeout)

    process, base = (None, args.url) if args.url else start_server(args.server)
    log(f"server at {base}")
    driver = None
    try:
        driver = make_driver()
        check_page(driver, base)
        if args.screenshot:
            driver.save_screenshot(args.screenshot)
    finally:
        if driver:
            driver.quit()
        if process:
            stop_server(process)
    log("PASSED")


if __name__ == "__main__":
    try:
        main()
    except AssertionError as error:
        print(f"[browser-test] FAILED: {error}", file=sys.stderr, flush=True)
        sys.exit(1)
