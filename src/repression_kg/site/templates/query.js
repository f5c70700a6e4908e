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

  var current = null;  // the named query in the editor, while its text is unchanged
  var paramsBox = document.getElementById("params");

  function paramValues() {
    var values = new URLSearchParams();
    paramsBox.querySelectorAll("[data-param]").forEach(function (input) {
      if (input.value !== "") { values.append(input.getAttribute("data-param"), input.value); }
    });
    return values;
  }

  function endpointUrl(format) {
    if (current) {
      var values = paramValues();
      values.set("format", format);
      return "/queries/" + encodeURIComponent(current.name) + "?" + values.toString();
    }
    return "/sparql?query=" + encodeURIComponent(editor.value) + "&format=" + format;
  }

  function showParams(spec) {
    paramsBox.replaceChildren();
    if (!spec) { paramsBox.hidden = true; return; }
    paramsBox.hidden = false;
    paramsBox.appendChild(el("h3", spec.title));
    if (spec.description) { paramsBox.appendChild(el("p", spec.description, "note")); }
    spec.params.forEach(function (p) {
      var label = el("label", undefined, "param");
      label.appendChild(el("span", p.name + (p.required ? " (required)" : ""), "pname"));
      var input;
      if (p.choices.length) {
        input = el("select");
        [""].concat(p.choices).forEach(function (choice) {
          var option = el("option", choice || "(any)");
          option.value = choice;
          input.appendChild(option);
        });
      } else {
        input = el("input");
        input.type = "text";
        input.placeholder = p.default !== null ? p.default : (p.required ? "required" : "optional");
      }
      input.setAttribute("data-param", p.name);
      input.addEventListener("input", updateDownloads);
      label.appendChild(input);
      label.appendChild(el("span", p.type + (p.description ? " — " + p.description : ""), "note"));
      paramsBox.appendChild(label);
    });
  }

  function updateDownloads() {
    var formats = isGraphQuery(editor.value)
      ? [["Turtle", "turtle", "ttl"], ["JSON-LD", "jsonld", "jsonld"], ["N-Triples", "nt", "nt"]]
      : [["CSV", "csv", "csv"], ["JSON", "json", "json"], ["TSV", "tsv", "tsv"]];
    var box = document.getElementById("downloads");
    box.replaceChildren(document.createTextNode("Download: "));
    formats.forEach(function (f) {
      var a = el("a", f[0]);
      a.setAttribute("href", endpointUrl(f[1]));
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
    var accept = "application/sparql-results+json, text/turtle;q=0.9";
    var request = current
      ? fetch("/queries/" + encodeURIComponent(current.name), {
          method: "POST", body: paramValues(),
          headers: { "Content-Type": "application/x-www-form-urlencoded", "Accept": accept } })
      : fetch("/sparql", {
          method: "POST", body: editor.value,
          headers: { "Content-Type": "application/sparql-query", "Accept": accept } });
    request.then(function (response) {
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
      if (!spec) { return; }
      current = spec;
      editor.value = spec.text;
      showParams(spec);
      updateDownloads();
      if (!spec.params.some(function (p) { return p.required; })) { run(); }
    });
  });
  editor.addEventListener("input", function () {
    if (current && editor.value !== current.text) { current = null; showParams(null); }
    updateDownloads();
  });
  editor.addEventListener("keydown", function (ev) {
    if (ev.key === "Enter" && (ev.ctrlKey || ev.metaKey)) { run(ev); }
  });
  form.addEventListener("submit", run);
  var params = new URLSearchParams(window.location.search);
  if (params.get("query")) { editor.value = params.get("query"); }
  showParams(null);
  updateDownloads();
}());
