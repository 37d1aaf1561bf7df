// Small progressive enhancements; every page works without this file.
(function () {
  "use strict";
  function enhance(root) {
    // Copy buttons next to secrets shown once (tokens, invitation links, recovery codes).
    root.querySelectorAll("[data-copy]").forEach(function (button) {
      if (button.dataset.copyReady) { return; }
      button.dataset.copyReady = "1";
      button.hidden = false;
      button.addEventListener("click", function () {
        var target = document.getElementById(button.dataset.copy);
        if (!target || !navigator.clipboard) { return; }
        navigator.clipboard.writeText(target.textContent.trim()).then(function () {
          button.textContent = button.dataset.copied || "Copied";
        });
      });
    });
    // Show only the audience picker that matches the chosen audience kind.
    root.querySelectorAll("[data-audience-kind]").forEach(function (select) {
      if (select.dataset.audienceReady) { return; }
      select.dataset.audienceReady = "1";
      var update = function () {
        document.querySelectorAll("[data-audience-for]").forEach(function (box) {
          box.hidden = box.dataset.audienceFor !== select.value;
        });
      };
      select.addEventListener("change", update);
      update();
    });
    // Language picker submits on change.
    root.querySelectorAll("select[data-autosubmit]").forEach(function (select) {
      if (select.dataset.autosubmitReady) { return; }
      select.dataset.autosubmitReady = "1";
      select.addEventListener("change", function () { select.form.requestSubmit(); });
    });
  }
  // htmx swaps the body only: keep <html lang> in step with the language of the page just shown.
  function syncLanguage() {
    var marker = document.getElementById("page-lang");
    if (marker && marker.dataset.lang) { document.documentElement.lang = marker.dataset.lang; }
  }
  document.addEventListener("DOMContentLoaded", function () { enhance(document); });
  document.addEventListener("htmx:afterSettle", syncLanguage);
  document.addEventListener("htmx:load", function (event) { enhance(event.target); });
})();
