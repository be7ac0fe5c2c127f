/**
 * A tiny fake DOM for content-script tests: elements with attributes and children, and
 * querySelectorAll for the simple selectors the content script uses (`a`, `a[href]`, `[data-x]`,
 * comma-separated lists). An unsupported selector throws, so a test cannot pass by matching nothing.
 * Pattern: test DOM logic against the narrow interface it needs (src/content/dom.ts). When you
 * need layout, events or real parsing, add happy-dom or jsdom as a devDependency and use
 * `// @vitest-environment happy-dom` in that test file instead of growing this fake.
 */
import type { LinkElement, LinkRoot } from '../../src/content/dom';

export class FakeElement implements LinkElement {
  readonly tagName: string;
  readonly children: FakeElement[];
  private readonly attributes = new Map<string, string>();

  constructor(tagName: string, attributes: Record<string, string> = {}, children: FakeElement[] = []) {
    this.tagName = tagName.toLowerCase();
    this.children = children;
    for (const [name, value] of Object.entries(attributes)) this.setAttribute(name, value);
  }

  getAttribute(name: string): string | null {
    return this.attributes.get(name.toLowerCase()) ?? null;
  }

  setAttribute(name: string, value: string): void {
    this.attributes.set(name.toLowerCase(), String(value));
  }

  removeAttribute(name: string): void {
    this.attributes.delete(name.toLowerCase());
  }

  hasAttribute(name: string): boolean {
    return this.attributes.has(name.toLowerCase());
  }

  /** This element's descendants in document order. */
  *descendants(): Generator<FakeElement> {
    for (const child of this.children) {
      yield child;
      yield* child.descendants();
    }
  }
}

interface SimpleSelector {
  tag?: string;
  attributes: string[];
}

const SIMPLE_SELECTOR = /^([a-z][a-z0-9-]*)?((?:\[[a-z][a-z0-9-]*\])*)$/;

function parseSelectors(selectors: string): SimpleSelector[] {
  return selectors.split(',').map((part) => {
    const match = SIMPLE_SELECTOR.exec(part.trim().toLowerCase());
    if (!match || (match[1] === undefined && match[2] === '')) {
      throw new Error(`the fake DOM does not support the selector "${part.trim()}": extend tests/fakes/dom.ts or use happy-dom`);
    }
    return { tag: match[1], attributes: [...match[2]!.matchAll(/\[([a-z0-9-]+)\]/g)].map((m) => m[1]!) };
  });
}

function matches(element: FakeElement, selector: SimpleSelector): boolean {
  return (selector.tag === undefined || element.tagName === selector.tag) && selector.attributes.every((a) => element.hasAttribute(a));
}

export class FakeDocument implements LinkRoot {
  readonly body: FakeElement;

  constructor(...children: FakeElement[]) {
    this.body = new FakeElement('body', {}, children);
  }

  querySelectorAll(selectors: string): FakeElement[] {
    const parsed = parseSelectors(selectors);
    return [...this.body.descendants()].filter((element) => parsed.some((s) => matches(element, s)));
  }
}

/** Build elements tersely: `h('p', {}, h('a', { href: '/about' }))`. */
export function h(tagName: string, attributes: Record<string, string> = {}, ...children: FakeElement[]): FakeElement {
  return new FakeElement(tagName, attributes, children);
}

/** A page whose body holds one link per href, each inside a paragraph. */
export function pageWithLinks(...hrefs: string[]): { document: FakeDocument; links: FakeElement[] } {
  const links = hrefs.map((href) => h('a', { href }));
  return { document: new FakeDocument(...links.map((link) => h('p', {}, link))), links };
}
