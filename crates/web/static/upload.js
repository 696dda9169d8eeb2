// Upload with progress: the stock form is sent in the background so the user sees the file go up; the server
// answers with the page of the import, which then follows the import by fetching itself again until it is done.
// Without JavaScript the form posts as usual and the import's page has a link to refresh it. Either way the address
// bar ends on the import's own page.
(function () {
  'use strict';
  var POLL_MS = 700;

  function replaceMain(html) {
    var main = new DOMParser().parseFromString(html, 'text/html').querySelector('main');
    if (!main) return false;
    document.querySelector('main').replaceWith(main);
    return true;
  }

  function settled() {
    document.body.dataset.uploads = String(Number(document.body.dataset.uploads || '0') + 1);
    var outcome = document.getElementById('import-outcome');
    if (outcome) outcome.focus();
    init();
  }

  // While the page shows a running import, fetch it again; when the import is done, show its outcome.
  function follow() {
    var running = document.querySelector('[data-import-run]');
    if (!running || !window.fetch) return;
    setTimeout(function () {
      fetch(running.dataset.importRun, { credentials: 'same-origin' })
        .then(function (response) { return response.text(); })
        .then(function (html) {
          if (!replaceMain(html)) return;
          if (document.querySelector('[data-import-run]')) follow();
          else settled();
        })
        .catch(function () { follow(); });
    }, POLL_MS);
  }

  function init() {
    follow();
    var form = document.querySelector('form[data-upload]');
    if (!form || !window.FormData || !window.DOMParser || !window.XMLHttpRequest) return;
    var progress = document.getElementById('upload-progress');
    var status = document.getElementById('upload-status');
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      var data = new FormData(form);
      if (event.submitter && event.submitter.name) data.append(event.submitter.name, event.submitter.value);
      var buttons = form.querySelectorAll('button');
      buttons.forEach(function (b) { b.disabled = true; });
      form.setAttribute('aria-busy', 'true');
      progress.hidden = false;
      var xhr = new XMLHttpRequest();
      xhr.open('POST', form.action);
      xhr.upload.onprogress = function (e) {
        if (!e.lengthComputable) return;
        progress.max = e.total;
        progress.value = e.loaded;
        status.textContent = form.dataset.sending.replace('{pct}', String(Math.round((e.loaded * 100) / e.total)));
      };
      xhr.upload.onload = function () {
        progress.removeAttribute('value');
        status.textContent = form.dataset.checking;
      };
      xhr.onload = function () {
        if (!replaceMain(xhr.responseText)) { status.textContent = form.dataset.failed; return; }
        // The server answered by sending us on to the import's own page: show its address, so that a reload or a
        // bookmark finds this import (and its number is seen), as it would without JavaScript.
        if (xhr.responseURL && xhr.responseURL !== window.location.href && window.history.replaceState) {
          window.history.replaceState(null, '', xhr.responseURL);
        }
        if (document.querySelector('[data-import-run]')) follow();
        else settled();
      };
      xhr.onerror = function () {
        buttons.forEach(function (b) { b.disabled = false; });
        form.removeAttribute('aria-busy');
        progress.hidden = true;
        status.textContent = form.dataset.failed;
      };
      xhr.send(data);
    });
  }
  init();
})();
