// Quick exit (SECURITY.md C1). A click on any [data-quick-exit] link, or Escape pressed twice
// within a second, hides the page at once and puts the neutral site from that link in its place:
//  1. where the browser has the Navigation API, step back to the earliest Kintsugi entry of this
//     tab's history, so that Back afterwards leads to whatever came before Kintsugi;
//  2. push an entry there (a push drops every later entry, so Forward cannot lead back into the
//     app) whose address, /quick-exit, only ever redirects to the neutral site; step back onto
//     the earliest entry again;
//  3. replace that entry with the neutral site.
(() => {
  'use strict';
  const FLAG = 'kintsugi-quick-exit';
  const EXIT_PATH = '/quick-exit';

  function neutralUrl() {
    const link = document.querySelector('[data-quick-exit]');
    return link ? link.href : 'about:blank';
  }

  function hide() {
    document.documentElement.setAttribute('hidden', '');
    document.title = '';
  }

  function remember(url) {
    try { sessionStorage.setItem(FLAG, url); } catch { /* storage may be off */ }
  }

  function forget() {
    try { sessionStorage.removeItem(FLAG); } catch { /* storage may be off */ }
  }

  function leave(url) {
    forget();
    let gone = false;
    const go = () => {
      if (!gone) {
        gone = true;
        window.location.replace(url);
      }
    };
    try {
      history.pushState(null, '', EXIT_PATH);
      window.addEventListener('popstate', go, { once: true });
      history.back();
      setTimeout(go, 400); // in case the step back never reports
    } catch {
      go();
    }
  }

  async function quickExit() {
    const url = neutralUrl();
    hide();
    const nav = window.navigation;
    if (nav && typeof nav.entries === 'function' && nav.currentEntry) {
      const first = nav.entries()[0];
      if (first && first.index < nav.currentEntry.index) {
        // If that entry belongs to another document, the page that loads there finishes the exit.
        remember(url);
        try {
          await nav.traverseTo(first.key).finished;
        } catch {
          // Fall through: leave from here.
        }
      }
    }
    leave(url);
  }

  // A page reached by stepping back during an exit carries on with it, even from the back-forward cache.
  function resumeExit() {
    let url = null;
    try { url = sessionStorage.getItem(FLAG); } catch { /* storage may be off */ }
    if (url) {
      hide();
      leave(url);
    }
  }

  resumeExit();
  window.addEventListener('pageshow', event => { if (event.persisted) { resumeExit(); } });

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
