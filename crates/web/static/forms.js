// A page that comes back with what the user typed and why it was not accepted (a 422): its title says so first (what
// a screen reader reads out, what a tab shows), and the field of the first error gets the focus, so a keyboard or
// screen-reader user lands on what to fix instead of the top of the page. A message that announces itself
// (role=alert) is not focused as well: it would be read twice. A step that asks to confirm an answer shows a summary
// of what it does: the focus goes to that summary, so what is read next is what confirming does (it stayed at the
// top of the page); so does what a step made and shows once (`data-focus`). A date field's written format is hinted
// only where the browser has no date picker. Text typed in one of a page's forms is put back after another of its
// forms was sent (keepDrafts). No inline script: loaded under a strict CSP.
(function () {
  'use strict';
  hideDateHints();
  keepDrafts();
  var errors = document.querySelectorAll('main .field-error, main .error-summary, main .error[role=alert]');
  if (!errors.length) {
    focusConfirmation();
    return;
  }
  var prefix = document.body.getAttribute('data-error-title');
  if (prefix && document.title.indexOf(prefix) !== 0) document.title = prefix + ' ' + document.title;

  function visible(el) {
    return el && el.offsetParent !== null;
  }

  // The field a message belongs to: the one it describes (a fieldset's first field: a fieldset takes no focus, and
  // the answer's radio buttons were left without it), else the first field of its own field or fieldset.
  function fieldOf(message) {
    var described = message.id ? document.querySelectorAll('[aria-describedby~="' + message.id + '"]') : [];
    for (var i = 0; i < described.length; i++) {
      var field = firstField(described[i]);
      if (field) return field;
    }
    var group = message.closest('.field, fieldset');
    return group ? firstField(group) : null;
  }

  // The element itself when it is a visible field, else the first visible field inside it. A disabled field takes
  // no focus (the opener's own box among a cycle's parties came first, and the focus went nowhere).
  function firstField(el) {
    var editable = 'input:not([type=hidden]):not([disabled]), select:not([disabled]), textarea:not([disabled])';
    if (el.matches(editable)) return visible(el) ? el : null;
    var fields = el.querySelectorAll(editable);
    for (var j = 0; j < fields.length; j++) if (visible(fields[j])) return fields[j];
    return null;
  }

  for (var k = 0; k < errors.length; k++) {
    var field = fieldOf(errors[k]);
    if (field) {
      field.focus();
      return;
    }
  }
  var first = errors[0];
  if (first.getAttribute('role') === 'alert') return;
  first.setAttribute('tabindex', '-1');
  first.focus();

  // The summary of a step whose button confirms an answer (`name=confirmed`), if the page is such a step: in the
  // form, or above it on a page of its own; else the summary of a confirmation section whose forms carry the answer
  // as hidden fields (Nazorg's talk and buy-back).
  function focusConfirmation() {
    var button = document.querySelector('main button[name=confirmed]');
    if (!button) {
      // Else what the step just made and shows once (a new API key's secret: the focus stayed at the top of the
      // page, above the key list).
      var section = document.querySelector('main [data-confirm] [data-summary], main [data-focus]');
      if (section) {
        section.setAttribute('tabindex', '-1');
        section.focus();
      }
      return;
    }
    // The summary of the button's own form (the form may be it), else the page's (a step on a page of its own); not
    // any list that happens to carry the attribute.
    var form = button.form;
    var summary = form && (form.matches('[data-summary]') ? form : form.querySelector('[data-summary]'));
    summary = summary || document.querySelector('main .summary[data-summary]');
    if (!summary) return;
    summary.setAttribute('tabindex', '-1');
    summary.focus();
  }

  // A date field's written format ("dd-mm-jjjj") is for browsers without a date picker. A browser with one shows the
  // date in its own locale's order (mm/dd/yyyy in an American one), and the hint above it then contradicted what the
  // field shows and takes: where the field is a real date input, the hint goes, from sight and from the field's
  // description.
  function hideDateHints() {
    var hints = document.querySelectorAll('[data-date-hint]');
    for (var i = 0; i < hints.length; i++) {
      var hint = hints[i];
      var input = document.querySelector('input[aria-describedby~="' + hint.id + '"]');
      if (!input || input.type !== 'date') continue;
      hint.hidden = true;
      var rest = input.getAttribute('aria-describedby').split(/\s+/).filter(function (id) {
        return id && id !== hint.id;
      });
      if (rest.length) input.setAttribute('aria-describedby', rest.join(' '));
      else input.removeAttribute('aria-describedby');
    }
  }

  // A page with several forms (an Overleg case: the answer, a question, a comment) is sent one form at a time, and the
  // page that comes back held only what was typed in the form that was sent: an answer half written was lost by
  // asking a question. A field marked `data-draft` is kept in this tab's session storage while it is typed, beside
  // the text the page first showed in it, and put back, with a note, when the page comes back showing that same text
  // (a text saved meanwhile, by anyone, wins). A draft is keyed by its form's address, which is the same on the page
  // and on an error page drawn at the address a form was sent to. Sending the field's own form marks its draft sent:
  // the next page drops it if it shows no error (saved) or shows the text back (refused, with what was typed), and
  // puts it back if it was refused without it. Signing out, or the login page (a session that ended by itself),
  // removes all, so whoever uses the computer next finds nothing; an error page drawn without the signed-in header
  // (a busy database) keeps them. Not used on pages about persons (ADR 0068).
  function keepDrafts() {
    var prefix = 'volkshuis-draft:';
    var store;
    try {
      store = window.sessionStorage;
      if (!store) return;
      store.getItem(prefix);
    } catch (e) {
      return;
    }
    if (document.querySelector('main form[action="/login"]')) {
      removeAll();
      return;
    }
    var logout = document.querySelector('form.logout');
    if (!logout) return;
    logout.addEventListener('submit', removeAll);
    var refused = document.querySelector('main .field-error, main .error-summary, main .error[role=alert]') !== null;
    var fields = document.querySelectorAll('main textarea[data-draft]');
    var forms = [];
    for (var i = 0; i < fields.length; i++) {
      keep(fields[i], true);
      var form = fields[i].form;
      if (form && form.hasAttribute('data-draft-fields') && forms.indexOf(form) < 0) forms.push(form);
    }
    // The other typed fields of a form that asks for it (`data-draft-fields`: a note's kind and title, a
    // commitment's unit) come back with its text, without a note of their own. Only forms without an answer of legal
    // effect ask: a decision, consent or advice is never put back, in a select either (it is chosen anew, as the law
    // asks); nor are choices by button or box, files, secrets or the form's own hidden fields.
    var typed = 'input[type=text][id], input[type=number][id], input[type=date][id], input:not([type])[id], select[id]';
    for (var f = 0; f < forms.length; f++) {
      var others = forms[f].querySelectorAll(typed);
      for (var o = 0; o < others.length; o++) keep(others[o], false);
    }

    function keep(field, noted) {
      var where = field.form ? field.form.getAttribute('action') : location.pathname;
      var key = prefix + where + '#' + field.id;
      var shown = field.value;
      var kept = read(key);
      if (kept && putBack(kept, shown)) {
        field.value = kept.text;
        save(key, { shown: shown, text: kept.text });
        if (noted) tell(field);
      } else if (kept) {
        remove(key);
      }
      field.addEventListener(field.tagName === 'SELECT' ? 'change' : 'input', function () {
        if (field.value !== shown) save(key, { shown: shown, text: field.value });
        else remove(key);
      });
      if (field.form) {
        field.form.addEventListener('submit', function () {
          if (field.value !== shown) save(key, { shown: shown, text: field.value, sent: true });
          else remove(key);
        });
      }
    }

    // Whether a kept text goes back into a field that now shows `shown`.
    function putBack(kept, shown) {
      if (kept.text === shown) return false;
      if (!kept.sent) return kept.shown === shown;
      return refused && (shown === kept.shown || shown === '');
    }

    function read(key) {
      try {
        var kept = JSON.parse(store.getItem(key) || 'null');
        return kept && typeof kept.shown === 'string' && typeof kept.text === 'string' ? kept : null;
      } catch (e) {
        return null;
      }
    }

    // A full or refused storage (a private window in an old Safari) keeps nothing, and says nothing either.
    function save(key, draft) {
      try {
        store.setItem(key, JSON.stringify(draft));
      } catch (e) {
        remove(key);
      }
    }

    function remove(key) {
      try {
        store.removeItem(key);
      } catch (e) {
        // Nothing kept, nothing to remove.
      }
    }

    // A line under the field says the text was put back, read with the field (aria-describedby).
    function tell(field) {
      var text = document.body.getAttribute('data-draft-restored');
      if (!text || !field.id) return;
      var note = document.createElement('p');
      note.className = 'hint draft-restored';
      note.id = field.id + '-restored';
      note.textContent = text;
      field.insertAdjacentElement('afterend', note);
      var described = field.getAttribute('aria-describedby');
      field.setAttribute('aria-describedby', described ? described + ' ' + note.id : note.id);
    }

    function removeAll() {
      var keys = [];
      try {
        for (var j = 0; j < store.length; j++) {
          var name = store.key(j);
          if (name && name.indexOf(prefix) === 0) keys.push(name);
        }
      } catch (e) {
        return;
      }
      keys.forEach(remove);
    }
  }
})();
