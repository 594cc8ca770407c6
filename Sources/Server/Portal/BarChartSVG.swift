import Foundation

/// A horizontal bar chart as inline SVG, rendered on the server (no script): one row per bar with its label, the bar
/// scaled to the largest value, and the value printed after it. The `viewBox` keeps it sharp and fluid from 375 px up.
struct BarChartSVG: Sendable {
    struct Bar: Sendable {
        var label: String
        var value: Double
        /// The value as printed (e.g. "12.5%").
        var text: String
    }

    var title: String
    var bars: [Bar]
    var width = 420
    var rowHeight = 26
    var labelWidth = 110

    /// The SVG element; labels and the title are XML-escaped. An empty chart says so.
    var svg: String {
        let height = max(1, self.bars.count) * self.rowHeight + 34
        let barSpace = Double(self.width - self.labelWidth - 64)
        let largest = self.bars.map(\.value).max().map { $0 > 0 ? $0 : 1 } ?? 1
        var parts = [
            "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 \(self.width) \(height)\" role=\"img\" aria-label=\"\(XMLText.escape(self.title))\" preserveAspectRatio=\"xMinYMin meet\">",
            "<title>\(XMLText.escape(self.title))</title>",
            "<text x=\"0\" y=\"18\" font-size=\"15\" font-weight=\"600\" fill=\"#222\">\(XMLText.escape(self.title))</text>",
        ]
        if self.bars.isEmpty {
            parts.append("<text x=\"0\" y=\"48\" font-size=\"13\" fill=\"#777\">暂无数据</text>")
        }
        for (index, bar) in self.bars.enumerated() {
            let y = 30 + index * self.rowHeight
            let length = max(0, bar.value) / largest * barSpace
            parts.append("<text x=\"\(self.labelWidth - 6)\" y=\"\(y + 16)\" font-size=\"13\" text-anchor=\"end\" fill=\"#333\">\(XMLText.escape(Self.clip(bar.label)))</text>")
            parts.append("<rect x=\"\(self.labelWidth)\" y=\"\(y + 4)\" width=\"\(Self.number(length))\" height=\"\(self.rowHeight - 8)\" rx=\"2\" fill=\"#c0392b\"><title>\(XMLText.escape(bar.label)): \(XMLText.escape(bar.text))</title></rect>")
            parts.append("<text x=\"\(Self.number(Double(self.labelWidth) + length + 6))\" y=\"\(y + 16)\" font-size=\"12\" fill=\"#333\">\(XMLText.escape(bar.text))</text>")
        }
        parts.append("</svg>")
        return parts.joined(separator: "\n")
    }

    static func clip(_ label: String) -> String {
        label.count > 8 ? String(label.prefix(7)) + "…" : label
    }

    static func number(_ value: Double) -> String {
        String(format: "%.1f", value)
    }
}
