// Upload with progress: the stock form is sent in the background so the user sees the file go up and then the
// check running; the answer replaces the page's main part. Without JavaScript the form posts as usual.
(function () {
  'use strict';
  function init() {
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
        var doc = new DOMParser().parseFromString(xhr.responseText, 'text/html');
        var main = doc.querySelector('main');
        if (!main) { status.textContent = form.dataset.failed; return; }
        document.querySelector('main').replaceWith(main);
        document.body.dataset.uploads = String(Number(document.body.dataset.uploads || '0') + 1);
        var outcome = document.getElementById('import-outcome');
        if (outcome) outcome.focus();
        init();
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
