/* The playground's stand-in for office.js in the pages it frames (the add-in's real commands page and
   its dialog page): Office and Excel are the emulator the playground installed in its own window
   (src/emulator/install.ts), as office.js would connect a page to Excel. A dialog page gets an Office
   whose messageParent reaches the command that opened it. ES5, like the pages it serves. */
(function () {
  "use strict";
  var parentWindow = window.parent;
  var office = parentWindow && parentWindow.__jixiaoOffice;
  if (!office) return;
  if (/dialog\.html$/.test(window.location.pathname)) {
    window.Office = {
      context: {
        ui: {
          messageParent: function (message) {
            parentWindow.__jixiaoDialogMessage(String(message));
          }
        },
        requirements: office.context.requirements
      },
      onReady: function () {
        return { then: function (f) { f({ host: "Excel" }); } };
      }
    };
    return;
  }
  window.Office = office;
  window.Excel = parentWindow.Excel;
})();
