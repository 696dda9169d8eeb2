// Pickers (ADR 0035): each `[data-picker]` the server rendered as a select, a list of checkboxes or a text input for
// codes becomes a combobox that filters as the user types, following the WAI-ARIA combobox pattern (an editable
// combobox with a list popup): arrow keys move through the options, Enter chooses, Escape closes. The original
// control stays in the form, hidden, and holds the choice, so the form posts exactly what it posts without
// JavaScript. Also: `[data-show-if="field=a b"]` shows a part of a form only while that field has one of the values.
// The texts come from the Fluent files, served before this script as `window.VolkshuisPickerTexts`.
(function () {
  'use strict';
  if (window.VolkshuisPickers) return; // A page includes the script once per picker; it runs once.
  window.VolkshuisPickers = true;

  var texts = window.VolkshuisPickerTexts || {};
  var lang = document.documentElement.lang || 'nl';
  var plurals = window.Intl && Intl.PluralRules ? new Intl.PluralRules(lang) : null;
  var serial = 0;

  function say(template, values) {
    return String(template || '').replace(/\{(\w+)\}/g, function (_, key) {
      return values[key] === undefined ? '' : String(values[key]);
    });
  }

  function countText(n) {
    var one = plurals ? plurals.select(n) === 'one' : n === 1;
    return say(one ? texts.resultsOne : texts.resultsOther, { n: n });
  }

  // Case and accents do not matter when filtering: "linde" finds "De Linde", "eendracht" finds "Eéndracht".
  function fold(text) {
    return String(text).normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  }

  function splitCodes(text) {
    var out = [];
    String(text).split(/[,;\n]/).forEach(function (part) {
      part = part.trim();
      if (part && out.indexOf(part) < 0) out.push(part);
    });
    return out;
  }

  function make(tag, attributes, text) {
    var element = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) {
      element.setAttribute(name, attributes[name]);
    });
    if (text !== undefined) element.textContent = text;
    return element;
  }

  // Where the choice is kept: the original select, checkboxes or text input.
  function storeFor(root) {
    var select = root.querySelector('select');
    if (select) {
      return {
        control: select,
        options: function () {
          return Array.prototype.filter.call(select.options, function (o) { return o.value !== ''; }).map(function (o) {
            return { value: o.value, label: o.textContent.trim(), group: o.getAttribute('data-group') };
          });
        },
        chosen: function () { return select.value ? [select.value] : []; },
        set: function (values) {
          select.value = values.length ? values[0] : '';
          select.dispatchEvent(new Event('change', { bubbles: true }));
        },
        canClear: Array.prototype.some.call(select.options, function (o) { return o.value === ''; }),
      };
    }
    var boxes = root.querySelectorAll('input[type=checkbox]');
    if (boxes.length || root.querySelector('.picker-options')) {
      var labelOf = function (box) {
        var label = root.querySelector('label[for="' + box.id + '"]');
        return label ? label.textContent.trim() : box.value;
      };
      return {
        control: root.querySelector('.picker-options'),
        options: function () {
          return Array.prototype.map.call(boxes, function (b) {
            return { value: b.value, label: labelOf(b), group: b.getAttribute('data-group') };
          });
        },
        chosen: function () {
          return Array.prototype.filter.call(boxes, function (b) { return b.checked; }).map(function (b) { return b.value; });
        },
        set: function (values) {
          Array.prototype.forEach.call(boxes, function (b) { b.checked = values.indexOf(b.value) >= 0; });
          root.dispatchEvent(new Event('change', { bubbles: true }));
        },
        canClear: true,
      };
    }
    var input = root.querySelector('input[data-picker-search]');
    return {
      control: input,
      options: null, // Asked of the server.
      chosen: function () { return splitCodes(input.value); },
      set: function (values) {
        input.value = values.join(', ');
        input.dispatchEvent(new Event('change', { bubbles: true }));
      },
      canClear: true,
    };
  }

  function Picker(root) {
    var multiple = root.getAttribute('data-picker') === 'multiple';
    var store = storeFor(root);
    if (!store.control) return;
    var form = root.closest('form');
    var dependsName = root.getAttribute('data-picker-depends');
    var dependsParam = root.getAttribute('data-picker-param');
    var searchUrl = store.control.getAttribute && store.control.getAttribute('data-picker-search');
    var labels = {}; // value → label, for chips and the single choice's text.
    if (store.options) {
      store.options().forEach(function (o) { labels[o.value] = o.label; });
    } else {
      root.querySelectorAll('[data-picker-chosen] li').forEach(function (li) {
        labels[li.getAttribute('data-value')] = li.textContent;
      });
    }

    var n = ++serial;
    // `clusters-picker` → `clusters-combobox`; each picker's id is unique on its page (the server names them).
    var baseId = (root.id ? root.id.replace(/-picker$/, '') : 'picker-' + n) + '-combobox';
    var listId = 'picker-list-' + n;
    var label = root.querySelector('label[for="' + store.control.id + '"]') || root.querySelector('legend');
    var input = make('input', {
      type: 'text',
      id: baseId,
      class: 'picker-input',
      role: 'combobox',
      'aria-autocomplete': 'list',
      'aria-expanded': 'false',
      'aria-controls': listId,
      autocomplete: 'off',
      spellcheck: 'false',
    });
    var helpId = baseId + '-help';
    var help = make('p', { class: 'hint', id: helpId }, texts.searchHelp);
    var described = [helpId];
    var original = store.control.getAttribute('aria-describedby') || root.getAttribute('aria-describedby');
    if (original) described = original.split(' ').concat(described);
    input.setAttribute('aria-describedby', described.join(' '));
    if (store.control.getAttribute('aria-invalid') || root.querySelector('.field-error')) {
      input.setAttribute('aria-invalid', 'true');
    }
    if (label && label.tagName === 'LABEL') {
      label.htmlFor = baseId;
    } else if (label) {
      if (!label.id) label.id = baseId + '-label';
      input.setAttribute('aria-labelledby', label.id);
    }
    var list = make('ul', { id: listId, role: 'listbox', class: 'picker-list', hidden: '' });
    if (label) list.setAttribute('aria-labelledby', label.id || (label.id = baseId + '-label'));
    if (multiple) list.setAttribute('aria-multiselectable', 'true');
    var status = make('p', { class: 'sr-only', role: 'status', 'aria-live': 'polite' });
    var chips = multiple ? make('ul', { class: 'picker-chosen', 'aria-label': texts.chosen || '' }) : null;
    var box = make('div', { class: 'picker-box' });
    box.appendChild(input);
    box.appendChild(list);

    // The original control stays (it is what the form posts) but out of sight; a searching picker's text input
    // becomes a hidden field.
    if (store.control.tagName === 'INPUT') {
      store.control.type = 'hidden';
    } else {
      store.control.hidden = true;
    }
    var anchor = store.control;
    anchor.parentNode.insertBefore(help, anchor);
    if (chips) anchor.parentNode.insertBefore(chips, anchor);
    anchor.parentNode.insertBefore(box, anchor);
    anchor.parentNode.insertBefore(status, anchor);

    var shown = []; // The options in the list now.
    var active = -1;
    var timer = null;
    var asked = 0;

    function dependsValue() {
      if (!dependsName || !form) return null;
      var control = form.elements[dependsName];
      return control ? control.value : null;
    }

    function isOpen() {
      return input.getAttribute('aria-expanded') === 'true';
    }

    function close() {
      list.hidden = true;
      input.setAttribute('aria-expanded', 'false');
      input.removeAttribute('aria-activedescendant');
      active = -1;
    }

    function highlight(index) {
      var items = list.querySelectorAll('[role=option]');
      if (!items.length) return;
      active = (index + items.length) % items.length;
      Array.prototype.forEach.call(items, function (item, i) {
        item.classList.toggle('active', i === active);
        if (!multiple) item.setAttribute('aria-selected', i === active ? 'true' : 'false');
      });
      input.setAttribute('aria-activedescendant', items[active].id);
      items[active].scrollIntoView({ block: 'nearest' });
    }

    function render(options, note) {
      shown = options;
      list.textContent = '';
      var chosen = store.chosen();
      options.forEach(function (o, i) {
        var item = make('li', { id: listId + '-' + i, role: 'option', class: 'picker-option' }, o.label);
        item.setAttribute('aria-selected', multiple && chosen.indexOf(o.value) >= 0 ? 'true' : 'false');
        item.addEventListener('mousedown', function (event) { event.preventDefault(); }); // Keep the focus.
        item.addEventListener('click', function () { choose(i); });
        list.appendChild(item);
      });
      if (!options.length) list.appendChild(make('li', { class: 'picker-empty', role: 'presentation' }, texts.noResults));
      list.hidden = false;
      input.setAttribute('aria-expanded', 'true');
      active = -1;
      input.removeAttribute('aria-activedescendant');
      status.textContent = note || (options.length ? countText(options.length) : texts.noResults);
    }

    // 0 when the text begins the option's value, its label or a word of it ("Linde" for "De Linde"), 1 when it
    // is only inside ("De Vlinderhof"): the server's search ranks alike.
    function rank(o, wanted) {
      var label = fold(o.label);
      var begins = label.indexOf(wanted) === 0 || fold(o.value).indexOf(wanted) === 0;
      return begins || label.indexOf(' ' + wanted) >= 0 || label.indexOf('(' + wanted) >= 0 ? 0 : 1;
    }

    function embeddedMatches(query) {
      var wanted = fold(query.trim());
      var group = dependsValue();
      var found = store.options().filter(function (o) {
        // No corporation chosen yet: every option shows (each names its corporation's stock by its heading).
        if (group && o.group && o.group !== group) return false;
        return !wanted || fold(o.label).indexOf(wanted) >= 0 || fold(o.value).indexOf(wanted) >= 0;
      });
      if (!wanted) return found;
      // A stable sort: within a rank the options keep the page's order.
      return found
        .map(function (o, i) { return { o: o, rank: rank(o, wanted), i: i }; })
        .sort(function (a, b) { return a.rank - b.rank || a.i - b.i; })
        .map(function (x) { return x.o; });
    }

    function search(query, then) {
      var ask = ++asked;
      var url = new URL(searchUrl, window.location.href);
      url.searchParams.set('q', query.trim());
      var group = dependsValue();
      if (dependsParam && group) url.searchParams.set(dependsParam, group);
      fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
        .then(function (response) {
          if (!response.ok) throw new Error(String(response.status));
          return response.json();
        })
        .then(function (answer) {
          if (ask !== asked) return; // A later search answered first or will.
          answer.options.forEach(function (o) { labels[o.value] = o.label; });
          then(answer.options, answer.more ? texts.more : null);
        })
        .catch(function () {
          if (ask === asked) render([], texts.failed);
        });
    }

    function open(query) {
      if (store.options) {
        render(embeddedMatches(query));
        return Promise.resolve();
      }
      return new Promise(function (done) {
        search(query, function (options, note) {
          render(options, note);
          done();
        });
      });
    }

    function showChoice() {
      if (multiple) {
        chips.textContent = '';
        store.chosen().forEach(function (value) {
          var text = labels[value] || value;
          var chip = make('li', { class: 'picker-chip' });
          chip.appendChild(make('span', {}, text));
          var remove = make('button', { type: 'button', class: 'picker-remove', 'aria-label': say(texts.remove, { label: text }) }, '×');
          remove.addEventListener('click', function () {
            store.set(store.chosen().filter(function (v) { return v !== value; }));
            showChoice();
            status.textContent = say(texts.removed, { label: text });
            input.focus();
          });
          chip.appendChild(remove);
          chips.appendChild(chip);
        });
        chips.hidden = !chips.children.length;
      } else {
        var value = store.chosen()[0];
        input.value = value ? labels[value] || value : '';
      }
    }

    function choose(index) {
      var option = shown[index];
      if (!option) return;
      if (multiple) {
        var chosen = store.chosen();
        var had = chosen.indexOf(option.value) >= 0;
        store.set(had ? chosen.filter(function (v) { return v !== option.value; }) : chosen.concat([option.value]));
        input.value = '';
        status.textContent = say(had ? texts.removed : texts.added, { label: option.label });
      } else {
        store.set([option.value]);
      }
      close();
      showChoice();
    }

    input.addEventListener('input', function () {
      if (store.options) {
        open(input.value);
      } else {
        clearTimeout(timer);
        timer = setTimeout(function () { open(input.value); }, 150);
      }
    });

    input.addEventListener('keydown', function (event) {
      switch (event.key) {
        case 'ArrowDown':
        case 'ArrowUp': {
          event.preventDefault();
          var step = event.key === 'ArrowDown' ? 1 : -1;
          if (!isOpen()) {
            // Opening shows the choices for what is typed (all of them for an empty field or a shown choice).
            var query = multiple || !store.chosen().length ? input.value : '';
            open(query).then(function () {
              if (!event.altKey) highlight(step > 0 ? 0 : shown.length - 1);
            });
          } else {
            highlight(active < 0 ? (step > 0 ? 0 : shown.length - 1) : active + step);
          }
          break;
        }
        case 'Enter':
          if (isOpen()) {
            event.preventDefault(); // Choosing does not send the form; a second Enter does.
            if (active >= 0) choose(active);
            else close();
          }
          break;
        case 'Escape':
          if (isOpen()) {
            event.preventDefault();
            close();
          } else if (multiple) {
            input.value = '';
          } else {
            showChoice();
          }
          break;
        case 'Tab':
          close();
          break;
        default:
      }
    });

    input.addEventListener('blur', function () {
      close();
      if (!multiple) {
        if (!input.value.trim() && store.canClear && store.chosen().length) {
          store.set([]);
        }
        showChoice();
      }
    });

    if (dependsName && form && form.elements[dependsName]) {
      form.elements[dependsName].addEventListener('change', function () {
        // Another corporation: what was chosen from the first one's stock no longer applies.
        var group = dependsValue();
        if (store.options) {
          var keep = store.options().filter(function (o) { return !o.group || o.group === group; }).map(function (o) { return o.value; });
          store.set(store.chosen().filter(function (v) { return keep.indexOf(v) >= 0; }));
        } else {
          store.set([]);
        }
        showChoice();
      });
    }

    showChoice();
  }

  // Parts of a form that belong to one choice (the kind of a contribution, the kind of area).
  function conditions() {
    var parts = document.querySelectorAll('[data-show-if]');
    if (!parts.length) return;
    function update() {
      parts.forEach(function (part) {
        var rule = part.getAttribute('data-show-if').split('=');
        var form = part.closest('form');
        var control = form && form.elements[rule[0]];
        if (!control) return;
        part.hidden = rule[1].split(' ').indexOf(control.value) < 0;
      });
    }
    document.addEventListener('change', update);
    update();
  }

  document.querySelectorAll('[data-picker]').forEach(function (root) { Picker(root); });
  conditions();
})();
