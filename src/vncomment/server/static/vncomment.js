/*! vncomment.js: live feedback under a Vietnamese comment box, from a vncomment server. MIT.
 *
 * Usage (no build step): mark the site's textarea and add the script, served by the server.
 *
 *   <textarea name="body" data-vncomment></textarea>
 *   <script src="https://check.example.vn/vncomment.js" defer></script>
 *
 * The form keeps working without the script: the script only adds feedback. As the reader types
 * it asks POST /v1/validate (debounced; a stale request is aborted), announces the message in an
 * aria-live region, lists and underlines the words typed without marks and the links, and
 * enables the form's submit button only when the comment passes. When the server cannot be
 * reached, the button is enabled again and the form is submitted as the site always did (the
 * site still checks on save).
 *
 * Options, as attributes of the textarea (or of the script tag, for every textarea):
 *   data-vncomment-endpoint  the validate URL (default: v1/validate beside this script)
 *   data-vncomment-lang      "vi" (default) or "en"
 *   data-vncomment-delay     milliseconds of quiet before asking (default 400)
 * From JavaScript: window.vncomment.attach(textarea, {endpoint, lang, delay}).
 */
(function () {
  "use strict";

  var script = document.currentScript;
  var scriptData = (script && script.dataset) || {};
  var defaultEndpoint = script && script.src ? new URL("v1/validate", script.src).href : "/v1/validate";

  var WORDS = {
    vi: {
      ok: "Bình luận hợp lệ, bạn có thể gửi.",
      offline: "Chưa kiểm tra được bình luận lúc này; bạn vẫn có thể gửi, máy chủ sẽ kiểm tra.",
      tooLong: "Bình luận quá dài.",
      unmarked: "Chữ chưa có dấu:",
      link: "Liên kết:",
      phone: "Số điện thoại:",
      suggestion: "Dùng bản có dấu: ",
      linkTag: "liên kết",
      phoneTag: "số điện thoại"
    },
    en: {
      ok: "The comment can be posted.",
      offline: "The comment could not be checked just now; you can still post it, the server will check it.",
      tooLong: "The comment is too long.",
      unmarked: "Words without diacritics:",
      link: "Links:",
      phone: "Phone numbers:",
      suggestion: "Use the marked text: ",
      linkTag: "link",
      phoneTag: "phone"
    }
  };

  var KINDS = { missing_diacritics: "unmarked", contains_link: "link", contains_phone: "phone" };

  var CSS =
    ".vnc-status{margin:6px 0;font-size:.95em}" +
    ".vnc-status p{margin:2px 0}" +
    ".vnc-status[data-state=rejected]{border-left:4px solid #b00020;padding-left:8px}" +
    ".vnc-status[data-state=ok]{border-left:4px solid #1b7f3b;padding-left:8px}" +
    ".vnc-status[data-state=ok] p:first-child::before{content:'\\2713\\00a0'}" +
    ".vnc-status[data-state=rejected] p:first-child::before{content:'\\2717\\00a0'}" +
    ".vnc-mirror{white-space:pre-wrap;overflow-wrap:anywhere;border:1px dashed #999;padding:6px 8px;margin:6px 0;font-size:.95em;max-height:12em;overflow:auto}" +
    ".vnc-mirror[hidden],.vnc-words[hidden],.vnc-suggestion[hidden]{display:none}" +
    "mark.vnc-mark{background:#fff3bf;color:inherit;text-decoration-line:underline;text-decoration-thickness:2px;text-underline-offset:3px}" +
    "mark.vnc-unmarked{text-decoration-style:wavy;text-decoration-color:#b00020}" +
    "mark.vnc-link,mark.vnc-phone{background:#ffd8d8;text-decoration-style:double;text-decoration-color:#b00020;outline:1px solid #b00020}" +
    ".vnc-tag{font-size:.75em;vertical-align:super;margin-left:2px;color:#b00020}" +
    ".vnc-words{margin:4px 0;padding:0;list-style:none;font-size:.95em}" +
    ".vnc-words li{margin:2px 0}" +
    ".vnc-words mark{margin:0 .25em}" +
    ".vnc-suggestion{margin:4px 0;font:inherit;font-size:.95em;cursor:pointer}";

  function addStyle() {
    if (document.getElementById("vncomment-style")) return;
    var style = document.createElement("style");
    style.id = "vncomment-style";
    style.textContent = CSS;
    document.head.appendChild(style);
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  // A textarea can hold half an emoji (a lone surrogate: pasted, or cut by a script), which
  // JSON.stringify sends as "\ud800" and the service refuses as not JSON, so the box fell back
  // to "offline". U+FFFD, what the form itself submits in its place, keeps every UTF-16 index.
  function wellFormed(text) {
    return text.replace(/\p{Cs}/gu, "\uFFFD");
  }

  function submitButtons(form) {
    if (!form) return [];
    return Array.prototype.filter.call(form.elements, function (field) {
      var type = (field.getAttribute("type") || "").toLowerCase();
      return (field.tagName === "BUTTON" && (type === "" || type === "submit")) ||
        (field.tagName === "INPUT" && (type === "submit" || type === "image"));
    });
  }

  // The stretches to underline, in UTF-16 units (JavaScript's own), merged, with their kind.
  function marksOf(report) {
    var marks = [];
    report.violations.forEach(function (v) {
      var kind = KINDS[v.code];
      if (!kind) return;
      if (v.span_utf16) marks.push({ start: v.span_utf16[0], end: v.span_utf16[1], kind: kind });
      (v.params.spans_utf16 || []).forEach(function (span) {
        marks.push({ start: span[0], end: span[1], kind: kind });
      });
    });
    marks.sort(function (a, b) { return a.start - b.start || b.end - a.end; });
    var merged = [];
    marks.forEach(function (m) {
      var last = merged[merged.length - 1];
      if (last && m.start < last.end) {
        if (m.kind !== "unmarked") last.kind = m.kind; // a link inside wins over a word in it
        last.end = Math.max(last.end, m.end);
      } else {
        merged.push(m);
      }
    });
    return merged;
  }

  function attach(textarea, options) {
    if (!textarea || textarea.vncomment) return textarea && textarea.vncomment;
    options = options || {};
    var data = textarea.dataset;
    var endpoint = options.endpoint || data.vncommentEndpoint || scriptData.vncommentEndpoint || defaultEndpoint;
    var lang = options.lang || data.vncommentLang || scriptData.vncommentLang || "vi";
    var words = WORDS[lang] || WORDS.vi;
    var delay = Number(options.delay || data.vncommentDelay || scriptData.vncommentDelay || 400);
    var form = textarea.form;
    var buttons = submitButtons(form);

    addStyle();
    var box = el("div", "vnc-box");
    var status = el("div", "vnc-status");
    status.setAttribute("role", "status");
    status.setAttribute("aria-live", "polite");
    status.id = (textarea.id || "vnc" + Math.random().toString(36).slice(2)) + "-vncomment";
    var list = el("ul", "vnc-words");
    list.hidden = true;
    var mirror = el("div", "vnc-mirror");
    mirror.setAttribute("aria-hidden", "true");
    mirror.hidden = true;
    var suggest = el("button", "vnc-suggestion");
    suggest.type = "button";
    suggest.hidden = true;
    box.appendChild(status);
    box.appendChild(list);
    box.appendChild(mirror);
    box.appendChild(suggest);
    textarea.insertAdjacentElement("afterend", box);
    var describedBy = textarea.getAttribute("aria-describedby");
    textarea.setAttribute("aria-describedby", (describedBy ? describedBy + " " : "") + status.id);

    // state: "unknown" (not yet answered for this text), "ok", "rejected", "offline"
    var state = { text: null, verdict: "unknown" };
    var controller = null;
    var timer = null;
    var submitAfterCheck = false;

    function setButtons(enabled) {
      buttons.forEach(function (button) {
        button.disabled = !enabled;
        if (enabled) button.removeAttribute("aria-disabled");
        else button.setAttribute("aria-disabled", "true");
      });
    }

    function showMessages(lines, verdict) {
      status.setAttribute("data-state", verdict);
      status.textContent = "";
      lines.forEach(function (line) { status.appendChild(el("p", null, line)); });
    }

    function showMarks(text, marks) {
      mirror.textContent = "";
      list.textContent = "";
      var byKind = { unmarked: [], link: [], phone: [] };
      var at = 0;
      marks.forEach(function (m) {
        mirror.appendChild(document.createTextNode(text.slice(at, m.start)));
        var mark = el("mark", "vnc-mark vnc-" + m.kind, text.slice(m.start, m.end));
        mirror.appendChild(mark);
        if (m.kind !== "unmarked") mirror.appendChild(el("span", "vnc-tag", words[m.kind + "Tag"]));
        byKind[m.kind].push(text.slice(m.start, m.end));
        at = m.end;
      });
      mirror.appendChild(document.createTextNode(text.slice(at)));
      mirror.hidden = marks.length === 0;
      Object.keys(byKind).forEach(function (kind) {
        var found = byKind[kind].filter(function (w, i, all) { return all.indexOf(w) === i; });
        if (!found.length) return;
        var item = el("li", "vnc-words-" + kind, words[kind] + " ");
        found.forEach(function (w) { item.appendChild(el("mark", "vnc-mark vnc-" + kind, w)); });
        list.appendChild(item);
      });
      list.hidden = list.childNodes.length === 0;
    }

    function showSuggestion(report) {
      var suggestion = null;
      report.violations.forEach(function (v) {
        if (v.code === "missing_diacritics" && typeof v.params.suggestion === "string") {
          suggestion = v.params.suggestion;
        }
      });
      suggest.hidden = !suggestion;
      suggest.textContent = suggestion ? words.suggestion + "“" + suggestion + "”" : "";
      suggest.dataset.text = suggestion || "";
    }

    function clear() {
      showMarks("", []);
      suggest.hidden = true;
    }

    function offline() {
      state = { text: textarea.value, verdict: "offline" };
      clear();
      showMessages([words.offline], "offline");
      setButtons(true);
      if (submitAfterCheck) submitNow();
    }

    function render(text, report) {
      var verdict = report.ok ? "ok" : "rejected";
      state = { text: text, verdict: verdict };
      var messages = report.ok ? [words.ok] : report.violations.map(function (v) { return v.message; });
      if (!text.trim()) messages = []; // nothing typed yet: nothing to announce
      showMessages(messages.filter(function (m, i) { return messages.indexOf(m) === i; }), verdict);
      showMarks(text, marksOf(report));
      showSuggestion(report);
      setButtons(report.ok);
      if (submitAfterCheck) {
        if (report.ok) submitNow();
        else { submitAfterCheck = false; textarea.focus(); }
      }
    }

    function check() {
      clearTimeout(timer);
      var text = textarea.value;
      if (controller) controller.abort();
      var mine = new AbortController();
      controller = mine;
      var timeout = setTimeout(function () { mine.abort("timeout"); }, 8000);
      fetch(endpoint, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ text: wellFormed(text), lang: lang }),
        signal: mine.signal
      }).then(function (response) {
        return response.json().then(function (body) { return { status: response.status, body: body }; });
      }).then(function (answer) {
        clearTimeout(timeout);
        if (controller !== mine || textarea.value !== text) return; // a newer request owns the box
        controller = null;
        if (answer.status === 200) return render(text, answer.body);
        var details = (answer.body && answer.body.error && answer.body.error.details) || [];
        if (answer.status === 422 && details.some(function (d) { return d.type === "string_too_long"; })) {
          state = { text: text, verdict: "rejected" };
          clear();
          showMessages([words.tooLong], "rejected");
          setButtons(false);
          submitAfterCheck = false;
          return;
        }
        offline();
      }).catch(function () {
        clearTimeout(timeout);
        if (controller !== mine) return; // aborted for a newer request: not a failure
        controller = null;
        offline();
      });
    }

    function schedule() {
      clearTimeout(timer);
      timer = setTimeout(check, delay);
    }

    function submitNow() {
      submitAfterCheck = false;
      state.submitting = true;
      if (form.requestSubmit) form.requestSubmit(); else form.submit();
    }

    textarea.addEventListener("input", schedule);
    suggest.addEventListener("click", function () {
      textarea.value = suggest.dataset.text;
      textarea.dispatchEvent(new Event("input", { bubbles: true }));
      textarea.focus();
      check();
    });
    if (form) {
      form.addEventListener("submit", function (event) {
        if (state.submitting) return;
        var current = state.text === textarea.value;
        if (current && (state.verdict === "ok" || state.verdict === "offline")) return;
        // Not judged yet for this text (typed since the last answer): judge it, then submit.
        event.preventDefault();
        if (current && state.verdict === "rejected") { textarea.focus(); return; }
        submitAfterCheck = true;
        check();
      });
    }
    check();
    var api = { check: check, state: function () { return state.verdict; } };
    textarea.vncomment = api;
    return api;
  }

  function attachAll() {
    Array.prototype.forEach.call(document.querySelectorAll("textarea[data-vncomment]"), function (t) {
      attach(t);
    });
  }

  window.vncomment = { attach: attach, attachAll: attachAll };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", attachAll);
  else attachAll();
})();
