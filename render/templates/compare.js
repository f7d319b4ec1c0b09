/* The comparison pages' enhancements; each page works without them.
   Dashboard: sort by any column (buttons in the headers, aria-sort), filter by language, title
   and "needs review only". Article page: the "needs review" filter lists the rows in review order
   (data-review, the least sure machine drafts first), the others in document order. */
(function () {
  "use strict";
  var lang = document.documentElement.lang;
  var collator = new Intl.Collator(lang, {numeric: true, sensitivity: "base"});

  function key(cell) {
    var marked = cell.querySelector("data, time");
    if (marked && marked.tagName === "DATA") return Number(marked.value);
    if (marked) return marked.dateTime;
    var text = cell.textContent.trim();
    return /^\d+$/.test(text) ? Number(text) : text;
  }

  function compare(a, b) {
    return typeof a === "number" && typeof b === "number" ? a - b : collator.compare(String(a), String(b));
  }

  function sortable(table) {
    var body = table.tBodies[0];
    var rows = [].slice.call(body.rows);
    rows.forEach(function (row, index) { row.dataset.position = index; });
    var headers = [].slice.call(table.tHead.rows[0].cells);
    headers.forEach(function (header, column) {
      var button = document.createElement("button");
      button.type = "button";
      while (header.firstChild) button.appendChild(header.firstChild);
      header.appendChild(button);
      button.addEventListener("click", function () {
        var ascending = header.getAttribute("aria-sort") !== "ascending";
        headers.forEach(function (other) { other.removeAttribute("aria-sort"); });
        header.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        var keyed = rows.map(function (row) { return {row: row, key: key(row.cells[column])}; });
        keyed.sort(function (a, b) {
          var order = compare(a.key, b.key) * (ascending ? 1 : -1);
          return order || a.row.dataset.position - b.row.dataset.position;
        });
        var sorted = document.createDocumentFragment();
        keyed.forEach(function (item) { sorted.appendChild(item.row); });
        body.appendChild(sorted);
      });
    });
    return rows;
  }

  function filterable(rows) {
    var form = document.querySelector("form.filters");
    var status = document.querySelector("p.shown");
    var count = document.getElementById("shown-count");
    var numbers = new Intl.NumberFormat(lang);
    var language = document.getElementById("filter-language");
    var title = document.getElementById("filter-title");
    var review = document.getElementById("filter-needs-review");
    function apply() {
      var words = title.value.trim().toLocaleLowerCase(lang);
      var shown = 0;
      rows.forEach(function (row) {
        var keep = (!language.value || row.dataset.language === language.value) &&
          (!review.checked || row.classList.contains("needs-review")) &&
          row.cells[0].textContent.toLocaleLowerCase(lang).indexOf(words) !== -1;
        row.hidden = !keep;
        shown += keep ? 1 : 0;
      });
      count.textContent = numbers.format(shown);
    }
    form.addEventListener("input", apply);
    form.addEventListener("change", apply);
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.hidden = false;
    status.hidden = false;
    apply();
  }

  function reviewOrder(body) {
    var rows = [].slice.call(body.rows);
    var filter = document.getElementById("filter-review");
    function rank(row) { return row.dataset.review ? Number(row.dataset.review) : Number.MAX_SAFE_INTEGER; }
    function apply() {
      var ordered = filter.checked ? rows.slice().sort(function (a, b) { return rank(a) - rank(b); }) : rows;
      body.parentNode.classList.toggle("in-review-order", filter.checked);
      var fragment = document.createDocumentFragment();
      ordered.forEach(function (row) { fragment.appendChild(row); });
      body.appendChild(fragment);
    }
    document.querySelectorAll("input[name=filter]").forEach(function (input) {
      input.addEventListener("change", apply);
    });
    apply();
  }

  var dashboard = document.querySelector("table.dashboard");
  if (dashboard) filterable(sortable(dashboard));
  var alignment = document.querySelector("table.alignment tbody");
  if (alignment) reviewOrder(alignment);
})();
