/* The query page: a plain textarea with a tiny highlighter, a Run button,
   and a results table rendered from SPARQL 1.1 JSON results.  No library,
   no network beyond this server. */
(function () {
  "use strict";
  var cfg = JSON.parse(document.getElementById("kg-config").textContent);
  var form = document.getElementById("qform");
  var ta = document.getElementById("query");
  var hl = document.getElementById("highlight");
  var statusEl = document.getElementById("status");
  var results = document.getElementById("results");
  var downloads = document.getElementById("downloads");
  var saved = document.getElementById("saved");

  // ------------------------------------------------------------ highlighter
  var KEYWORDS = ("SELECT CONSTRUCT DESCRIBE ASK WHERE PREFIX BASE DISTINCT REDUCED OPTIONAL UNION MINUS GRAPH " +
    "FILTER BIND VALUES AS ORDER BY ASC DESC LIMIT OFFSET GROUP HAVING NOT EXISTS IN SERVICE FROM NAMED " +
    "COUNT SUM MIN MAX AVG SAMPLE GROUP_CONCAT SEPARATOR STR LANG LANGMATCHES DATATYPE BOUND IRI URI BNODE " +
    "REGEX CONTAINS STRSTARTS STRENDS LCASE UCASE YEAR COALESCE IF isIRI isLiteral isBlank a true false UNDEF").split(" ");
  var KW = {};
  KEYWORDS.forEach(function (k) { KW[k.toUpperCase()] = true; });
  var TOKEN = /(#[^\n]*)|("""[\s\S]*?"""|'''[\s\S]*?'''|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')|(<[^<>"{}|^`\\\s]*>)|([?$][A-Za-z_0-9\u00B7-\uFFFF]+)|([A-Za-z][\w.\-]*:[\w.\-:%]*|:[\w.\-:%]+)|([A-Za-z_]+)/g;

  function esc(s) {
    return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  }
  function highlight() {
    if (!hl) return;
    var text = ta.value, out = "", last = 0, m;
    TOKEN.lastIndex = 0;
    while ((m = TOKEN.exec(text)) !== null) {
      out += esc(text.slice(last, m.index));
      var cls = m[1] ? "c" : m[2] ? "s" : m[3] ? "i" : m[4] ? "v" : m[5] ? "p" : (KW[m[6].toUpperCase()] ? "k" : "");
      out += cls ? '<span class="t-' + cls + '">' + esc(m[0]) + "</span>" : esc(m[0]);
      last = m.index + m[0].length;
    }
    hl.innerHTML = out + esc(text.slice(last)) + "\n";
    syncScroll();
  }
  function syncScroll() {
    if (hl) { hl.scrollTop = ta.scrollTop; hl.scrollLeft = ta.scrollLeft; }
  }
  ta.addEventListener("input", highlight);
  ta.addEventListener("scroll", syncScroll);

  // -------------------------------------------------------------- IRIs
  var prefixes = Object.keys(cfg.prefixes).map(function (p) { return [p, cfg.prefixes[p]]; });
  prefixes.sort(function (a, b) { return b[1].length - a[1].length; });
  function curie(iri) {
    for (var i = 0; i < prefixes.length; i++) {
      var ns = prefixes[i][1];
      if (iri.indexOf(ns) === 0) {
        var local = iri.slice(ns.length);
        if (local && local.indexOf("/") < 0 && local.indexOf("#") < 0) return prefixes[i][0] + ":" + local;
      }
    }
    return iri;
  }
  function localHref(iri) {
    var l = cfg.local;
    if (iri.indexOf(l.id) === 0) return "/page/" + iri.slice(l.id.length);
    if (iri.indexOf(l.stc) === 0) return "/ontology#" + iri.slice(l.stc.length);
    if (iri === l.ontology) return "/ontology";
    if (iri.indexOf(l.graph) === 0) return "/graph/" + iri.slice(l.graph.length);
    if (iri === l.dataset) return "/";
    return null;
  }
  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    if (attrs) Object.keys(attrs).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text !== undefined && text !== null) e.textContent = text;
    return e;
  }
  function cell(term) {
    var td = el("td");
    if (!term) return td;
    if (term.type === "uri") {
      var href = localHref(term.value);
      if (!href && !/^https?:\/\//i.test(term.value)) {  // only web IRIs become links (no javascript: etc.)
        td.appendChild(el("span", {"class": "iri", title: term.value}, curie(term.value)));
        return td;
      }
      var a = el("a", {href: href || term.value, title: term.value}, curie(term.value));
      if (!href) { a.className = "ext"; a.rel = "nofollow noopener"; }
      td.appendChild(a);
    } else if (term.type === "bnode") {
      td.appendChild(el("span", {"class": "bnode"}, "_:" + term.value));
    } else if (term.type === "triple") {
      td.textContent = "<< " + JSON.stringify(term.value) + " >>";
    } else {
      // the value alone; its language tag or datatype on hover (in every cell it drowned the values)
      var kind = term["xml:lang"] ? "@" + term["xml:lang"] : term.datatype ? curie(term.datatype) : "";
      td.appendChild(el("span", kind ? {"class": "lit", title: kind} : {"class": "lit"}, term.value));
    }
    return td;
  }

  // -------------------------------------------------------------- running
  function requestParams() {
    var body = new URLSearchParams();
    body.set("query", ta.value);
    var inputs = document.querySelectorAll(".kg-param input");
    for (var i = 0; i < inputs.length; i++) {
      var v = inputs[i].value.trim();
      if (v) body.set("$" + inputs[i].name, v);
    }
    return body;
  }
  function showDownloads(body, graph) {
    downloads.textContent = "";
    var formats = graph ? [["turtle", "Turtle"], ["nt", "N-Triples"], ["jsonld", "JSON-LD"], ["rdfxml", "RDF/XML"]]
                        : [["csv", "CSV"], ["tsv", "TSV"], ["json", "JSON"], ["xml", "XML"]];
    downloads.appendChild(document.createTextNode("Download: "));
    formats.forEach(function (f) {
      var p = new URLSearchParams(body);
      p.set("format", f[0]);
      downloads.appendChild(el("a", {href: cfg.endpoint + "?" + p.toString(), "class": "dl"}, f[1]));
      downloads.appendChild(document.createTextNode(" "));
    });
  }
  function renderTable(data) {
    var vars = data.head.vars || [];
    var rows = data.results.bindings;
    var table = el("table", {"class": "results", id: "results-table"});
    var thead = el("thead"), tr = el("tr");
    vars.forEach(function (v) { tr.appendChild(el("th", null, "?" + v)); });
    thead.appendChild(tr);
    table.appendChild(thead);
    var tbody = el("tbody");
    rows.forEach(function (b) {
      var r = el("tr");
      vars.forEach(function (v) { r.appendChild(cell(b[v])); });
      tbody.appendChild(r);
    });
    table.appendChild(tbody);
    results.appendChild(table);
    return rows.length;
  }
  function run(ev) {
    if (ev) ev.preventDefault();
    var body = requestParams();
    statusEl.textContent = "Running…";
    statusEl.className = "running";
    results.textContent = "";
    downloads.textContent = "";
    var t0 = performance.now();
    fetch(cfg.endpoint, {
      method: "POST",
      headers: {"Accept": "application/sparql-results+json, text/turtle;q=0.9",
                "Content-Type": "application/x-www-form-urlencoded"},
      body: body.toString()
    }).then(function (resp) {
      var ms = Math.round(performance.now() - t0);
      var ctype = resp.headers.get("Content-Type") || "";
      var cut = resp.headers.get("KG-Results-Truncated");
      return resp.text().then(function (text) {
        if (!resp.ok) {
          statusEl.textContent = "Error " + resp.status;
          statusEl.className = "error";
          results.appendChild(el("pre", {"class": "error", id: "error"}, text));
          return;
        }
        var note = "", graph = false;
        if (ctype.indexOf("sparql-results+json") >= 0) {
          var data = JSON.parse(text);
          if (typeof data.boolean === "boolean") {
            results.appendChild(el("p", {"class": "boolean", id: "boolean"}, String(data.boolean)));
            note = "ASK";
          } else {
            var n = renderTable(data);
            note = n + " row" + (n === 1 ? "" : "s");
          }
        } else {
          results.appendChild(el("pre", {"class": "rdf", id: "rdf"}, text));
          graph = true;
          note = "RDF (" + ctype.split(";")[0] + ")";
        }
        if (cut) note += " — cut at the endpoint's limit (" + cut + ")";
        statusEl.textContent = note + " in " + ms + " ms";
        statusEl.className = "done";
        showDownloads(body, graph);
        if (window.history && window.history.replaceState) {
          // a shareable address: the saved query's name while its text is unchanged, else the text
          var u = new URLSearchParams(body);
          if (cfg.name && ta.value === cfg.text) { u.delete("query"); u.set("name", cfg.name); }
          u.set("run", "1");
          window.history.replaceState(null, "", "/query?" + u.toString());
        }
      });
    }).catch(function (err) {
      statusEl.textContent = "The request failed: " + err;
      statusEl.className = "error";
    });
  }
  form.addEventListener("submit", run);
  ta.addEventListener("keydown", function (ev) {
    if ((ev.ctrlKey || ev.metaKey) && ev.key === "Enter") run(ev);
  });
  if (saved) {
    saved.addEventListener("change", function () {
      if (saved.value) window.location = "/query?name=" + encodeURIComponent(saved.value);
    });
  }
  highlight();
  if (cfg.autorun) run();
})();
