/* Guidepost: interactive checklists, live deadline banners, language suggestion.
   Plain JavaScript, no framework, no inline handlers (works under a strict CSP). */
(function () {
  "use strict";

  var STORE = "guidepost:";

  function storage() {
    try {
      var probe = STORE + "probe";
      window.localStorage.setItem(probe, "1");
      window.localStorage.removeItem(probe);
      return window.localStorage;
    } catch (e) {
      return null;
    }
  }

  /* The form of `element`'s `prefix`+category attribute for `count`: the CLDR category from
     Intl.PluralRules (zero, one, two, few, many, other), among the forms the page carries; "other" when
     the page has no form for that category. */
  function plural(lang, count, element, prefix) {
    var category = "other";
    try {
      category = new Intl.PluralRules(lang).select(count);
    } catch (e) {
      category = "other";
    }
    var text = element.getAttribute(prefix + category);
    return text === null ? element.getAttribute(prefix + "other") || "" : text;
  }

  /* `count` in the page language's digits and grouping, as the build writes it (the build names the
     locale's numbering system when it is not Latin digits: Arabic-Indic for ar-EG). */
  function number(lang, count) {
    try {
      var numbering = document.documentElement.getAttribute("data-numbering");
      return new Intl.NumberFormat(lang, numbering ? { numberingSystem: numbering } : {}).format(count);
    } catch (e) {
      return String(count);
    }
  }

  /* ---------- Checklists ---------- */

  function setUpChecklist(list, store, lang, texts) {
    var id = list.getAttribute("data-checklist");
    var boxes = list.querySelectorAll('input[type="checkbox"]');
    var status = document.createElement("p");
    status.className = "checklist-progress";
    status.setAttribute("aria-live", "polite");
    var reset = document.createElement("button");
    reset.type = "button";
    reset.className = "checklist-reset";
    reset.textContent = texts.reset;
    var bar = document.createElement("div");
    bar.className = "checklist-controls";
    bar.appendChild(status);
    bar.appendChild(reset);
    list.appendChild(bar);

    /* A tick is saved under the box's id and the list's length: when editors add, split or remove steps,
       ticks saved for the old list are not shown against different steps (the same step keeps its id in
       every language, so ticks follow the reader across translations). */
    function key(box) {
      return STORE + box.id + "/" + boxes.length;
    }

    function update() {
      var done = 0;
      for (var i = 0; i < boxes.length; i++) if (boxes[i].checked) done++;
      var template = plural(lang, boxes.length, document.body, "data-progress-") || "{done}/{count}";
      status.textContent = template.replace("{done}", number(lang, done)).replace("{count}", number(lang, boxes.length));
      list.setAttribute("data-done", String(done));
    }

    for (var i = 0; i < boxes.length; i++) {
      var box = boxes[i];
      if (store) {
        var saved = store.getItem(key(box));
        if (saved === "1") box.checked = true;
        if (saved === "0") box.checked = false;
      }
      box.addEventListener("change", function (event) {
        if (store) store.setItem(key(event.target), event.target.checked ? "1" : "0");
        update();
      });
    }
    reset.addEventListener("click", function () {
      for (var j = 0; j < boxes.length; j++) {
        boxes[j].checked = false;
        /* "0", not removal: items ticked in the Markdown ([x]) stay cleared after a reload. */
        if (store) store.setItem(key(boxes[j]), "0");
      }
      update();
      if (boxes.length) boxes[0].focus();
    });
    update();
    list.setAttribute("data-ready", id);
  }

  /* ---------- Deadline banners ---------- */

  function dayNumber(isoDate) {
    var parts = isoDate.split("-");
    return Date.UTC(+parts[0], +parts[1] - 1, +parts[2]) / 86400000;
  }

  function todayIn(zone, now) {
    try {
      var parts = new Intl.DateTimeFormat("en-CA", { timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit" }).formatToParts(now);
      var get = function (type) {
        for (var i = 0; i < parts.length; i++) if (parts[i].type === type) return parts[i].value;
        return "";
      };
      return get("year") + "-" + get("month") + "-" + get("day");
    } catch (e) {
      return now.toISOString().slice(0, 10);
    }
  }

  /** The banner state at `now`, the same rule as the build's (DeadlineStatus.swift). */
  function bannerState(banner, now) {
    var deadline = Number(banner.getAttribute("data-deadline"));
    if (now.getTime() >= deadline) return { state: "passed", days: 0 };
    var days = dayNumber(banner.getAttribute("data-last-day")) - dayNumber(todayIn(banner.getAttribute("data-zone"), now)) + 1;
    if (days <= 1) return { state: "last-day", days: days };
    if (days <= Number(banner.getAttribute("data-warning-days"))) return { state: "closing", days: days };
    return { state: "open", days: days };
  }

  function updateBanner(banner, lang, now) {
    var result = bannerState(banner, now);
    var text;
    if (result.state === "passed") text = banner.getAttribute("data-passed-text");
    else if (result.state === "last-day") text = banner.getAttribute("data-last-day-text");
    else {
      var prefix = result.state === "open" ? "data-open-" : "data-closing-";
      text = plural(lang, result.days, banner, prefix);
    }
    text = text.replace("{count}", number(lang, result.days));
    var previous = banner.getAttribute("data-state");
    banner.setAttribute("data-state", result.state);
    banner.className = banner.className.replace("banner-" + previous, "banner-" + result.state);
    var status = banner.querySelector("[data-banner-status]");
    if (status) status.textContent = text;
    var asOf = banner.querySelector("[data-banner-asof]");
    if (asOf) asOf.hidden = true; /* the status is now live, not as of the build */
    var after = banner.querySelector("[data-banner-after]");
    if (after) after.hidden = result.state !== "passed";
    /* A reminder for a day that is over would be useless: the calendar link goes once the deadline passes. */
    var actions = banner.querySelector("[data-banner-actions]");
    if (actions) actions.hidden = result.state === "passed";
  }

  /* ---------- Root page: suggest a language, never redirect ---------- */

  function suggestLanguage(store) {
    var choices = document.querySelectorAll("[data-choose-language]");
    if (!choices.length) return;
    var available = [];
    for (var i = 0; i < choices.length; i++) available.push(choices[i].getAttribute("data-choose-language"));
    var chosen = store && store.getItem(STORE + "language");
    if (!chosen || available.indexOf(chosen) < 0) {
      chosen = null;
      var wanted = navigator.languages || [navigator.language || ""];
      for (var w = 0; w < wanted.length && !chosen; w++) {
        var code = String(wanted[w]).toLowerCase().split("-")[0];
        if (available.indexOf(code) >= 0) chosen = code;
      }
    }
    for (var c = 0; c < choices.length; c++) {
      var link = choices[c];
      var item = link.closest("[data-language]");
      if (link.getAttribute("data-choose-language") === chosen && item) {
        item.classList.add("suggested");
        item.parentNode.insertBefore(item, item.parentNode.firstChild);
      }
      link.addEventListener("click", function (event) {
        if (store) store.setItem(STORE + "language", event.currentTarget.getAttribute("data-choose-language"));
      });
    }
  }

  /* ---------- Search (Pagefind: one index per <html lang>) ---------- */

  function setUpSearch() {
    var box = document.querySelector("[data-search]");
    if (!box || typeof window.PagefindUI !== "function") return;
    box.id = box.id || "site-search";
    new window.PagefindUI({ element: "#" + box.id, showImages: false, resetStyles: false });
    labelSearchField(box, 0);
  }

  /* Pagefind's field has only a placeholder and a title; give it a visible label in the page's language. */
  function labelSearchField(box, attempt) {
    var field = box.querySelector("input");
    if (!field) {
      if (attempt < 50) window.setTimeout(function () { labelSearchField(box, attempt + 1); }, 20);
      return;
    }
    field.id = "site-search-field";
    var label = document.createElement("label");
    label.className = "site-search-label";
    label.setAttribute("for", field.id);
    label.textContent = box.getAttribute("aria-label") || "Search";
    box.insertBefore(label, box.firstChild);
  }

  function start() {
    var store = storage();
    var lang = document.documentElement.lang || "en";
    var body = document.body;
    var texts = {
      reset: body.getAttribute("data-reset") || "Reset"
    };
    var lists = document.querySelectorAll("[data-checklist]");
    for (var i = 0; i < lists.length; i++) setUpChecklist(lists[i], store, lang, texts);
    var banners = document.querySelectorAll("[data-banner]");
    for (var b = 0; b < banners.length; b++) updateBanner(banners[b], lang, new Date());
    suggestLanguage(store);
    setUpSearch();
  }

  window.Guidepost = { bannerState: bannerState };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
