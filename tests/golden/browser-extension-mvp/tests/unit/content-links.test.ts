/**
 * Content-script DOM logic, tested in Node against a tiny fake DOM (tests/fakes/dom.ts).
 * Pattern: build the smallest page that shows the case, run the content-script function, assert
 * attributes; run it twice to prove it is idempotent. Replace the link marking with your script's
 * DOM work; switch to happy-dom when you need real parsing, events or layout.
 */
import { describe, expect, it } from 'vitest';
import { applySettings, clearMarks, MARK, markExternalLinks } from '../../src/content/links';
import { DEFAULT_SETTINGS } from '../../src/settings/settings';
import { FakeDocument, h, pageWithLinks } from '../fakes/dom';

const PAGE = 'https://example.com/articles/1';
const marked = (links: { hasAttribute(name: string): boolean }[]) => links.map((link) => link.hasAttribute(MARK));

describe('markExternalLinks', () => {
  it('marks links to other hosts and adds noopener noreferrer, keeping existing rel tokens', () => {
    const external = h('a', { href: 'https://other.example.net/x', rel: 'author' });
    const document = new FakeDocument(h('p', {}, external));

    expect(markExternalLinks(document, PAGE)).toBe(1);
    expect(external.hasAttribute(MARK)).toBe(true);
    expect(external.getAttribute('rel')).toBe('author noopener noreferrer');
  });

  it('leaves same-host, relative and fragment links alone', () => {
    const { document, links } = pageWithLinks('https://example.com/about', '/contact', '../2', '#comments', '?page=2');

    expect(markExternalLinks(document, PAGE)).toBe(0);
    expect(marked(links)).toEqual([false, false, false, false, false]);
  });

  it('ignores links that do not open web pages, and malformed ones', () => {
    const { document, links } = pageWithLinks('mailto:team@example.org', 'javascript:void(0)', 'tel:+15550100', 'https://[broken');

    expect(markExternalLinks(document, PAGE)).toBe(0);
    expect(marked(links)).toEqual([false, false, false, false]);
  });

  it('adds whichever of noopener and noreferrer a link lacks, and never repeats one', () => {
    const { document, links } = pageWithLinks('https://a.example.net/', 'https://b.example.net/', 'https://c.example.net/');
    links[0]!.setAttribute('rel', 'noopener');
    links[1]!.setAttribute('rel', 'noreferrer nofollow');
    links[2]!.setAttribute('rel', 'noreferrer noopener');

    expect(markExternalLinks(document, PAGE)).toBe(3);
    expect(links.map((link) => link.getAttribute('rel'))).toEqual(['noopener noreferrer', 'noreferrer nofollow noopener', 'noreferrer noopener']);
  });

  it('gives the same result when it runs again on the same page', () => {
    const { document, links } = pageWithLinks('https://other.example.net/', 'https://example.com/');
    markExternalLinks(document, PAGE);
    markExternalLinks(document, PAGE);

    expect(marked(links)).toEqual([true, false]);
    expect(links[0]!.getAttribute('rel')).toBe('noopener noreferrer');
  });

  it('unmarks a link whose target now points to the same host', () => {
    const { document, links } = pageWithLinks('https://other.example.net/');
    markExternalLinks(document, PAGE);
    links[0]!.setAttribute('href', '/local');

    expect(markExternalLinks(document, PAGE)).toBe(0);
    expect(links[0]!.hasAttribute(MARK)).toBe(false);
  });
});

describe('clearMarks', () => {
  it('unmarks every marked link and counts them, then finds nothing left to clear', () => {
    const { document, links } = pageWithLinks('https://a.example.net/', 'https://example.com/', 'https://b.example.net/');
    markExternalLinks(document, PAGE);

    expect(clearMarks(document)).toBe(2);
    expect(marked(links)).toEqual([false, false, false]);
    expect(clearMarks(document)).toBe(0);
  });
});

describe('applySettings', () => {
  it('clears every mark when the extension is turned off', () => {
    const { document, links } = pageWithLinks('https://a.example.net/', 'https://b.example.net/');
    applySettings(document, PAGE, DEFAULT_SETTINGS);

    expect(applySettings(document, PAGE, { ...DEFAULT_SETTINGS, enabled: false })).toBe(0);
    expect(marked(links)).toEqual([false, false]);
    expect(clearMarks(document)).toBe(0);
  });

  it('does nothing on an ignored site or its subdomains', () => {
    const { document, links } = pageWithLinks('https://other.example.net/');
    const settings = { ...DEFAULT_SETTINGS, ignoredSites: ['example.com'] };

    expect(applySettings(document, 'https://docs.example.com/guide', settings)).toBe(0);
    expect(applySettings(document, 'https://notexample.com/', settings)).toBe(1);
    expect(marked(links)).toEqual([true]);
  });
});
