// Containers (progressive enhancement; every page works without it):
//  - [data-seconds-left]: counts the time box down on the page, from the seconds the server
//    rendered (it does not know the reader's clock or time zone), and shows [data-time-up] at zero;
//  - input[data-time-zone]: filled with the browser's time zone when planning, so that a reminder
//    can be sent at the right moment. Left empty, the server takes UTC.
// Runs once a second rather than on load only, because enhanced navigation swaps pages without reloading scripts.
(() => {
  'use strict';
  const started = new WeakMap();

  function zone() {
    try { return Intl.DateTimeFormat().resolvedOptions().timeZone || ''; } catch { return ''; }
  }

  function words(seconds) {
    if (seconds <= 0) { return 'The time is up.'; }
    if (seconds < 60) { return 'Less than a minute left.'; }
    return 'About ' + Math.ceil(seconds / 60) + ' minutes left.';
  }

  function tick() {
    const now = Date.now();
    document.querySelectorAll('input[data-time-zone]').forEach(input => {
      if (!input.value) { input.value = zone(); }
    });
    document.querySelectorAll('[data-seconds-left]').forEach(timer => {
      const rendered = timer.getAttribute('data-seconds-left');
      let entry = started.get(timer);
      if (!entry || entry.rendered !== rendered) {
        entry = { rendered, at: now, seconds: parseInt(rendered, 10) || 0 };
        started.set(timer, entry);
      }
      const left = entry.seconds - Math.floor((now - entry.at) / 1000);
      const text = words(left);
      if (timer.textContent !== text) { timer.textContent = text; }
      if (left <= 0) {
        document.querySelectorAll('[data-time-up][hidden]').forEach(block => block.removeAttribute('hidden'));
      }
    });
  }

  tick();
  setInterval(tick, 1000);
})();
