// Progressive enhancement for the latest-news ticker: without this file the ticker is
// a plain, scrollable list of links. With it, the line scrolls continuously, pausing
// on hover and keyboard focus, and stays still for readers who prefer reduced motion.
(function () {
  "use strict";

  function start(viewport) {
    var track = viewport.querySelector(".ticker-track");
    if (!track || track.children.length < 2) return;
    if (window.matchMedia("(prefers-reduced-motion: reduce)").matches) return;

    // A second copy makes the loop seamless; it is hidden from assistive technology
    // and from the tab order so each headline is announced and focused once.
    var copies = Array.prototype.map.call(track.children, function (item) {
      var copy = item.cloneNode(true);
      copy.setAttribute("aria-hidden", "true");
      copy.querySelectorAll("a").forEach(function (link) {
        link.setAttribute("tabindex", "-1");
      });
      return copy;
    });
    copies.forEach(function (copy) { track.appendChild(copy); });

    // About 80 pixels a second, whatever the number of headlines.
    var seconds = Math.max(20, Math.round(track.scrollWidth / 2 / 80));
    viewport.style.setProperty("--np-ticker-duration", seconds + "s");
    viewport.classList.add("is-animated");

    // Moving text must be stoppable by any reader, not only by hovering (WCAG 2.2.2).
    var toggle = document.createElement("button");
    toggle.type = "button";
    toggle.className = "ticker-toggle";
    toggle.setAttribute("aria-pressed", "false");
    toggle.textContent = "❚❚";
    toggle.setAttribute("aria-label", viewport.dataset.pauseLabel);
    toggle.addEventListener("click", function () {
      var paused = viewport.classList.toggle("is-paused");
      toggle.setAttribute("aria-pressed", paused ? "true" : "false");
      toggle.textContent = paused ? "▶" : "❚❚";
    });
    viewport.parentNode.insertBefore(toggle, viewport);

    // Keyboard readers see the whole headline they move to.
    viewport.addEventListener("focusin", function (event) {
      event.target.scrollIntoView({ block: "nearest", inline: "nearest" });
    });
  }

  function init() {
    document.querySelectorAll("[data-ticker]").forEach(start);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
