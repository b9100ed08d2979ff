/* 女性社会组织专栏: small enhancements. Every page works without this script. */
(function () {
  "use strict";

  /* Instant directory filter: on the full directory, chips filter the cards in place
     (facets combine); on a filter page the chips stay plain links. */
  function initDirectory(root) {
    if (root.getAttribute("data-col-filter") !== "all") return;
    var cards = Array.prototype.slice.call(root.querySelectorAll(".col-card"));
    var chosen = {};

    function apply() {
      cards.forEach(function (card) {
        var ok = !card.hasAttribute("data-col-gone") && Object.keys(chosen).every(function (facet) {
          var values = (card.getAttribute("data-" + facet) || "").split(" ");
          return !chosen[facet] || values.indexOf(chosen[facet]) >= 0;
        });
        card.hidden = !ok;
      });
      refreshList(root);
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

  /* After cards were hidden: day groups without a visible card hide too; the count follows. */
  function refreshList(root) {
    root.querySelectorAll(".col-group").forEach(function (group) {
      group.hidden = !group.querySelector(".col-card:not([hidden])");
    });
    var shown = root.querySelectorAll(".col-card:not([hidden])").length;
    var count = root.querySelector(".col-result__count");
    var empty = root.querySelector(".col-empty");
    if (count) count.textContent = String(shown);
    if (empty) empty.hidden = shown > 0;
  }

  /* Event states by the reader's clock, so a page built yesterday is right today.
     Labels as in render/when.py; cancelled or undated events (data-col-fixed) keep theirs. */
  var STATES = { ongoing: "进行中", ended: "已结束" };
  var DAY = 86400000, CST = 8 * 3600 * 1000;  /* Asia/Shanghai, no DST */
  var WEEKDAYS = ["周日", "周一", "周二", "周三", "周四", "周五", "周六"];

  /* When an upcoming event is, as render/when.py upcoming_label says it: 今天, 明天, 本周六, 下周二, 12 月 19 日（27 天后）. */
  function upcomingLabel(start, now) {
    var startDay = Math.floor((start + CST) / DAY), today = Math.floor((now + CST) / DAY);
    var days = startDay - today, date = new Date(start + CST);
    if (days <= 1) return days === 1 ? "明天" : "今天";
    var monday = today - (new Date(now + CST).getUTCDay() + 6) % 7;
    var week = Math.floor((startDay - monday) / 7);
    if (week <= 1) return (week === 0 ? "本" : "下") + WEEKDAYS[date.getUTCDay()];
    return (date.getUTCMonth() + 1) + " 月 " + date.getUTCDate() + " 日（" + days + " 天后）";
  }

  function initClock(now) {
    document.querySelectorAll("[data-col-start]").forEach(function (el) {
      var start = Date.parse(el.getAttribute("data-col-start"));
      var end = Date.parse(el.getAttribute("data-col-end"));
      var state = now < start ? "upcoming" : (now < end ? "ongoing" : "ended");
      var badge = el.querySelector("[data-col-state]");
      if (badge && !el.hasAttribute("data-col-fixed")) {
        badge.textContent = state === "upcoming" ? upcomingLabel(start, now) : STATES[state];
        badge.className = "col-badge col-state col-state--" + state;
      }
      if (state === "ended" && el.classList.contains("col-card") && el.closest("[data-col-upcoming]")) {
        el.setAttribute("data-col-gone", "");
        el.hidden = true;
      }
    });
    document.querySelectorAll("[data-col-upcoming]").forEach(refreshList);
    var today = new Date(now + 8 * 3600 * 1000).toISOString().slice(0, 10);  /* Asia/Shanghai, no DST */
    document.querySelectorAll(".col-month td[data-col-date]").forEach(function (cell) {
      var mine = cell.getAttribute("data-col-date") === today && cell.classList.contains("col-month__day");
      if (mine) cell.setAttribute("aria-current", "date");
      else cell.removeAttribute("aria-current");
    });
  }

  /* Calendars: the ways to subscribe, rebuilt from the address this page was opened at (so a mirror on
     any host and path subscribes to itself), the reader's own platform first. WeChat's in-app browser
     cannot open calendars at all: there the link and the ways explain how to reach the system browser. */
  function platform(ua) {
    if (/MicroMessenger/i.test(ua)) return "wechat";
    if (/iPhone|iPad|iPod|Macintosh/i.test(ua)) return "apple";
    return /Android/i.test(ua) ? "google" : "other";
  }

  function initSubscribe(control, where) {
    var link = control.querySelector("[data-col-ics]");
    var https = new URL(link.getAttribute("href"), location.href).href;
    var webcal = "webcal://" + https.replace(/^https?:\/\//, "");
    control.querySelector("[data-col-webcal]").href = webcal;
    control.querySelector("[data-col-google]").href = "https://calendar.google.com/calendar/r?cid=" + encodeURIComponent(webcal);
    control.querySelector("[data-col-ics-url]").value = https;
    var ways = control.querySelector(".col-ics__ways");
    var mine = ways.querySelector('[data-col-way="' + where + '"]');
    if (mine) ways.insertBefore(mine, ways.querySelector(".col-ics__way"));
    var hint = control.querySelector(".col-ics__hint");
    if (where !== "wechat") return;
    hint.hidden = false;
    link.addEventListener("click", function (event) {
      event.preventDefault();
      ways.open = true;
    });
  }

  function initCalendarLinks() {
    var where = platform(navigator.userAgent);
    document.querySelectorAll("[data-col-subscribe]").forEach(function (control) { initSubscribe(control, where); });
  }

  /* The home page announcement also disappears after its last day by the reader's clock. */
  function initNotice(now) {
    var today = new Date(now + 8 * 3600 * 1000).toISOString().slice(0, 10);  /* Asia/Shanghai */
    document.querySelectorAll("[data-col-until]").forEach(function (el) {
      if (el.getAttribute("data-col-until") < today) el.hidden = true;
    });
  }

  function ready(fn) {
    if (document.readyState !== "loading") fn();
    else document.addEventListener("DOMContentLoaded", fn);
  }

  ready(function () {
    initClock(Date.now());
    initNotice(Date.now());
    initCalendarLinks();
    document.querySelectorAll(".col-directory").forEach(initDirectory);
  });
})();
