window.PagefindUI = function (options) {
  "use strict";
  var box = document.querySelector(options.element);
  if (!box) return;
  var note = document.createElement("p");
  note.className = "guidepost-search-off";
  note.setAttribute("lang", "en");
  note.textContent = "Search is off in the preview (guidepost serve): its index is made by guidepost build.";
  box.appendChild(note);
};
