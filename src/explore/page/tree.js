// @ts-check
/**
 * The plan as a file tree: folders open, each file a button with its action and, beside it,
 * what rendered it and the layer that selected that. Files that were not in the previous plan
 * are marked, so a changed answer shows what it changed.
 */
import { el } from './dom.js';

/** @typedef {import('./api.js').FileRow} FileRow */
/** @typedef {{ folders: Map<string, Folder>, files: FileRow[] }} Folder */

/** @param {FileRow[]} files */
function folderTree(files) {
  /** @type {Folder} */
  const root = { folders: new Map(), files: [] };
  for (const file of files) {
    const parts = file.path.split('/');
    let folder = root;
    for (const part of parts.slice(0, -1)) {
      if (!folder.folders.has(part)) folder.folders.set(part, { folders: new Map(), files: [] });
      folder = /** @type {Folder} */ (folder.folders.get(part));
    }
    folder.files.push(file);
  }
  return root;
}

/**
 * @param {FileRow} file
 * @param {boolean} isNew
 * @param {boolean} isSelected
 * @param {(path: string) => void} onOpen
 */
function fileItem(file, isNew, isSelected, onOpen) {
  const name = file.path.split('/').pop() ?? file.path;
  const by = [file.source, file.layer && `selected by ${file.layer}`].filter(Boolean).join(', ');
  const button = el(
    'button',
    { type: 'button', class: 'file', 'data-path': file.path, 'aria-current': isSelected ? 'true' : undefined, 'aria-label': `${file.path}: ${file.action}; ${by}${file.reason ? `; ${file.reason}` : ''}` },
    el('span', { class: `action action-${file.action}` }, file.action),
    ' ',
    el('span', { class: 'name' }, name),
  );
  button.addEventListener('click', () => onOpen(file.path));
  return el('li', { class: isNew ? 'new' : undefined }, button, el('span', { class: 'source', title: file.reason ?? by }, by), isNew ? el('span', { class: 'new-tag' }, 'new') : null);
}

/**
 * @param {Folder} folder
 * @param {Set<string>} before
 * @param {string | undefined} selected
 * @param {(path: string) => void} onOpen
 * @returns {HTMLUListElement}
 */
function folderList(folder, before, selected, onOpen) {
  const list = el('ul', {});
  const names = [...folder.folders.keys()].sort();
  for (const name of names) {
    const sub = /** @type {Folder} */ (folder.folders.get(name));
    list.append(el('li', { class: 'folder' }, el('details', { open: true }, el('summary', {}, `${name}/`), folderList(sub, before, selected, onOpen))));
  }
  for (const file of [...folder.files].sort((a, b) => a.path.localeCompare(b.path))) {
    list.append(fileItem(file, before.size > 0 && !before.has(file.path), file.path === selected, onOpen));
  }
  return list;
}

/**
 * @param {HTMLElement} nav
 * @param {FileRow[]} files
 * @param {Set<string>} before the paths of the previous plan (empty: nothing is marked new)
 * @param {string | undefined} selected
 * @param {(path: string) => void} onOpen
 */
export function renderTree(nav, files, before, selected, onOpen) {
  // Folders the person closed stay closed.
  const closed = new Set([...nav.querySelectorAll('details:not([open]) > summary')].map((s) => s.textContent));
  const list = folderList(folderTree(files), before, selected, onOpen);
  list.classList.add('tree');
  for (const summary of list.querySelectorAll('summary')) if (closed.has(summary.textContent)) summary.parentElement?.removeAttribute('open');
  nav.replaceChildren(list);
}

/**
 * "58 files: 57 create, 1 update" in the order the CLI reports them.
 * @param {FileRow[]} files
 */
export function summaryOf(files) {
  const order = ['create', 'update', 'merge', 'conflict', 'delete', 'keep', 'skip', 'unchanged'];
  const counts = order.map((a) => [a, files.filter((f) => f.action === a).length]).filter(([, n]) => n);
  return `${files.length} file${files.length === 1 ? '' : 's'}: ${counts.map(([a, n]) => `${n} ${a}`).join(', ')}`;
}
