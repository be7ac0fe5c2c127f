/**
 * The slice of the DOM the content script touches. The page's `document` satisfies it (the
 * type checker proves that in src/content.ts), and so does the small fake in tests/fakes/dom.ts,
 * so the logic is tested in Node without a browser or a DOM library.
 */
export interface LinkElement {
  getAttribute(name: string): string | null;
  setAttribute(name: string, value: string): void;
  removeAttribute(name: string): void;
}

export interface LinkRoot {
  querySelectorAll(selectors: string): Iterable<LinkElement>;
}
