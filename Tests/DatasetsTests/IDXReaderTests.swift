import Foundation
import Testing
import Datasets

@Suite("IDX reader")
struct IDXReaderTests {
    @Test("images and labels round-trip through the writer", arguments: [true, false])
    func roundTrip(compressed: Bool) throws {
        let folder = try TemporaryFolder()
        let pixels = fixturePixels(count: 3, rows: 4, columns: 5)
        try IDXWriter.writeImages(pixels, count: 3, rows: 4, columns: 5, to: folder.file("images"), compressed: compressed)
        try IDXWriter.writeLabels([2, 0, 9], to: folder.file("labels"), compressed: compressed)

        let images = try IDXReader.readImages(at: folder.file("images"))
        #expect(images.count == 3 && images.rows == 4 && images.columns == 5)
        #expect(images.pixels == pixels.map { Float($0) / 255 })
        #expect(images.pixels.allSatisfy { (0...1).contains($0) })
        #expect(try IDXReader.readLabels(at: folder.file("labels"), classCount: 10) == [2, 0, 9])
        #expect(try folder.bytes(of: "images").starts(with: [0x1F, 0x8B]) == compressed)
    }

    @Test("a file larger than zlib's internal buffers is read whole")
    func largeFile() throws {
        let folder = try TemporaryFolder()
        let pixels = fixturePixels(count: 700, rows: 28, columns: 28)  // 549 KB, several chunks
        try IDXWriter.writeImages(pixels, count: 700, rows: 28, columns: 28, to: folder.file("big.gz"), compressed: true)
        let images = try IDXReader.readImages(at: folder.file("big.gz"))
        #expect(images.pixels.count == pixels.count)
        #expect(images.pixels.last == Float(pixels.last!) / 255)
    }

    @Test("a missing file is named")
    func missingFile() throws {
        let folder = try TemporaryFolder()
        let message = datasetErrorMessage { try IDXReader.readImages(at: folder.file("nothing.gz")) }
        #expect(message == "\(folder.file("nothing.gz")): no such file")
    }

    @Test("a label file read as images reports the bad magic number")
    func badMagic() throws {
        let folder = try TemporaryFolder()
        try IDXWriter.writeLabels([1, 2], to: folder.file("labels.gz"), compressed: true)
        let message = datasetErrorMessage { try IDXReader.readImages(at: folder.file("labels.gz")) }
        #expect(message.hasPrefix(folder.file("labels.gz") + ": bad magic number 0x00000801, expected 0x00000803"))
    }

    @Test("data shorter than the header promises", arguments: [true, false])
    func truncatedData(compressed: Bool) throws {
        let folder = try TemporaryFolder()
        try IDXWriter.write(bytes: [UInt8](repeating: 7, count: 50), magic: IDXHeader.imagesMagic,
                            dimensions: [3, 4, 5], to: folder.file("short"), compressed: compressed)
        let message = datasetErrorMessage { try IDXReader.readImages(at: folder.file("short")) }
        #expect(message == "\(folder.file("short")): truncated: the header promises 3×4×5 unsigned bytes = 60 bytes "
                + "of data, but the file holds only 50")
    }

    @Test("an absurd header is reported without allocating its size")
    func absurdHeader() throws {
        let folder = try TemporaryFolder()
        try IDXWriter.write(bytes: [1, 2, 3], magic: IDXHeader.imagesMagic, dimensions: [100_000, 1000, 1000],
                            to: folder.file("huge.gz"), compressed: true)
        let message = datasetErrorMessage { try IDXReader.readImages(at: folder.file("huge.gz")) }
        #expect(message.contains("huge.gz: truncated") && message.hasSuffix("holds only 3"))
    }

    @Test("data longer than the header says")
    func trailingData() throws {
        let folder = try TemporaryFolder()
        try IDXWriter.write(bytes: [1, 2, 3, 4], magic: IDXHeader.labelsMagic, dimensions: [3],
                            to: folder.file("long.gz"), compressed: true)
        let message = datasetErrorMessage { try IDXReader.readLabels(at: folder.file("long.gz"), classCount: 10) }
        #expect(message == "\(folder.file("long.gz")): longer than its header says: data continue after the 3 bytes of 3 unsigned bytes")
    }

    @Test("a file that ends inside the header")
    func truncatedHeader() throws {
        let folder = try TemporaryFolder()
        try folder.write(bytes: [0, 0, 8, 3, 0, 0], to: "stub")
        let message = datasetErrorMessage { try IDXReader.readImages(at: folder.file("stub")) }
        #expect(message == "\(folder.file("stub")): bad IDX header: the file ends inside the size of dimension 1 of 3")
    }

    @Test("a gzip stream cut short")
    func truncatedGzip() throws {
        let folder = try TemporaryFolder()
        let pixels = fixturePixels(count: 20, rows: 28, columns: 28)
        try IDXWriter.writeImages(pixels, count: 20, rows: 28, columns: 28, to: folder.file("cut.gz"), compressed: true)
        let whole = try folder.bytes(of: "cut.gz")
        try folder.write(bytes: Array(whole.prefix(whole.count / 2)), to: "cut.gz")
        let message = datasetErrorMessage { try IDXReader.readImages(at: folder.file("cut.gz")) }
        #expect(message.hasPrefix(folder.file("cut.gz") + ": gzip error: unexpected end of file"))
    }

    @Test("corrupt compressed data")
    func corruptGzip() throws {
        let folder = try TemporaryFolder()
        let pixels = fixturePixels(count: 20, rows: 28, columns: 28)
        try IDXWriter.writeImages(pixels, count: 20, rows: 28, columns: 28, to: folder.file("bad.gz"), compressed: true)
        var bytes = try folder.bytes(of: "bad.gz")
        for i in 20..<60 { bytes[i] ^= 0x5A }  // scramble the deflate stream after the gzip header
        try folder.write(bytes: bytes, to: "bad.gz")
        let message = datasetErrorMessage { try IDXReader.readImages(at: folder.file("bad.gz")) }
        #expect(message.hasPrefix(folder.file("bad.gz") + ": gzip error:"))
    }

    @Test("a label outside 0..<classCount is named with its position")
    func labelOutOfRange() throws {
        let folder = try TemporaryFolder()
        try IDXWriter.writeLabels([1, 4, 12, 3], to: folder.file("labels"), compressed: false)
        let message = datasetErrorMessage { try IDXReader.readLabels(at: folder.file("labels"), classCount: 10) }
        #expect(message == "\(folder.file("labels")): label 12 of example 2 is out of range; labels must be in 0..<10")
    }

    @Test("a folder is not a file")
    func folderInsteadOfFile() throws {
        let folder = try TemporaryFolder()
        let message = datasetErrorMessage { try IDXReader.readLabels(at: folder.path, classCount: 10) }
        #expect(message == "\(folder.path): is a folder, expected a file")
    }
}
