/// Row-broadcast kernels for a `[rows, cols]` matrix and a bias row of `cols` elements.
extension Kernels {
    /// `out[r, c] = x[r, c] + bias[c]` (in place is fine).
    public static func addBias(_ x: UnsafePointer<Float>, bias: UnsafePointer<Float>, _ out: UnsafeMutablePointer<Float>,
                               rows: Int, columns cols: Int) {
        let v = vectorPart(cols)
        for r in 0..<rows {
            let xr = x + r * cols, outr = out + r * cols
            var c = 0
            while c < v { store(load(xr, c) + load(bias, c), outr, c); c += 16 }
            while c < cols { outr[c] = xr[c] + bias[c]; c += 1 }
        }
    }

    /// `out[c] = Σ_r x[r, c]` (or `out[c] += …` when `accumulate`): the gradient of a broadcast bias.
    public static func columnSums(_ x: UnsafePointer<Float>, rows: Int, columns cols: Int,
                                  into out: UnsafeMutablePointer<Float>, accumulate: Bool) {
        if !accumulate { out.update(repeating: 0, count: cols) }
        let v = vectorPart(cols)
        for r in 0..<rows {
            let xr = x + r * cols
            var c = 0
            while c < v { store(load(out, c) + load(xr, c), out, c); c += 16 }
            while c < cols { out[c] += xr[c]; c += 1 }
        }
    }

    /// `y = activation(y + bias)` in place, one pass: the tail of a fused linear layer.
    public static func addBiasActivate(_ y: UnsafeMutablePointer<Float>, bias: UnsafePointer<Float>,
                                       rows: Int, columns cols: Int, activation: Activation) {
        switch activation {
        case .identity:
            addBias(y, bias: bias, y, rows: rows, columns: cols)
        case .relu:
            let v = vectorPart(cols)
            for r in 0..<rows {
                let yr = y + r * cols
                var c = 0
                while c < v { store(relu16(load(yr, c) + load(bias, c)), yr, c); c += 16 }
                while c < cols { yr[c] = Swift.max(yr[c] + bias[c], 0); c += 1 }
            }
        case .sigmoid:
            addBias(y, bias: bias, y, rows: rows, columns: cols)
            sigmoid(y, y, count: rows * cols)
        case .tanh:
            addBias(y, bias: bias, y, rows: rows, columns: cols)
            tanh(y, y, count: rows * cols)
        }
    }

    /// Backward of `y = activation(z)`, `z = x·W + bias` up to z: writes `dz = dy ⊙ activation'(y)`
    /// into `dz` (never accumulated: it is the layer's private buffer) and writes or accumulates
    /// the bias gradient `db = Σ_rows dz`. For ReLU both happen in one pass over the rows.
    public static func activationBiasBackward(output y: UnsafePointer<Float>, outputGradient dy: UnsafePointer<Float>,
                                              preActivationGradient dz: UnsafeMutablePointer<Float>,
                                              biasGradient db: UnsafeMutablePointer<Float>?, accumulateBias: Bool,
                                              rows: Int, columns cols: Int, activation: Activation) {
        let n = rows * cols
        switch activation {
        case .relu:
            guard let db else {
                reluBackward(output: y, outputGradient: dy, inputGradient: dz, count: n, accumulate: false)
                return
            }
            if !accumulateBias { db.update(repeating: 0, count: cols) }
            let v = vectorPart(cols)
            let zero = Vec.zero
            for r in 0..<rows {
                let off = r * cols
                let yr = y + off, dyr = dy + off, dzr = dz + off
                var c = 0
                while c < v {
                    let g = load(dyr, c).replacing(with: zero, where: load(yr, c) .<= zero)
                    store(g, dzr, c)
                    store(load(db, c) + g, db, c)
                    c += 16
                }
                while c < cols { let g = yr[c] > 0 ? dyr[c] : 0; dzr[c] = g; db[c] += g; c += 1 }
            }
            return
        case .identity:
            if UnsafePointer(dz) != dy { dz.update(from: dy, count: n) }
        case .sigmoid:
            sigmoidBackward(output: y, outputGradient: dy, inputGradient: dz, count: n, accumulate: false)
        case .tanh:
            tanhBackward(output: y, outputGradient: dy, inputGradient: dz, count: n, accumulate: false)
        }
        if let db { columnSums(dz, rows: rows, columns: cols, into: db, accumulate: accumulateBias) }
    }
}
