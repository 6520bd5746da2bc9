/* Activity log: municipality suggestions and a partner filter. Progressive enhancement:
   the forms work without this script (the server resolves what was typed). */
(function () {
  "use strict";

  function municipalitySuggestions() {
    var list = document.getElementById("activity-municipalities");
    var input = document.querySelector("input[data-municipality]");
    var url = document.querySelector("[data-places-url]");
    url = url ? url.getAttribute("data-places-url") : "/finn-hjelp/kommuner.json";
    if (!list || !input || !window.fetch) { return; }
    var timer = null;
    var latest = "";

    function fill(items) {
      while (list.firstChild) { list.removeChild(list.firstChild); }
      items.forEach(function (item) {
        var option = document.createElement("option");
        option.value = item.label;
        option.textContent = item.number;
        list.appendChild(option);
      });
    }

    function lookup() {
      var text = input.value.trim();
      if (text.length < 2 || text === latest) { return; }
      latest = text;
      fetch(url + "?q=" + encodeURIComponent(text), { headers: { Accept: "application/json" } })
        .then(function (response) { return response.ok ? response.json() : []; })
        .then(function (items) { if (text === latest) { fill(items); } })
        .catch(function () { /* suggestions are optional */ });
    }

    input.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(lookup, 120);
    });
  }

  function partnerFilter() {
    var boxes = document.querySelectorAll("fieldset[data-filterable]");
    Array.prototype.forEach.call(boxes, function (fieldset) {
      var holder = fieldset.querySelector("[data-filter-box]");
      var search = holder && holder.querySelector("input");
      var items = fieldset.querySelectorAll("input[type=checkbox]");
      if (!search || items.length < 8) { return; }
      holder.hidden = false;
      search.addEventListener("input", function () {
        var text = search.value.trim().toLowerCase();
        Array.prototype.forEach.call(items, function (box) {
          var label = box.closest("label") || box.parentNode;
          var row = label.parentNode && label.parentNode.tagName === "DIV" ? label.parentNode : label;
          var match = !text || box.checked || label.textContent.toLowerCase().indexOf(text) !== -1;
          row.hidden = !match;
        });
      });
      // Enter in the filter box must not submit the form.
      search.addEventListener("keydown", function (event) {
        if (event.key === "Enter") { event.preventDefault(); }
      });
    });
  }

  municipalitySuggestions();
  partnerFilter();
}());
