/* fazhi's tables: sort, search, filter by column, page and download as CSV.
   Inlined once per page by page.html.j2. It enhances the complete tables that
   fazhi.htmltable.table_html writes (div.fazhi-table): without this script they stay plain,
   complete tables. Numbers sort by their data-v, text by pinyin (zh collation), cells marked
   data-u (（不明）, —, empty) last in either direction. ES5 only, no external resource: pages
   are read offline, in old browsers too. */
(function () {
  "use strict";
  var SIZES = [25, 50, 100, 0];  /* rows a page; 0 = all */
  var collator = (typeof Intl !== "undefined" && Intl.Collator) ?
    new Intl.Collator("zh-Hans-CN", {numeric: true}) : null;

  function compareText(a, b) {
    return collator ? collator.compare(a, b) : (a < b ? -1 : a > b ? 1 : 0);
  }

  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    for (var k in attrs) { if (attrs.hasOwnProperty(k)) { e.setAttribute(k, attrs[k]); } }
    if (text !== undefined) { e.appendChild(document.createTextNode(text)); }
    return e;
  }

  function csvField(value, isText) {
    var s = String(value);
    /* a text cell starting like a formula must not run in Excel */
    if (isText && /^[=+\-@\t\r]/.test(s)) { s = "'" + s; }
    return /[",\r\n]/.test(s) || /^\s|\s$/.test(s) ? "\"" + s.replace(/"/g, "\"\"") + "\"" : s;
  }

  function fileName(box, n) {
    var cap = box.querySelector("caption");
    var base = (document.title || "fazhi") + "-" + (cap ? cap.textContent : "表" + n);
    return base.replace(/[\\\/:*?"<>|\s]+/g, "_").slice(0, 150) + ".csv";
  }

  /* a per-column filter: ">100", "<=5", "=2021", "10-20" for numbers, else "contains" */
  function matcher(query, numeric) {
    var q = query.replace(/^\s+|\s+$/g, "");
    if (!q) { return null; }
    if (numeric) {
      var m = /^(>=|<=|>|<|=)\s*(-?[\d.]+)$/.exec(q);
      var r = /^(-?[\d.]+)\s*[-~～]\s*(-?[\d.]+)$/.exec(q);
      if (m) {
        var x = parseFloat(m[2]), op = m[1];
        return function (cell) {
          var v = cell.num;
          if (v === null) { return false; }
          return op === ">" ? v > x : op === "<" ? v < x : op === ">=" ? v >= x :
            op === "<=" ? v <= x : v === x;
        };
      }
      if (r) {
        var lo = parseFloat(r[1]), hi = parseFloat(r[2]);
        return function (cell) { return cell.num !== null && cell.num >= lo && cell.num <= hi; };
      }
    }
    q = q.toLowerCase();
    return function (cell) { return cell.low.indexOf(q) >= 0; };
  }

  function enhance(box, n) {
    var table = box.querySelector("table");
    if (!table || !table.tHead || !table.tBodies.length) { return; }
    var tbody = table.tBodies[0];
    var ths = table.tHead.rows[0].cells;
    var cols = [];
    for (var c = 0; c < ths.length; c++) {
      cols.push({label: ths[c].textContent, numeric: ths[c].getAttribute("data-type") === "num"});
    }
    var rows = [];
    var trs = tbody.rows;
    for (var i = 0; i < trs.length; i++) {
      var cells = [], all = [];
      for (c = 0; c < trs[i].cells.length; c++) {
        var td = trs[i].cells[c], v = td.getAttribute("data-v"), t = td.textContent;
        cells.push({text: t, low: t.toLowerCase(), num: v === null ? null : parseFloat(v),
                    raw: v, unknown: td.hasAttribute("data-u")});
        all.push(t);
      }
      rows.push({tr: trs[i], cells: cells, low: all.join("\t").toLowerCase(), pos: i});
    }
    var state = {size: parseInt(box.getAttribute("data-page-size"), 10) || 25, page: 0,
                 sortCol: -1, dir: 0, query: "", filters: [], shown: rows};

    /* toolbar: search, per-column filters, download */
    var bar = el("div", {"class": "fazhi-tools"});
    var search = el("input", {type: "search", placeholder: "搜索本表…", "aria-label": "搜索本表"});
    var toggle = el("button", {type: "button", "aria-expanded": "false"}, "按列筛选");
    var dl = el("a", {href: "#", "class": "fazhi-csv", role: "button"},
                "下载 CSV（全部 " + rows.length + " 行）");
    bar.appendChild(search);
    bar.appendChild(toggle);
    bar.appendChild(dl);
    box.insertBefore(bar, box.firstChild);

    var filterRow = el("tr", {"class": "fazhi-filters"});
    for (c = 0; c < cols.length; c++) {
      var th = el("th", {});
      var inp = el("input", {type: "search", "data-col": String(c),
                             placeholder: cols[c].numeric ? ">100、10-20" : "包含…",
                             "aria-label": "筛选 " + cols[c].label});
      th.appendChild(inp);
      filterRow.appendChild(th);
    }
    filterRow.style.display = "none";
    table.tHead.appendChild(filterRow);

    var count = box.querySelector(".fazhi-count") || box.appendChild(el("p", {"class": "fazhi-count"}));
    var pager = el("div", {"class": "fazhi-pager"});
    var first = el("button", {type: "button", "aria-label": "第一页"}, "«");
    var prev = el("button", {type: "button", "aria-label": "上一页"}, "‹");
    var where = el("span", {"class": "fazhi-page"});
    var next = el("button", {type: "button", "aria-label": "下一页"}, "›");
    var last = el("button", {type: "button", "aria-label": "最后一页"}, "»");
    var sizeSel = el("select", {"aria-label": "每页行数"});
    for (var s = 0; s < SIZES.length; s++) {
      var opt = el("option", {value: String(SIZES[s])},
                   SIZES[s] ? "每页 " + SIZES[s] + " 行" : "显示全部");
      if (SIZES[s] === state.size) { opt.selected = true; }
      sizeSel.appendChild(opt);
    }
    if (SIZES.indexOf(state.size) < 0) {
      sizeSel.insertBefore(el("option", {value: String(state.size), selected: "selected"},
                              "每页 " + state.size + " 行"), sizeSel.firstChild);
    }
    pager.appendChild(first); pager.appendChild(prev); pager.appendChild(where);
    pager.appendChild(next); pager.appendChild(last); pager.appendChild(sizeSel);
    box.appendChild(pager);

    var pageable = rows.length > Math.min(state.size, SIZES[0]);

    function pages() { return state.size ? Math.max(1, Math.ceil(state.shown.length / state.size)) : 1; }

    function draw() {
      var total = state.shown.length, np = pages();
      if (state.page >= np) { state.page = np - 1; }
      var from = state.size ? state.page * state.size : 0;
      var to = state.size ? Math.min(total, from + state.size) : total;
      var frag = document.createDocumentFragment();
      for (var k = from; k < to; k++) { frag.appendChild(state.shown[k].tr); }
      while (tbody.firstChild) { tbody.removeChild(tbody.firstChild); }
      tbody.appendChild(frag);
      var text = total === rows.length ? "共 " + rows.length + " 行" :
        "筛选出 " + total + " 行（共 " + rows.length + " 行）";
      if (total > to - from) { text += "，显示第 " + (from + 1) + "–" + to + " 行"; }
      count.textContent = text;
      where.textContent = "第 " + (state.page + 1) + " / " + np + " 页";
      first.disabled = prev.disabled = state.page === 0;
      next.disabled = last.disabled = state.page >= np - 1;
      pager.style.display = pageable ? "" : "none";
    }

    function apply() {
      var q = state.query.toLowerCase().split(/\s+/).filter(function (w) { return w; });
      var fs = [];
      for (var f = 0; f < state.filters.length; f++) {
        if (state.filters[f]) { fs.push([f, state.filters[f]]); }
      }
      var out = rows.filter(function (row) {
        for (var a = 0; a < q.length; a++) { if (row.low.indexOf(q[a]) < 0) { return false; } }
        for (var b = 0; b < fs.length; b++) { if (!fs[b][1](row.cells[fs[b][0]])) { return false; } }
        return true;
      });
      if (state.sortCol >= 0 && state.dir) {
        var col = state.sortCol, num = cols[col].numeric, dir = state.dir;
        out.sort(function (x, y) {
          var a = x.cells[col], b = y.cells[col];
          if (!a || !b) { return x.pos - y.pos; }
          if (a.unknown !== b.unknown) { return a.unknown ? 1 : -1; }  /* unknown last */
          var d = 0;
          if (!a.unknown) {
            d = num ? (a.num === b.num ? 0 : a.num < b.num ? -1 : 1) : compareText(a.text, b.text);
          }
          return d ? d * dir : x.pos - y.pos;
        });
      }
      state.shown = out;
      draw();
    }

    function sortBy(c) {
      /* ascending, descending, then the table's own order */
      if (state.sortCol !== c) { state.sortCol = c; state.dir = 1; }
      else { state.dir = state.dir === 1 ? -1 : state.dir === -1 ? 0 : 1; }
      for (var k = 0; k < ths.length; k++) {
        ths[k].setAttribute("aria-sort", k === c && state.dir ?
          (state.dir === 1 ? "ascending" : "descending") : "none");
      }
      apply();
    }

    for (c = 0; c < ths.length; c++) {
      ths[c].className += " fazhi-sort";
      ths[c].setAttribute("tabindex", "0");
      ths[c].setAttribute("aria-sort", "none");
      ths[c].setAttribute("title", "点击排序");
      (function (k) {
        ths[k].addEventListener("click", function () { sortBy(k); });
        ths[k].addEventListener("keydown", function (e) {
          if (e.key === "Enter" || e.key === " ") { e.preventDefault(); sortBy(k); }
        });
      })(c);
    }

    search.addEventListener("input", function () { state.query = search.value; state.page = 0; apply(); });
    filterRow.addEventListener("input", function (e) {
      var k = parseInt(e.target.getAttribute("data-col"), 10);
      state.filters[k] = matcher(e.target.value, cols[k].numeric);
      state.page = 0;
      apply();
    });
    toggle.addEventListener("click", function () {
      var open = filterRow.style.display === "none";
      filterRow.style.display = open ? "" : "none";
      toggle.setAttribute("aria-expanded", open ? "true" : "false");
    });
    first.addEventListener("click", function () { state.page = 0; draw(); });
    prev.addEventListener("click", function () { state.page -= 1; draw(); });
    next.addEventListener("click", function () { state.page += 1; draw(); });
    last.addEventListener("click", function () { state.page = pages() - 1; draw(); });
    sizeSel.addEventListener("change", function () {
      state.size = parseInt(sizeSel.value, 10); state.page = 0; draw();
    });

    /* every row in the table's own order, whatever is filtered or shown; UTF-8 with BOM */
    dl.addEventListener("click", function (e) {
      e.preventDefault();
      var lines = [cols.map(function (col) { return csvField(col.label, true); }).join(",")];
      for (var k = 0; k < rows.length; k++) {
        lines.push(rows[k].cells.map(function (cell) {
          return cell.raw !== null ? cell.raw : csvField(cell.text, true);
        }).join(","));
      }
      var blob = new Blob(["\ufeff" + lines.join("\r\n") + "\r\n"], {type: "text/csv;charset=utf-8"});
      var name = fileName(box, n);
      if (window.navigator && window.navigator.msSaveOrOpenBlob) {
        window.navigator.msSaveOrOpenBlob(blob, name);
        return;
      }
      var url = URL.createObjectURL(blob);
      var a = el("a", {href: url, download: name});
      a.style.display = "none";
      document.body.appendChild(a);
      a.click();
      setTimeout(function () { URL.revokeObjectURL(url); document.body.removeChild(a); }, 1000);
    });

    box.className += " fazhi-ready";
    apply();
  }

  function init() {
    var boxes = document.querySelectorAll("div.fazhi-table");
    for (var i = 0; i < boxes.length; i++) {
      try {
        enhance(boxes[i], i + 1);
      } catch (err) {  /* that table stays plain; the others are still enhanced */
        if (window.console) { window.console.error("fazhi tables:", err); }
      }
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
