// The stock map: clusters from the server per zoom level, single units at street level. Works without the PDOK
// background tiles (the data is drawn over municipality outlines, or a plain background when none are imported). No
// inline script: loaded under a strict CSP.
(function () {
  'use strict';
  var element = document.getElementById('map');
  if (!element || !window.L) return;
  var status = document.getElementById('map-status');
  var map = L.map(element, { minZoom: 6, maxZoom: 19 });
  var tiles = L.tileLayer('https://service.pdok.nl/brt/achtergrondkaart/wmts/v2_0/standaard/EPSG:3857/{z}/{x}/{y}.png', {
    minZoom: 6,
    maxZoom: 19,
    attribution: element.dataset.tilesCredit || 'Kaartgegevens &copy; Kadaster',
  }).addTo(map);
  // Without tiles, the municipality outlines show where the units are (outlines.js).
  if (window.volkshuisOutlines) window.volkshuisOutlines(map, tiles, element);
  var layer = L.layerGroup().addTo(map);
  var bbox = (element.dataset.bbox || '').split(',').map(Number);
  if (bbox.length === 4 && bbox.every(isFinite)) {
    map.fitBounds([[bbox[1], bbox[0]], [bbox[3], bbox[2]]], { padding: [20, 20] });
  } else {
    map.setView([52.2, 5.3], 7);
  }

  function cluster(feature) {
    var p = feature.properties;
    var size = 26 + Math.min(30, Math.round(Math.log10(p.units + 1) * 10));
    // Built as an element, not as markup: text from the server stays text.
    var count = document.createElement('span');
    count.textContent = String(Number(p.units));
    var icon = L.divIcon({
      className: 'vh-cluster',
      html: count,
      iconSize: [size, size],
    });
    var c = feature.geometry.coordinates;
    var marker = L.marker([c[1], c[0]], { icon: icon, keyboard: true, title: p.units + ' ' + (Number(p.units) === 1 ? element.dataset.unitWord : element.dataset.unitsWord) });
    marker.on('click', function () { map.setView([c[1], c[0]], Math.min(map.getZoom() + 2, 16)); });
    return marker;
  }

  function unit(feature) {
    var p = feature.properties;
    var c = feature.geometry.coordinates;
    var marker = L.circleMarker([c[1], c[0]], {
      radius: 7, weight: 2, color: '#0b5a8a', fillColor: p.label === 'DAE' ? '#0b5a8a' : '#f0a500', fillOpacity: 0.8,
    });
    var link = document.createElement('a');
    // Only a path on this site (never a `javascript:` or another site's address).
    if (typeof p.url === 'string' && p.url.charAt(0) === '/' && p.url.charAt(1) !== '/') link.href = p.url;
    link.textContent = p.address;
    marker.bindPopup(link);
    return marker;
  }

  var generation = 0;
  function load() {
    var mine = ++generation;
    var b = map.getBounds();
    var url = element.dataset.url + '?zoom=' + map.getZoom() + '&bbox=' +
      [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()].map(function (v) { return v.toFixed(5); }).join(',');
    fetch(url, { credentials: 'same-origin' })
      .then(function (response) { return response.json(); })
      .then(function (data) {
        if (mine !== generation) return;
        layer.clearLayers();
        data.features.forEach(function (f) { layer.addLayer(data.mode === 'units' ? unit(f) : cluster(f)); });
        element.dataset.mode = data.mode;
        element.dataset.features = String(data.features.length);
        if (status) status.textContent = data.summary;
      })
      .catch(function () { if (status) status.textContent = element.dataset.failed; });
  }
  map.on('moveend', load);
  load();
})();
