/* 朗读: reads the page's main text aloud with the browser's own speech synthesis (no third-party
   script, nothing sent). The button shows only where the device has a Chinese voice. */
(function () {
  "use strict";

  var synth = window.speechSynthesis;
  var LABEL = "朗读本页", STOP = "停止朗读";

  function chineseVoice() {
    var voices = synth.getVoices();
    for (var i = 0; i < voices.length; i++) {
      if (/^zh/i.test(voices[i].lang) && /CN|Hans|^zh$/i.test(voices[i].lang)) return voices[i];
    }
    for (var j = 0; j < voices.length; j++) if (/^zh/i.test(voices[j].lang)) return voices[j];
    return null;
  }

  /* The article's visible text in pieces of at most ~120 characters, cut after sentences. */
  function pieces(article) {
    var text = (article.innerText || "").replace(/([。！？；])/g, "$1\n");
    var parts = text.split(/\n+/);
    var result = [];
    parts.forEach(function (part) {
      part = part.trim();
      if (part === LABEL || part === STOP) return;
      while (part.length > 120) { result.push(part.slice(0, 120)); part = part.slice(120); }
      if (part) result.push(part);
    });
    return result;
  }

  function speak(button, article, voice) {
    synth.cancel();
    var queue = pieces(article);
    queue.forEach(function (piece, n) {
      var u = new SpeechSynthesisUtterance(piece);
      u.lang = voice.lang;
      u.voice = voice;
      u.rate = 0.9;
      if (n === queue.length - 1) u.onend = function () { button.textContent = LABEL; button.setAttribute("aria-pressed", "false"); };
      synth.speak(u);
    });
  }

  function offer(article) {
    var voice = chineseVoice();
    var button = document.querySelector(".col-read-aloud");
    if (!voice) { if (button) button.hidden = true; return; }
    if (button) { button.hidden = false; return; }
    button = document.createElement("button");
    button.type = "button";
    button.className = "col-read-aloud md-button";
    button.textContent = LABEL;
    button.setAttribute("aria-pressed", "false");
    button.addEventListener("click", function () {
      if (button.getAttribute("aria-pressed") === "true") {
        synth.cancel();
        button.textContent = LABEL;
        button.setAttribute("aria-pressed", "false");
        return;
      }
      button.textContent = STOP;
      button.setAttribute("aria-pressed", "true");
      speak(button, article, chineseVoice());
    });
    var heading = article.querySelector("h1");
    if (heading) heading.insertAdjacentElement("afterend", button);
    else article.insertBefore(button, article.firstChild);
  }

  function start() {
    var article = document.querySelector(".md-content__inner");
    if (!synth || !window.SpeechSynthesisUtterance || !article) return;
    offer(article);
    if (synth.addEventListener) synth.addEventListener("voiceschanged", function () { offer(article); });
    window.addEventListener("pagehide", function () { synth.cancel(); });
  }

  if (document.readyState !== "loading") start();
  else document.addEventListener("DOMContentLoaded", start);
})();
