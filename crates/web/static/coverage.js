// The coverage map: grid squares below street level and single complexes closer in, each red where tenants have no
// voice (drawn last and larger, so blind spots stand out), amber where only informal groups speak, green where a
// recognised body does. Works without the PDOK tiles (over municipality outlines when they are imported). No inline
// script: loaded under a strict CSP.
(function () {
  'use strict';
  var element = document.getElementById('coverage-map');
  if (!element || !window.L) return;
  var status = document.getElementById('map-status');
  var map = L.map(element, { minZoom: 6, maxZoom: 19 }).setView([52.2, 5.3], 7);
  var tiles = L.tileLayer('https://service.pdok.nl/brt/achtergrondkaart/wmts/v2_0/standaard/EPSG:3857/{z}/{x}/{y}.png', {
    minZoom: 6, maxZoom: 19, attribution: element.dataset.tilesCredit || 'Kaartgegevens &copy; Kadaster',
  }).addTo(map);
  // Without tiles, the municipality outlines show where the complexes are (outlines.js).
  if (window.volkshuisOutlines) window.volkshuisOutlines(map, tiles, element);
  var layer = L.layerGroup().addTo(map);
  var colours = { formal: '#1f6f3f', informal: '#e0a800', none: '#a4161a' };
  var order = { formal: 0, informal: 1, none: 2 };
  var generation = 0;
  var first = true;

  // Data from the server is shown as text: an element whose textContent it is.
  function textNode(value) {
    var span = document.createElement('span');
    span.textContent = String(value);
    return span;
  }

  function load() {
    var mine = ++generation;
    // The markers on the map are about to be replaced: not drawn for this view until they are.
    delete element.dataset.loaded;
    var b = map.getBounds();
    var url = element.dataset.url + '&zoom=' + map.getZoom() + '&bbox=' +
      [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()].map(function (v) { return v.toFixed(5); }).join(',');
    fetch(url, { credentials: 'same-origin' })
      .then(function (response) { return response.json(); })
      .then(function (data) {
        if (mine !== generation) return;
        layer.clearLayers();
        var features = data.features.slice().sort(function (a, b) {
          return order[a.properties['class']] - order[b.properties['class']];
        });
        var bounds = [];
        features.forEach(function (f) {
          var p = f.properties;
          var c = f.geometry.coordinates;
          var units = p.formal + p.informal + p.none;
          var marker = L.circleMarker([c[1], c[0]], {
            radius: (p['class'] === 'none' ? 9 : 6) + Math.min(14, Math.round(Math.sqrt(units) / 3)),
            weight: 2, color: '#ffffff', fillColor: colours[p['class']], fillOpacity: 0.9,
            className: 'coverage-' + p['class'],
          });
          // The label holds names from a corporation's file: text, never markup (a string would be read as HTML).
          marker.bindTooltip(textNode(p.label));
          if (data.mode === 'grid') {
            marker.on('click', function () { map.setView([c[1], c[0]], Math.min(map.getZoom() + 2, 13)); });
          }
          layer.addLayer(marker);
          described(marker, p.label, data.mode === 'grid' ? function () {
            map.setView([c[1], c[0]], Math.min(map.getZoom() + 2, 13));
          } : null);
          bounds.push([c[1], c[0]]);
        });
        if (status) status.textContent = '';
        if (first && bounds.length === 1 && data.mode === 'grid') {
          // One square holds the whole stock (a corporation in one region): zoom in on it until the stock splits
          // into squares or complexes. Fitting the view to the square's mean point alone would land between the
          // towns, on nothing.
          map.setView(bounds[0], map.getZoom() + 2);
        } else if (first && bounds.length) {
          first = false;
          map.fitBounds(bounds, { padding: [30, 30], maxZoom: 15 });
        } else {
          // Only a view that stays is marked drawn: after a move, its end loads again and replaces these markers, so
          // whoever waits for the map (a reader's tooltip, a browser test) would otherwise point at markers that are
          // about to go.
          element.dataset.loaded = String(features.length);
        }
      })
      .catch(function () { if (status) status.textContent = '⚠'; });
  }
  // A dot is a keyboard stop: it is named by its label (a screen reader announced nothing), shows its tooltip while
  // it has the focus, and a square of the grid zooms in on Enter or Space as on a click.
  function described(marker, label, zoom) {
    var el = marker.getElement && marker.getElement();
    if (!el) return;
    el.setAttribute('aria-label', label);
    el.setAttribute('role', zoom ? 'button' : 'img');
    el.addEventListener('focus', function () { marker.openTooltip(); });
    el.addEventListener('blur', function () { marker.closeTooltip(); });
    if (zoom) {
      el.addEventListener('keydown', function (e) {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          zoom();
        }
      });
    }
  }
  map.on('moveend', load);
  load();
})();
