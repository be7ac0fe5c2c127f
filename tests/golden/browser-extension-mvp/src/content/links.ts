/**
 * Content-script logic: mark the links on a page that lead to another site, and make them safe
 * to open (rel="noopener noreferrer"). Every function can run again on the same page and leaves
 * it in the same state, because the content script re-runs when settings or the page change.
 */
import type { Settings } from '../settings/settings';
import type { LinkElement, LinkRoot } from './dom';

/** The attribute that marks a link leading off the site; style it with `a[data-leaves-site]`. */
export const MARK = 'data-leaves-site';
const SAFE_REL = ['noopener', 'noreferrer'];

function targetOf(link: LinkElement, pageUrl: URL): URL | undefined {
  const href = link.getAttribute('href');
  if (href === null) return undefined;
  try {
    const url = new URL(href, pageUrl);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : undefined;
  } catch {
    return undefined; // a malformed href is the page's problem, not a reason to stop
  }
}

function addRelTokens(link: LinkElement): void {
  const tokens = (link.getAttribute('rel') ?? '').split(/\s+/).filter(Boolean);
  const missing = SAFE_REL.filter((token) => !tokens.includes(token));
  if (missing.length > 0) link.setAttribute('rel', [...tokens, ...missing].join(' '));
}

/** Mark links to other hosts and unmark the rest. Returns how many links are marked. */
export function markExternalLinks(root: LinkRoot, pageUrl: string): number {
  const page = new URL(pageUrl);
  let marked = 0;
  for (const link of root.querySelectorAll('a[href]')) {
    const target = targetOf(link, page);
    if (target !== undefined && target.hostname !== page.hostname) {
      link.setAttribute(MARK, '');
      addRelTokens(link);
      marked++;
    } else {
      link.removeAttribute(MARK);
    }
  }
  return marked;
}

/** Remove every mark this script added. Returns how many links were unmarked. */
export function clearMarks(root: LinkRoot): number {
  let cleared = 0;
  for (const link of root.querySelectorAll(`[${MARK}]`)) {
    link.removeAttribute(MARK);
    cleared++;
  }
  return cleared;
}

/** Whether `hostname` is one of the ignored sites or a subdomain of one. */
export function isIgnored(hostname: string, ignoredSites: readonly string[]): boolean {
  return ignoredSites.some((site) => hostname === site || hostname.endsWith(`.${site}`));
}

/** Bring the page in line with the settings. Returns how many links are marked. */
export function applySettings(root: LinkRoot, pageUrl: string, settings: Settings): number {
  if (!settings.enabled || isIgnored(new URL(pageUrl).hostname, settings.ignoredSites)) {
    clearMarks(root);
    return 0;
  }
  return markExternalLinks(root, pageUrl);
}
