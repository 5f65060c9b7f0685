// The HTML page: cells as the terminal shows them, text escaped, charts as SVG.

import TallyData
import Testing

@testable import TallyRender

@Suite struct HTMLReportTests {
    let table = ResultTable(
        columns: [
            ResultColumn(name: "plan", role: .dimension(time: false)),
            ResultColumn(name: "revenue", role: .measure(unit: .currency)),
        ],
        rows: [[.text("<script>alert(1)</script>"), .decimal(123_450, scale: 2)], [.null, .null]])

    @Test func cellsAreEscapedAndShownWithTheirUnits() {
        let page = HTMLReport.page(of: table)
        #expect(page.contains("<td>&lt;script&gt;alert(1)&lt;/script&gt;</td><td class=\"number\">$1,234.50</td>"))
        #expect(page.contains("<td class=\"null\">—</td><td class=\"number null\">—</td>"))
        #expect(page.contains("<p class=\"rows\">2 rows</p>"))
        #expect(!page.contains("<script>"))
    }

    @Test func aPlotIsAnSVGChartWithItsNumbersBelow() {
        var report = HTMLReport(title: "Q & A")
        report.addChart(table, statement: "plot revenue by plan")
        let page = report.render()
        #expect(page.contains("<title>Q &amp; A</title>"))
        #expect(page.contains("<h2><code>plot revenue by plan</code></h2>\n<figure><svg "))
        #expect(page.components(separatedBy: "<rect class=\"bar\"").count == 3)
        #expect(page.contains("<summary>The numbers</summary>"))
    }

    @Test func aResultThatCannotBeDrawnSaysWhy() {
        var report = HTMLReport()
        report.addChart(
            ResultTable(columns: [ResultColumn(name: "plan", role: .dimension(time: false))], rows: []), statement: nil)
        #expect(
            report.render().contains(
                "<p class=\"note\">nothing to chart: the result has no measure, only dimensions</p>"))
    }

    @Test func aLineOverTimeBreaksWhereAValueIsMissing() {
        let svg = SVGChart.lines(
            xLabels: ["2024-01", "2024-02", "2024-03", "2024-04"],
            series: [LineSeries(name: "revenue", values: [1, 2, nil, 4])], unit: .count)
        #expect(svg.components(separatedBy: "<polyline class=\"series\"").count == 2)
        #expect(svg.components(separatedBy: "<circle class=\"series\"").count == 2)
        #expect(svg.contains(">2024-03</text>"))
    }
}
