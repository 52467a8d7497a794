// The queue's bulk selection (checkboxes, shift-click ranges, "select all N matching") and tag chip colours.
// Wired by data attributes only; no inline script anywhere (the Content-Security-Policy forbids it).
(function () {
    "use strict";

    var lastPicked = null;
    // Shift+Space on a focused box extends the range like Shift+click; a keyboard click may not carry shiftKey.
    var shiftDown = false;
    document.addEventListener("keydown", function (event) {
        if (event.key === "Shift") {
            shiftDown = true;
        }
    });
    document.addEventListener("keyup", function (event) {
        if (event.key === "Shift") {
            shiftDown = false;
        }
    });

    function picks() {
        return Array.prototype.slice.call(document.querySelectorAll("input[data-bulk-pick]"));
    }

    function matchingInput() {
        return document.querySelector("input[data-bulk-matching]");
    }

    function format(template, value) {
        return (template || "{0}").replace("{0}", value);
    }

    function clearMatching() {
        var matching = matchingInput();
        if (matching) {
            matching.value = "";
            matching.disabled = true;
        }
    }

    function refresh() {
        var all = picks();
        var chosen = all.filter(function (box) { return box.checked; }).length;
        var matching = matchingInput();
        var count = document.querySelector("[data-bulk-count]");
        var offer = document.querySelector("[data-bulk-matching-offer]");
        var page = document.querySelector("input[data-bulk-page]");
        if (page) {
            page.checked = all.length > 0 && chosen === all.length;
            page.indeterminate = chosen > 0 && chosen < all.length;
        }
        if (offer) {
            offer.hidden = !(all.length > 0 && chosen === all.length);
        }
        if (count) {
            var selectAll = document.querySelector("[data-bulk-select-matching]");
            count.textContent = matching && !matching.disabled && selectAll
                ? selectAll.dataset.selectedText || selectAll.textContent
                : format(count.dataset.template, chosen);
        }
        document.querySelectorAll("tr[data-ticket]").forEach(function (row) {
            var box = row.querySelector("input[data-bulk-pick]");
            row.classList.toggle("picked", !!(box && box.checked));
        });
        // The bar floats at the bottom only while there is something to act on or a result to read, so an idle
        // queue keeps its rows above the fold and ticking a box never moves the rows under the pointer.
        var form = document.querySelector("[data-bulk-form]");
        if (form) {
            var result = form.querySelector("#bulk-result");
            var busy = chosen > 0 || (matching && !matching.disabled) || (result && result.children.length > 0);
            form.classList.toggle("idle", !busy);
        }
    }

    document.addEventListener("click", function (event) {
        var target = event.target;
        if (!(target instanceof Element)) {
            return;
        }
        if (target.matches("input[data-bulk-pick]")) {
            var all = picks();
            if ((event.shiftKey || shiftDown) && lastPicked && all.indexOf(lastPicked) >= 0) {
                var from = all.indexOf(lastPicked);
                var to = all.indexOf(target);
                var lo = Math.min(from, to);
                var hi = Math.max(from, to);
                for (var i = lo; i <= hi; i++) {
                    all[i].checked = target.checked;
                }
            }
            lastPicked = target;
            clearMatching();
            refresh();
        } else if (target.matches("input[data-bulk-page]")) {
            picks().forEach(function (box) { box.checked = target.checked; });
            clearMatching();
            refresh();
        } else if (target.matches("[data-bulk-select-matching]")) {
            var offer = target.closest("[data-bulk-matching-offer]");
            var matching = matchingInput();
            if (offer && matching) {
                picks().forEach(function (box) { box.checked = true; });
                matching.value = offer.dataset.query || "";
                matching.disabled = false;
                target.dataset.selectedText = target.dataset.allText || target.textContent;
            }
            refresh();
        }
    });

    // Tag chips get their colour from data-colour: an inline style attribute would be refused by the CSP.
    function paint(root) {
        (root || document).querySelectorAll("[data-colour]").forEach(function (chip) {
            chip.style.setProperty("--tag-colour", chip.dataset.colour);
        });
    }

    document.addEventListener("DOMContentLoaded", function () {
        paint(document);
        refresh();
    });
    document.addEventListener("htmx:afterSettle", function (event) {
        paint(event.target);
        if (event.target && event.target.id === "results") {
            lastPicked = null;
            clearMatching();
        }
        refresh();
    });
})();
