import Datasets
import Foundation
import Optimizers

/// The checkpoint file format: compact, fast for the ~100K–1M floats of an MLP and its
/// optimizer state, and checked on reading.
///
///     offset 0   8 bytes   magic "DSNTCKPT"
///            8   UInt32    format version (1), little-endian like every number here
///           12   UInt32    reserved (0)
///           16   UInt64    H, the length of the JSON header
///           24   UInt64    F, the number of float32 values after the header
///           32   H bytes   JSON header: configuration, dataset, step, parameter names and
///                          shapes, the optimizer state dict without its buffers, schedule
///                          epoch, loader state
///       32 + H   4·F bytes float32 values: every parameter's weights in order, then every
///                          optimizer buffer (group, parameter, buffer name order)
///   32 + H + 4F  UInt64    checksum of all the bytes before it (`CheckpointChecksum`)
///
/// Writing goes to a temporary file in the same folder, flushed to disk, then renamed over the
/// destination (rename(2) is atomic), so a run killed at any instant leaves either the previous
/// checkpoint or the new one, never a mixture.
public enum CheckpointFile {
    public static let magicText = "DSNTCKPT"
    static let magic = Array(magicText.utf8)
    public static let formatVersion = 1
    static let preambleBytes = 32

    /// What the JSON header holds: the checkpoint without its float arrays.
    struct Header: Codable {
        var configuration: TrainingConfiguration
        var dataset: DatasetFingerprint
        var step: Int
        var lastLoss: Float?
        var parameterNames: [String]
        var parameterShapes: [[Int]]
        var optimizerState: OptimizerStateDict<Float>
        var schedulerEpoch: Int?
        var loaderState: BatchLoaderState
    }

    /// The file's bytes.
    public static func encode(_ checkpoint: Checkpoint) throws -> [UInt8] {
        var state = checkpoint.optimizerState
        var floats: [[Float]] = checkpoint.weights
        for g in state.state.indices {
            for p in state.state[g].indices where state.state[g][p] != nil {
                floats += state.state[g][p]!.buffers
                state.state[g][p]!.buffers = []
            }
        }
        let header = Header(configuration: checkpoint.configuration, dataset: checkpoint.dataset, step: checkpoint.step,
                            lastLoss: checkpoint.lastLoss, parameterNames: checkpoint.parameterNames,
                            parameterShapes: checkpoint.parameterShapes, optimizerState: state,
                            schedulerEpoch: checkpoint.schedulerEpoch, loaderState: checkpoint.loaderState)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = Array(try encoder.encode(header))
        let floatCount = floats.reduce(0) { $0 + $1.count }
        var bytes = [UInt8](repeating: 0, count: preambleBytes + json.count + 4 * floatCount + 8)
        bytes.withUnsafeMutableBytes { raw in
            raw.copyBytes(from: magic)
            raw.storeBytes(of: UInt32(formatVersion).littleEndian, toByteOffset: 8, as: UInt32.self)
            raw.storeBytes(of: UInt64(json.count).littleEndian, toByteOffset: 16, as: UInt64.self)
            raw.storeBytes(of: UInt64(floatCount).littleEndian, toByteOffset: 24, as: UInt64.self)
            UnsafeMutableRawBufferPointer(rebasing: raw[preambleBytes...]).copyBytes(from: json)
            var offset = preambleBytes + json.count
            for array in floats {
                for x in array {
                    raw.storeBytes(of: x.bitPattern.littleEndian, toByteOffset: offset, as: UInt32.self)
                    offset += 4
                }
            }
            let sum = CheckpointChecksum.of(UnsafeRawBufferPointer(rebasing: raw[..<offset]))
            raw.storeBytes(of: sum.littleEndian, toByteOffset: offset, as: UInt64.self)
        }
        return bytes
    }

    /// Writes `checkpoint` to `path` atomically (temporary file, fsync, rename).
    public static func write(_ checkpoint: Checkpoint, to path: String) throws {
        let bytes: [UInt8]
        do { bytes = try encode(checkpoint) } catch { throw CheckpointError.cannotWrite(path: path, reason: "\(error)") }
        try AtomicWrite.write(bytes, to: path)
    }

    /// Reads and checks the checkpoint at `path`.
    public static func read(from path: String) throws -> Checkpoint {
        guard let data = FileManager.default.contents(atPath: path) else {
            let reason = FileManager.default.fileExists(atPath: path) ? "permission denied or not a file" : "no such file"
            throw CheckpointError.cannotRead(path: path, reason: reason)
        }
        return try decode(Array(data), path: path)
    }
}
