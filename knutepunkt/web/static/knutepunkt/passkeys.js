/* Passkeys (WebAuthn): adding one on the passkeys page and using one on the code page.
   Progressive enhancement: the forms are hidden until this script finds a browser with
   passkey support (the JSON helpers of WebAuthn level 3); the authenticator-app code works
   without it. Texts come from the form's data attributes, translated by the server. */
(function () {
  "use strict";
  var PKC = window.PublicKeyCredential;
  if (!PKC || !PKC.parseCreationOptionsFromJSON || !PKC.parseRequestOptionsFromJSON ||
      !navigator.credentials) {
    return;
  }

  function postJSON(url, token, body) {
    return fetch(url, {
      method: "POST",
      credentials: "same-origin",
      headers: { "X-CSRFToken": token, "Content-Type": "application/json", "Accept": "application/json" },
      body: body === undefined ? "{}" : JSON.stringify(body)
    }).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (data) {
        if (!response.ok) { throw new Error(data.detail || "HTTP " + response.status); }
        return data;
      });
    });
  }

  var ceremonies = {
    register: function (form, token) {
      var name = form.querySelector("[name=name]").value;
      return postJSON(form.dataset.begin, token).then(function (options) {
        return navigator.credentials.create({ publicKey: PKC.parseCreationOptionsFromJSON(options) });
      }).then(function (credential) {
        var url = form.dataset.complete + "?name=" + encodeURIComponent(name);
        return postJSON(url, token, credential.toJSON());
      }).then(function () {
        window.location.assign(form.dataset.done);
      });
    },
    authenticate: function (form, token) {
      return postJSON(form.dataset.begin, token).then(function (options) {
        return navigator.credentials.get({ publicKey: PKC.parseRequestOptionsFromJSON(options) });
      }).then(function (credential) {
        return postJSON(form.dataset.complete, token, credential.toJSON());
      }).then(function (result) {
        window.location.assign(result.redirect_url);
      });
    }
  };

  document.querySelectorAll("form[data-passkey]").forEach(function (form) {
    var ceremony = ceremonies[form.dataset.passkey];
    if (!ceremony) { return; }
    var status = form.querySelector("[role=status]");
    var button = form.querySelector("button[type=submit]");
    var token = form.querySelector("input[name=csrfmiddlewaretoken]").value;
    form.hidden = false;
    document.querySelectorAll("[data-passkey-fallback]").forEach(function (el) { el.hidden = true; });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      button.disabled = true;
      status.textContent = form.dataset.busy;
      ceremony(form, token).catch(function (error) {
        button.disabled = false;
        var cancelled = error && (error.name === "NotAllowedError" || error.name === "AbortError");
        status.textContent = cancelled ? form.dataset.cancelled : form.dataset.failed;
        button.focus();
      });
    });
  });
})();
