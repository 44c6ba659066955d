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
    pre.textContent = lines.join("\n");
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
