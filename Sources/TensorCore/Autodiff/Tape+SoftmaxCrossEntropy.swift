#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// Softmax cross-entropy with integer labels, fused and numerically stable.
/// Forward, per row r of logits X with label yᵣ: `Lᵣ = logΣⱼ e^(Xᵣⱼ) - Xᵣ,yᵣ`, where the
/// log-sum-exp is computed as `m + log Σⱼ e^(Xᵣⱼ - m)` with `m = maxⱼ Xᵣⱼ` (no overflow for huge
/// logits); the loss is the mean over rows. The softmax P is kept for the pullback:
/// `dX = dL · (P - onehot(y)) / rows`.
extension Variable {
    /// Mean softmax cross-entropy of these `[rows, classes]` logits against one class index per row.
    public func softmaxCrossEntropy(labels: [Int]) -> Variable {
        labels.withUnsafeBufferPointer { tape.softmaxCrossEntropy(self, labels: $0) }
    }

    /// As above, with labels stored as `Int32` (as `Datasets` keeps them).
    public func softmaxCrossEntropy(labels: UnsafeBufferPointer<Int32>) -> Variable {
        tape.softmaxCrossEntropy(self, labels: labels)
    }

    /// As above for labels of any integer type (converted to `[Int]` first, which allocates).
    public func softmaxCrossEntropy<Labels: Collection>(labels: Labels) -> Variable where Labels.Element: BinaryInteger {
        let converted: [Int] = labels.map { Int($0) }
        return converted.withUnsafeBufferPointer { tape.softmaxCrossEntropy(self, labels: $0) }
    }
}

extension Tape {
    func softmaxCrossEntropy<Label: FixedWidthInteger>(_ logits: Variable, labels: UnsafeBufferPointer<Label>) -> Variable {
        let x = value(logits)
        precondition(x.rank == 2, "softmaxCrossEntropy: logits must be [rows, classes], got \(x.shape)")
        let rows = x.shape[0], classes = x.shape[1]
        precondition(labels.count == rows, "softmaxCrossEntropy: \(labels.count) labels for \(rows) rows of logits")
        let start = self.labels.count
        for label in labels {
            let l = Int(truncatingIfNeeded: label)
            precondition(l >= 0 && l < classes, "softmaxCrossEntropy: label \(l) is not a class index in 0..<\(classes)")
            self.labels.append(Int32(truncatingIfNeeded: l))
        }
        let id = nodes.count
        let probabilities = scratchBuffer(id, like: x.shape)
        let out = outputBuffer(like: [])
        let total = rows == 0 ? 0 : self.labels.withUnsafeBufferPointer { all in
            Tape.softmaxCrossEntropyRows(x.pointer, labels: all.baseAddress! + start, rows: rows, classes: classes,
                                         probabilities: probabilities.pointer)
        }
        out.pointer[0] = rows == 0 ? 0 : Float(total / Double(rows))
        return record(.softmaxCrossEntropy(logits.id, labelsStart: start), value: out, logits)
    }

    /// Writes the softmax of each row into `probabilities` and returns Σ_rows (logsumexp - logit[label]).
    static func softmaxCrossEntropyRows(_ x: UnsafePointer<Float>, labels: UnsafePointer<Int32>, rows: Int, classes: Int,
                                        probabilities p: UnsafeMutablePointer<Float>) -> Double {
        var total = 0.0
        for r in 0..<rows {
            let xr = x + r * classes, pr = p + r * classes
            var m = xr[0]
            for c in 1..<classes where xr[c] > m { m = xr[c] }
            var s: Float = 0
            for c in 0..<classes { let e = expf(xr[c] - m); pr[c] = e; s += e }
            let inv = 1 / s
            for c in 0..<classes { pr[c] *= inv }
            total += Double(m + logf(s) - xr[Int(labels[r])])
        }
        return total
    }

    func softmaxCrossEntropyPullback(_ id: Int, _ logits: Int, labelsStart: Int) {
        guard let t = gradientTarget(logits) else { return }
        let p = scratchBuffer(id, like: nodes[logits].value.shape)
        let rows = p.shape[0], classes = p.shape[1]
        let scale = gradientBuffer(id).pointer[0] / Float(Swift.max(rows, 1))
        let dX = t.tensor.pointer
        Kernels.writeOrAccumulate(p.pointer, scaledBy: scale, into: dX, count: p.count, accumulate: t.accumulate)
        for r in 0..<rows { dX[r * classes + Int(labels[labelsStart + r])] -= scale }
    }
}
