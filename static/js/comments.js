// Progressive enhancement for the comment form. Without this file the form works
// fully: the first post returns the form with everything typed and the code to type,
// and "New image" posts it back for a fresh code. With it, the code is fetched as soon
// as the reader starts writing (the article page itself is the same for every reader),
// renewed in place, and a live counter shows how many characters are left.
(function () {
  "use strict";

  function refreshCaptcha(form, button) {
    var box = button.closest("[data-captcha]");
    var image = box.querySelector("[data-captcha-image]");
    var audio = box.querySelector("[data-captcha-audio]");
    var key = form.querySelector("input[name='captcha_0']");
    var answer = form.querySelector("input[name='captcha_1']");
    button.disabled = true;
    fetch(button.dataset.refreshUrl, {
      headers: { "X-Requested-With": "XMLHttpRequest" },
      credentials: "same-origin"
    })
      .then(function (response) {
        if (!response.ok) throw new Error(response.status);
        return response.json();
      })
      .then(function (data) {
        image.src = data.image_url;
        key.value = data.key;
        if (audio && data.audio_url) audio.href = data.audio_url;
        answer.value = "";
        answer.focus();
      })
      .catch(function () {
        // Fall back to the plain form post, which also renews the code.
        button.dataset.plainPost = "true";
        button.disabled = false;
        button.click();
      })
      .finally(function () { button.disabled = false; });
  }

  function addCounter(textarea) {
    var max = parseInt(textarea.getAttribute("maxlength"), 10);
    if (!max) return;
    // The field's hint states the limit; the live count takes its place, so the
    // limit is said once.
    var counter = document.getElementById(textarea.id + "_helptext");
    if (!counter) {
      counter = document.createElement("p");
      counter.className = "form-text";
      counter.id = textarea.id + "_counter";
      textarea.insertAdjacentElement("afterend", counter);
    }
    counter.classList.add("char-counter");
    counter.setAttribute("aria-live", "polite");
    var template = textarea.form.dataset.counterTemplate || "Plain text, %s characters left";
    function update() {
      var left = max - textarea.value.length;
      counter.textContent = template.replace("%s", left);
      counter.classList.toggle("text-danger", left < 100);
    }
    textarea.addEventListener("input", update);
    update();
  }

  function bindRefresh(form) {
    form.querySelectorAll("[data-captcha-refresh]").forEach(function (button) {
      button.addEventListener("click", function (event) {
        if (button.dataset.plainPost) return;
        event.preventDefault();
        refreshCaptcha(form, button);
      });
    });
  }

  function loadChallenge(form) {
    var url = form.dataset.challengeUrl;
    if (!url || form.dataset.challengeLoading) return;
    form.dataset.challengeLoading = "true";
    fetch(url, { credentials: "same-origin" })
      .then(function (response) {
        if (!response.ok) throw new Error(response.status);
        return response.text();
      })
      .then(function (html) {
        var slot = form.querySelector("[data-comment-challenge]");
        // The fragment is our own server's markup for this form.
        slot.innerHTML = html;
        bindRefresh(form);
      })
      .catch(function () {
        // Leave the note in place: posting still leads to the code.
        delete form.dataset.challengeLoading;
      });
  }

  function init() {
    document.querySelectorAll("[data-comment-form]").forEach(function (form) {
      bindRefresh(form);
      form.querySelectorAll("textarea[data-counter]").forEach(addCounter);
      if (form.dataset.challengeUrl) {
        form.addEventListener("focusin", function () { loadChallenge(form); });
      }
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
