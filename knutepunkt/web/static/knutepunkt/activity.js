/* Activity log: a filter for the long partner list. Progressive enhancement: the forms
   work without this script. (Municipality suggestions come from the shared datalist.) */
(function () {
  "use strict";

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

  partnerFilter();
}());
