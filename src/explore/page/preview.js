// @ts-check
/**
 * One file of the plan: markdown rendered as HTML by markdown-it (raw HTML in the source stays
 * text, and markdown-it refuses javascript: links), code highlighted by highlight.js, and the
 * line diff against the file on disk. Links between knowledge entries open in the preview.
 */
import hljs from 'highlight.js/lib/core';
import bash from 'highlight.js/lib/languages/bash';
import ini from 'highlight.js/lib/languages/ini';
import javascript from 'highlight.js/lib/languages/javascript';
import json from 'highlight.js/lib/languages/json';
import kotlin from 'highlight.js/lib/languages/kotlin';
import markdown from 'highlight.js/lib/languages/markdown';
import python from 'highlight.js/lib/languages/python';
import swift from 'highlight.js/lib/languages/swift';
import typescript from 'highlight.js/lib/languages/typescript';
import xml from 'highlight.js/lib/languages/xml';
import yaml from 'highlight.js/lib/languages/yaml';
import MarkdownIt from 'markdown-it';
import { el } from './dom.js';

/** @typedef {import('./api.js').Preview} Preview */

for (const [name, language] of Object.entries({ bash, ini, javascript, json, kotlin, markdown, python, swift, typescript, xml, yaml })) hljs.registerLanguage(name, language);

/** The highlight.js language of a file, by its name. */
const LANGUAGES = /** @type {[RegExp, string][]} */ ([
  [/\.(md|mdc)$/, 'markdown'],
  [/\.py$/, 'python'],
  [/\.(ts|mts|cts|tsx)$/, 'typescript'],
  [/\.(js|mjs|cjs|jsx)$/, 'javascript'],
  [/\.json$/, 'json'],
  [/\.ya?ml$/, 'yaml'],
  [/\.(toml|ini|cfg)$/, 'ini'],
  [/\.(kt|kts)$/, 'kotlin'],
  [/\.swift$/, 'swift'],
  [/\.(html|xml|svg)$/, 'xml'],
  [/\.(sh|bash)$/, 'bash'],
]);

/** @param {string} path */
export const languageOf = (path) => LANGUAGES.find(([pattern]) => pattern.test(path))?.[1];

const md = new MarkdownIt({
  html: false,
  linkify: false,
  highlight: (code, lang) => (hljs.getLanguage(lang) ? hljs.highlight(code, { language: lang, ignoreIllegals: true }).value : ''),
});

/**
 * @param {string} code
 * @param {string} path
 */
function codeBlock(code, path) {
  const language = languageOf(path);
  const block = el('code', { class: `hljs${language ? ` language-${language}` : ''}` });
  if (language) block.innerHTML = hljs.highlight(code, { language, ignoreIllegals: true }).value;
  else block.textContent = code;
  return el('pre', { class: 'code' }, block);
}

/**
 * @param {string} source
 * @param {string} path the file's path, to resolve its relative links
 * @param {(path: string) => void} onOpen
 */
function rendered(source, path, onOpen) {
  const article = el('article', { class: 'markdown' });
  // Raw HTML stays text (html: false), so HTML comments, which a reader never sees, are left out.
  article.innerHTML = md.render(source.replace(/<!--[\s\S]*?-->\n*/g, ''));
  for (const link of article.querySelectorAll('a[href]')) {
    const href = link.getAttribute('href') ?? '';
    if (/^[a-z][a-z0-9+.-]*:/i.test(href)) {
      link.setAttribute('target', '_blank');
      link.setAttribute('rel', 'noopener noreferrer');
      continue;
    }
    link.addEventListener('click', (event) => {
      event.preventDefault();
      if (!href.startsWith('#')) onOpen(new URL(href, `http://x/${path}`).pathname.slice(1));
    });
  }
  return article;
}

/** @param {import('./api.js').DiffLine[]} lines */
function diffBlock(lines) {
  const pre = el('pre', { class: 'diff', 'aria-label': 'Lines removed start with a minus, lines added with a plus' });
  for (const line of lines) {
    if (line.kind === 'skip') pre.append(el('span', { class: 'skip' }, `… ${line.count} unchanged line${line.count === 1 ? '' : 's'}\n`));
    else pre.append(el('span', { class: line.kind === '+' ? 'add' : line.kind === '-' ? 'del' : 'same' }, `${line.kind} ${line.text}\n`));
  }
  return pre;
}

/**
 * The views of a file, each a tab: rendered (markdown), content, diff, Scaffold's part.
 * @param {Preview} file
 * @param {(path: string) => void} onOpen
 * @returns {{ label: string, view: () => HTMLElement }[]}
 */
export function viewsOf(file, onOpen) {
  const views = [];
  const isMarkdown = /\.md$/.test(file.path);
  if (file.after !== undefined && isMarkdown) views.push({ label: 'Rendered', view: () => rendered(/** @type {string} */ (file.after), file.path, onOpen) });
  if (file.after !== undefined) views.push({ label: isMarkdown ? 'Markdown' : 'Content', view: () => codeBlock(/** @type {string} */ (file.after), file.path) });
  if (file.diff) views.push({ label: 'Diff with the file on disk', view: () => diffBlock(/** @type {import('./api.js').DiffLine[]} */ (file.diff)) });
  if (file.rendered !== undefined) views.push({ label: "Scaffold's part", view: () => codeBlock(/** @type {string} */ (file.rendered), file.path) });
  return views;
}

/**
 * Tabs that arrow keys move between, as a tablist should.
 * @param {HTMLElement} tabs
 * @param {HTMLElement} body
 * @param {{ label: string, view: () => HTMLElement }[]} views
 */
export function showViews(tabs, body, views) {
  const buttons = views.map(({ label, view }, i) => {
    const button = el('button', { type: 'button', role: 'tab', id: `tab-${i}`, 'aria-controls': 'preview-body' }, label);
    button.addEventListener('click', () => select(i));
    button.addEventListener('keydown', (event) => {
      const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
      if (!step) return;
      const next = (i + step + views.length) % views.length;
      select(next);
      buttons[next]?.focus();
    });
    return { button, view };
  }).map(({ button, view }) => Object.assign(button, { render: view }));
  /** @param {number} index */
  const select = (index) => {
    buttons.forEach((b, i) => {
      b.setAttribute('aria-selected', String(i === index));
      b.tabIndex = i === index ? 0 : -1;
    });
    body.setAttribute('aria-labelledby', `tab-${index}`);
    body.replaceChildren(buttons[index]?.render() ?? el('p', {}, 'Apply deletes this file.'));
  };
  tabs.replaceChildren(...buttons);
  select(0);
}
