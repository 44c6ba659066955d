import Site

/// What `/pagefind/pagefind-ui.js` answers in the preview while its search index is not ready.
enum PreviewSearchScript {
    /// The stand-in for Pagefind's UI script in `state`: while the first index is made, the search box says
    /// so, asks `/__guidepost/search` until it is ready, then loads Pagefind's own script in its place;
    /// when search is unavailable, it says that search is off.
    static func script(_ state: PreviewSearch.State) -> String {
        state == .indexing ? indexing : LiveReload.searchOff
    }

    static let indexing = """
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
              style.href = source.replace(/pagefind-ui\\.js$/, "pagefind-ui.css");
              document.head.appendChild(style);
              var script = document.createElement("script");
              script.src = source;
              script.onload = function () { note.remove(); new window.PagefindUI(options); };
              document.head.appendChild(script);
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

        """
}
