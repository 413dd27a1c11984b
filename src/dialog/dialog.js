/* The outcome dialog of the ribbon commands. ES5 only (no build step): it must run in every webview
   Office uses, including IE 11. It shows what the URL's hash carries ({tone, title, lines}, each text
   as {zh, en}) with textContent only, Chinese first and English below, and a 关闭 Close button that
   tells the command (messageParent), which then closes the dialog. */
(function () {
  "use strict";

  function parse() {
    try {
      var s = JSON.parse(decodeURIComponent(window.location.hash.slice(1)));
      if (s && s.title && s.lines) return s;
    } catch (e) {
      /* fall through */
    }
    return { tone: "error", title: { zh: "没有可显示的内容", en: "Nothing to show" }, lines: [] };
  }

  function bilingual(tag, msg) {
    var el = document.createElement(tag);
    el.appendChild(document.createTextNode(String(msg && msg.zh ? msg.zh : "")));
    if (msg && msg.en) {
      var en = document.createElement("span");
      en.className = "en";
      en.setAttribute("lang", "en");
      en.appendChild(document.createTextNode(String(msg.en)));
      el.appendChild(en);
    }
    return el;
  }

  function close() {
    try {
      window.Office.context.ui.messageParent("close");
    } catch (e) {
      window.close();
    }
  }

  function render() {
    var s = parse();
    var root = document.getElementById("outcome");
    root.className = "tone-" + (s.tone === "ok" || s.tone === "warn" ? s.tone : "error");
    var title = bilingual("h1", s.title);
    title.id = "outcome-title";
    root.appendChild(title);
    for (var i = 0; i < s.lines.length; i++) root.appendChild(bilingual("p", s.lines[i]));
    var button = document.createElement("button");
    button.type = "button";
    button.appendChild(document.createTextNode("关闭 Close"));
    button.onclick = close;
    root.appendChild(button);
    button.focus();
    document.onkeydown = function (e) {
      if ((e || window.event).keyCode === 27) close();
    };
  }

  if (window.Office) window.Office.initialize = function () {};
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", render);
  else render();
})();
