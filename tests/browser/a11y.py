"""A few WCAG checks run inside the browser on the rendered page (the cheap part of what axe does).

Run in the page so they see what the reader gets: the DOM after templates and scripts, with hidden elements
known to be hidden.
"""

from __future__ import annotations

CHECKS_JS = r"""
() => {
  const problems = [];
  const visible = (el) => !!(el.offsetWidth || el.offsetHeight || el.getClientRects().length);
  const name = (el) => {
    if (el.getAttribute('aria-label')) return el.getAttribute('aria-label').trim();
    const by = el.getAttribute('aria-labelledby');
    const text = (ids) => ids.map((id) => document.getElementById(id)?.textContent || '').join(' ').trim();
    if (by) return text(by.split(/\s+/));
    if (el.labels && el.labels.length) return Array.from(el.labels, (l) => l.textContent).join(' ').trim();
    if (el.getAttribute('title')) return el.getAttribute('title').trim();
    return '';
  };
  const describe = (el) => el.outerHTML.slice(0, 120);

  const lang = document.documentElement.getAttribute('lang');
  if (!lang) problems.push('<html> has no lang attribute');
  if (!document.title.trim()) problems.push('the page has no <title>');
  const mains = document.querySelectorAll('main, [role=main]').length;
  if (mains !== 1) problems.push('not exactly one main landmark: ' + mains);
  if (!document.querySelector('h1')) problems.push('no <h1>');

  for (const el of document.querySelectorAll('input, select, textarea')) {
    const type = (el.getAttribute('type') || '').toLowerCase();
    if (['hidden', 'submit', 'button', 'reset', 'image'].includes(type)) continue;
    if (!name(el)) problems.push('form field without a label: ' + describe(el));
  }
  for (const el of document.querySelectorAll('button, input[type=submit], input[type=button]')) {
    const text = (el.textContent || el.value || '').trim();
    if (!text && !name(el)) problems.push('button without a name: ' + describe(el));
  }
  for (const el of document.querySelectorAll('a[href]')) {
    if (!visible(el)) continue;
    const text = (el.textContent || '').trim();
    const img = el.querySelector('img[alt]:not([alt=""])');
    if (!text && !img && !name(el)) problems.push('link without text: ' + describe(el));
  }
  for (const el of document.querySelectorAll('img')) {
    if (!el.hasAttribute('alt')) problems.push('image without alt: ' + describe(el));
  }
  const seen = new Set();
  for (const el of document.querySelectorAll('[id]')) {
    if (seen.has(el.id)) problems.push('duplicate id: ' + el.id);
    seen.add(el.id);
  }
  for (const el of document.querySelectorAll('a[href^="#"]')) {
    const target = decodeURIComponent(el.getAttribute('href').slice(1));
    if (target && !document.getElementById(target) && !document.getElementsByName(target).length)
      problems.push('in-page link to a missing anchor: ' + describe(el));
  }
  return problems;
}
"""


def accessibility_problems(page) -> list[str]:
    """What the page gets wrong among: lang, title, one <main>, an <h1>, labelled fields and buttons,
    named links, alt on images, unique ids, in-page links that land."""
    return page.evaluate(CHECKS_JS)
