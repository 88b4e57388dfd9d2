// The report's only script, inlined in the page: reads the data island, filters, draws the lists.
// Rows are arrays in the order the data names (`fields`); only the shown part of a list is drawn,
// a page at a time, so the page stays fast with 100,000 events.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("report-data").textContent);
  var F = {};
  data.event_fields.forEach(function (name, i) { F[name] = i; });
  var D = {};
  data.document_fields.forEach(function (name, i) { D[name] = i; });
  var PAGE = 200;
  var events = data.events, docs = data.documents;
  var filters = { type: "", status: "", language: "", actor: "", place: "", source: "" };
  var shown = { dated: PAGE, undated: PAGE };
  var matches = { dated: [], undated: [] };

  function esc(s) {
    return String(s).replace(/[&<>"]/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" }[c];
    });
  }
  function byId(id) { return document.getElementById(id); }

  // The evidence with its date expression marked (and the trigger, where it is found after it).
  function evidence(ev) {
    var s = ev[F.sentence] || "", dt = ev[F.date_text], tr = ev[F.trigger];
    var marks = [];
    var at = dt ? s.indexOf(dt) : -1;
    if (at >= 0) marks.push([at, at + dt.length, "date"]);
    if (tr) {
      var t = s.indexOf(tr);
      if (t >= 0 && (at < 0 || t + tr.length <= at || t >= at + dt.length)) marks.push([t, t + tr.length, "trigger"]);
    }
    marks.sort(function (a, b) { return a[0] - b[0]; });
    var out = "", pos = 0;
    marks.forEach(function (m) {
      out += esc(s.slice(pos, m[0]));
      out += m[2] === "date" ? '<mark class="date" title="date expression">' + esc(s.slice(m[0], m[1])) + "</mark>"
                             : '<b class="trigger" title="trigger">' + esc(s.slice(m[0], m[1])) + "</b>";
      pos = m[1];
    });
    return out + esc(s.slice(pos));
  }

  function list(label, items) {
    if (!items || !items.length) return "";
    return '<span class="facet"><span class="label">' + label + "</span> " + items.map(esc).join("; ") + "</span>";
  }

  function eventHtml(ev) {
    var start = ev[F.date_start], end = ev[F.date_end];
    var when = start ? (start === end ? start : start + " .. " + end) : "undated";
    var doc = docs[ev[F.doc]] || [];
    var name = doc[D.source_name] || "?";
    var title = doc[D.title] ? " — " + doc[D.title] : "";
    return '<article class="event status-' + esc(ev[F.status]) + '">' +
      '<div class="meta"><span class="period">' + esc(when) + "</span>" +
      '<span class="precision" title="precision (' + esc(ev[F.date_source]) + ')">' + esc(ev[F.precision]) + "</span>" +
      '<span class="type">' + esc(ev[F.type]) + "</span>" +
      '<span class="status">' + esc(ev[F.status]) + "</span>" +
      '<span class="lang">' + esc(ev[F.language]) + "</span></div>" +
      '<p class="evidence">' + evidence(ev) + "</p>" +
      '<div class="facets">' + list("actors", ev[F.actors]) + list("places", ev[F.locations]) +
      list("quantities", ev[F.quantities]) + "</div>" +
      '<a class="source" href="#doc-' + ev[F.doc] + '">' + esc(name + title) + "</a></article>";
  }

  function has(values, needle) {
    if (!needle) return true;
    if (!values) return false;
    for (var i = 0; i < values.length; i++) if (values[i].toLowerCase().indexOf(needle) >= 0) return true;
    return false;
  }

  function keep(ev) {
    if (filters.type && ev[F.type] !== filters.type) return false;
    if (filters.status && ev[F.status] !== filters.status) return false;
    if (filters.language && ev[F.language] !== filters.language) return false;
    if (!has(ev[F.actors], filters.actor)) return false;
    if (!has(ev[F.locations], filters.place)) return false;
    if (filters.source) {
      var doc = docs[ev[F.doc]] || [];
      var name = ((doc[D.source_name] || "") + " " + (doc[D.title] || "")).toLowerCase();
      if (name.indexOf(filters.source) < 0) return false;
    }
    return true;
  }

  function drawDated() {
    var rows = matches.dated, n = Math.min(rows.length, shown.dated), html = [], month = null;
    for (var i = 0; i < n; i++) {
      var ev = events[rows[i]], m = ev[F.date_start].slice(0, 7);
      if (m !== month) {
        if (month !== null) html.push("</div>");
        html.push('<h3 class="month">' + m + '</h3><div class="events">');
        month = m;
      }
      html.push(eventHtml(ev));
    }
    if (month !== null) html.push("</div>");
    byId("dated").innerHTML = html.join("");
    byId("more-dated").hidden = n >= rows.length;
  }

  function drawUndated() {
    var rows = matches.undated, n = Math.min(rows.length, shown.undated), html = [];
    for (var i = 0; i < n; i++) html.push(eventHtml(events[rows[i]]));
    byId("undated-list").innerHTML = html.join("");
    byId("more-undated").hidden = n >= rows.length;
  }

  function apply() {
    matches.dated = []; matches.undated = [];
    for (var i = 0; i < events.length; i++) {
      var ev = events[i];
      if (keep(ev)) (ev[F.date_start] ? matches.dated : matches.undated).push(i);
    }
    shown.dated = PAGE; shown.undated = PAGE;
    drawDated(); drawUndated();
    var total = matches.dated.length + matches.undated.length;
    byId("count").textContent = total + " of " + events.length + " events match (" +
      matches.dated.length + " dated, " + matches.undated.length + " undated)";
    byId("count-dated").textContent = Math.min(shown.dated, matches.dated.length) + " of " + matches.dated.length + " shown";
    byId("count-undated").textContent = Math.min(shown.undated, matches.undated.length) + " of " + matches.undated.length + " shown";
  }

  function more(which) {
    shown[which] += PAGE;
    if (which === "dated") drawDated(); else drawUndated();
    byId("count-" + which).textContent = Math.min(shown[which], matches[which].length) + " of " + matches[which].length + " shown";
  }

  var DOCS_FIRST = 500;  // documents drawn at first; all of them on "show all" or a link to one further down

  function drawDocuments(all) {
    var n = all ? docs.length : Math.min(docs.length, DOCS_FIRST);
    var html = docs.slice(0, n).map(function (d, i) {
      var link = d[D.url] ? '<a href="' + esc(d[D.url]) + '">' + esc(d[D.url]) + "</a>" : "";
      var key = d[D.source_key] || "";
      var file = key.charAt(0) === "/" && key.indexOf("#") < 0
        ? '<a href="file://' + esc(encodeURI(key)) + '">file</a>' : esc(key);
      return '<tr id="doc-' + i + '"><td>' + esc(d[D.source_name]) + "</td><td>" + esc(d[D.title] || "") +
        "</td><td>" + esc(d[D.published] || "unknown") + "</td><td>" + esc(d[D.language]) + "</td><td>" +
        d[D.events] + "</td><td>" + file + " " + link + "</td></tr>";
    });
    byId("documents-body").innerHTML = html.join("");
    byId("more-documents").hidden = n >= docs.length;
  }

  // A link to a document not drawn yet: draw them all, then let the browser go to it.
  document.addEventListener("click", function (ev) {
    var link = ev.target.closest && ev.target.closest("a.source");
    if (!link) return;
    var target = link.getAttribute("href").slice(1);
    if (!byId(target)) {
      drawDocuments(true);
      byId(target).scrollIntoView();
      location.hash = target;
      ev.preventDefault();
    }
  });

  function drawRejected() {
    byId("rejected-body").innerHTML = data.rejected.map(function (r) {
      return "<tr><td>" + esc(r.source_name) + "</td><td>" + esc(r.stage) + "</td><td>" + esc(r.reason) +
        "</td><td>" + esc(r.rejected_at || "") + "</td></tr>";
    }).join("");
  }

  ["type", "status", "language", "actor", "place", "source"].forEach(function (name) {
    var input = byId("filter-" + name);
    input.addEventListener(input.tagName === "SELECT" ? "change" : "input", function () {
      filters[name] = input.tagName === "SELECT" ? input.value : input.value.trim().toLowerCase();
      apply();
    });
  });
  byId("filter-reset").addEventListener("click", function () {
    Object.keys(filters).forEach(function (name) { filters[name] = ""; byId("filter-" + name).value = ""; });
    apply();
  });
  byId("more-dated").addEventListener("click", function () { more("dated"); });
  byId("more-undated").addEventListener("click", function () { more("undated"); });
  byId("more-documents").addEventListener("click", function () { drawDocuments(true); });
  drawDocuments(false);
  drawRejected();
  apply();
  document.body.setAttribute("data-ready", "1");
})();
