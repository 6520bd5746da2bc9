/* "Find help": municipality suggestions and "use my location". Progressive enhancement:
   the form works as a plain GET form without this script. */
(function () {
  "use strict";
  var form = document.querySelector("form.find-form");
  if (!form) { return; }
  var place = form.querySelector("[data-find-place]");
  var list = document.getElementById("find-places");
  var number = form.querySelector("input[name=kommune]");
  var lat = form.querySelector("input[name=lat]");
  var lon = form.querySelector("input[name=lon]");
  var status = form.querySelector("[data-near-me-status]");
  var nearMe = form.querySelector("[data-near-me]");
  var url = form.getAttribute("data-places-url");
  var numbers = {};
  var timer = null;
  var latest = "";

  function clearPosition() {
    if (lat) { lat.value = ""; }
    if (lon) { lon.value = ""; }
  }

  function pickExact() {
    var chosen = numbers[place.value];
    number.value = chosen || "";
  }

  function fill(items) {
    numbers = {};
    while (list.firstChild) { list.removeChild(list.firstChild); }
    items.forEach(function (item) {
      var option = document.createElement("option");
      option.value = item.label;
      numbers[item.label] = item.number;
      list.appendChild(option);
    });
    pickExact();
  }

  function lookup() {
    var text = place.value.trim();
    if (text.length < 2 || text === latest) { return; }
    latest = text;
    fetch(url + "?q=" + encodeURIComponent(text), { headers: { Accept: "application/json" } })
      .then(function (response) { return response.ok ? response.json() : []; })
      .then(function (items) { if (text === latest) { fill(items); } })
      .catch(function () { /* suggestions are optional */ });
  }

  if (place && list && number && url && window.fetch) {
    place.addEventListener("input", function () {
      number.value = "";
      clearPosition();
      pickExact();
      window.clearTimeout(timer);
      timer = window.setTimeout(lookup, 150);
    });
    place.addEventListener("change", pickExact);
  }

  if (nearMe && lat && lon && navigator.geolocation) {
    nearMe.hidden = false;
    nearMe.addEventListener("click", function () {
      if (status) { status.textContent = status.getAttribute("data-locating"); }
      nearMe.disabled = true;
      navigator.geolocation.getCurrentPosition(
        function (position) {
          lat.value = position.coords.latitude.toFixed(4);
          lon.value = position.coords.longitude.toFixed(4);
          if (number) { number.value = ""; }
          if (place) { place.value = ""; }
          form.submit();
        },
        function () {
          nearMe.disabled = false;
          if (status) { status.textContent = status.getAttribute("data-failed"); }
          if (place) { place.focus(); }
        },
        { enableHighAccuracy: false, timeout: 10000, maximumAge: 600000 }
      );
    });
  }
})();
