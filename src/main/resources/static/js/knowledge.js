// Knowledge base behaviour, wired by data attributes (no inline scripts: the CSP forbids them).
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

    // A region marked data-kb-related-for="subject,errorMessage" shows related public articles while the customer
    // types into those fields of its form (exact error strings rank first on the server).
    function wireRelated(root) {
        root.querySelectorAll("[data-kb-related-for]").forEach(function (target) {
            if (target.dataset.kbRelatedWired) {
                return;
            }
            target.dataset.kbRelatedWired = "true";
            var form = target.closest("form") || document;
            var fields = target.dataset.kbRelatedFor.split(",").map(function (name) {
                return form.querySelector("[name='" + name.trim() + "']");
            }).filter(Boolean);
            var from = target.dataset.kbFrom || "form";
            var lookup = debounce(function () {
                var text = fields.map(function (f) { return f.value; }).join(" ").trim();
                if (text.length < 3) {
                    target.innerHTML = "";
                    return;
                }
                fetch("/kb/related?from=" + encodeURIComponent(from) + "&q=" + encodeURIComponent(text.slice(0, 2000)),
                    {headers: {"HX-Request": "true"}})
                    .then(function (r) { return r.ok ? r.text() : ""; })
                    .then(function (html) { target.innerHTML = html; });
            }, 400);
            fields.forEach(function (field) { field.addEventListener("input", lookup); });
            if (fields.some(function (f) { return f.value; })) {
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
        reply.focus();
        countLinkInserted(button.dataset.kbSlug, button.dataset.kbLang);
    });

    // Tells the use ledger that an article link went into a reply box.
    function countLinkInserted(slug, lang) {
        var token = document.querySelector('meta[name="_csrf"]');
        var header = document.querySelector('meta[name="_csrf_header"]');
        if (!slug || !lang || !token || !header) {
            return;
        }
        var headers = {"Content-Type": "application/x-www-form-urlencoded"};
        headers[header.content] = token.content;
        fetch("/desk/kb/link-inserted", {method: "POST", headers: headers, credentials: "same-origin",
            body: "slug=" + encodeURIComponent(slug) + "&articleLang=" + encodeURIComponent(lang)});
    }

    document.addEventListener("DOMContentLoaded", function () { wireRelated(document); });
    document.addEventListener("htmx:afterSettle", function (event) { wireRelated(event.target); });
})();
