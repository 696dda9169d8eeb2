// The Nazorg map: a circle per buurt with homes sold or owners' associations (VvE's), coloured by the worst VvE
// health there (grey without a VvE) and sized by the homes sold. It draws from the table under the map, which holds
// the same figures (and is what a screen reader or a page without script reads), so the map fetches nothing of its
// own. Works without the PDOK tiles (over the municipality outlines when they are imported). No inline script: loaded
// under a strict CSP.
(function () {
  'use strict';
  var element = document.getElementById('map');
  if (!element || !window.L) return;
  var table = document.getElementById(element.dataset.table);
  if (!table) return;
  var map = L.map(element, { minZoom: 6, maxZoom: 19 }).setView([52.2, 5.3], 7);
  var tiles = L.tileLayer('https://service.pdok.nl/brt/achtergrondkaart/wmts/v2_0/standaard/EPSG:3857/{z}/{x}/{y}.png', {
    minZoom: 6, maxZoom: 19, attribution: element.dataset.tilesCredit || 'Kaartgegevens &copy; Kadaster',
  }).addTo(map);
  // Without tiles, the municipality outlines show where the buurten are (outlines.js).
  if (window.volkshuisOutlines) window.volkshuisOutlines(map, tiles, element);
  var colours = { groen: '#1f6f3f', oranje: '#e0a800', rood: '#a4161a' };
  var order = { '': 0, groen: 1, oranje: 2, rood: 3 };

  // Data from the server is shown as text: an element whose textContent it is.
  function textNode(value) {
    var span = document.createElement('span');
    span.textContent = String(value);
    return span;
  }

  var rows = Array.prototype.slice.call(table.querySelectorAll('tbody tr[data-lat][data-lon]'));
  // Red drawn last, so the worst stands out where circles overlap.
  rows.sort(function (a, b) { return order[a.dataset.health || ''] - order[b.dataset.health || '']; });
  var bounds = [];
  rows.forEach(function (row) {
    var lat = parseFloat(row.dataset.lat);
    var lon = parseFloat(row.dataset.lon);
    if (!isFinite(lat) || !isFinite(lon)) return;
    var sold = parseInt(row.dataset.sold, 10) || 0;
    var health = row.dataset.health || '';
    var marker = L.circleMarker([lat, lon], {
      radius: 7 + Math.min(16, Math.round(Math.sqrt(sold) * 2)),
      weight: 2, color: '#ffffff', fillColor: colours[health] || '#6b7280', fillOpacity: 0.9,
      className: 'nazorg-buurt' + (health ? ' nazorg-' + health : ''),
    });
    marker.bindTooltip(textNode(row.dataset.label));
    // The circle leads to its row, where the buurt's VvE's are listed.
    marker.on('click', function () {
      row.scrollIntoView({ block: 'center' });
      var cell = row.querySelector('th');
      if (cell) { cell.setAttribute('tabindex', '-1'); cell.focus(); }
    });
    marker.addTo(map);
    bounds.push([lat, lon]);
  });
  if (bounds.length) map.fitBounds(bounds, { padding: [30, 30], maxZoom: 15 });
  element.dataset.loaded = String(bounds.length);
})();
