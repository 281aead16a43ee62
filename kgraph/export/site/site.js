(function () {
  "use strict";
  var params = new URLSearchParams(window.location.search);

  // The index: sort by a column (click its heading, or ?sort=COLUMN / ?sort=-COLUMN) and
  // filter by typing (or ?filter=TEXT).
  var table = document.getElementById("letters");
  if (table) {
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    var heads = Array.prototype.slice.call(table.tHead.rows[0].cells);
    var sortBy = function (name, descending) {
      var col = -1;
      heads.forEach(function (th, i) { if (th.getAttribute("data-col") === name) { col = i; } });
      if (col < 0) { return; }
      var numeric = heads[col].getAttribute("data-type") === "number";
      var keyed = rows.map(function (row, n) {
        var cell = row.cells[col];
        var v = cell.getAttribute("data-sort");
        if (v === null) { v = cell.textContent.trim().toLowerCase(); }
        return [numeric ? parseFloat(v) : v, n, row];
      });
      keyed.sort(function (a, b) {
        var c = a[0] < b[0] ? -1 : (a[0] > b[0] ? 1 : 0);
        return (descending ? -c : c) || a[1] - b[1];
      });
      keyed.forEach(function (k) { body.appendChild(k[2]); });
      heads.forEach(function (th, i) {
        if (i === col) { th.setAttribute("aria-sort", descending ? "descending" : "ascending"); }
        else { th.removeAttribute("aria-sort"); }
      });
      table.setAttribute("data-sorted", (descending ? "-" : "") + name);
    };
    heads.forEach(function (th) {
      var button = th.querySelector("button");
      if (!button) { return; }
      button.addEventListener("click", function () {
        sortBy(th.getAttribute("data-col"), th.getAttribute("aria-sort") === "ascending");
      });
    });
    var filter = document.getElementById("filter");
    var apply = function () {
      var q = filter.value.trim().toLowerCase();
      var shown = 0;
      rows.forEach(function (row) {
        var hit = !q || row.textContent.toLowerCase().indexOf(q) >= 0;
        row.hidden = !hit;
        if (hit) { shown += 1; }
      });
      document.getElementById("shown").textContent = String(shown);
    };
    if (filter) {
      filter.addEventListener("input", apply);
      if (params.get("filter")) { filter.value = params.get("filter"); apply(); }
    }
    var wanted = params.get("sort");
    if (wanted) { sortBy(wanted.replace(/^-/, ""), wanted.charAt(0) === "-"); }
  }

  // A letter: highlight a relation's evidence sentence (code-point offsets into the text).
  var text = document.getElementById("text");
  var locate = function (offset) {
    var walker = document.createTreeWalker(text, NodeFilter.SHOW_TEXT);
    var seen = 0, node;
    while ((node = walker.nextNode())) {
      var points = Array.from(node.data);
      if (seen + points.length >= offset) {
        return [node, points.slice(0, offset - seen).join("").length];
      }
      seen += points.length;
    }
    return null;
  };
  var highlight = function (begin, end) {
    var a = locate(begin), b = locate(end);
    if (!a || !b) { return; }
    var range = document.createRange();
    range.setStart(a[0], a[1]);
    range.setEnd(b[0], b[1]);
    if (window.CSS && CSS.highlights && window.Highlight) {
      CSS.highlights.set("evidence", new Highlight(range));
    } else {
      var selection = window.getSelection();
      selection.removeAllRanges();
      selection.addRange(range);
    }
    text.setAttribute("data-evidence", begin + "," + end);
    var parent = a[0].parentElement;
    if (parent && parent.scrollIntoView) { parent.scrollIntoView({block: "center"}); }
  };
  if (text) {
    document.querySelectorAll("button[data-begin]").forEach(function (button) {
      button.addEventListener("click", function () {
        document.querySelectorAll("button[aria-pressed=true]").forEach(function (b) {
          b.setAttribute("aria-pressed", "false");
        });
        button.setAttribute("aria-pressed", "true");
        highlight(parseInt(button.getAttribute("data-begin"), 10),
                  parseInt(button.getAttribute("data-end"), 10));
      });
    });
    var asked = /^#evidence=(\d+),(\d+)$/.exec(window.location.hash);
    if (asked) { highlight(parseInt(asked[1], 10), parseInt(asked[2], 10)); }
    text.querySelectorAll("[data-href]").forEach(function (el) {
      var go = function () { window.location.href = el.getAttribute("data-href"); };
      el.addEventListener("click", function (e) { if (e.target === el) { go(); } });
      el.addEventListener("keydown", function (e) {
        if (e.target === el && e.key === "Enter") { go(); }
      });
    });
  }

  // The network: show only the chosen kinds of tie and types of node, above a weight.
  var svg = document.querySelector("svg.network");
  var form = document.getElementById("network-filters");
  if (svg && form) {
    var update = function () {
      var kinds = {}, types = {};
      form.querySelectorAll("input[name=kind]").forEach(function (i) { kinds[i.value] = i.checked; });
      form.querySelectorAll("input[name=type]").forEach(function (i) { types[i.value] = i.checked; });
      var min = parseInt(document.getElementById("min-weight").value, 10) || 1;
      document.getElementById("min-weight-value").textContent = String(min);
      var visible = {};
      svg.querySelectorAll(".node").forEach(function (n) {
        var on = types[n.getAttribute("data-type")] !== false;
        n.style.display = on ? "" : "none";
        visible[n.getAttribute("data-id")] = on;
      });
      svg.querySelectorAll(".labels text").forEach(function (t) {
        t.style.display = visible[t.getAttribute("data-id")] ? "" : "none";
      });
      svg.querySelectorAll(".edge").forEach(function (e) {
        var on = kinds[e.getAttribute("data-kind")] !== false
          && parseInt(e.getAttribute("data-weight"), 10) >= min
          && visible[e.getAttribute("data-source")] && visible[e.getAttribute("data-target")];
        e.style.display = on ? "" : "none";
      });
    };
    form.addEventListener("submit", function (e) { e.preventDefault(); });
    form.addEventListener("change", update);
    form.addEventListener("input", update);
    if (params.get("min")) { document.getElementById("min-weight").value = params.get("min"); }
    update();
  }
}());
