import Testing
@testable import Plot

@Suite struct NiceTicksTests {
    @Test func zeroToOne() {
        #expect(NiceTicks.linear(0, 1, targetCount: 5) == [0, 0.2, 0.4, 0.6, 0.8, 1])
    }

    @Test func zeroToSevenPointThree() {
        #expect(NiceTicks.linear(0, 7.3, targetCount: 5) == [0, 2, 4, 6])
        #expect(NiceTicks.linear(0, 7.3, targetCount: 7) == [0, 1, 2, 3, 4, 5, 6, 7])
        #expect(NiceTicks.niceDomain(0, 7.3, targetCount: 5) == (0, 8))
    }

    @Test func negativeToPositive() {
        #expect(NiceTicks.linear(-5.5, 1, targetCount: 5) == [-5, -4, -3, -2, -1, 0, 1])
        #expect(NiceTicks.niceDomain(-5.5, 1, targetCount: 5) == (-6, 1))
    }

    @Test func ticksAreExactDecimals() {
        let ticks = NiceTicks.linear(0, 0.7, targetCount: 7)
        #expect(ticks == [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7])
        #expect(ticks[3] == 0.3)                 // not 0.30000000000000004
        let step = TickStep(span: 0.7, targetCount: 7)
        #expect(ticks.map { TickFormat.linear($0, step: step) } == ["0", "0.1", "0.2", "0.3", "0.4", "0.5", "0.6", "0.7"])
    }

    @Test(arguments: [
        (1.0, 5, 2, -1), (1.0, 10, 1, -1), (7.3, 5, 2, 0), (7.3, 7, 1, 0), (6.5, 5, 1, 0), (2000.0, 5, 5, 2), (0.003, 4, 1, -3),
    ])
    func stepsAreOneTwoFive(span: Double, target: Int, mantissa: Int, exponent: Int) {
        #expect(TickStep(span: span, targetCount: target) == TickStep(mantissa: mantissa, exponent: exponent))
    }

    @Test func logDecadesFromOneMillionthToTen() {
        let ticks = NiceTicks.log(1e-6, 10, maxMajor: 10)
        #expect(ticks.major == [1e-6, 1e-5, 1e-4, 1e-3, 1e-2, 1e-1, 1, 10])
        #expect(ticks.major.map(TickFormat.log) == ["1e-6", "1e-5", "1e-4", "1e-3", "0.01", "0.1", "1", "10"])
        #expect(ticks.minor.count == 7 * 8)      // 2…9 in each of the seven decades
        #expect(ticks.minor.contains { abs($0 - 2e-6) < 1e-18 })
    }

    @Test func logThinsDecadesWhenCrowded() {
        let ticks = NiceTicks.log(1e-6, 10, maxMajor: 4)
        #expect(ticks.major == [1e-6, 1e-4, 1e-2, 1])
        #expect(ticks.minor == [1e-5, 1e-3, 1e-1, 10])
    }

    @Test func logWithFewDecadesLabelsOneTwoFive() {
        let ticks = NiceTicks.log(0.017, 2.6, maxMajor: 10)
        #expect(ticks.major == [0.02, 0.05, 0.1, 0.2, 0.5, 1, 2])
        #expect(ticks.major.map(TickFormat.log) == ["0.02", "0.05", "0.1", "0.2", "0.5", "1", "2"])
    }

    @Test func logWithinOneDecadeFallsBackToLinear() {
        let ticks = NiceTicks.log(2.1, 4.9, maxMajor: 6)
        #expect(ticks.major.count >= 2)
        #expect(ticks.major.allSatisfy { $0 >= 2.1 && $0 <= 4.9 })
    }

    @Test func degenerateDomainsGiveNoNoise() {
        #expect(NiceTicks.linear(3, 3) == [3])
        #expect(NiceTicks.linear(.nan, 1).isEmpty)
        #expect(NiceTicks.log(-1, 10).major.isEmpty)
    }
}

@Suite struct TickFormatTests {
    @Test func largeAndSmallUseExponents() {
        #expect(TickFormat.linear(2_500_000, step: TickStep(mantissa: 5, exponent: 5)) == "2.5e6")
        #expect(TickFormat.linear(3e-5, step: TickStep(mantissa: 1, exponent: -5)) == "3e-5")
        #expect(TickFormat.linear(-0.25, step: TickStep(mantissa: 5, exponent: -2)) == "-0.25")
        #expect(TickFormat.linear(1e-17, step: TickStep(mantissa: 2, exponent: -1)) == "0")
    }

    @Test func logLabels() {
        #expect(TickFormat.log(1e-4) == "1e-4")
        #expect(TickFormat.log(1e5) == "1e5")
        #expect(TickFormat.log(2e-4) == "2e-4")
        #expect(TickFormat.log(100) == "100")
        #expect(TickFormat.log(0.05) == "0.05")
    }

    @Test func compactForLegends() {
        #expect(TickFormat.compact(1.2345e-4, significant: 2) == "1.2e-4")
        #expect(TickFormat.compact(0.25) == "0.25")
        #expect(TickFormat.compact(1234.7) == "1235")
        #expect(TickFormat.compact(9.9999e-5, significant: 2) == "1e-4")
        #expect(TickFormat.compact(.nan) == "NaN")
        #expect(TickFormat.compact(-.infinity) == "-inf")
    }
}
