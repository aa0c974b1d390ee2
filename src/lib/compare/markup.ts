/**
 * A small markup tree that one view function can build for two places: the server (toHtml, every
 * text and attribute escaped) and the browser (src/lib/browser/markup-dom.ts, built with
 * createElement and textContent, never innerHTML). The compare table uses it so the static pair pages
 * and the compare page's script render the same table from the same code without shipping React.
 */
export type Markup = string | MarkupElement | null | false | readonly Markup[];
export type Attributes = Record<string, string | number | boolean | null | undefined>;

export interface MarkupElement {
  tag: string;
  attrs: Attributes;
  children: Markup[];
}

export function h(tag: string, attrs: Attributes | null = null, ...children: Markup[]): MarkupElement {
  return { tag, attrs: attrs ?? {}, children };
}

const VOID = new Set(['br', 'wbr', 'input', 'img', 'hr', 'meta', 'link', 'col']);

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** Attribute names come from view code, never from data; anything else is refused. */
export function checkAttributeName(name: string): string {
  if (!/^[a-z][a-z0-9-]*$/.test(name)) throw new Error(`markup: "${name}" is not an attribute name`);
  return name;
}

/**
 * The text an attribute gets, or null to leave it out: links only to http(s), site paths and
 * fragments, so a `javascript:` URL in upstream data never becomes a link.
 */
export function attributeText(name: string, value: Attributes[string]): string | null {
  checkAttributeName(name);
  if (value === null || value === undefined || value === false) return null;
  if (value === true) return '';
  const text = String(value);
  if ((name === 'href' || name === 'src') && !/^(https?:\/\/|\/(?!\/)|#)/i.test(text)) return null;
  return text;
}

export function toHtml(node: Markup): string {
  if (node === null || node === false) return '';
  if (typeof node === 'string') return escapeHtml(node);
  if (Array.isArray(node)) return node.map(toHtml).join('');
  const element = node as MarkupElement;
  if (!/^[a-z][a-z0-9]*$/.test(element.tag)) throw new Error(`markup: "${element.tag}" is not a tag name`);
  let attrs = '';
  for (const [name, value] of Object.entries(element.attrs)) {
    const text = attributeText(name, value);
    if (text !== null) attrs += text === '' && value === true ? ` ${name}` : ` ${name}="${escapeHtml(text)}"`;
  }
  if (VOID.has(element.tag)) return `<${element.tag}${attrs}>`;
  return `<${element.tag}${attrs}>${element.children.map(toHtml).join('')}</${element.tag}>`;
}

/** An id with a line-break opportunity after each "/", "-", "." and ":", so a narrow column never breaks it mid-word. */
export function breakableId(id: string): Markup[] {
  const parts: Markup[] = [];
  for (const piece of id.split(/(?<=[/\-.:_])/)) {
    if (parts.length > 0) parts.push(h('wbr'));
    parts.push(piece);
  }
  return parts;
}
