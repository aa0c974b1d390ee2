/**
 * Builds DOM nodes from the markup tree of src/lib/compare/markup.ts: elements with createElement,
 * text with text nodes, so data can never become HTML.
 */
import { attributeText, type Markup, type MarkupElement } from '../compare/markup.ts';

export function toDom(node: Markup, doc: Document = document): Node[] {
  if (node === null || node === false) return [];
  if (typeof node === 'string') return [doc.createTextNode(node)];
  if (Array.isArray(node)) return node.flatMap((child) => toDom(child, doc));
  const element = node as MarkupElement;
  const el = doc.createElement(element.tag);
  for (const [name, value] of Object.entries(element.attrs)) {
    const text = attributeText(name, value);
    if (text !== null) el.setAttribute(name, text);
  }
  for (const child of element.children) el.append(...toDom(child, doc));
  return [el];
}
