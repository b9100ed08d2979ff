/* 女性社会组织专栏: small enhancements. Every page works without this script. */
(function () {
  "use strict";

  /* Instant directory filter: on the full directory, chips filter the cards in place
     (facets combine); on a filter page the chips stay plain links. */
  function initDirectory(root) {
    if (root.getAttribute("data-col-filter") !== "all") return;
    var cards = Array.prototype.slice.call(root.querySelectorAll(".col-card"));
    var chosen = {};
    var count = root.querySelector(".col-result__count");
    var empty = root.querySelector(".col-empty");

    function apply() {
      var shown = 0;
      cards.forEach(function (card) {
        var ok = Object.keys(chosen).every(function (facet) {
          var values = (card.getAttribute("data-" + facet) || "").split(" ");
          return !chosen[facet] || values.indexOf(chosen[facet]) >= 0;
        });
        card.hidden = !ok;
        if (ok) shown += 1;
      });
      count.textContent = String(shown);
      empty.hidden = shown > 0;
    }

    root.querySelectorAll(".col-facet").forEach(function (group) {
      var facet = group.getAttribute("data-facet");
      group.querySelectorAll(".col-chip").forEach(function (chip) {
        chip.setAttribute("role", "button");
        chip.setAttribute("aria-pressed", chip.classList.contains("col-chip--on") ? "true" : "false");
        chip.addEventListener("keydown", function (event) {
          if (event.key === " ") { event.preventDefault(); chip.click(); }
        });
        chip.addEventListener("click", function (event) {
          event.preventDefault();
          chosen[facet] = chip.getAttribute("data-value");
          group.querySelectorAll(".col-chip").forEach(function (other) {
            var on = other === chip;
            other.classList.toggle("col-chip--on", on);
            other.setAttribute("aria-pressed", on ? "true" : "false");
          });
          apply();
        });
      });
    });
  }

  function ready(fn) {
    if (document.readyState !== "loading") fn();
    else document.addEventListener("DOMContentLoaded", fn);
  }

  ready(function () {
    document.querySelectorAll(".col-directory").forEach(initDirectory);
  });
})();
