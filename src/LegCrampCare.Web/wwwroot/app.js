// LegCrampCare: the small amount of script the pages need. No inline script, no third-party requests.
(function () {
    "use strict";
    var year = 60 * 60 * 24 * 365;

    function setCookie(name, value) {
        document.cookie = name + "=" + encodeURIComponent(value) + "; path=/; max-age=" + year + "; samesite=lax";
    }

    // The browser's time zone, so the server can pick night colours for the very first paint.
    try {
        var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
        if (zone) { setCookie("lcc-tz", zone); }
    } catch (e) { /* older browsers: the server falls back to UTC */ }

    window.lcc = {
        ready: function () {
            document.body.setAttribute("data-interactive", "true");
        },
        browserTimeZone: function () {
            try { return Intl.DateTimeFormat().resolvedOptions().timeZone || ""; } catch (e) { return ""; }
        },
        setTheme: function (theme) {
            setCookie("lcc-theme", theme);
            if (theme === "auto") { return; }
            [document.documentElement, document.body].forEach(function (el) {
                el.classList.toggle("lcc-night", theme === "night");
                el.classList.toggle("lcc-day", theme !== "night");
            });
            var meta = document.querySelector('meta[name="color-scheme"]');
            if (meta) { meta.setAttribute("content", theme === "night" ? "dark" : "light"); }
        },
        // Drafts of the live forms on this device (ADR 0021): what she typed survives a lost connection, a reload or a
        // long screen lock. Deleted when the form is saved, and all of them when someone signs out.
        drafts: {
            save: function (key, value, base) {
                try { localStorage.setItem(key, JSON.stringify({ value: value, base: base, at: Date.now() })); } catch (e) { }
            },
            load: function (key) {
                try {
                    var draft = JSON.parse(localStorage.getItem(key) || "null");
                    // A week old: not what she was in the middle of any more.
                    if (draft && !(Date.now() - draft.at < 7 * 24 * 60 * 60 * 1000)) { localStorage.removeItem(key); return null; }
                    return draft;
                } catch (e) { return null; }
            },
            clear: function (key) {
                try { localStorage.removeItem(key); } catch (e) { }
            },
            clearAll: function () {
                try {
                    Object.keys(localStorage).filter(function (k) { return k.indexOf("lcc-draft:") === 0; })
                        .forEach(function (k) { localStorage.removeItem(k); });
                } catch (e) { }
            }
        },
        // A file made on the server (a midwife's export), saved by the browser. Nothing leaves this page for anywhere else.
        download: async function (fileName, contentType, streamReference) {
            var buffer = await streamReference.arrayBuffer();
            var url = URL.createObjectURL(new Blob([buffer], { type: contentType }));
            var link = document.createElement("a");
            link.href = url;
            link.download = fileName;
            document.body.appendChild(link);
            link.click();
            link.remove();
            setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
        },
        focus: function (id) {
            var el = document.getElementById(id);
            if (el) { el.focus(); }
        }
    };

    // Sign-out on a phone with the quick log: send what waits first and forget the account's kit (log/signout.js).
    document.addEventListener("submit", function (event) {
        var form = event.target;
        if (!(form instanceof HTMLFormElement)) { return; }
        // Deleting her account signs her out on the server: nothing she typed stays on this phone either.
        if (/\/Account\/Manage\/DeletePersonalData$/i.test(new URL(form.action || location.href, location.href).pathname)) { window.lcc.drafts.clearAll(); return; }
        if (!/\/Account\/Logout$/i.test(new URL(form.action, location.href).pathname)) { return; }
        if (form.getAttribute("data-lcc-ready") === "true") { return; }
        if (!("indexedDB" in window)) { window.lcc.drafts.clearAll(); return; }
        event.preventDefault();
        event.stopImmediatePropagation();
        var go = function () {
            window.lcc.drafts.clearAll(); // what she typed and never saved is not left for the next person
            form.setAttribute("data-lcc-ready", "true");
            if (form.requestSubmit) { form.requestSubmit(); } else { form.submit(); }
        };
        quickLogUsed().then(function (used) {
            return used ? import("/log/signout.js").then(function (m) { return m.beforeSignOut(); }) : null;
        }).then(go, go);
    }, true);

    // Signed in, with cramps waiting on this phone: send them (only the signed-in account's).
    // Only a browser that has used the quick log has its database: no other page loads anything for it.
    function quickLogUsed() {
        if (!("indexedDB" in window) || !indexedDB.databases) { return Promise.resolve(false); }
        return indexedDB.databases().then(function (all) { return all.some(function (d) { return d.name === "lcc"; }); }, function () { return false; });
    }

    if (!/^\/Account\//i.test(location.pathname) && !/^\/log/i.test(location.pathname)) {
        quickLogUsed().then(function (used) {
            if (used) { return import("/log/signout.js").then(function (m) { return m.sendIfWaiting(); }); }
        }).catch(function () { });
    }

    // On the sign-in page: cramps the last account left waiting on this phone.
    if (/^\/Account\/Login$/i.test(location.pathname)) {
        quickLogUsed().then(function (used) {
            if (!used) { return; }
            var main = document.querySelector("main") || document.body;
            return import("/log/signout.js").then(function (m) { return m.showWaitingOnSignIn(main); });
        }).catch(function () { });
    }

    // The patient's own pages that keep what she types as a draft on this phone (marked by <PauseWhenHidden>) give up
    // their live connection when they have been hidden for a while — a locked phone, another app — and take it up
    // again when she comes back (Blazor.pauseCircuit and resumeCircuit, ADR 0021). Staff pages never pause: a resumed
    // circuit starts its page again. Where the phone stops the page's timers while hidden, the pause never happens and
    // the connection simply drops, as before.
    var circuit = { timer: 0, pausing: null, paused: false };

    function pauseDelay() {
        var marker = document.querySelector("[data-lcc-pause-when-hidden]");
        var delay = marker ? Number(marker.getAttribute("data-lcc-pause-when-hidden")) : NaN;
        return delay > 0 ? delay : -1;
    }

    function pauseCircuit() {
        if (document.visibilityState !== "hidden" || pauseDelay() < 0 || circuit.pausing || circuit.paused) { return; }
        // Blazor lets the connection go even when the pause itself fails: whatever the answer, the page is resumed
        // (or, if the server has nothing to resume, loaded again) when she is back.
        circuit.paused = true;
        circuit.pausing = Promise.resolve(window.Blazor.pauseCircuit()).catch(function () { }).then(function () {
            circuit.pausing = null;
            if (document.visibilityState === "visible") { resumeCircuit(); }
        });
    }

    function resumeCircuit() {
        if (circuit.pausing || !circuit.paused) { return; } // resumed when the pause has finished (above)
        circuit.paused = false;
        Promise.resolve(window.Blazor.resumeCircuit()).then(function (resumed) {
            // The server has nothing to resume: load the page again (her draft is on this phone).
            if (!resumed) { location.reload(); }
        }, function () {
            // Out of reach (no network yet): the dialog says so, with the safety net and "Carry on" to try again.
            var dialog = document.getElementById("components-reconnect-modal");
            if (!dialog) { return; }
            dialog.classList.remove("components-reconnect-show", "components-reconnect-paused");
            dialog.classList.add("components-reconnect-resume-failed");
            if (!dialog.open) { dialog.showModal(); }
        });
    }

    document.addEventListener("visibilitychange", function () {
        if (!window.Blazor || !window.Blazor.pauseCircuit) { return; }
        clearTimeout(circuit.timer);
        if (document.visibilityState === "hidden") {
            var delay = pauseDelay();
            if (delay > 0) { circuit.timer = setTimeout(pauseCircuit, delay); }
        } else {
            resumeCircuit();
        }
    });

    // "Print this page" buttons on the (static) guidance pages.
    document.addEventListener("click", function (event) {
        var target = event.target;
        if (target && target.closest && target.closest("[data-print]")) {
            window.print();
        }
    });
})();
