/* 女性社会组织专栏: reading modes remembered on this device (localStorage; no cookie, nothing sent):
   长者模式 (large text, high contrast), 朗读 with the browser's own speech synthesis, and the staff
   switch that shows "编辑此页". Also scrolls the selected filter chip into view. */
(function () {
  "use strict";

  var ELDER = "column-elder", STAFF = "column-staff";

  function remembered(key) {
    try { return window.localStorage.getItem(key) === "1"; } catch (e) { return false; }
  }

  function remember(key, on) {
    try {
      if (on) window.localStorage.setItem(key, "1");
      else window.localStorage.removeItem(key);
    } catch (e) { /* private mode: the switch still works on this page */ }
  }

  /* One switch (a button with aria-pressed) bound to one remembered setting. */
  function bindSwitch(button, key, apply) {
    function show(on) {
      button.setAttribute("aria-pressed", on ? "true" : "false");
      apply(on);
    }
    button.hidden = false;
    show(remembered(key));
    button.addEventListener("click", function () {
      var on = button.getAttribute("aria-pressed") !== "true";
      remember(key, on);
      show(on);
    });
  }

  function applyElder(on) {
    document.documentElement.classList.toggle("col-elder", on);
  }

  function applyStaff(on) {
    document.querySelectorAll("[data-col-edit]").forEach(function (link) {
      if (on) link.setAttribute("href", link.getAttribute("data-col-edit"));
      else link.removeAttribute("href");
      var holder = link.closest(".col-staff-only") || link;
      holder.hidden = !on;
    });
  }

  /* The chosen filter value (aria-current) scrolled into its sideways-scrolling row. */
  function showChosenChips() {
    document.querySelectorAll(".col-chips [aria-current='page']").forEach(function (chip) {
      var row = chip.closest(".col-chips");
      var left = chip.getBoundingClientRect().left - row.getBoundingClientRect().left;
      row.scrollLeft += left - 8;
    });
  }

  function ready(fn) {
    if (document.readyState !== "loading") fn();
    else document.addEventListener("DOMContentLoaded", fn);
  }

  applyElder(remembered(ELDER));
  ready(function () {
    document.querySelectorAll("[data-col-elder-switch]").forEach(function (b) { bindSwitch(b, ELDER, applyElder); });
    document.querySelectorAll("[data-col-staff-switch]").forEach(function (b) { bindSwitch(b, STAFF, function (on) {
      applyStaff(on);
      var state = document.querySelector("[data-col-staff-state]");
      if (state) state.textContent = on ? "已打开：本设备上的页面显示“编辑此页”。" : "已关闭：本设备上的页面不显示“编辑此页”。";
    }); });
    applyStaff(remembered(STAFF));
    showChosenChips();
  });
})();
