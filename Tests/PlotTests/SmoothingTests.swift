import Foundation
import Testing
@testable import Plot

/// Expected values computed with numpy 1.x/2.x in float64:
///     np.i0(...), np.kaiser(M, beta), and the source text's `smooth_curve`:
///     window_len = 11; s = np.r_[x[window_len-1:0:-1], x, x[-2:-window_len-1:-1]]
///     w = np.kaiser(window_len, 2); y = np.convolve(w/w.sum(), s, mode='valid'); y[5:len(y)-5]
@Suite struct SmoothingTests {
    static func close(_ a: [Double], _ b: [Double], tolerance: Double) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { abs($0 - $1) <= tolerance * max(1, abs($1)) }
    }

    @Test func besselI0MatchesNumpy() {
        let xs = [0.0, 0.5, 2.0, 8.6, 20.0]
        let numpy = [1.0, 1.0634833707413234, 2.279585302336067, 750.4611595631659, 43558282.559553534]
        #expect(Self.close(xs.map(KaiserWindow.besselI0), numpy, tolerance: 1e-14))
    }

    @Test func kaiserElevenTwoMatchesNumpy() {
        let numpy = [0.4386762798370488, 0.6113943543616491, 0.7676749968275236, 0.8921614338542881,
                     0.9723298008693713, 1.0, 0.9723298008693713, 0.8921614338542881,
                     0.7676749968275236, 0.6113943543616491, 0.4386762798370488]
        #expect(Self.close(KaiserWindow.window(length: 11, beta: 2), numpy, tolerance: 1e-14))
    }

    @Test func otherKaiserWindowsMatchNumpy() {
        #expect(Self.close(KaiserWindow.window(length: 7, beta: 5.5),
                           [0.023422141030646812, 0.28850874161067624, 0.7532742150947377, 1.0,
                            0.7532742150947377, 0.28850874161067624, 0.023422141030646812], tolerance: 1e-13))
        #expect(Self.close(KaiserWindow.window(length: 4, beta: 8.6),
                           [0.0013325139979024198, 0.6304119273359405, 0.6304119273359405,
                            0.0013325139979024198], tolerance: 1e-13))
        #expect(KaiserWindow.window(length: 1, beta: 2) == [1])
        #expect(KaiserWindow.window(length: 0, beta: 2).isEmpty)
    }

    /// x[i] = sin(0.7 i) + 0.1 i + (0.8 if i % 5 == 0 else 0), i = 0 … 23.
    @Test func smoothCurveMatchesNumpyOnANoisySeries() {
        let x = (0..<24).map { i -> Double in
            let t = Double(i)
            return sin(0.7 * t) + 0.1 * t + (i % 5 == 0 ? 0.8 : 0)
        }
        let numpy = [0.9420726103741448, 0.8781841267969092, 0.795587039662269, 0.6962006312284627,
                     0.6312058684505053, 0.6778028634576937, 0.7471183426996848, 0.8538441358169548,
                     0.9555981603966734, 1.0515554712716089, 1.1828362451224008, 1.2564069730367065,
                     1.363019426839937, 1.4603448293696308, 1.5496410856078107, 1.675161170312633,
                     1.746580916690354, 1.855663736793056, 1.9589190015870965, 2.1067723767989754,
                     2.2895038823470544, 2.486199712005249, 2.644712055381193, 2.7033964877724093]
        #expect(Self.close(Smoothing.smoothCurve(x), numpy, tolerance: 1e-12))
    }

    /// x = arange(11)², the shortest series the source text handles.
    @Test func smoothCurveMatchesNumpyAtTheWindowLength() {
        let x = (0..<11).map { Double($0 * $0) }
        let numpy = [7.699053929044612, 8.699053929044611, 11.699053929044613, 16.699053929044613,
                     23.699053929044613, 32.69905392904461, 41.60124697110037, 49.57967278529481,
                     55.886977037177274, 59.92784941304344, 61.31891436727744]
        #expect(Self.close(Smoothing.smoothCurve(x), numpy, tolerance: 1e-12))
    }

    @Test func constantSeriesStaysConstantAndShortSeriesAreUnchanged() {
        let smoothed = Smoothing.smoothCurve([Double](repeating: 3.25, count: 40))
        #expect(smoothed.count == 40)
        #expect(smoothed.allSatisfy { abs($0 - 3.25) < 1e-12 })
        #expect(Smoothing.smoothCurve([1, 5, 2]) == [1, 5, 2])
    }

    @Test func nanSpreadsOnlyToItsNeighbourhood() {
        var x = (0..<60).map { Double($0) }
        x[30] = .nan
        let smoothed = Smoothing.smoothCurve(x)
        #expect(smoothed[30].isNaN && smoothed[25].isNaN && smoothed[35].isNaN)
        #expect(smoothed[24].isFinite && smoothed[36].isFinite)
    }
}
