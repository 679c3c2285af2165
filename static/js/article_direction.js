// The article's own fields follow the edition being written, not the admin's
// language: right-to-left with lang="ar" for Arabic, left-to-right for English.
// The server sets the same on the inputs; this keeps them right when the edition
// field changes before saving, and reaches the body editor and read-only rows.
(function () {
  "use strict";
  var FIELDS = ["title", "lead", "body", "source_label", "reporter_credit",
    "translator_credit", "image_alt", "image_caption", "image_credit",
    "rendered_body"];

  function currentLanguage() {
    var select = document.getElementById("id_language");
    if (select) return select.value;
    var marker = document.querySelector("[data-article-language]");
    return marker ? marker.getAttribute("data-article-language") : "";
  }

  function apply() {
    var language = currentLanguage();
    if (!language) return;
    var direction = language === "ar" ? "rtl" : "ltr";
    FIELDS.forEach(function (name) {
      document.querySelectorAll(".field-" + name).forEach(function (row) {
        // The label stays in the admin's language; what is written takes the
        // article's. Direction is inherited, so the editor's surface follows.
        row.querySelectorAll("input, textarea, .prose-editor, .readonly")
          .forEach(function (box) {
            box.setAttribute("lang", language);
            box.setAttribute("dir", direction);
          });
        // The editor turns the browser's spell-checking off; writers want it.
        row.querySelectorAll("[contenteditable]").forEach(function (surface) {
          surface.setAttribute("spellcheck", "true");
        });
      });
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    apply();
    var select = document.getElementById("id_language");
    if (select) select.addEventListener("change", apply);
    // The prose editor builds its surface after load; once it is there, stop
    // watching (typing changes the document on every key).
    if (!document.querySelector(".field-body textarea")) return;
    var watcher = new MutationObserver(function () {
      if (document.querySelector(".field-body .prose-editor")) {
        watcher.disconnect();
        apply();
      }
    });
    watcher.observe(document.body, { childList: true, subtree: true });
  });
})();
