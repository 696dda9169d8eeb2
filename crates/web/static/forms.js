// A page that comes back with what the user typed and why it was not accepted (a 422): the first field in error
// gets the focus, so a keyboard or screen-reader user lands on what to fix instead of the top of the page, and the
// page's title says so first (it is what a screen reader reads out, and what a tab shows). No inline script: loaded
// under a strict CSP.
(function () {
  'use strict';
  var error = document.querySelector('main .field-error');
  if (!error) return;
  var prefix = document.body.getAttribute('data-error-title');
  if (prefix && document.title.indexOf(prefix) !== 0) document.title = prefix + ' ' + document.title;
  var field = document.querySelector('main [aria-invalid="true"]');
  if (field && field.offsetParent === null) field = null; // hidden (a picker's own inputs): its message instead
  if (field) {
    field.focus();
    return;
  }
  error.setAttribute('tabindex', '-1');
  error.focus();
})();
