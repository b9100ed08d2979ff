/* 女性社会组织专栏 · 在线培训: chapter links that seek the player, and click-to-load embeds.
   Without this script the page still works: chapters are listed, the native player plays,
   and an embedded video is a plain link to the platform's page. */
(function () {
  "use strict";

  /* Chapter links: <a href="#t=75" data-seek="75"> set the player's time and play.
     Playing first (inside the click) lets browsers that do not preload, like iOS Safari, start loading. */
  function seek(player, seconds, play) {
    function go() { player.currentTime = seconds; }
    if (player.readyState >= 1) go();
    else player.addEventListener("loadedmetadata", go, { once: true });
    if (play) {
      var started = player.play();
      if (started && started.catch) started.catch(function () {});
    }
  }

  /* Mark the chapter being played, for sighted readers and screen readers alike. */
  function followChapters(player, links) {
    player.addEventListener("timeupdate", function () {
      var now = player.currentTime;
      links.forEach(function (link, i) {
        var next = links[i + 1] ? Number(links[i + 1].getAttribute("data-seek")) : Infinity;
        if (now >= Number(link.getAttribute("data-seek")) && now < next) link.setAttribute("aria-current", "true");
        else link.removeAttribute("aria-current");
      });
    });
  }

  function initChapters(player) {
    var links = Array.prototype.slice.call(document.querySelectorAll("a[data-seek]"));
    links.forEach(function (link) {
      link.addEventListener("click", function (event) {
        event.preventDefault();
        seek(player, Number(link.getAttribute("data-seek")), true);
        if (history.replaceState) history.replaceState(null, "", link.getAttribute("href"));
        var box = player.getBoundingClientRect();
        if (box.top < 0 || box.bottom > window.innerHeight) player.scrollIntoView({ block: "center" });
        player.focus();
      });
    });
    followChapters(player, links);
    /* A shared link such as …/training/<id>/#t=75 opens at that moment. */
    var start = /^#t=(\d+)$/.exec(location.hash);
    if (start) seek(player, Number(start[1]), false);
  }

  /* Click-to-load: nothing is requested from the platform until the reader presses play. */
  function initEmbed(box) {
    var link = box.querySelector(".col-embed__cover");
    var where = box.getAttribute("data-col-platform");
    var button = document.createElement("button");
    button.type = "button";
    button.className = "col-embed__cover";
    while (link.firstChild) button.appendChild(link.firstChild);
    button.querySelector(".col-embed__note").textContent =
      "点击播放（将在 " + where + " 播放，会连接到第三方网站）";
    link.replaceWith(button);
    button.addEventListener("click", function () {
      var frame = document.createElement("iframe");
      frame.src = box.getAttribute("data-col-embed");
      frame.title = box.getAttribute("data-col-title") + "（" + where + " 播放器）";
      frame.className = "col-embed__frame";
      frame.setAttribute("allow", "autoplay; fullscreen; picture-in-picture; encrypted-media");
      frame.setAttribute("allowfullscreen", "");
      frame.setAttribute("referrerpolicy", "strict-origin-when-cross-origin");
      button.replaceWith(frame);
      frame.focus();
    });
  }

  function ready(fn) {
    if (document.readyState !== "loading") fn();
    else document.addEventListener("DOMContentLoaded", fn);
  }

  ready(function () {
    var player = document.querySelector("[data-col-player]");
    if (player) initChapters(player);
    document.querySelectorAll(".col-embed[data-col-embed]").forEach(initEmbed);
  });
})();
