// Desk keyboard shortcuts: ? shows the list, j/k move through the queue, o or Enter opens, n starts an internal note,
// a assigns to me, e opens the escalation form. "/" (search), "r" (reply) and Ctrl+Enter live in app.js. Nothing
// fires while typing in a field or with Ctrl, Alt or Meta held. Wired by data attributes the templates already carry.
(function () {
    var current = -1;

    function typing(target) {
        return target && (target.tagName === "INPUT" || target.tagName === "TEXTAREA" || target.tagName === "SELECT"
            || target.isContentEditable);
    }

    function rows() {
        return Array.prototype.slice.call(document.querySelectorAll("tr[data-ticket]"));
    }

    function select(index) {
        var all = rows();
        if (all.length === 0) {
            return;
        }
        current = Math.max(0, Math.min(all.length - 1, index));
        all.forEach(function (row, i) {
            row.classList.toggle("kb-current", i === current);
            if (i === current) {
                row.setAttribute("aria-selected", "true");
            } else {
                row.removeAttribute("aria-selected");
            }
        });
        all[current].scrollIntoView({block: "nearest"});
    }

    function open() {
        var row = rows()[current];
        var link = row && row.querySelector("a[href]");
        if (link) {
            window.location.href = link.href;
            return true;
        }
        return false;
    }

    function focusNote() {
        var note = document.querySelector('#reply-form input[name="visibility"][value="INTERNAL"]');
        var reply = document.querySelector("[data-shortcut-reply]");
        if (!note || !reply) {
            return false;
        }
        note.checked = true;
        reply.focus();
        return true;
    }

    function escalate() {
        var details = document.querySelector("details[data-escalate]");
        if (!details) {
            return false;
        }
        details.open = true;
        var reason = details.querySelector("textarea");
        if (reason) {
            reason.focus();
        }
        return true;
    }

    function click(selector) {
        var button = document.querySelector(selector);
        if (!button) {
            return false;
        }
        button.click();
        return true;
    }

    function toggleHelp() {
        var dialog = document.querySelector("[data-shortcuts-dialog]");
        if (!dialog || typeof dialog.showModal !== "function") {
            return false;
        }
        if (dialog.open) {
            dialog.close();
        } else {
            dialog.showModal();
        }
        return true;
    }

    // htmx swaps the queue's rows on every filter change: the selection starts again.
    document.addEventListener("htmx:afterSwap", function () {
        current = -1;
    });

    document.addEventListener("keydown", function (event) {
        if (event.defaultPrevented || typing(event.target) || event.ctrlKey || event.metaKey || event.altKey) {
            return;
        }
        var handled = false;
        switch (event.key) {
            case "?":
                handled = toggleHelp();
                break;
            case "j":
                handled = rows().length > 0;
                select(current + 1);
                break;
            case "k":
                handled = rows().length > 0;
                select(current < 0 ? 0 : current - 1);
                break;
            case "o":
                handled = current >= 0 && open();
                break;
            case "Enter":
                // Enter on a focused link or button keeps its own meaning.
                handled = current >= 0 && (event.target === document.body || event.target.tagName === "TR")
                    && open();
                break;
            case "n":
                handled = focusNote();
                break;
            case "a":
                handled = click("[data-assign-to-me]");
                break;
            case "e":
                handled = escalate();
                break;
            default:
                break;
        }
        if (handled) {
            event.preventDefault();
        }
    });
})();
