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
