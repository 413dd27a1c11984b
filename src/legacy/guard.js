/* Loaded before the add-in's bundles in taskpane.html and commands.html. ES5 only. Office 2016/2019
   (volume-licensed included) on Windows shows add-ins in Internet Explorer 11 or the old EdgeHTML
   webview, which cannot parse the add-in's ES2020 code: without this page the pane would stay blank
   and the ribbon buttons would do nothing. Here such a webview gets a clear message instead, in the
   pane and, for the ribbon buttons, in the outcome dialog. A modern webview is left alone. */
(function () {
  "use strict";
  var modern = true;
  try {
    /* Optional chaining, nullish coalescing, classes, arrow and async functions: all the bundles use. */
    new Function("var a = { b: 1 }; class C {} var f = async () => a?.b ?? 0; return f;");
  } catch (e) {
    modern = false;
  }
  window.__jixiaoModern = modern;
  if (modern) return;

  var MESSAGE = {
    zh: "此版本的 Office 使用旧的网页组件（Internet Explorer 11 或旧版 Edge），无法运行绩效自评助手。请使用 Microsoft 365、Office 2021 或更新版本、Excel 网页版或 Mac 版 Excel；也可以在命令行用 jixiao check 检查表格。",
    en: "This version of Office shows add-ins in an old web view (Internet Explorer 11 or the old Edge) that cannot run the assistant. Use Microsoft 365, Office 2021 or later, Excel on the web or Excel for Mac; or check the workbook with the jixiao check command."
  };
  var page = document.documentElement.getAttribute("data-page");

  function showInPane() {
    var root = document.getElementById("root");
    if (!root) return;
    root.innerHTML = "";
    var box = document.createElement("div");
    box.setAttribute("role", "alert");
    box.style.cssText = "font-family:'Microsoft YaHei',sans-serif;margin:16px;padding:12px;border:1px solid #c50f1f;color:#242424;line-height:1.5";
    var zh = document.createElement("p");
    zh.appendChild(document.createTextNode(MESSAGE.zh));
    var en = document.createElement("p");
    en.style.color = "#616161";
    en.appendChild(document.createTextNode(MESSAGE.en));
    box.appendChild(zh);
    box.appendChild(en);
    root.appendChild(box);
  }

  function command(event) {
    var done = false;
    function finish() {
      if (done) return;
      done = true;
      event.completed();
    }
    try {
      var summary = { tone: "error", title: { zh: "无法运行", en: "Cannot run" }, lines: [MESSAGE] };
      var url = window.location.href.replace(/[^/]*([?#].*)?$/, "dialog.html") + "#" + encodeURIComponent(JSON.stringify(summary));
      window.Office.context.ui.displayDialogAsync(url, { height: 40, width: 30 }, function (result) {
        if (result.status !== "succeeded") return finish();
        result.value.addEventHandler(window.Office.EventType.DialogMessageReceived, function () {
          result.value.close();
          finish();
        });
        result.value.addEventHandler(window.Office.EventType.DialogEventReceived, finish);
      });
    } catch (e) {
      finish();
    }
  }

  if (page === "commands") {
    window.checkSheet = command;
    window.fillSheet = command;
  }
  if (window.Office) {
    window.Office.initialize = function () {
      if (page === "commands" && window.Office.actions && window.Office.actions.associate) {
        window.Office.actions.associate("checkSheet", command);
        window.Office.actions.associate("fillSheet", command);
      }
    };
  }
  if (page === "taskpane") {
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", showInPane);
    else showInPane();
  }
})();
