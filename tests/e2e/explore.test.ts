/**
 * The explore page in a real browser: Debian's chromium driven by playwright-core, against the
 * built CLI's `scaffold explore`. A person picks each type and sees the tree change, opens a
 * knowledge entry and follows a link in it, copies the command, downloads config.yml, follows a
 * share link, applies, and finds the files on disk; and does it with the keyboard. Without
 * /usr/bin/chromium the tests say so and are skipped.
 *
 * UPDATE_SCREENSHOT=1 also saves the page (a deep ml project, a knowledge entry open) as
 * docs/explore.png, the README's picture.
 */
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startExplore, type Running } from '../helpers/explore.js';
import { exists, readFile, tempDir } from '../helpers/project.js';

const CHROMIUM = '/usr/bin/chromium';
const HAS_CHROMIUM = existsSync(CHROMIUM);
const SCREENSHOT = fileURLToPath(new URL('../../docs/explore.png', import.meta.url));
if (!HAS_CHROMIUM) console.warn(`tests/e2e/explore.test.ts: skipped, no ${CHROMIUM} (apt-get install chromium)`);

/** A folder named like a project, inside a temp folder. */
function folder(name = 'fraud-model'): string {
  const dir = join(tempDir('explore-page-'), name);
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** Wait until the page shows the plan for its answers (or why there is none). */
async function settled(page: Page, state: 'ready' | 'invalid' = 'ready'): Promise<void> {
  await page.waitForSelector(`body[data-state="${state}"]`);
}

const filesShown = (page: Page) => page.$$eval('button.file', (buttons) => buttons.map((b) => b.getAttribute('data-path')!));

/** Answer each required question that has no answer yet with its first choice. */
async function answerRequired(page: Page): Promise<void> {
  for (const select of await page.$$('.type-fields select')) {
    if ((await select.inputValue()) !== '') continue;
    const first = await select.$eval('option:not([value=""])', (o) => (o as unknown as { value: string }).value);
    await select.selectOption(first);
  }
}

describe.skipIf(!HAS_CHROMIUM)(`the explore page in Chromium (${HAS_CHROMIUM ? CHROMIUM : `skipped: no ${CHROMIUM}; apt-get install chromium`})`, () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM });
  });
  afterAll(async () => browser?.close());

  const errors = new WeakMap<Page, string[]>();
  async function open(run: Running, path = '/'): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    errors.set(page, []);
    page.on('pageerror', (e) => errors.get(page)!.push(e.message));
    await page.goto(new URL(path, run.url).href);
    return page;
  }

  /** Close a page that threw no error of its own. */
  async function done(...pages: Page[]): Promise<void> {
    for (const page of pages) {
      expect(errors.get(page)).toEqual([]);
      await page.close();
    }
  }

  it('picks each type and sees the tree change', async () => {
    const dir = folder();
    const run = await startExplore(dir);
    const page = await open(run);
    await settled(page, 'invalid');
    await expect(page.textContent('#summary')).resolves.toBe('Choose a project type to see the files Scaffold writes.');
    const types = await page.$$eval('input[name="type"]', (inputs) => inputs.map((i) => (i as unknown as { value: string }).value));
    expect(types).toEqual(['browser-extension', 'data-pipeline', 'library', 'ml', 'mobile-app']);
    let before: string[] = [];
    for (const type of types) {
      await page.click(`label[for="type-${type}"]`);
      await answerRequired(page);
      await settled(page);
      const files = await filesShown(page);
      expect(files).toContain('.scaffold/config.yml');
      expect(files).toContain('docs/knowledge/README.md');
      expect(files, type).not.toEqual(before);
      expect(new URL(page.url()).searchParams.get('type')).toBe(type);
      before = files;
    }
    expect(exists(dir, '.scaffold')).toBe(false);
    await done(page);
  });

  it('opens a knowledge entry of a deep ml project and follows a link in it', async () => {
    const run = await startExplore(folder());
    const page = await open(run, '/?type=ml&ml-phase=both');
    await settled(page);
    // A classical model has no PyTorch code; the default, deep learning, has.
    await page.selectOption('#f-ml-model-type', 'classical');
    await settled(page);
    expect(await filesShown(page)).not.toContain('src/fraud_model/torch_model.py');
    await page.selectOption('#f-ml-model-type', 'deep-learning');
    await settled(page);
    expect(await filesShown(page)).toContain('src/fraud_model/torch_model.py');
    await page.click('button.file[data-path="docs/knowledge/ml-testing.md"]');
    await page.waitForSelector('article.markdown h1');
    expect(await page.textContent('article.markdown h1')).toBe('Testing ML Systems');
    expect(await page.textContent('#preview-what')).toContain('docs/knowledge/ml-testing.md');
    // Code is highlighted in the markdown view.
    await page.click('#preview-tabs button:has-text("Markdown")');
    expect(await page.$$eval('#preview-body .hljs-section', (s) => s.length)).toBeGreaterThan(3);
    await page.click('#preview-tabs button:has-text("Rendered")');
    if (process.env.UPDATE_SCREENSHOT) {
      writeFileSync(SCREENSHOT, await page.screenshot());
      expect(statSync(SCREENSHOT).size).toBeLessThan(400 * 1024);
    }
    await page.click('article.markdown a[href="ml-experiment-tracking.md"]');
    await page.waitForSelector('#preview-what code:has-text("docs/knowledge/ml-experiment-tracking.md")');
    expect(await page.textContent('article.markdown h1')).toMatch(/Experiment Tracking/i);
    await done(page);
  });

  it('follows a share link to the same answers and the same files', async () => {
    const run = await startExplore(folder());
    const page = await open(run, '/');
    await settled(page, 'invalid');
    await page.click('label[for="type-ml"]');
    await page.selectOption('#f-ml-phase', 'inference');
    await page.selectOption('#f-ml-serving', 'batch');
    // A plan that lands re-renders the tree and the fields' messages, which can move the form
    // under the pointer: a click is aimed only at a page that has settled.
    await settled(page);
    await page.click('label[for="methodology-custom"]');
    await settled(page);
    await page.selectOption('#f-depth', 'summary');
    await settled(page);
    await page.click('label[for="agents-cursor"]');
    await settled(page);
    const link = await page.inputValue('#share-link');
    const files = await filesShown(page);
    expect(new URL(link).searchParams.get('ml-serving')).toBe('batch');
    // Take away: the command on the clipboard, config.yml as a download.
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(run.url).origin });
    await page.click('#copy-command');
    await page.waitForSelector('#notice:has-text("Command copied.")');
    expect(await page.evaluate('navigator.clipboard.readText()')).toBe(await page.inputValue('#command'));
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download')]);
    expect(download.suggestedFilename()).toBe('config.yml');
    expect(readFileSync(await download.path(), 'utf8')).toMatch(/^methodology: custom\ndepth: summary\n/m);

    // A key this Scaffold does not ask (added by a chat tool, say) is left out, not an error.
    const shared = await open(run, `${link}&utm_source=chat`);
    await settled(shared);
    expect(await shared.isChecked('#type-ml')).toBe(true);
    expect(await shared.isChecked('#methodology-custom')).toBe(true);
    expect(await shared.inputValue('#f-ml-phase')).toBe('inference');
    expect(await shared.inputValue('#f-ml-serving')).toBe('batch');
    expect(await shared.inputValue('#f-depth')).toBe('summary');
    expect(await shared.isChecked('#agents-cursor')).toBe(true);
    expect(await filesShown(shared)).toEqual(files);
    expect(new URL(shared.url()).searchParams.has('utm_source')).toBe(false);
    expect(await shared.inputValue('#command')).toBe('npx scaffold-overlays init --yes --type ml --name fraud-model --methodology custom --depth summary --agents agents-md,claude,cursor --ml-phase inference --ml-model-type deep-learning --ml-serving batch --ml-experiment-tracking');
    await done(page, shared);
  });

  it('shows a broken rule beside both fields, and applies once it is fixed: the files are on disk', async () => {
    const dir = folder();
    const run = await startExplore(dir);
    const page = await open(run, '/?type=ml&ml-phase=training&ml-serving=realtime');
    await settled(page, 'invalid');
    const rule = 'a training-only project serves nothing: set servingPattern to none or projectPhase to both';
    expect(await page.textContent('#msg-ml-phase')).toBe(rule);
    expect(await page.textContent('#msg-ml-serving')).toBe(rule);
    expect(await page.isDisabled('#apply')).toBe(true);
    await page.selectOption('#f-ml-serving', 'none');
    await settled(page);
    expect(await page.textContent('#msg-ml-serving')).toBe('');
    await page.click('#apply');
    await page.waitForSelector('#result:not([hidden])');
    expect(await page.textContent('#result h3')).toMatch(/^Applied: \d+ files: \d+ create/);
    await settled(page);
    expect(readFile(dir, '.scaffold/config.yml')).toContain('projectPhase: training');
    expect(readFile(dir, 'docs/knowledge/ml-testing.md')).toContain('# Testing ML Systems');
    expect(exists(dir, '.scaffold/manifest.json')).toBe(true);
    // Applied: the plan now changes nothing.
    expect(await page.$$eval('button.file .action', (a) => [...new Set(a.map((s) => s.textContent))])).toEqual(['unchanged']);
    await done(page);
  });

  it('can be used with the keyboard alone, every control labelled', async () => {
    const run = await startExplore(folder());
    const page = await open(run);
    await settled(page, 'invalid');
    // The callbacks run in the page; their types here are only what they use of the DOM.
    type Control = { tagName: string; textContent: string | null; outerHTML: string; labels?: { length: number } | null; getAttribute(name: string): string | null };
    const unlabelled = await page.$$eval('input, select, button', (els) =>
      (els as unknown as Control[]).filter((e) => (e.tagName === 'BUTTON' ? !e.textContent?.trim() && !e.getAttribute('aria-label') : !e.labels?.length)).map((e) => e.outerHTML),
    );
    expect(unlabelled).toEqual([]);
    const tabTo = async (selector: string) => {
      for (let i = 0; i < 60; i++) {
        if (await page.$eval(selector, (e) => e === e.ownerDocument.activeElement).catch(() => false)) return;
        await page.keyboard.press('Tab');
      }
      throw new Error(`Tab never reached ${selector}`);
    };
    await tabTo('input[name="type"]');
    await page.keyboard.press('ArrowDown'); // browser-extension -> data-pipeline
    await page.keyboard.press('ArrowDown'); // -> library
    expect(await page.isChecked('#type-library')).toBe(true);
    await settled(page, 'invalid');
    await tabTo('#f-lib-visibility');
    await page.keyboard.press('p'); // public
    await settled(page);
    await tabTo('button.file[data-path="docs/knowledge/README.md"]');
    await page.keyboard.press('Enter');
    await page.waitForSelector('article.markdown h1');
    expect(await page.$eval('#preview-tabs [aria-selected="true"]', (e) => e === e.ownerDocument.activeElement)).toBe(true);
    await page.keyboard.press('ArrowRight');
    expect(await page.textContent('#preview-tabs [aria-selected="true"]')).toBe('Markdown');
    await done(page);
  });
});
