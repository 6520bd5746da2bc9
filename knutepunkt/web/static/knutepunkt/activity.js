/* Activity log forms. Progressive enhancement: every field is present and labelled in the
   HTML and the forms work without this script. The script
   - shows the fields the chosen type uses, with that type's label and help, and hides the
     rest (a field that holds a value or an error is never hidden);
   - filters long checkbox lists (partners) by a typed name;
   - moves focus to the error summary after a failed save. */
(function () {
  "use strict";

  function partnerFilter() {
    var boxes = document.querySelectorAll("fieldset[data-filterable]");
    Array.prototype.forEach.call(boxes, function (fieldset) {
      var holder = fieldset.querySelector("[data-filter-box]");
      var search = holder && holder.querySelector("input");
      var count = holder && holder.querySelector("[aria-live]");
      var items = fieldset.querySelectorAll("input[type=checkbox]");
      if (!search || items.length < 8) { return; }
      holder.hidden = false;
      search.addEventListener("input", function () {
        var text = search.value.trim().toLowerCase();
        var shown = 0;
        Array.prototype.forEach.call(items, function (box) {
          var label = box.closest("label") || box.parentNode;
          var row = label.parentNode && label.parentNode.tagName === "DIV" ? label.parentNode : label;
          var match = !text || box.checked || label.textContent.toLowerCase().indexOf(text) !== -1;
          row.hidden = !match;
          if (match) { shown += 1; }
        });
        if (count) { count.textContent = text ? shown + " / " + items.length : ""; }
      });
      // Enter in the filter box must not submit the form.
      search.addEventListener("keydown", function (event) {
        if (event.key === "Enter") { event.preventDefault(); }
      });
    });
  }

  function hasValueOrError(wrapper) {
    if (wrapper.querySelector(".errorlist")) { return true; }
    var inputs = wrapper.querySelectorAll("input, select, textarea");
    return Array.prototype.some.call(inputs, function (input) {
      if (input.type === "radio" || input.type === "checkbox") { return input.checked; }
      return input.value !== "";
    });
  }

  function shapeByKind() {
    var form = document.querySelector("form[data-kind-form]");
    var data = document.getElementById("activity-kind-profiles");
    if (!form || !data) { return; }
    var profiles = JSON.parse(data.textContent);
    var kind = form.querySelector("select[name=kind]");
    var shaped = ["participants", "people_reached", "channel", "end_date", "event", "url"];
    var generic = {};
    shaped.forEach(function (name) {
      var wrapper = form.querySelector("[data-field=" + name + "]");
      if (!wrapper) { return; }
      var label = wrapper.querySelector("label[for], legend");
      var help = wrapper.querySelector(".help");
      generic[name] = {
        label: label ? label.textContent : "",
        help: help ? help.textContent : ""
      };
    });
    function apply() {
      var profile = profiles[kind.value] || {};
      shaped.forEach(function (name) {
        var wrapper = form.querySelector("[data-field=" + name + "]");
        if (!wrapper) { return; }
        var spec = profile[name];
        var label = wrapper.querySelector("label[for], legend");
        var help = wrapper.querySelector(".help");
        var text = spec ? spec.label : generic[name].label;
        if (label) { label.textContent = text; }
        if (help) {
          help.textContent = spec ? spec.help : generic[name].help;
          help.hidden = !help.textContent;
        }
        wrapper.hidden = !spec && !hasValueOrError(wrapper);
      });
    }
    kind.addEventListener("change", apply);
    apply();
  }

  function focusErrorSummary() {
    var summary = document.querySelector(".error-summary");
    if (summary) { summary.focus(); }
  }

  partnerFilter();
  shapeByKind();
  focusErrorSummary();
}());
