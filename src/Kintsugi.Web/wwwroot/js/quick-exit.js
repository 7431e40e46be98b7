// Quick exit (SECURITY.md C1). A click on any [data-quick-exit] link, or Escape pressed twice
// within a second, hides the page at once and replaces it with the neutral site in the link.
// Where the browser offers the Navigation API, it first steps back to the earliest Kintsugi
// entry of this tab's history, so that the neutral site takes that entry's place and the Back
// button leads to whatever came before Kintsugi, not to another Kintsugi page.
(() => {
  'use strict';
  const FLAG = 'kintsugi-quick-exit';

  function neutralUrl() {
    const link = document.querySelector('[data-quick-exit]');
    return link ? link.href : 'about:blank';
  }

  function hide() {
    document.documentElement.setAttribute('hidden', '');
    document.title = '';
  }

  function go(url) {
    try { sessionStorage.removeItem(FLAG); } catch { /* storage may be off */ }
    window.location.replace(url);
  }

  async function quickExit() {
    const url = neutralUrl();
    hide();
    const nav = window.navigation;
    if (nav && typeof nav.entries === 'function' && nav.currentEntry) {
      const first = nav.entries()[0];
      if (first && first.index < nav.currentEntry.index) {
        try {
          // If that entry is another document, the page that loads there finishes the exit.
          sessionStorage.setItem(FLAG, url);
        } catch { /* storage may be off */ }
        try {
          await nav.traverseTo(first.key).finished;
        } catch { /* fall through to a plain replace */ }
      }
    }
    go(url);
  }

  // A page reached by stepping back during an exit carries on with it, even from the back-forward cache.
  function resumeExit() {
    let url = null;
    try { url = sessionStorage.getItem(FLAG); } catch { /* storage may be off */ }
    if (url) {
      hide();
      go(url);
    }
  }

  resumeExit();
  window.addEventListener('pageshow', resumeExit);

  document.addEventListener('click', event => {
    const link = event.target instanceof Element ? event.target.closest('[data-quick-exit]') : null;
    if (link) {
      event.preventDefault();
      event.stopPropagation();
      quickExit();
    }
  }, true);

  let lastEscape = 0;
  document.addEventListener('keydown', event => {
    if (event.key !== 'Escape') {
      return;
    }
    const now = Date.now();
    if (now - lastEscape < 1000) {
      event.preventDefault();
      quickExit();
    }
    lastEscape = now;
  });
})();
