// Progressive enhancement for the export progress page: poll the status JSON every 2 s
// and update the page in place. Without JavaScript the "Refresh" link does the same.
(function () {
  "use strict";
  var root = document.getElementById("export-status");
  if (!root || !window.fetch) { return; }
  var url = root.getAttribute("data-status-url");
  function show(name, visible) {
    var el = root.querySelector('[data-when="' + name + '"]');
    if (el) { el.hidden = !visible; }
  }
  function update(data) {
    root.querySelector('[data-field="status_label"]').textContent = data.status_label;
    root.querySelector('[data-field="progress"]').textContent = data.progress;
    root.querySelector("progress").value = data.progress;
    show("done", data.done);
    show("failed", data.failed);
    show("pending", !data.done && !data.failed);
    return data.done || data.failed;
  }
  function poll() {
    fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) { return response.json(); })
      .then(function (data) { if (!update(data)) { window.setTimeout(poll, 2000); } })
      .catch(function () { window.setTimeout(poll, 5000); });
  }
  window.setTimeout(poll, 2000);
})();
