// Apology feedback as you type (Features/Apology). Any <textarea data-apology-feedback="ID"> sends its
// text, 600 ms after the last keystroke, to POST /api/v1/apology-feedback and re-renders the
// ApologyFeedbackView whose root element has the id ID. Listening on the document means it also
// works for forms that arrive through Blazor's enhanced navigation. Nothing is stored in the
// browser. Without JavaScript, or when a check fails (429, offline), the form's button still works.
(() => {
  'use strict';
  const DELAY = 600;
  const MAX = 20000;
  const timers = new WeakMap();

  document.addEventListener('input', event => {
    const area = event.target;
    if (!(area instanceof HTMLTextAreaElement) || !area.dataset.apologyFeedback) {
      return;
    }

    clearTimeout(timers.get(area));
    timers.set(area, setTimeout(() => check(area), DELAY));
  });

  async function check(area) {
    const view = document.getElementById(area.dataset.apologyFeedback);
    const text = area.value;
    if (!view || text.length > MAX) {
      return;
    }

    let report;
    try {
      const response = await fetch('/api/v1/apology-feedback', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Accept': 'application/json' },
        body: JSON.stringify({ text }),
        credentials: 'same-origin',
      });
      if (!response.ok) {
        return;
      }

      report = await response.json();
    } catch {
      return;
    }

    if (area.value === text) {
      render(view, text, report);
    }
  }

  function element(tag, className, text) {
    const node = document.createElement(tag);
    if (className) {
      node.className = className;
    }

    if (text !== undefined) {
      node.textContent = text;
    }

    return node;
  }

  function render(view, text, report) {
    const prefix = view.id.replace(/-feedback$/, '');
    const labels = JSON.parse(view.dataset.kindLabels || '{}');
    const findings = report.findings || [];
    const label = f => labels[f.kind] || f.kind;

    for (const section of view.querySelectorAll('[data-apology-text-section], [data-apology-suggestions-section]')) {
      section.hidden = text.length === 0;
    }

    // The text, cut at every finding's edges; a piece inside several findings links to the first.
    const target = view.querySelector('[data-apology-text]');
    const cuts = new Set([0, text.length]);
    for (const f of findings) {
      cuts.add(f.start);
      cuts.add(f.start + f.length);
    }

    const edges = [...cuts].filter(c => c >= 0 && c <= text.length).sort((a, b) => a - b);
    const pieces = document.createDocumentFragment();
    for (let i = 0; i + 1 < edges.length; i++) {
      const from = edges[i];
      const to = edges[i + 1];
      const index = findings.findIndex(f => f.start <= from && f.start + f.length >= to);
      const words = text.slice(from, to);
      if (index < 0) {
        pieces.append(words);
        continue;
      }

      const link = element('a', 'apology-mark apology-mark--' + findings[index].kind);
      // The page's own path: with <base href="/"> a bare "#id" would lead to the home page.
      link.href = location.pathname + '#' + prefix + '-finding-' + (index + 1);
      link.append(element('mark', '', words));
      const hidden = (view.dataset.markLabel || '{0}: {1}').replace('{0}', label(findings[index])).replace('{1}', String(index + 1));
      link.append(element('span', 'visually-hidden', ' (' + hidden + ')'));
      pieces.append(link);
    }

    target.replaceChildren(pieces);

    const suggestions = view.querySelector('[data-apology-suggestions]');
    if (findings.length === 0) {
      suggestions.replaceChildren(element('p', '', view.dataset.noSuggestions || ''));
    } else {
      const list = element('ol', 'apology-suggestions');
      findings.forEach((f, i) => {
        const item = element('li', 'apology-suggestion apology-suggestion--' + f.kind);
        item.id = prefix + '-finding-' + (i + 1);
        item.tabIndex = -1;
        item.append(element('strong', '', label(f)), ': \u201c' + text.slice(f.start, f.start + f.length) + '\u201d. ' + f.message);
        list.append(item);
      });
      suggestions.replaceChildren(list);
    }

    for (const item of view.querySelectorAll('[data-part]')) {
      const present = Boolean(report.components && report.components[item.dataset.part]);
      item.classList.toggle('apology-part--present', present);
      item.querySelector('[data-state]').textContent = present ? view.dataset.present : view.dataset.notYet;
    }
  }
})();
