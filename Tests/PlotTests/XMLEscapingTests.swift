import Testing
@testable import Plot

@Suite struct XMLEscapingTests {
    @Test func escapesTheFiveSpecialCharacters() {
        #expect(XMLEscaping.escape(#"a & b < c > d "e" 'f'"#)
                == "a &amp; b &lt; c &gt; d &quot;e&quot; &apos;f&apos;")
    }

    @Test func dropsControlCharactersXMLForbids() {
        #expect(XMLEscaping.escape("a\u{0}b\u{1B}c\td\ne") == "abc\td\ne")
    }

    @Test func keepsUnicodeText() {
        #expect(XMLEscaping.escape("θₖ → J(θ) ≤ 1e-4 ★") == "θₖ → J(θ) ≤ 1e-4 ★")
    }

    @Test func hostileLabelsStillGiveWellFormedDocuments() throws {
        let label = "Adam <lr=0.3> & \"β\" 'x' \u{7} ]]> <!--"
        var chart = LineChart(title: label, x: Axis(label), y: Axis("<y>"))
        chart.add(try LineSeries(label: label, x: [0, 1, 2], y: [1, 2, 1]))
        let parsed = parseSVG(chart.svg())
        #expect(parsed.wellFormed, "\(parsed.error ?? "")")
        #expect(parsed.texts.contains("Adam <lr=0.3> & \"β\" 'x'  ]]> <!--"))
    }
}

@Suite struct CompactNumberTests {
    @Test(arguments: [
        (0.0, "0"), (1.0, "1"), (12.5, "12.5"), (12.345, "12.35"), (-0.001, "0"), (-3.1, "-3.1"),
        (0.1 + 0.2, "0.3"), (100.004, "100"), (99.999, "100"), (-12.005, "-12.01"), (1e-20, "0"),
    ])
    func writesAtMostTwoDecimals(value: Double, expected: String) {
        #expect(CompactNumber.format(value) == expected)
    }

    @Test func nonFiniteBecomesZero() {
        #expect(CompactNumber.format(.nan) == "0")
        #expect(CompactNumber.format(.infinity) == "0")
    }
}
