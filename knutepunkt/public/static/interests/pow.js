/* Proof of work for the interest form (progressive enhancement).
   Finds a counter so that sha256(nonce + counter) has N leading zero bits and puts it in
   the hidden pow_solution field; the "write the number seven" question is then hidden.
   Without Web Crypto (or without JavaScript) the question stays and the form still works. */
(function () {
  "use strict";
  var form = document.querySelector("form[data-pow-nonce]");
  if (!form || !window.crypto || !window.crypto.subtle || !window.TextEncoder) {
    return;
  }
  var nonce = form.getAttribute("data-pow-nonce");
  var bits = parseInt(form.getAttribute("data-pow-bits"), 10);
  var solution = form.querySelector("input[name=pow_solution]");
  var question = document.getElementById("human-check");
  var status = document.getElementById("pow-status");
  var encoder = new TextEncoder();

  function zeroBits(bytes) {
    var count = 0;
    for (var i = 0; i < bytes.length; i++) {
      if (bytes[i] === 0) { count += 8; continue; }
      for (var mask = 0x80; mask > 0 && !(bytes[i] & mask); mask >>= 1) { count++; }
      break;
    }
    return count;
  }

  async function solve() {
    for (var counter = 0; ; counter++) {
      var digest = await window.crypto.subtle.digest("SHA-256", encoder.encode(nonce + counter));
      if (zeroBits(new Uint8Array(digest)) >= bits) { return String(counter); }
    }
  }

  var done = false;
  var waiting = false;
  if (question) { question.hidden = true; }
  var work = solve().then(function (found) {
    solution.value = found;
    done = true;
    if (waiting) { HTMLFormElement.prototype.submit.call(form); }
  }, function () {
    if (question) { question.hidden = false; }
  });

  form.addEventListener("submit", function (event) {
    if (done) { return; }
    event.preventDefault();
    waiting = true;
    if (status) { status.textContent = status.getAttribute("data-wait") || "…"; }
    return work;
  });
})();
