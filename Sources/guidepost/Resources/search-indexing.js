(function (source) {
  "use strict";
  window.PagefindUI = function (options) {
    var box = document.querySelector(options.element);
    if (!box) return;
    var note = document.createElement("p");
    note.className = "guidepost-search-off";
    note.setAttribute("lang", "en");
    note.textContent = "The preview's search index is being made; the search box appears here when it is ready.";
    box.appendChild(note);
    function load() {
      var style = document.createElement("link");
      style.rel = "stylesheet";
      style.href = source.replace(/pagefind-ui\.js$/, "pagefind-ui.css");
      document.head.appendChild(style);
      var script = document.createElement("script");
      script.src = source;
      script.onload = function () { note.remove(); new window.PagefindUI(options); label(0); };
      document.head.appendChild(script);
    }
    /* guidepost.js labels the field when the page loads; a box made later gets the same label here. */
    function label(attempt) {
      var field = box.querySelector("input");
      if (!field) {
        if (attempt < 100) window.setTimeout(function () { label(attempt + 1); }, 20);
        return;
      }
      if (box.querySelector("label")) return;
      field.id = field.id || "site-search-field";
      var tag = document.createElement("label");
      tag.className = "site-search-label";
      tag.setAttribute("for", field.id);
      tag.textContent = box.getAttribute("aria-label") || "Search";
      box.insertBefore(tag, box.firstChild);
    }
    function ask() {
      fetch("/__guidepost/search", { cache: "no-store" }).then(function (r) { return r.json(); }).then(function (search) {
        if (search.state === "indexing") window.setTimeout(ask, 300);
        else if (search.state === "ready" && source) load();
        else note.textContent = "Search is off in the preview (guidepost serve): its index is made by guidepost build.";
      }).catch(function () { window.setTimeout(ask, 1000); });
    }
    ask();
  };
})(document.currentScript ? document.currentScript.src : "");

