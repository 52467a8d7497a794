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
// Public form: a pasted full key is replaced in its field by the mask the server's redact API returns, with a warning
// next to that field. The server masks everything again on submit; this only keeps the key off the screen.
document.addEventListener("DOMContentLoaded", function () {
    var form = document.querySelector("form[data-mask-fields]");
    if (!form || !window.fetch) {
        return;
    }
    var maskedKeyField = form.querySelector("#maskedKey");

    function warningFor(field, findings) {
        var container = field.closest(".field") || field.parentNode;
        var warning = container.querySelector("[data-secret-warning]");
        if (!warning) {
            warning = document.createElement("div");
            warning.className = "notice warn secret-inline";
            warning.setAttribute("role", "alert");
            warning.setAttribute("data-secret-warning", "");
            field.insertAdjacentElement("afterend", warning);
        }
        warning.textContent = "";
        var heading = document.createElement("strong");
        heading.textContent = form.dataset.secretHeading + " ";
        warning.appendChild(heading);
        warning.appendChild(document.createTextNode(form.dataset.secretText + " "));
        var mask = findings[0].masked;
        var code = document.createElement("code");
        code.textContent = mask;
        warning.appendChild(code);
        if (maskedKeyField && field !== maskedKeyField) {
            var use = document.createElement("button");
            use.type = "button";
            use.className = "link-button";
            use.setAttribute("data-use-mask", "");
            use.textContent = form.dataset.useMask;
            use.addEventListener("click", function () {
                maskedKeyField.value = mask;
                use.textContent = form.dataset.usedMask;
                use.disabled = true;
            });
            warning.appendChild(document.createElement("br"));
            warning.appendChild(use);
        }
    }

    // The server never sees a key masked here, so the form carries what the redact API found (kind, mask and SHA-256
    // fingerprint, never the key) for the ticket's audit trail, the same way a re-shown form carries earlier findings.
    function remember(findings) {
        findings.forEach(function (finding) {
            var value = finding.kind + "|" + finding.masked + "|" + finding.fingerprint;
            var known = Array.prototype.some.call(form.querySelectorAll("input[name=maskedEarlier]"), function (input) {
                return input.value === value;
            });
            if (!known) {
                var input = document.createElement("input");
                input.type = "hidden";
                input.name = "maskedEarlier";
                input.value = value;
                form.appendChild(input);
            }
        });
    }

    function check(field) {
        var text = field.value;
        if (!text || text.length < 16) {
            return;
        }
        fetch(form.dataset.redactUrl, {
            method: "POST",
            headers: {"Content-Type": "application/json", "Accept": "application/json"},
            body: JSON.stringify({text: text})
        }).then(function (response) {
            return response.ok ? response.json() : null;
        }).then(function (result) {
            // Only replace when the customer has not typed on meanwhile.
            if (result && result.findings && result.findings.length && field.value === text) {
                field.value = result.text;
                warningFor(field, result.findings);
                remember(result.findings);
            }
        }).catch(function () {
            // Offline or rate-limited: the server masks on submit anyway.
        });
    }

    form.querySelectorAll("input[type=text], input[type=email], input:not([type]), textarea").forEach(function (field) {
        field.addEventListener("paste", function () {
            setTimeout(function () { check(field); }, 0);
        });
        field.addEventListener("change", function () { check(field); });
    });
});

// Forms that come back with errors put the cursor in the first field that needs fixing.
document.addEventListener("DOMContentLoaded", function () {
    var form = document.querySelector("form[data-focus-first-error]");
    var first = form && form.querySelector("[aria-invalid=true], .has-error input, .has-error textarea, .has-error select");
    if (first) {
        first.focus();
    }
});

// Created page: copies the private follow link.
document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("button[data-copy-follow]");
    if (!button) {
        return;
    }
    function copied() {
        button.textContent = button.dataset.copied;
    }
    if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(button.dataset.copy).then(copied);
    } else {
        // Plain-HTTP sites have no clipboard API: select a temporary field and use the older command.
        var field = document.createElement("textarea");
        field.value = button.dataset.copy;
        document.body.appendChild(field);
        field.select();
        document.execCommand("copy");
        field.remove();
        copied();
    }
});

// Rules page: filters the rules as the admin types and unfolds the groups that still hold one.
document.addEventListener("input", function (event) {
    if (!event.target.matches || !event.target.matches("input[data-rule-filter]")) {
        return;
    }
    var query = event.target.value.trim().toLowerCase();
    var any = false;
    document.querySelectorAll("details.rule-group").forEach(function (group) {
        var shown = 0;
        group.querySelectorAll("tr[data-rule]").forEach(function (row) {
            var match = !query || row.textContent.toLowerCase().indexOf(query) >= 0
                || group.dataset.category.toLowerCase().indexOf(query) >= 0;
            row.hidden = !match;
            shown += match ? 1 : 0;
        });
        group.hidden = shown === 0;
        group.open = query.length > 0 && shown > 0;
        any = any || shown > 0;
    });
    var empty = document.querySelector("[data-rule-filter-empty]");
    if (empty) {
        empty.hidden = any;
    }
});

// The queue's search box already searches as one types (keyup, 300 ms). Its "change" on blur would search again and
// re-render the results between the mouse-down and mouse-up of a click on a result — the click on the ticket link was
// then lost. Keep that change from reaching the filter form's htmx trigger; the select boxes still filter on change.
document.addEventListener("change", function (event) {
    var target = event.target;
    if (target instanceof Element && target.matches("form#queue-filters input[type=search]#q")) {
        event.stopPropagation();
    }
}, true);
