/**
 * Opening an output page in Debian's headless Chromium (driven by playwright-core), with
 * every console error, page error and request leaving the file collected as a problem.
 */
import { existsSync } from "node:fs";
import { pathToFileURL } from "node:url";

import { chromium, type Browser, type Page } from "playwright-core";

export const CHROMIUM = "/usr/bin/chromium";

export interface OpenedPage {
  browser: Browser;
  page: Page;
  problems: string[];
}

/** Opens `file` from file://; fails with a clear message when Chromium is missing. */
export async function openInChromium(file: string): Promise<OpenedPage> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `${CHROMIUM} is missing: the browser tests need Debian's Chromium ` +
        "(apt-get install -y chromium; CI's .ci/run installs it)",
    );
  }
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--no-first-run",
    ],
  });
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const problems: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console error: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  page.on("request", (request) => {
    if (!/^(file|data):/.test(request.url())) problems.push(`request: ${request.url()}`);
  });
  await page.goto(pathToFileURL(file).href, { waitUntil: "load" });
  return { browser, page, problems };
}
