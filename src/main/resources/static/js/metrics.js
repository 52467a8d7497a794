// Draws each metrics chart from the table under it (columns are series, rows the axis), so the page carries its data
// once, as HTML a screen reader can read. Tooltips render in the canvas: HTML tooltips carry style attributes, which
// the Content-Security-Policy refuses.
(function () {
    "use strict";

    function value(cell) {
        var raw = cell ? cell.getAttribute("data-value") : null;
        return raw === null || raw === "" ? null : Number(raw);
    }

    function text(element) {
        return element.textContent.replace(/\s+/g, " ").trim();
    }

    function draw(section) {
        var table = section.querySelector("[data-chart-table]");
        var box = section.querySelector("[data-chart-canvas]");
        if (!table || !box || typeof echarts === "undefined") {
            return;
        }
        var kind = table.getAttribute("data-kind");
        var unit = table.getAttribute("data-unit-label") || "";
        var heads = Array.prototype.slice.call(table.querySelectorAll("thead th[data-series]"));
        var rows = Array.prototype.slice.call(table.querySelectorAll("tbody tr"));
        var labels = rows.map(function (row) { return text(row.querySelector("th")); });
        var series = heads.map(function (head, index) {
            return {
                name: text(head),
                type: kind === "line" ? "line" : "bar",
                stack: kind === "stacked" ? "total" : undefined,
                barMaxWidth: 36,
                data: rows.map(function (row) { return value(row.querySelectorAll("td")[index]); })
            };
        });
        var horizontal = kind === "hbar";
        var percent = table.getAttribute("data-unit") === "percent";
        // Dates may skip labels when they crowd; named measures all show, wrapped (or cut) to their share of the width.
        var named = table.getAttribute("data-axis") !== "period";
        var labelWidth = horizontal ? 150 : Math.max(60, Math.floor((box.clientWidth - 60) / Math.max(1, labels.length)));
        var categoryAxis = {type: "category", data: labels, inverse: horizontal,
            axisLabel: named ? {interval: 0, width: labelWidth, overflow: horizontal ? "truncate" : "break"}
                : {hideOverlap: true}};
        var valueAxis = {type: "value", minInterval: unit === "" ? 1 : 0, max: percent ? 100 : null,
            interval: percent ? 25 : undefined,
            axisLabel: {formatter: function (number) {
                return unit === "" ? String(number) : percent ? number + unit : number + " " + unit;
            }}};
        var zh = (document.documentElement.lang || "").toLowerCase().indexOf("zh") === 0;
        var chart = echarts.init(box, null, {renderer: "canvas", locale: zh ? "ZH" : "EN"});
        chart.setOption({
            animation: false,
            tooltip: {trigger: "axis", renderMode: "richText"},
            legend: {show: series.length > 1, type: "scroll", top: 0},
            grid: {left: 8, right: 16, top: series.length > 1 ? 32 : 12, bottom: 8, containLabel: true},
            xAxis: horizontal ? valueAxis : categoryAxis,
            yAxis: horizontal ? categoryAxis : valueAxis,
            series: series
        });
        // A click on a bar opens the queue its series (or else its chart) stands for.
        chart.on("click", function (event) {
            var head = heads[event.seriesIndex];
            var link = (head && head.getAttribute("data-href")) || section.getAttribute("data-queue-link");
            if (link) {
                window.location.assign(link);
            }
        });
        window.addEventListener("resize", function () { chart.resize(); });
        box.setAttribute("data-rendered", "true");
    }

    // Typing a date means "from – to", whatever preset was chosen before.
    function customOnDate(form) {
        var period = form.querySelector("[data-metrics-period]");
        Array.prototype.forEach.call(form.querySelectorAll("[data-metrics-date]"), function (input) {
            input.addEventListener("change", function () { period.value = "custom"; });
        });
    }

    function start() {
        Array.prototype.forEach.call(document.querySelectorAll("[data-metrics-chart]"), draw);
        var form = document.querySelector("[data-metrics-form]");
        if (form) {
            customOnDate(form);
        }
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", start);
    } else {
        start();
    }
})();
