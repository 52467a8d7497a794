// Ticket page: tells the desk that this agent is typing in the reply box (at most every 2 s), so others see
// "… is typing a reply"; the panel itself polls with htmx. Wired by data-presence-* attributes on #presence-panel.
(function () {
    var lastSent = 0;

    function panel() {
        return document.querySelector("[data-presence]");
    }

    function post(url) {
        var token = document.querySelector('meta[name="_csrf"]');
        var header = document.querySelector('meta[name="_csrf_header"]');
        var headers = {};
        if (token && header) {
            headers[header.content] = token.content;
        }
        return fetch(url, {method: "POST", headers: headers, credentials: "same-origin", keepalive: true});
    }

    document.addEventListener("input", function (event) {
        var presence = panel();
        if (!presence || !event.target.matches || !event.target.matches(presence.dataset.presenceTypingField)) {
            return;
        }
        var now = Date.now();
        if (now - lastSent < 2000) {
            return;
        }
        lastSent = now;
        post(presence.dataset.presenceTypingUrl).catch(function () {
            lastSent = 0;
        });
    });

    window.addEventListener("pagehide", function () {
        var presence = panel();
        if (presence && presence.dataset.presenceLeaveUrl) {
            post(presence.dataset.presenceLeaveUrl).catch(function () {
                // The entry expires on its own.
            });
        }
    });
})();
