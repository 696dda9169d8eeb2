// The search box of every page (issue 23). "/" anywhere but in a field goes to the search box (on the results page,
// the page's own box, the one under its heading; elsewhere the header's). On the results page,
// Arrow-Down in a search box, or with nothing focused (as the page opens after Enter), goes to the first result, and
// Arrow-Down/Arrow-Up move through the results (from the first, back to the box). The results are plain links: Tab reaches them, and without this script all still works.
(function () {
  'use strict';
  var box = document.getElementById('search-page-q') || document.getElementById('site-search');

  function typing(el) {
    if (!el || !el.tagName) return false;
    var tag = el.tagName.toLowerCase();
    return tag === 'input' || tag === 'textarea' || tag === 'select' || el.isContentEditable;
  }

  function results() {
    return Array.prototype.slice.call(document.querySelectorAll('[data-search-results] a'));
  }

  document.addEventListener('keydown', function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.key === '/' && box && !typing(event.target)) {
      event.preventDefault();
      box.focus();
      box.select();
      return;
    }
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    var links = results();
    if (!links.length) return;
    var target = event.target;
    var nothingFocused = target === document.body || target === document.documentElement;
    if (nothingFocused && event.key === 'ArrowDown') {
      event.preventDefault();
      links[0].focus();
      return;
    }
    if (target.matches && target.matches('input[type="search"][name="q"]')) {
      if (event.key === 'ArrowDown') {
        event.preventDefault();
        links[0].focus();
      }
      return;
    }
    var at = links.indexOf(target);
    if (at < 0) return;
    event.preventDefault();
    if (event.key === 'ArrowDown') {
      if (at + 1 < links.length) links[at + 1].focus();
    } else if (at > 0) {
      links[at - 1].focus();
    } else {
      (document.getElementById('search-page-q') || box).focus();
    }
  });
})();
