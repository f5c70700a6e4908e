// The query page: named queries one click away, results as a table, downloads.
// Everything from the server is shown with textContent; no innerHTML with data.
(function () {
  "use strict";
  var BASE = "https://w3id.org/repression-kg/";
  var named = JSON.parse(document.getElementById("rkg-queries").textContent);
  var form = document.getElementById("qform");
  var editor = document.getElementById("query");
  var status = document.getElementById("qstatus");
  var out = document.getElementById("results");

  function el(tag, text, cls) {
    var node = document.createElement(tag);
    if (text !== undefined) { node.textContent = text; }
    if (cls) { node.className = cls; }
    return node;
  }

  function isGraphQuery(text) {
    var body = text.replace(/#[^\n]*/g, " ").replace(/<[^>\s]*>/g, " ")
      .replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'/g, " ");
    return /\b(CONSTRUCT|DESCRIBE)\b/i.test(body);
  }

  function updateDownloads() {
    var q = encodeURIComponent(editor.value);
    var formats = isGraphQuery(editor.value)
      ? [["Turtle", "turtle", "ttl"], ["JSON-LD", "jsonld", "jsonld"], ["N-Triples", "nt", "nt"]]
      : [["CSV", "csv", "csv"], ["JSON", "json", "json"], ["TSV", "tsv", "tsv"]];
    var box = document.getElementById("downloads");
    box.replaceChildren(document.createTextNode("Download: "));
    formats.forEach(function (f) {
      var a = el("a", f[0]);
      a.setAttribute("href", "/sparql?query=" + q + "&format=" + f[1]);
      a.setAttribute("download", "results." + f[2]);
      a.id = "dl-" + f[1];
      box.appendChild(a);
      box.appendChild(document.createTextNode(" "));
    });
  }

  function cell(term) {
    var td = el("td");
    if (!term) { return td; }
    if (term.type === "uri") {
      if (term.value.indexOf(BASE + "id/") === 0 || term.value.indexOf(BASE + "ref/") === 0) {
        var a = el("a", term.value);
        a.setAttribute("href", "/" + term.value.slice(BASE.length));
        td.appendChild(a);
      } else {
        td.appendChild(el("span", term.value));
      }
    } else {
      td.appendChild(el("span", term.value));
      if (term["xml:lang"]) { td.appendChild(el("span", "@" + term["xml:lang"], "lang")); }
      else if (term.datatype) { td.appendChild(el("span", term.datatype.replace(/^.*[#/]/, ""), "dt")); }
    }
    return td;
  }

  function showTable(data) {
    var vars = data.head.vars || [];
    var table = el("table");
    var head = el("tr");
    vars.forEach(function (v) { head.appendChild(el("th", v)); });
    table.appendChild(el("thead")).appendChild(head);
    var body = el("tbody");
    data.results.bindings.forEach(function (row) {
      var tr = el("tr");
      vars.forEach(function (v) { tr.appendChild(cell(row[v])); });
      body.appendChild(tr);
    });
    table.appendChild(body);
    out.appendChild(table);
    status.textContent = data.results.bindings.length + " rows";
  }

  function run(ev) {
    if (ev) { ev.preventDefault(); }
    out.replaceChildren();
    status.textContent = "running…";
    var started = performance.now();
    fetch("/sparql", {
      method: "POST",
      headers: { "Content-Type": "application/sparql-query",
                 "Accept": "application/sparql-results+json, text/turtle;q=0.9" },
      body: editor.value
    }).then(function (response) {
      var type = response.headers.get("Content-Type") || "";
      return response.text().then(function (text) { return [response, type, text]; });
    }).then(function (r) {
      var seconds = ((performance.now() - started) / 1000).toFixed(2);
      var response = r[0], type = r[1], text = r[2];
      if (!response.ok) {
        var message = text;
        try { message = JSON.parse(text).message; } catch (e) { /* plain text */ }
        out.appendChild(el("p", "Error " + response.status + ": " + message, "error"));
        status.textContent = "failed after " + seconds + " s";
        return;
      }
      if (type.indexOf("json") !== -1) {
        var data = JSON.parse(text);
        if (typeof data.boolean === "boolean") {
          out.appendChild(el("p", "ASK: " + data.boolean));
          status.textContent = "";
        } else {
          showTable(data);
        }
      } else {
        out.appendChild(el("pre", text));
        status.textContent = "";
      }
      status.textContent += " in " + seconds + " s";
    }).catch(function (err) {
      out.appendChild(el("p", "Request failed: " + err, "error"));
      status.textContent = "";
    });
  }

  document.querySelectorAll("button.named").forEach(function (button) {
    button.addEventListener("click", function () {
      var name = button.getAttribute("data-name");
      var spec = named.filter(function (q) { return q.name === name; })[0];
      if (spec) { editor.value = spec.text; updateDownloads(); run(); }
    });
  });
  editor.addEventListener("input", updateDownloads);
  editor.addEventListener("keydown", function (ev) {
    if (ev.key === "Enter" && (ev.ctrlKey || ev.metaKey)) { run(ev); }
  });
  form.addEventListener("submit", run);
  var params = new URLSearchParams(window.location.search);
  if (params.get("query")) { editor.value = params.get("query"); }
  updateDownloads();
}());
