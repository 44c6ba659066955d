import Foundation

/// The script that reloads a tab after each rebuild and shows build errors over the page, and the
/// overlay's own stylesheet (a file, as the pages' CSP allows no inline style).
enum LiveReload {
    static func inject(into html: String) -> String {
        guard let end = html.range(of: "</body>", options: .backwards) else { return html }
        return html.replacingCharacters(in: end, with: "<script src=\"/__guidepost/live.js\"></script>\n</body>")
    }

    /// The live-reload script; with `fixedNow`, the page's scripts see that instant as the time (so the
    /// deadline banners show the state `--now` previews, not the clock's).
    static func script(fixedNow: Date?) -> String {
        guard let fixedNow else { return script }
        let milliseconds = Int64((fixedNow.timeIntervalSince1970 * 1000).rounded())
        return """
            (function (fixed) {
              "use strict";
              var Real = window.Date;
              function PreviewDate() {
                var args = Array.prototype.slice.call(arguments);
                return args.length ? new (Function.prototype.bind.apply(Real, [null].concat(args)))() : new Real(fixed);
              }
              PreviewDate.prototype = Real.prototype;
              PreviewDate.now = function () { return fixed; };
              PreviewDate.UTC = Real.UTC;
              PreviewDate.parse = Real.parse;
              window.Date = PreviewDate;
            })(\(milliseconds));

            """ + script
    }

    static let script = """
        (function () {
          "use strict";
          var errorPage = document.documentElement.hasAttribute("data-guidepost-error-page");
          var scrollKey = "guidepost-scroll";
          try {
            var saved = JSON.parse(sessionStorage.getItem(scrollKey) || "null");
            sessionStorage.removeItem(scrollKey);
            if (saved && saved.path === location.pathname) {
              window.addEventListener("load", function () { window.scrollTo(saved.x, saved.y); });
            }
          } catch (e) {}
          function reload() {
            try { sessionStorage.setItem(scrollKey, JSON.stringify({ path: location.pathname, x: window.scrollX, y: window.scrollY })); } catch (e) {}
            location.reload();
          }
          function hideError() {
            var old = document.getElementById("guidepost-error");
            if (old) old.remove();
          }
          function showError(lines) {
            hideError();
            if (!document.getElementById("guidepost-overlay-css")) {
              var link = document.createElement("link");
              link.id = "guidepost-overlay-css";
              link.rel = "stylesheet";
              link.href = "/__guidepost/overlay.css";
              document.head.appendChild(link);
            }
            var overlay = document.createElement("section");
            overlay.id = "guidepost-error";
            overlay.setAttribute("role", "alert");
            overlay.setAttribute("lang", "en");
            var title = document.createElement("h1");
            title.textContent = "Build failed";
            var note = document.createElement("p");
            note.textContent = errorPage
              ? "There is no good version to show yet. Fix the file and save; this page reloads by itself."
              : "The last good version is behind this message. Fix the file and save; this page reloads by itself.";
            var pre = document.createElement("pre");
            pre.textContent = lines.join("\\n");
            overlay.appendChild(title);
            overlay.appendChild(note);
            overlay.appendChild(pre);
            (errorPage && document.querySelector("main") || document.body).appendChild(overlay);
          }
          function check() {
            return fetch("/__guidepost/status", { cache: "no-store" }).then(function (r) { return r.json(); }).then(function (status) {
              if (status.last && status.last.errors.length) showError(status.last.errors);
              else if (errorPage) reload();
              else hideError();
            }).catch(function () {});
          }
          function connect() {
            var socket = new WebSocket((location.protocol === "https:" ? "wss://" : "ws://") + location.host + "/__guidepost/live");
            socket.onmessage = function (event) {
              if (event.data === "reload") reload();
              else if (event.data.indexOf("navigate ") === 0) {
                var target = event.data.slice("navigate ".length);
                if (target === location.pathname) reload(); else location.assign(target);
              }
              else check();
            };
            socket.onclose = function () { window.setTimeout(connect, 500); };
          }
          check();
          connect();
        })();
        """

    /// Stands in for Pagefind's UI script in the preview: the search box says that search is off.
    static let searchOff = """
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

        """

    /// Stands in for Pagefind's UI stylesheet in the preview.
    static let searchOffStyle = """
        .guidepost-search-off { margin: 0; font-size: .9rem; font-style: italic; }

        """

    static let stylesheet = """
        /* guidepost serve: the build-error overlay, readable over any theme. */
        #guidepost-error {
          position: fixed; inset: 0; z-index: 2147483647; overflow: auto; box-sizing: border-box;
          margin: 0; padding: 1.5rem; max-width: none; text-align: left;
          background: #1d1d1f; color: #f4f4f5; font: 15px/1.55 ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace;
        }
        #guidepost-error h1 { margin: 0 0 .75rem; padding: 0; font: bold 1.25rem/1.3 system-ui, sans-serif; color: #ffb3a7; background: none; }
        #guidepost-error p { margin: 0 0 1rem; padding: 0; font: 1rem/1.5 system-ui, sans-serif; color: #f4f4f5; background: none; }
        #guidepost-error pre {
          margin: 0; padding: 1rem; white-space: pre-wrap; overflow-wrap: anywhere; font: inherit;
          color: #f4f4f5; background: #2b2b2e; border: 1px solid #55555a; border-radius: 4px;
        }

        """
}
