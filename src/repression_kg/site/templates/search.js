// Client-side search over the inlined index. Data is read with textContent + JSON.parse and
// every result is built with createElement/textContent: nothing from the data becomes markup.
(function () {
  "use strict";
  var entries = JSON.parse(document.getElementById("rkg-index").textContent);
  var input = document.getElementById("q");
  var list = document.getElementById("results");
  var status = document.getElementById("status");
  var SAFE_PATH = /^[a-z]+\/[a-z0-9-]+\.html$/;
  var LIMIT = 100;

  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
      .replace(/ё/g, "е").replace(/[^\p{L}\p{N}.]+/gu, " ").trim();
  }
  var haystacks = entries.map(function (e) { return fold(e.n + " " + e.a.join(" ")); });

  function search(query) {
    var words = fold(query).split(" ").filter(Boolean);
    var hits = [];
    if (!words.length) { return hits; }
    for (var i = 0; i < entries.length; i++) {
      var hay = haystacks[i];
      if (words.every(function (w) { return hay.indexOf(w) !== -1; })) {
        var starts = hay.indexOf(words[0]) === 0 ? 0 : 1;
        hits.push([starts, entries[i].n.length, i]);
      }
    }
    hits.sort(function (a, b) { return a[0] - b[0] || a[1] - b[1] || a[2] - b[2]; });
    return hits.map(function (h) { return entries[h[2]]; });
  }

  function show(query) {
    var hits = search(query);
    list.replaceChildren();
    hits.slice(0, LIMIT).forEach(function (e) {
      var li = document.createElement("li");
      var a = document.createElement("a");
      if (SAFE_PATH.test(e.p)) { a.setAttribute("href", e.p); }
      a.textContent = e.n;
      li.appendChild(a);
      var kind = document.createElement("span");
      kind.className = "kind";
      kind.textContent = e.k;
      li.appendChild(kind);
      if (e.a.length) {
        var aka = document.createElement("span");
        aka.className = "aka";
        aka.textContent = e.a.join(" · ");
        li.appendChild(aka);
      }
      list.appendChild(li);
    });
    status.textContent = query.trim() ? hits.length + " found" +
      (hits.length > LIMIT ? " (first " + LIMIT + " shown)" : "") : entries.length + " entries indexed";
  }

  input.addEventListener("input", function () { show(input.value); });
  input.form.addEventListener("submit", function (ev) { ev.preventDefault(); show(input.value); });
  var initial = new URLSearchParams(window.location.search).get("q");
  if (initial) { input.value = initial; }
  show(input.value);
}());
