// Sends the CSRF token with every htmx request, and wires the desk's keyboard shortcuts.
document.addEventListener("htmx:configRequest", function (event) {
    var token = document.querySelector('meta[name="_csrf"]');
    var header = document.querySelector('meta[name="_csrf_header"]');
    if (token && header) {
        event.detail.headers[header.content] = token.content;
    }
});

document.addEventListener("DOMContentLoaded", function () {
    var zone = document.querySelector("select[data-browser-zone]");
    if (zone && !zone.dataset.touched && zone.value === "UTC") {
        try {
            var browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
            if (browserZone && zone.querySelector('option[value="' + browserZone + '"]')) {
                zone.value = browserZone;
            }
        } catch (ignored) {
            // Old browsers without Intl keep UTC.
        }
    }
});

document.addEventListener("keydown", function (event) {
    var target = event.target;
    var typing = target && (target.tagName === "INPUT" || target.tagName === "TEXTAREA" || target.tagName === "SELECT"
        || target.isContentEditable);
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey) && target && target.tagName === "TEXTAREA") {
        var form = target.closest("form");
        if (form) {
            event.preventDefault();
            form.requestSubmit();
        }
        return;
    }
    if (typing || event.ctrlKey || event.metaKey || event.altKey) {
        return;
    }
    if (event.key === "/") {
        var search = document.querySelector("[data-shortcut-search]");
        if (search) {
            event.preventDefault();
            search.focus();
        }
    } else if (event.key === "r") {
        var reply = document.querySelector("[data-shortcut-reply]");
        if (reply) {
            event.preventDefault();
            reply.focus();
        }
    }
});

// Help pages: a copy button on every snippet.
document.addEventListener("DOMContentLoaded", function () {
    var article = document.querySelector("article.markdown[data-copy-label]");
    if (!article || !navigator.clipboard) {
        return;
    }
    article.querySelectorAll("pre").forEach(function (pre) {
        var button = document.createElement("button");
        button.type = "button";
        button.className = "copy";
        button.textContent = article.dataset.copyLabel;
        button.addEventListener("click", function () {
            var code = pre.querySelector("code") || pre;
            navigator.clipboard.writeText(code.textContent.trim())
                .then(function () {
                    button.textContent = article.dataset.copiedLabel;
                });
        });
        pre.appendChild(button);
    });
});

// Desk: copy buttons on evidence values.
document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("button[data-copy]");
    if (!button || !navigator.clipboard) {
        return;
    }
    var label = button.textContent;
    navigator.clipboard.writeText(button.dataset.copy).then(function () {
        button.classList.add("copied");
        button.textContent = button.dataset.copied || label;
        setTimeout(function () {
            button.classList.remove("copied");
            button.textContent = label;
        }, 1500);
    });
});

// Desk: the reply draft is kept in this browser until it is sent, so a reload or a wrong click loses nothing.
(function () {
    function draftForm() {
        return document.querySelector("form[data-draft-key]");
    }
    function restore() {
        var form = draftForm();
        if (!form || !window.localStorage) {
            return;
        }
        var key = form.dataset.draftKey;
        var box = form.querySelector("textarea[name=body]");
        if (form.dataset.draftSent === "true") {
            localStorage.removeItem(key);
            return;
        }
        var kept = localStorage.getItem(key);
        if (box && kept && !box.value) {
            box.value = kept;
        }
    }
    document.addEventListener("input", function (event) {
        var form = event.target.closest && event.target.closest("form[data-draft-key]");
        if (form && event.target.name === "body" && window.localStorage) {
            if (event.target.value) {
                localStorage.setItem(form.dataset.draftKey, event.target.value);
            } else {
                localStorage.removeItem(form.dataset.draftKey);
            }
        }
    });
    document.addEventListener("DOMContentLoaded", restore);
    document.addEventListener("htmx:afterSettle", function (event) {
        if (event.target && event.target.matches && event.target.matches("form[data-draft-key]")) {
            restore();
        }
    });
})();
