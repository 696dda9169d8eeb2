// Municipality outlines under a map's data when the PDOK background tiles cannot load (offline, or the tile host
// blocked): land drawn light on a water-blue background, the gemeenten's borders as thin lines and their names where
// they fit, fetched for the view from the server. With no boundaries imported the server sends none and the map stays
// as it was. The land lies below the tile pane and the borders just above it, so tiles that do load cover the land and
// keep only a thin border line on top. Used by map.js and coverage.js; no inline script: loaded under a strict CSP.
(function () {
  'use strict';
  if (!window.L) return;

  /** Watches `tiles` on `map`; when they fail, draws the outlines from `element.dataset.outlines`. */
  window.volkshuisOutlines = function (map, tiles, element) {
    var url = element.dataset.outlines;
    if (!url) return;
    var shown = false;
    var failed = false;
    var tileLoaded = false;
    var generation = 0;
    map.createPane('vhLand').style.zIndex = 150;
    map.createPane('vhOutlines').style.zIndex = 250;
    var names = map.createPane('vhOutlineNames');
    names.style.zIndex = 260;
    // The names repeat what the outlines show; a screen reader has the map's own summary.
    names.setAttribute('aria-hidden', 'true');
    var land = L.layerGroup();
    var borders = L.layerGroup();
    var labels = L.layerGroup();

    function note() {
      if (!element.dataset.tilesMissing || document.getElementById(element.id + '-tiles-missing')) return;
      var p = document.createElement('p');
      p.id = element.id + '-tiles-missing';
      p.className = 'hint map-tiles-missing';
      p.textContent = element.dataset.tilesMissing;
      element.parentNode.insertBefore(p, element.nextSibling);
    }

    // A name goes on the map when the gemeente is wide enough on screen to hold it.
    function fits(properties) {
      var b = properties.bbox;
      var middle = (b[1] + b[3]) / 2;
      var width = map.latLngToLayerPoint([middle, b[2]]).x - map.latLngToLayerPoint([middle, b[0]]).x;
      return width > String(properties.name).length * 7 + 16;
    }

    function label(properties) {
      var span = document.createElement('span');
      // Names come from the imported file: text, never markup.
      span.textContent = String(properties.name);
      var icon = L.divIcon({ className: 'vh-outline-name', html: span, iconSize: null });
      return L.marker([properties.label[1], properties.label[0]], {
        icon: icon, pane: 'vhOutlineNames', interactive: false, keyboard: false,
      });
    }

    function load() {
      var mine = ++generation;
      var b = map.getBounds().pad(0.2);
      var view = [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()].map(function (v) {
        return Math.max(-180, Math.min(180, v)).toFixed(5);
      });
      fetch(url + '?zoom=' + map.getZoom() + '&bbox=' + view.join(','), { credentials: 'same-origin' })
        .then(function (response) { return response.ok ? response.json() : { features: [] }; })
        .then(function (data) {
          if (mine !== generation) return;
          land.clearLayers();
          borders.clearLayers();
          labels.clearLayers();
          var features = data.features || [];
          if (features.length) {
            land.addLayer(L.geoJSON(data, {
              pane: 'vhLand', interactive: false,
              style: { className: 'vh-land', stroke: false, fillColor: '#f6f4ee', fillOpacity: 1 },
            }));
            borders.addLayer(L.geoJSON(data, {
              pane: 'vhOutlines', interactive: false,
              style: { className: 'vh-outline', color: '#7b8794', weight: 1, fill: false },
            }));
          }
          features.forEach(function (f) { if (fits(f.properties)) labels.addLayer(label(f.properties)); });
          // Say why the map looks as it does only when there is something to see.
          if (features.length) note();
          element.setAttribute('data-outlines-drawn', String(features.length));
        })
        // Without outlines the map still shows its data on the plain background.
        .catch(function () { element.setAttribute('data-outlines-drawn', '0'); });
    }

    function show() {
      if (shown) return;
      shown = true;
      element.classList.add('vh-tiles-missing');
      [land, borders, labels].forEach(function (layer) { layer.addTo(map); });
      map.on('moveend', load);
      load();
    }

    // Tiles that were only slow after all: the map is whole again.
    function hide() {
      shown = false;
      generation++;
      element.classList.remove('vh-tiles-missing');
      [land, borders, labels].forEach(function (layer) { map.removeLayer(layer); });
      map.off('moveend', load);
      var p = document.getElementById(element.id + '-tiles-missing');
      if (p) p.parentNode.removeChild(p);
    }

    tiles.on('tileload', function () {
      tileLoaded = true;
      if (shown && !failed) hide();
    });
    tiles.on('tileerror', function () {
      failed = true;
      show();
    });
    if (navigator.onLine === false) show();
    // A blocked host may not answer at all: no tile within a few seconds counts as none.
    window.setTimeout(function () { if (!tileLoaded) show(); }, 4000);
  };
})();
