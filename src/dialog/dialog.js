/* The outcome dialog of the ribbon commands. ES5 only (no build step): it must run in every webview
   Office uses, including IE 11. It shows what the URL's hash carries ({tone, title, lines}, each text
   as {zh, en}) with textContent only, Chinese first and English below, and a 关闭 Close button that
   tells the command (messageParent), which then closes the dialog. */
(function () {
  "use strict";

  /** As DIALOG_SELF_CLOSE_MS in src/commands/outcomeDialog.ts (a test holds them equal). */
  var SELF_CLOSE_MS = 240000;

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
    var lines = document.createElement("div");
    lines.className = "lines";
    lines.setAttribute("tabindex", "0");
    for (var i = 0; i < s.lines.length; i++) lines.appendChild(bilingual("p", s.lines[i]));
    root.appendChild(lines);
    var foot = document.createElement("div");
    foot.className = "foot";
    var button = document.createElement("button");
    button.type = "button";
    button.appendChild(document.createTextNode("关闭 Close"));
    button.onclick = close;
    foot.appendChild(button);
    var later = document.createElement("small");
    later.appendChild(document.createTextNode("本窗口 4 分钟后自动关闭。This window closes itself after 4 minutes."));
    foot.appendChild(later);
    root.appendChild(foot);
    button.focus();
    // Office ends a ribbon command after five minutes, and the dialog with it: close before that.
    window.setTimeout(close, SELF_CLOSE_MS);
    document.onkeydown = function (e) {
      if ((e || window.event).keyCode === 27) close();
    };
  }

  if (window.Office) window.Office.initialize = function () {};
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", render);
  else render();
})();
