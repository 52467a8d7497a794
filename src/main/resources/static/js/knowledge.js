// Knowledge base behaviour, wired by data attributes (no inline scripts: the CSP forbids them).
// A field marked data-kb-related="#target" shows related public articles in #target as the customer types.
(function () {
    "use strict";

    function debounce(fn, ms) {
        var timer;
        return function () {
            var args = arguments;
            clearTimeout(timer);
            timer = setTimeout(function () { fn.apply(null, args); }, ms);
        };
    }

    function wireRelated(root) {
        var fields = root.querySelectorAll("[data-kb-related]");
        fields.forEach(function (field) {
            if (field.dataset.kbRelatedWired) {
                return;
            }
            field.dataset.kbRelatedWired = "true";
            var target = document.querySelector(field.dataset.kbRelated);
            if (!target) {
                return;
            }
            var from = field.dataset.kbFrom || "form";
            var lookup = debounce(function () {
                var text = Array.prototype.map.call(document.querySelectorAll("[data-kb-related]"), function (f) {
                    return f.value;
                }).join(" ").trim();
                if (text.length < 3) {
                    target.innerHTML = "";
                    return;
                }
                fetch("/kb/related?from=" + encodeURIComponent(from) + "&q=" + encodeURIComponent(text.slice(0, 2000)),
                    {headers: {"HX-Request": "true"}})
                    .then(function (r) { return r.ok ? r.text() : ""; })
                    .then(function (html) { target.innerHTML = html; });
            }, 400);
            field.addEventListener("input", lookup);
            if (field.value) {
                lookup();
            }
        });
    }

    // The desk's "insert link" puts the article URL at the caret of the reply box.
    document.addEventListener("click", function (event) {
        var button = event.target.closest("[data-kb-insert-url]");
        if (!button) {
            return;
        }
        var reply = document.getElementById("reply-body");
        if (!reply) {
            return;
        }
        var url = button.dataset.kbInsertUrl;
        var title = button.dataset.kbInsertTitle || url;
        var text = title + ": " + url;
        var at = reply.selectionStart || reply.value.length;
        var before = reply.value.slice(0, at);
        reply.value = before + (before && !/\s$/.test(before) ? "\n" : "") + text + reply.value.slice(at);
        reply.dispatchEvent(new Event("input", {bubbles: true}));
    });

    document.addEventListener("DOMContentLoaded", function () { wireRelated(document); });
    document.addEventListener("htmx:afterSettle", function (event) { wireRelated(event.target); });
})();
