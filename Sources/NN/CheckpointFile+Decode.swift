import Foundation
import Optimizers

extension CheckpointFile {
    /// Parses and checks a checkpoint file's bytes (layout in `CheckpointFile`); `path` names the
    /// file in errors. Refuses a wrong magic or version, a truncated or over-long file, a wrong
    /// checksum, an unreadable header and float counts that do not add up.
    public static func decode(_ bytes: [UInt8], path: String) throws -> Checkpoint {
        let size = bytes.count
        guard bytes.prefix(magic.count).elementsEqual(magic.prefix(Swift.min(size, magic.count))) else {
            throw CheckpointError.notACheckpoint(path: path)
        }
        guard size >= preambleBytes else {
            throw CheckpointError.truncated(path: path, expectedBytes: preambleBytes + 8, actualBytes: size)
        }
        let (version, headerLength, floatCount) = bytes.withUnsafeBytes { raw in
            (Int(UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: 8, as: UInt32.self))),
             UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 16, as: UInt64.self)),
             UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 24, as: UInt64.self)))
        }
        guard version == formatVersion else {
            throw CheckpointError.unsupportedVersion(path: path, found: version, supported: formatVersion)
        }
        guard headerLength < 1 << 40, floatCount < 1 << 40 else {
            throw CheckpointError.corrupt(path: path, reason: "impossible sizes in the preamble (header \(headerLength) bytes, \(floatCount) floats)")
        }
        let payloadStart = preambleBytes + Int(headerLength)
        let checksumOffset = payloadStart + 4 * Int(floatCount)
        guard size >= checksumOffset + 8 else {
            throw CheckpointError.truncated(path: path, expectedBytes: checksumOffset + 8, actualBytes: size)
        }
        guard size == checksumOffset + 8 else {
            throw CheckpointError.corrupt(path: path, reason: "\(size - checksumOffset - 8) unexpected bytes after the checksum")
        }
        let (stored, computed) = bytes.withUnsafeBytes { raw in
            (UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: checksumOffset, as: UInt64.self)),
             CheckpointChecksum.of(UnsafeRawBufferPointer(rebasing: raw[..<checksumOffset])))
        }
        guard stored == computed else {
            throw CheckpointError.corrupt(path: path, reason: "checksum mismatch (the file changed after it was written)")
        }
        let header: Header
        do { header = try JSONDecoder().decode(Header.self, from: Data(bytes[preambleBytes..<payloadStart])) }
        catch { throw CheckpointError.corrupt(path: path, reason: "unreadable header (\(error))") }
        return try assemble(header, bytes: bytes, payloadStart: payloadStart, floatCount: Int(floatCount), path: path)
    }

    /// Cuts the float payload into weights and optimizer buffers as the header describes them.
    private static func assemble(_ header: Header, bytes: [UInt8], payloadStart: Int, floatCount: Int,
                                 path: String) throws -> Checkpoint {
        func corrupt(_ reason: String) -> CheckpointError { .corrupt(path: path, reason: reason) }
        guard header.parameterNames.count == header.parameterShapes.count,
              header.parameterShapes.allSatisfy({ $0.allSatisfy { $0 >= 0 } }) else {
            throw corrupt("\(header.parameterNames.count) parameter names for \(header.parameterShapes.count) shapes")
        }
        var counts = header.parameterShapes.map { $0.reduce(1, *) }
        var state = header.optimizerState
        for (g, group) in state.groups.enumerated() where g < state.state.count {
            for (p, record) in state.state[g].enumerated() {
                guard let record, p < group.parameterSizes.count else { continue }
                counts += Array(repeating: group.parameterSizes[p], count: record.names.count)
            }
        }
        guard counts.reduce(0, +) == floatCount else {
            throw corrupt("the header describes \(counts.reduce(0, +)) floats, the file holds \(floatCount)")
        }
        var arrays: [[Float]] = []
        var offset = payloadStart
        bytes.withUnsafeBytes { raw in
            for n in counts {
                arrays.append((0..<n).map { i in
                    Float(bitPattern: UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: offset + 4 * i, as: UInt32.self)))
                })
                offset += 4 * n
            }
        }
        let weights = Array(arrays[..<header.parameterNames.count])
        var next = header.parameterNames.count
        for g in state.groups.indices where g < state.state.count {
            for p in state.state[g].indices where state.state[g][p] != nil && p < state.groups[g].parameterSizes.count {
                let k = state.state[g][p]!.names.count
                state.state[g][p]!.buffers = Array(arrays[next..<(next + k)])
                next += k
            }
        }
        return Checkpoint(configuration: header.configuration, dataset: header.dataset, step: header.step,
                          lastLoss: header.lastLoss, parameterNames: header.parameterNames,
                          parameterShapes: header.parameterShapes, weights: weights, optimizerState: state,
                          schedulerEpoch: header.schedulerEpoch, loaderState: header.loaderState)
    }
}
