/* repression-kg network page. Every string from the data reaches the page through
   textContent or a canvas label: never innerHTML. */
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("rkg-data").textContent);
  var groups = data.groups;
  var byId = new Map();
  data.nodes.concat(data.hiddenNodes).forEach(function (n) { byId.set(n.id, n); });
  var hiddenEdgesOf = new Map();
  data.hiddenEdges.forEach(function (e) {
    [e.from, e.to].forEach(function (id) {
      if (!hiddenEdgesOf.has(id)) { hiddenEdgesOf.set(id, []); }
      hiddenEdgesOf.get(id).push(e);
    });
  });
  /* edge labels: drawn when there are few edges; otherwise on hover and for the selection */
  var showEdgeLabels = data.edges.length <= 40;  /* layout.py's EDGE_LABELS_UP_TO */
  document.getElementById("edge-labels").checked = showEdgeLabels;

  function el(tag, text, cls) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    if (cls) { node.className = cls; }
    return node;
  }

  function safeUrl(url) {
    /* only relative links (the static site) or http(s): never javascript: or data: */
    if (typeof url !== "string") { return null; }
    if (/^[a-z][a-z0-9+.-]*:/i.test(url) && !/^https?:/i.test(url)) { return null; }
    return url;
  }

  function quoteBlock(parent, quote, doc) {
    parent.appendChild(el("blockquote", "\u201c" + quote + "\u201d"));
    if (doc) { parent.appendChild(el("div", "source: " + doc, "source")); }
  }

  function nodeTip(n) {
    var box = el("div", null, "tip");
    box.appendChild(el("strong", n.label));
    box.appendChild(el("div", (groups[n.group] || {}).label || n.group));
    (n.facts || []).slice(0, 6).forEach(function (f) { box.appendChild(el("div", f[0] + ": " + f[1])); });
    if (n.quotes && n.quotes.length) { quoteBlock(box, n.quotes[0][0], n.quotes[0][1]); }
    return box;
  }

  function edgeTip(e) {
    var box = el("div", null, "tip");
    box.appendChild(el("strong", e.label));
    if (e.detail) { box.appendChild(el("div", e.detail)); }
    if (e.quote) { quoteBlock(box, e.quote, e.doc); }
    return box;
  }

  function visNode(n) {
    var g = groups[n.group] || { color: "#888", shape: "dot" };
    return { id: n.id, label: n.text || n.label, x: n.x, y: n.y, size: n.size, shape: g.shape,
             color: g.color, group: n.group, title: nodeTip(n),
             font: { size: n.font || 12 }, hidden: !groupOn[n.group] };
  }

  var edgeSeq = 0;
  function visEdge(e) {
    edgeSeq += 1;
    return { id: "e" + edgeSeq, from: e.from, to: e.to, label: showEdgeLabels ? e.label : undefined,
             rawLabel: e.label, title: edgeTip(e), width: e.width || 1, arrows: "to",
             raw: e };
  }

  var groupOn = {};
  Object.keys(groups).forEach(function (g) { groupOn[g] = true; });
  var nodes = new vis.DataSet(data.nodes.map(visNode));
  var edges = new vis.DataSet(data.edges.map(visEdge));
  var container = document.getElementById("network");
  var big = data.nodes.length > 1000;
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, {
    physics: false,
    layout: { improvedLayout: false, randomSeed: 7 },
    interaction: { hover: !big, tooltipDelay: 150, hideEdgesOnDrag: big, hideEdgesOnZoom: big },
    edges: { smooth: false, color: { color: "#b4bcc6", highlight: "#c0392b", hover: "#6b7785" },
             arrowStrikethrough: false, arrows: { to: { scaleFactor: 0.6 } },
             font: { size: 10, align: "middle", color: "#444", strokeWidth: 3,
                     strokeColor: "#ffffff" } },
    nodes: { borderWidth: 1, font: { color: "#1d1d1d", strokeWidth: 4, strokeColor: "#ffffff" } }
  });
  var labelled = new Set();  // edges whose label shows although labels are off
  function labelEdges(ids) {
    if (showEdgeLabels) { return; }
    var want = new Set(ids);
    var update = [];
    labelled.forEach(function (id) {
      if (!want.has(id) && edges.get(id)) { update.push({ id: id, label: " " }); }
    });
    want.forEach(function (id) {
      var e = edges.get(id);
      if (e && !labelled.has(id)) { update.push({ id: id, label: e.rawLabel }); }
    });
    labelled = want;
    if (update.length) { edges.update(update); }
  }
  function selectedEdges() { return network.getSelectedEdges(); }
  network.on("hoverEdge", function (p) { labelEdges(selectedEdges().concat([p.edge])); });
  network.on("blurEdge", function () { labelEdges(selectedEdges()); });
  network.on("hoverNode", function (p) {
    labelEdges(selectedEdges().concat(network.getConnectedEdges(p.node)));
  });
  network.on("blurNode", function () { labelEdges(selectedEdges()); });
  network.on("select", function () { labelEdges(selectedEdges()); });
  /* fit the whole drawing, labels included, with a margin; a small one is not blown up */
  function fitAll() {
    network.fit({ animation: false, maxZoomLevel: 1.4 });
    network.moveTo({ scale: network.getScale() * 0.92, animation: false });
  }
  window.addEventListener("resize", fitAll);
  var first = true;
  network.on("afterDrawing", function () {
    if (first) {
      first = false;
      fitAll();  /* labels are measured by the first draw */
      window.rkgFirstDraw = performance.now();
      document.body.setAttribute("data-rendered", String(nodes.length));
    }
  });

  /* clusters: a node with members draws them on click and folds them on double click */
  var expanded = new Map();  // hub id -> ids it added
  var addedBy = new Map();   // node id -> number of expansions that added it
  function expand(hubId) {
    var hub = byId.get(hubId);
    if (!hub || !hub.members || expanded.has(hubId)) { return; }
    var added = [];
    var members = hub.members.slice(0, 400);
    var spots = around(hubId, members.filter(function (id) { return !nodes.get(id); }));
    members.forEach(function (id) {
      if (!nodes.get(id)) {
        var n = visNode(byId.get(id));
        n.x = spots.get(id)[0];
        n.y = spots.get(id)[1];
        nodes.add(n);
      }
      addedBy.set(id, (addedBy.get(id) || 0) + 1);
      added.push(id);
    });
    var fresh = [];
    added.forEach(function (id) {
      (hiddenEdgesOf.get(id) || []).forEach(function (e) {
        if (nodes.get(e.from) && nodes.get(e.to) && (e.from === hubId || e.to === hubId)) { fresh.push(visEdge(e)); }
      });
    });
    edges.add(fresh);
    expanded.set(hubId, { nodes: added, edges: fresh.map(function (e) { return e.id; }) });
    updateCounts();
  }
  /* spots for ``ids`` around a hub: grid cells that fit the widest label, nearest first,
     rows stretched so the blob is wider than tall, none on the hub (as layout.py packs) */
  function around(hubId, ids) {
    var spots = new Map();
    if (!ids.length) { return spots; }
    var hub = nodes.get(hubId), at = network.getPositions([hubId])[hubId] || hub;
    var w = 60, h = 0;
    ids.forEach(function (id) {
      var n = byId.get(id), f = n.font || 12;
      var lines = (n.text || n.label).split("\n");
      var longest = Math.max.apply(null, lines.map(function (l) { return l.length; }));
      w = Math.max(w, longest * 0.62 * f + 16, 2 * n.size + 16);
      h = Math.max(h, 2 * n.size + 14 + lines.length * f * 1.2);
    });
    var r = Math.sqrt(ids.length * w * h * 1.6 / Math.PI) * 1.3 + hub.size * 2 + w;
    var ni = Math.ceil(r / w) + 1, nj = Math.ceil(r / (h * 1.6)) + 1, cells = [];
    for (var i = -ni; i <= ni; i++) {
      for (var j = -nj; j <= nj; j++) {
        if (Math.abs(i * w) < w / 2 + hub.size + 8 && Math.abs(j * h) < h / 2 + hub.size + 30) { continue; }
        cells.push([Math.hypot(i * w, j * h * 1.6), Math.atan2(j, i), i * w, j * h]);
      }
    }
    cells.sort(function (a, b) { return a[0] - b[0] || a[1] - b[1]; });
    ids.forEach(function (id, k) { spots.set(id, [at.x + cells[k][2], at.y + cells[k][3]]); });
    return spots;
  }
  function collapse(hubId) {
    var done = expanded.get(hubId);
    if (!done) { return; }
    edges.remove(done.edges);
    done.nodes.forEach(function (id) {
      var left = (addedBy.get(id) || 1) - 1;
      if (left <= 0) { addedBy.delete(id); nodes.remove(id); } else { addedBy.set(id, left); }
    });
    expanded.delete(hubId);
    updateCounts();
  }
  function updateCounts() {
    document.getElementById("count-nodes").textContent = String(nodes.length);
    document.getElementById("count-edges").textContent = String(edges.length);
  }

  /* the side panel */
  var panel = document.getElementById("panel");
  function showNode(n) {
    panel.replaceChildren();
    panel.appendChild(el("h3", n.label));
    panel.appendChild(el("div", (groups[n.group] || {}).label || n.group));
    var dl = el("dl");
    (n.facts || []).forEach(function (f) { dl.appendChild(el("dt", f[0])); dl.appendChild(el("dd", f[1])); });
    panel.appendChild(dl);
    (n.quotes || []).forEach(function (q) { quoteBlock(panel, q[0], q[1]); });
    var url = safeUrl(n.url);
    if (url) { var a = el("a", "Open the entity page"); a.href = url; panel.appendChild(a); }
    if (n.members) {
      panel.appendChild(el("p", n.members.length + " people; " +
        (expanded.has(n.id) ? "double-click to fold them." : "click to draw them.")));
    }
    panel.appendChild(el("div", n.id, "source"));
  }
  function showEdge(e) {
    panel.replaceChildren();
    panel.appendChild(el("h3", e.label));
    panel.appendChild(el("div", byId.get(e.from) ? byId.get(e.from).label : e.from));
    panel.appendChild(el("div", "\u2192 " + (byId.get(e.to) ? byId.get(e.to).label : e.to)));
    if (e.detail) { panel.appendChild(el("p", e.detail)); }
    if (e.quote) { quoteBlock(panel, e.quote, e.doc); }
  }
  network.on("click", function (params) {
    if (params.nodes.length) {
      var n = byId.get(params.nodes[0]);
      if (n) { if (n.members) { expand(n.id); } showNode(n); }
    } else if (params.edges.length) {
      var e = edges.get(params.edges[0]);
      if (e) { showEdge(e.raw); }
    }
  });
  network.on("doubleClick", function (params) {
    if (params.nodes.length && expanded.has(params.nodes[0])) { collapse(params.nodes[0]); }
  });

  /* search over every node, drawn or folded into a cluster */
  var searchIndex = [];
  byId.forEach(function (n) {
    var words = [n.label];
    (n.facts || []).forEach(function (f) { if (f[0] === "also known as") { words.push(f[1]); } });
    searchIndex.push({ id: n.id, text: words.join(" ").toLocaleLowerCase() });
  });
  var results = document.getElementById("results");
  function focusNode(id) {
    if (!nodes.get(id)) {
      var hub = data.nodes.find(function (h) { return h.members && h.members.indexOf(id) >= 0; });
      if (hub) { expand(hub.id); }
    }
    if (nodes.get(id)) {
      network.selectNodes([id]);
      network.focus(id, { scale: 1.2, animation: false });
      showNode(byId.get(id));
    }
  }
  document.getElementById("search").addEventListener("input", function (ev) {
    var q = ev.target.value.trim().toLocaleLowerCase();
    results.replaceChildren();
    if (q.length < 2) { return; }
    searchIndex.filter(function (s) { return s.text.indexOf(q) >= 0; }).slice(0, 25).forEach(function (s) {
      var n = byId.get(s.id);
      var li = el("li", n.label + " \u2014 " + ((groups[n.group] || {}).label || n.group));
      li.tabIndex = 0;
      li.addEventListener("click", function () { focusNode(s.id); });
      li.addEventListener("keydown", function (k) { if (k.key === "Enter") { focusNode(s.id); } });
      results.appendChild(li);
    });
  });

  /* legend filters and edge labels */
  document.querySelectorAll("#legend input[data-group]").forEach(function (box) {
    box.addEventListener("change", function () {
      var g = box.getAttribute("data-group");
      groupOn[g] = box.checked;
      nodes.update(nodes.get({ filter: function (n) { return n.group === g; } }).map(function (n) {
        return { id: n.id, hidden: !box.checked };
      }));
    });
  });
  document.getElementById("edge-labels").addEventListener("change", function (ev) {
    showEdgeLabels = ev.target.checked;
    edges.update(edges.get().map(function (e) {
      return { id: e.id, label: showEdgeLabels ? e.rawLabel : " " };
    }));
  });
})();
