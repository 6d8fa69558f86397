// The address bar and the language links in step with what the page shows, for every page. Kept apart from
// agyn.js (the charts) and inline-free for the Content-Security-Policy.
(function () {
  'use strict';

  // The page shown now, in another language: the path and query string as the bar has them (htmx may have pushed
  // a new address since the server wrote the links), only `lang` changed.
  function inLanguage(lang) {
    var url = new URL(window.location.href);
    url.searchParams.set('lang', lang);
    return url.pathname + url.search + url.hash;
  }

  function relink() {
    document.querySelectorAll('.langs a[data-lang]').forEach(function (a) {
      a.setAttribute('href', inLanguage(a.dataset.lang));
    });
  }

  // A view that knows its own full address (data-address: e.g. the explorer, opened on its defaults) puts it in
  // the bar, so that a link copied from there reopens the same view.
  function settle() {
    var el = document.querySelector('[data-address]');
    if (el && el.dataset.address !== window.location.pathname + window.location.search) {
      window.history.replaceState(window.history.state, '', el.dataset.address);
    }
    relink();
  }

  document.addEventListener('DOMContentLoaded', function () {
    settle();
    document.body.addEventListener('htmx:pushedIntoHistory', relink);
    document.body.addEventListener('htmx:replacedInHistory', relink);
    document.body.addEventListener('htmx:historyRestore', relink);
    window.addEventListener('popstate', relink);
    // Whatever changed the address last, the link followed is built from it at the moment of the click.
    document.addEventListener('click', function (e) {
      var a = e.target.closest && e.target.closest('.langs a[data-lang]');
      if (a) { a.setAttribute('href', inLanguage(a.dataset.lang)); }
    }, true);
  });
})();
